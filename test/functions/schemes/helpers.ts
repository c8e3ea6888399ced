/**
 * Fixtures for the scheme-management and reminder tests: an emulator on a pinned business date that can be restarted
 * on the same data at a later date (the year goes on), the demo seed, and calls checked against the contracts.
 */
import { startEmulator, type StartOptions } from '../../helpers/emulator'
import { appCaller, okOf, type CallingSuite } from '../../helpers/calls'
import { seedDemo } from '../../../scripts/seed'
import { localCloud } from '../../../scripts/sdk-env'

export { AGENT, CLERK_TZ, CLERK_WH, OFFICE, TZ_UNIT, WH_UNIT, WORKER_TZ, WORKER_WH } from '../enrolment/helpers'

export interface Year extends CallingSuite {
  today: string
  /** Stops this emulator and starts one on the same data at `today` (the business clock moves on). */
  moveTo(today: string): Promise<Year>
}

export async function startYear(today: string, options: Omit<StartOptions, 'env' | 'dataDir'> & { dataDir?: string; seed?: boolean } = {}): Promise<Year> {
  const { seed = true, dataDir, ...rest } = options
  const emu = await startEmulator({ ...rest, dataDir, env: { MUTUAL_AID_TODAY: today } })
  const db = localCloud(emu.url).database()
  if (seed) await seedDemo(emu.url)
  const call = appCaller(emu)
  const year: Year = {
    emu,
    db,
    today,
    call,
    ok: okOf(call),
    async moveTo(next) {
      await emu.stop()
      return startYear(next, { ...rest, dataDir: emu.dataDir, seed: false })
    },
  }
  return year
}

/** Fictitious TZ 2022 fees, as the office would announce them (台总工〔2021〕20号 is invented for the tests). */
export const TZ_2022_NOTICE = '台总工〔2021〕20号'
export const TZ_2022_FEES = [
  { per: 'person_month', product: 'inpatient', byUnitType: { agency: 600, institution: 600, social_org: 600, soe: 600, private_non_enterprise: 600, private: 400 }, financeFen: 600, basis: `${TZ_2022_NOTICE} 一` },
  { per: 'person_period', product: 'critical', fen: 2000, basis: `${TZ_2022_NOTICE} 二` },
  { per: 'person_period', product: 'female', fen: 2000, onlySex: 'female', basis: `${TZ_2022_NOTICE} 三` },
]
