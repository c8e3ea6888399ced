import fc from 'fast-check'

/**
 * How hard the property tests search. `npm test` runs today's counts; a deep run multiplies every property's runs and
 * fixes the seed, e.g. `FC_RUNS_SCALE=20 FC_SEED=2 CI=true npx jest test/shared-rules/properties.test.ts`.
 * A malformed value is an error, never a silent fallback to the ordinary counts.
 */
function readEnv(name: string, valid: (n: number) => boolean): number | undefined {
  const raw = process.env[name]
  if (raw === undefined || raw === '') return undefined
  const n = Number(raw)
  if (!valid(n)) throw new Error(`${name}=${raw}: expected ${name === 'FC_RUNS_SCALE' ? 'a positive integer' : 'an integer'}`)
  return n
}

export const RUNS_SCALE = readEnv('FC_RUNS_SCALE', (n) => Number.isInteger(n) && n >= 1) ?? 1
export const RUNS_SEED = readEnv('FC_SEED', Number.isInteger)

/**
 * A property's parameters as this run wants them: its own run count times `FC_RUNS_SCALE`, and `FC_SEED` in place of
 * its own seed when set (fast-check lets local parameters override the global ones, so the scale must be applied
 * here, where the count is written).
 */
export function scaledRuns<P extends fc.Parameters<never>>(params: P): P {
  return { ...params, numRuns: (params.numRuns ?? 100) * RUNS_SCALE, ...(RUNS_SEED === undefined ? {} : { seed: RUNS_SEED }) }
}

/** For properties that name no parameters: the global defaults, scaled and seeded the same way (jest setupFiles). */
export function configureRuns(): void {
  if (RUNS_SCALE === 1 && RUNS_SEED === undefined) return
  fc.configureGlobal({ ...fc.readConfigureGlobal(), numRuns: 100 * RUNS_SCALE, ...(RUNS_SEED === undefined ? {} : { seed: RUNS_SEED }) })
}
