/**
 * Approving a claim applies what the rules say the payout ends (`onPayout` of the assessment), with no family branching
 * in the function: a TZ critical-illness payout ends the critical product only (台总工〔2021〕8号 四(二)3 [I-9]) — a
 * second critical claim is then refused while an inpatient claim still pays and adds its allowance days. (WH: any
 * payout ends the whole coverage — claim-flow.test.ts; TZ inpatient days — claim-access.test.ts.)
 */
import { CLERK_TZ, OFFICE, PAYEE, WORKER_TZ, confirmToOffice, fileClaim, okData, startSuite, type Suite } from './helpers'

let s: Suite
const PART = 'part-2021-unit-tz-haiyue-p001'

beforeAll(async () => {
  s = await startSuite()
  const now = new Date()
  await s.db.collection('participations').add({
    data: {
      _id: PART, enrolmentId: 'enrol-tz-test', unitId: 'unit-tz-haiyue', agentId: 'agent-chengqu', personId: 'unit-tz-haiyue-p001',
      idHash: 'test-hash-tz-p001', name: '余静', sex: 'female', family: 'TZ', schemeId: 'tz-2021', year: 2021,
      products: ['inpatient', 'critical', 'female'], shares: 1, firstTime: true, status: 'active', coverageStart: '2021-04-01',
      coverageEnd: '2021-12-31', endedProducts: [], inpatientDaysUsed: 0, priorDiseases: [], version: 1, createdAt: now, updatedAt: now,
    },
  })
})
afterAll(async () => {
  await s?.emu.stop()
})

const payee = { ...PAYEE, name: '余静' }
const CRITICAL = { disease: '恶性肿瘤', severity: 'severe', eventDate: '2021-05-10', hospital: '台州市中心医院', designatedHospital: true, inpatient: true, admission: '2021-05-10', discharge: '2021-05-20', payee }
const CRITICAL_ITEMS = ['participant_id', 'diagnosis_proof', 'diagnostic_reports', 'medical_record']
const participation = async () => (await s.db.collection('participations').where({ _id: PART }).get()).data[0]

async function fileAndApprove(o: Parameters<typeof fileClaim>[2]): Promise<{ claimId: string; got: any }> {
  const claimId = okData((await fileClaim(s, WORKER_TZ, o)).submit).claimId
  await confirmToOffice(s, claimId, CLERK_TZ)
  const got = okData(await s.call(OFFICE, 'get', { claimId }))
  if (got.assessmentAtSubmit.payable) okData(await s.call(OFFICE, 'decide', { claimId, version: got.version, outcome: 'approve' }))
  return { claimId, got }
}

it('a TZ critical payout ends the critical product only, as the rules computed it', async () => {
  const { claimId, got } = await fileAndApprove({ product: 'critical', kind: 'illness', facts: CRITICAL, items: CRITICAL_ITEMS })
  expect(got.assessmentAtSubmit).toMatchObject({ payable: true, amountFen: 500_000, onPayout: { endsProducts: ['critical'], allowanceDays: 0 } })
  expect(await participation()).toMatchObject({ endedProducts: ['critical'], inpatientDaysUsed: 0, version: 2 })
  const audit = (await s.db.collection('audit').where({ action: 'participation.payout_effect', entityId: PART }).get()).data
  expect(audit).toHaveLength(1)
  expect(audit[0].after).toMatchObject({ claimId, product: 'critical', endsProducts: ['critical'], allowanceDays: 0, basis: '台总工〔2021〕8号 四(二)3 [I-9]' })
})

it('a second critical claim is then refused; an inpatient claim still pays and adds its allowance days', async () => {
  const again = await fileAndApprove({ product: 'critical', kind: 'illness', facts: { ...CRITICAL, disease: '严重慢性肾衰竭', eventDate: '2021-07-01', admission: '2021-07-01', discharge: '2021-07-05' }, items: CRITICAL_ITEMS })
  expect(again.got.assessmentAtSubmit.payable).toBe(false)
  expect(again.got.assessmentAtSubmit.reasons.map((r: any) => r.code)).toContain('COVERAGE_ENDED')
  const stay = await fileAndApprove({
    product: 'inpatient',
    kind: 'inpatient',
    facts: { hospital: '台州市中心医院', designatedHospital: true, admission: '2021-08-01', discharge: '2021-08-08', selfPayFen: 100_000, selfFundedFen: 0, medicalInsurance: 'employee', payee },
    items: ['participant_id', 'inpatient_receipts', 'settlement_statement', 'discharge_summary'],
  })
  expect(stay.got.assessmentAtSubmit).toMatchObject({ payable: true, onPayout: { endsProducts: [], allowanceDays: 7 } })
  expect(await participation()).toMatchObject({ endedProducts: ['critical'], inpatientDaysUsed: 7 })
})
