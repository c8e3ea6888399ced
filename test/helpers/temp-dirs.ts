/**
 * Where the test emulators keep their data: one folder per emulator under the system temp directory, named for the
 * `npm test` run that made it, so the run's global teardown removes its own folders (and never another engineer's
 * run on the same machine that is still going).
 */
import { readdirSync, rmSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'

export const TEMP_PREFIX = 'mutual-aid-emulator-'

/** The run id global setup put in the environment (workers inherit it); `solo` for a file run outside jest's setup. */
export function runPrefix(): string {
  return `${TEMP_PREFIX}${process.env.MUTUAL_AID_TEST_RUN ?? 'solo'}-`
}

/** Removes this run's data folders; answers how many. */
export function removeRunDirs(prefix: string): number {
  let removed = 0
  for (const name of readdirSync(os.tmpdir())) {
    if (!name.startsWith(prefix)) continue
    rmSync(path.join(os.tmpdir(), name), { recursive: true, force: true })
    removed += 1
  }
  return removed
}
