/**
 * Enrolment at scale on the local emulator: a 10,000-person roster file is imported (one call), confirmed (prepare:
 * the roster's counts, ratio and quote; the people a page at a time) and declared as "everyone" (over a few calls),
 * then approved and paid (coverage for all 10,000).
 * Prints seconds per step. Target: each step in seconds. Run alone: `npx tsx test/bench/enrolment-bench.ts`.
 */
import { startEmulator } from '../helpers/emulator'
import { localCloud } from '../../scripts/sdk-env'
import { seedDemo } from '../../scripts/seed'
import { makeRows, rosterXlsx } from '../fixtures/rosters/make-roster'

const PEOPLE = 10_000
const CLERK = 'demo-clerk-tz'
const AGENT = 'demo-agent-01'
const OFFICE = 'demo-office-01'
const UNIT = 'unit-tz-haiyue'

export async function runEnrolmentBench(): Promise<void> {
  // 2021-06-15 is inside the TZ 2021 enrolment window.
  const emu = await startEmulator({ env: { MUTUAL_AID_TODAY: '2021-06-15' } })
  try {
    const cloud = localCloud(emu.url)
    await seedDemo(emu.url)
    const call = async (fn: string, openid: string, action: string, input: Record<string, unknown> = {}) => {
      const answer = await emu.callFunction(fn, { action, ...input }, { openid })
      if (!answer?.ok) throw new Error(`${fn}.${action}: ${JSON.stringify(answer).slice(0, 300)}`)
      return answer.data
    }
    const timed = async <T>(label: string, body: () => Promise<T>): Promise<T> => {
      const started = process.hrtime.bigint()
      const result = await body()
      const seconds = Number(process.hrtime.bigint() - started) / 1e9
      console.log(`${label.padEnd(44)} ${seconds.toFixed(2)} s`)
      return result
    }

    const file = await timed(`build a ${PEOPLE.toLocaleString('en')}-row xlsx`, () => rosterXlsx(makeRows(PEOPLE, { offset: 20_000 })))
    console.log(`${'  file size'.padEnd(44)} ${(file.length / 1024).toFixed(0)} KB`)
    const { fileID } = await cloud.uploadFile({ cloudPath: `roster-imports/${UNIT}/bench.xlsx`, fileContent: file })
    const imported = await timed('roster.import (one call, validated rows)', () => call('roster', CLERK, 'import', { fileID }))
    if (imported.imported !== PEOPLE) throw new Error(`imported ${imported.imported} of ${PEOPLE}`)
    await call('units', CLERK, 'recordStaffReport', { month: '2021-05', headcount: PEOPLE + 14 })
    const prepared = await timed('enrolment.prepare (counts, ratio, quote)', () => call('enrolment', CLERK, 'prepare', {}))
    const first = await timed('enrolment.people (first page of 30)', () => call('enrolment', CLERK, 'people', { year: 2021, limit: 30 }))
    console.log(`${'  answers'.padEnd(44)} prepare ${(JSON.stringify(prepared).length / 1024).toFixed(1)} KB, first page ${(JSON.stringify(first).length / 1024).toFixed(1)} KB of ${first.total} people`)
    const allExcept = { rosterRevision: prepared.roster.revision, count: prepared.roster.declarable, except: [] }
    // As the app does: the same submit again while it answers 处理中.
    const declared = await timed(`enrolment.submit (everyone: ${prepared.roster.declarable.toLocaleString('en')} people, until done)`, async () => {
      for (let calls = 1; ; calls++) {
        const answer = await call('enrolment', CLERK, 'submit', { year: 2021, allExcept, products: ['inpatient', 'critical', 'female'] })
        if (answer.state !== 'processing') {
          console.log(`${'  calls'.padEnd(44)} ${calls}`)
          return answer
        }
      }
    })
    const reviewed = await timed('enrolment.review (approve)', () => call('enrolment', AGENT, 'review', { enrolmentId: declared.enrolmentId, version: declared.version, decision: 'approve' }))
    await timed('enrolment.recordPayment (coverage for all)', () =>
      call('enrolment', OFFICE, 'recordPayment', { enrolmentId: declared.enrolmentId, version: reviewed.version, amountFen: declared.totalFen, paidOn: '2021-06-15', reference: 'BENCH' }),
    )
    const cert = await timed('enrolment.certificate (unit, first page)', () => call('enrolment', CLERK, 'certificate', { limit: 50 }))
    console.log(`${'  participants covered'.padEnd(44)} ${cert.participants.total.toLocaleString('en')} (quote ${(declared.totalFen / 100).toLocaleString('en')} 元)`)
  } finally {
    await emu.stop()
  }
}

if (require.main === module) {
  runEnrolmentBench().catch((err) => {
    console.error(err)
    process.exit(1)
  })
}
