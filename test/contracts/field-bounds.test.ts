/**
 * Bounds on every request field, table-driven over every action of every contract: each action has valid samples
 * (which must parse), and every string in them — at any depth, in lists and records — replaced by a 1 MB string, a
 * string with a NUL, or one with a right-to-left override must be refused with an issue naming that field. Records and
 * lists are bounded in their counts. A new action without samples here fails the test.
 */
import { FUNCTION_CONTRACTS, MAX_FILE_ITEMS, MAX_PAGES_PER_CLAIM, MAX_PAGES_PER_ITEM } from '@mutual-aid/contracts'

const HASH = 'a'.repeat(64)
const PAGE = `cloud://local-dev.6c6f-local-dev-1300000000/claims/d1/medical_record/${HASH}.jpg`
const FILE = 'cloud://local-dev.6c6f-local-dev-1300000000/staff-reports/unit-1/2021-05.jpg'
const FACTS = {
  disease: 'WH05',
  severity: 'severe',
  eventDate: '2021-05-01',
  causeOfDeath: 'illness',
  hospital: '鄂州市中心医院',
  designatedHospital: true,
  inpatient: true,
  admission: '2021-05-01',
  discharge: '2021-05-20',
  selfPayFen: 100,
  selfFundedFen: 0,
  medicalInsurance: 'employee',
  payee: { name: '张伟', bank: '中国工商银行鄂州分行', account: '6222020000000000001' },
}
const FILES = { medical_record: [PAGE] }
const ref = { claimId: 'claim-WH2021-000001', version: 3 }

/** Valid inputs of every action (several where the input is a union). */
const SAMPLES: Record<string, Record<string, Record<string, unknown>[]>> = {
  auth: {
    whoami: [{}],
    bindWorker: [{ name: '张伟', idNumber: '420702197001011010' }],
    acceptInvite: [{ code: '12345678', name: '李红梅' }],
  },
  units: {
    create: [{ name: '明湖精密机械有限公司', uscc: '91420700MA4F0K2X13', unitType: 'soe', finance: false, family: 'WH', agentId: 'agent-chengqu', contactName: '李红梅', contactPhone: '13800000001', address: '城区明湖路 18 号' }],
    update: [{ unitId: 'unit-wh-minghu', version: 1, changedOn: '2021-06-01', changes: { name: '明湖精密机械股份有限公司', address: '城区明湖路 20 号', contactName: '王芳', contactPhone: '0711-3456789' } }],
    list: [{ query: '明湖', skip: 0, limit: 20 }, { query: '明湖', cursor: 'WyIyMDIxLTA2LTE1IiwiV0gyMDIxLTAwMDAwMSJd', limit: 20 }],
    get: [{ unitId: 'unit-wh-minghu' }],
    createInvite: [{ unitId: 'unit-wh-minghu' }],
    recordStaffReport: [{ unitId: 'unit-wh-minghu', month: '2021-05', headcount: 36, fileID: FILE }],
    listAgents: [{}],
    auditLog: [{}, { entity: 'claim', entityId: 'claim-WH2021-000001', cursor: 'WyIyMDIxLTA2LTE1IiwiV0gyMDIxLTAwMDAwMSJd', limit: 50 }],
  },
  roster: {
    import: [{ fileID: 'cloud://local-dev.6c6f-local-dev-1300000000/roster-imports/unit-1/1623744000000.xlsx' }],
    template: [{}],
    add: [{ name: '张伟', idNumber: '420702197001011010', hireDate: '2020-01-01', status: 'in_service' }],
    list: [{ unitId: 'unit-wh-minghu', query: '张', status: 'in_service', skip: 0, limit: 50 }, { unitId: 'unit-wh-minghu', cursor: 'WyIyMDIxLTA2LTE1IiwiV0gyMDIxLTAwMDAwMSJd', limit: 50 }],
    setStatus: [{ personId: 'unit-wh-minghu-p001', version: 1, status: 'left' }],
  },
  enrolment: {
    prepare: [{ year: 2021, unitId: 'unit-wh-minghu' }],
    people: [{ year: 2021, unitId: 'unit-wh-minghu', list: 'in_service', query: '张', limit: 30 }, { year: 2021, list: 'enrolled', cursor: 'WyIyMDIxLTA2LTE1IiwiV0gyMDIxLTAwMDAwMSJd' }],
    submit: [
      { year: 2021, personIds: ['p1', 'p2'], shares: 2, products: ['critical'], enrolmentId: 'e1', version: 1 },
      { year: 2021, allExcept: { rosterRevision: 3, count: 250, except: ['p1'] }, shares: 2, products: ['critical'] },
    ],
    review: [{ enrolmentId: 'e1', version: 1, decision: 'return', reason: '请补充职工月报' }],
    recordPayment: [{ enrolmentId: 'e1', version: 2, amountFen: 100_00, paidOn: '2021-06-01', reference: 'BANK-20210601-1', receiptFileID: FILE }],
    list: [{ status: 'paid', year: 2021, skip: 0, limit: 20 }, { status: 'paid', cursor: 'WyIyMDIxLTA2LTE1IiwiV0gyMDIxLTAwMDAwMSJd' }],
    get: [{ enrolmentId: 'e1', query: '张', skip: 0, limit: 50 }, { enrolmentId: 'e1', cursor: 'WyIyMDIxLTA2LTE1IiwiV0gyMDIxLTAwMDAwMSJd' }],
    certificate: [{ unitId: 'unit-wh-minghu', year: 2021, skip: 0, limit: 50, mine: true }, { unitId: 'unit-wh-minghu', cursor: 'WyIyMDIxLTA2LTE1IiwiV0gyMDIxLTAwMDAwMSJd' }],
    myCoverage: [{}],
    addNewHires: [{ year: 2021, personIds: ['p1'] }],
    replace: [{ year: 2021, outPersonIds: ['p1'], inPersonIds: ['p2'] }],
    receiptUrl: [{ enrolmentId: 'e1' }],
    badges: [{}],
    paymentSettings: [{}],
    setPaymentSettings: [{ version: 0, settings: { WH: { accountName: '职工医疗互助办公室', bank: '中国工商银行鄂州分行', accountNumber: '6222 0200 0000 0000 001', phone: '0711-3200000' }, TZ: { accountName: '职工服务中心互助专户', bank: '中国农业银行台州分行', accountNumber: '6228 0000 0000 0000 002', phone: '0576-88000000' } } }],
  },
  claims: {
    prepare: [{ target: { mode: 'beneficiary', name: '李晓东', residentId: '420702198411231256' } }, { target: { mode: 'on_behalf', personId: 'p1' } }],
    rosterForClaims: [{}],
    consent: [{ kind: 'medical_info', version: '2021-01' }],
    saveDraft: [{ draftId: 'd1', version: 1, target: { mode: 'on_behalf', personId: 'p1' }, participationId: 'part-1', product: 'critical', kind: 'illness', facts: FACTS, files: FILES }],
    getDraft: [{ draftId: 'd1' }],
    myDrafts: [{}],
    draftFileUrls: [{ draftId: 'd1' }, { draftId: 'resubmit-claim-WH2021-000001' }],
    submit: [{ draftId: 'd1', idempotencyKey: 'k1234567890' }],
    get: [{ claimId: ref.claimId }],
    mine: [{}, { cursor: 'WyIyMDIxLTA2LTE1IiwiV0gyMDIxLTAwMDAwMSJd', limit: 20 }],
    queue: [{ status: 'submitted', family: 'WH', agentId: 'agent-chengqu' }, { status: 'submitted', cursor: 'WyIyMDIxLTA2LTE1IiwiV0gyMDIxLTAwMDAwMSJd', limit: 20 }],
    photoUrls: [{ claimId: ref.claimId }],
    confirm: [ref],
    return: [{ ...ref, reason: '出院小结第 2 页不清晰' }],
    saveResubmission: [{ claimId: ref.claimId, files: FILES, note: '已重新拍摄' }, { claimId: ref.claimId, files: FILES, facts: FACTS }],
    resubmit: [{ ...ref, facts: FACTS, files: FILES, note: '已重新拍摄' }],
    decide: [
      { ...ref, outcome: 'approve', amountFen: 100_00, note: '部分费用不符' },
      { ...ref, outcome: 'reject', reasonCode: 'FRAUD', note: '材料与病历不符' },
    ],
    confirmApproval: [ref],
    returnProposal: [{ ...ref, reason: '提高金额缺少依据' }],
    markPaid: [{ ...ref, paidOn: '2021-06-15', reference: 'BANK-0001' }],
    ledger: [{ family: 'WH', year: 2021 }, { family: 'WH', cursor: 'WyIyMDIxLTA2LTE1IiwiV0gyMDIxLTAwMDAwMSJd', limit: 20 }],
    acceptProposal: [{ ...ref, payee: FACTS.payee }],
    declineProposal: [ref, { ...ref, reason: '已在单位报销' }],
    withdraw: [ref, { ...ref, reason: '提交错了，改为领取医保结算生成的补助' }],
    badges: [{}],
  },
  messages: {
    list: [{ limit: 20, skip: 0 }, { cursor: 'WyIyMDIxLTA2LTE1IiwiV0gyMDIxLTAwMDAwMSJd', limit: 20 }],
    markRead: [{ ids: ['m1', 'm2'], all: false }],
    unreadCount: [{}],
  },
  settlements: {
    template: [{}],
    import: [{ fileID: 'cloud://local-dev.6c6f-local-dev-1300000000/settlement-imports/demo-office-01/2021-05.xlsx' }],
    continue: [{ importId: 'imp-abc123' }],
    imports: [{}],
    rows: [{ importId: 'imp-abc123' }, { importId: 'imp-abc123', state: 'unmatched', cursor: '120', limit: 50 }],
  },
  schemes: {
    list: [{}],
    get: [{ schemeId: 'tz-2022' }],
    announceFees: [{
      schemeId: 'tz-2022',
      fees: [
        { per: 'person_month', product: 'inpatient', byUnitType: { agency: 600, institution: 600, social_org: 600, soe: 600, private_non_enterprise: 600, private: 400 }, financeFen: 600, basis: '台总工〔2021〕20号 一' },
        { per: 'person_period', product: 'female', fen: 2000, onlySex: 'female', basis: '台总工〔2021〕20号 三' },
      ],
      notice: '台总工〔2021〕20号',
      announcedOn: '2021-10-12',
    }],
    createDraft: [{ baseId: 'wh-2020', year: 2022 }],
    getDraft: [{ draftId: 'draft-wh-2022-1a2b3c4d' }],
    saveDraft: [{
      draftId: 'draft-wh-2022-1a2b3c4d',
      version: 2,
      scheme: { id: 'wh-2022', name: '武汉城市圈职工重大疾病医疗互助（2022年版办法）', shares: { min: 1, max: 3, basis: '第六条' }, diseases: { critical: [{ code: 'WH05', name: '白血病', basis: '第二条⑸' }] } },
    }],
    preview: [{ draftId: 'draft-wh-2022-1a2b3c4d' }],
    publish: [{ draftId: 'draft-wh-2022-1a2b3c4d', version: 3 }],
    discardDraft: [{ draftId: 'draft-wh-2022-1a2b3c4d', version: 3 }],
  },
  reminders: {
    recent: [{ limit: 30 }],
  },
  fund: {
    report: [{ family: 'WH', year: 2021, agentId: 'agent-chengqu', unitId: 'unit-wh-minghu' }, { family: 'TZ' }],
    exportReport: [{ family: 'WH', year: 2021, agentId: 'agent-chengqu' }],
    payable: [{ family: 'WH', agentId: 'agent-chengqu', cursor: 'WH2021-000001', limit: 50 }],
    createBatch: [{ requestId: 'r0123456789abcdef', claimIds: [ref.claimId, 'claim-WH2021-000002'] }],
    batches: [{ cursor: '1623715200000.batch-r0123456789', limit: 20 }],
    batch: [{ batchId: 'batch-r0123456789abcdef' }],
    batchFile: [{ batchId: 'batch-r0123456789abcdef' }],
    markSent: [{ batchId: 'batch-r0123456789abcdef', version: 2 }],
    continueBatch: [{ batchId: 'batch-r0123456789abcdef' }],
    cancelBatch: [{ batchId: 'batch-r0123456789abcdef', version: 2 }],
    importResult: [{ batchId: 'batch-r0123456789abcdef', fileID: 'cloud://local-dev.6c6f-local-dev-1300000000/bank-results/batch-r0123456789abcdef/1.xlsx' }],
    continueResult: [{ batchId: 'batch-r0123456789abcdef' }],
  },
}

type Path = (string | number)[]

/** Every string leaf of a value, with its path. */
function stringLeaves(value: unknown, path: Path = []): Path[] {
  if (typeof value === 'string') return [path]
  if (Array.isArray(value)) return value.flatMap((v, i) => stringLeaves(v, [...path, i]))
  if (value && typeof value === 'object') return Object.entries(value).flatMap(([k, v]) => stringLeaves(v, [...path, k]))
  return []
}

function replaced(value: any, path: Path, leaf: unknown): any {
  if (path.length === 0) return leaf
  const [head, ...rest] = path
  const copy = Array.isArray(value) ? [...value] : { ...value }
  copy[head as any] = replaced(value[head as any], rest, leaf)
  return copy
}

const BAD: [what: string, make: (ok: string) => string][] = [
  ['a 1 MB string', () => 'x'.repeat(1_000_000)],
  ['a NUL character', (ok) => `${ok.slice(0, 1)}\u0000${ok.slice(1)}`],
  ['a right-to-left override', (ok) => `${ok.slice(0, 1)}\u202E${ok.slice(1)}`],
]

const cases = Object.entries(SAMPLES).flatMap(([fn, actions]) =>
  Object.entries(actions).flatMap(([action, samples]) => samples.map((sample, i) => [`${fn}.${action}${samples.length > 1 ? ` #${i + 1}` : ''}`, fn, action, sample] as const)),
)

const schemaOf = (fn: string, action: string) => (FUNCTION_CONTRACTS as any)[fn].actions[action].input

test('every action of every contract has samples here', () => {
  const actions = Object.entries(FUNCTION_CONTRACTS).flatMap(([fn, c]) => Object.keys(c.actions).map((a) => `${fn}.${a}`))
  const sampled = Object.entries(SAMPLES).flatMap(([fn, a]) => Object.keys(a).map((x) => `${fn}.${x}`))
  expect(sampled.sort()).toEqual(actions.sort())
})

let refusals = 0
afterAll(() => console.log(`[field-bounds] ${cases.length} samples, ${refusals} bad values refused, each naming its field`))

describe.each(cases)('%s', (_name, fn, action, sample) => {
  const schema = schemaOf(fn, action)
  it('the sample is valid', () => {
    const r = schema.safeParse(sample)
    expect(r.success ? 'ok' : r.error.issues).toBe('ok')
  })
  const leaves = stringLeaves(sample)
  if (leaves.length === 0) return
  it.each(BAD)('every string field refuses %s, naming the field', (_what, make) => {
    for (const path of leaves) {
      const ok = path.reduce((v: any, k) => v[k], sample) as string
      const r = schema.safeParse(replaced(sample, path, make(ok)))
      expect([path.join('.'), r.success]).toEqual([path.join('.'), false])
      const named = r.error!.issues.some((issue: { path: Path }) => issue.path.slice(0, path.length).join('.') === path.join('.'))
      expect([path.join('.'), named]).toEqual([path.join('.'), true])
      refusals += 1
    }
  })
})

describe('counts: records and lists', () => {
  const saveDraft = schemaOf('claims', 'saveDraft')
  const base = SAMPLES.claims.saveDraft[0]
  const table: [what: string, input: Record<string, unknown>, field: string, message: string][] = [
    ['a claim files object with 60,000 keys', { ...base, files: Object.fromEntries(Array.from({ length: 60_000 }, (_, i) => [`k${i}`, [PAGE]])) }, 'files', `最多 ${MAX_FILE_ITEMS} 项`],
    ['an item with more than 20 pages', { ...base, files: { medical_record: Array(MAX_PAGES_PER_ITEM + 1).fill(PAGE) } }, 'files.medical_record', `最多 ${MAX_PAGES_PER_ITEM} 页`],
    ['more than 60 pages in all', { ...base, files: Object.fromEntries(['a', 'b', 'c', 'd'].map((k) => [k, Array(16).fill(PAGE)])) }, 'files', `最多 ${MAX_PAGES_PER_CLAIM} 页`],
    ['a files key with a NUL', { ...base, files: { 'medical\u0000record': [PAGE] } }, 'files', '材料项目'],
    ['a fileID that is not a cloud file', { ...base, files: { medical_record: ['https://evil.example/x.jpg'] } }, 'files.medical_record.0', '文件标识'],
    ['a fileID with a .. segment', { ...base, files: { medical_record: ['cloud://env.b/claims/../x.jpg'] } }, 'files.medical_record.0', '文件标识'],
  ]
  it.each(table)('%s', (_what, input, field, message) => {
    const started = Date.now()
    const r = saveDraft.safeParse(input)
    expect(r.success).toBe(false)
    const issue = r.error.issues.find((i: { path: Path }) => i.path.join('.').startsWith(field))
    expect(issue?.message ?? JSON.stringify(r.error.issues.slice(0, 2))).toContain(message)
    // Refused at once, not after parsing every entry.
    expect(r.error.issues.length).toBeLessThanOrEqual(MAX_PAGES_PER_ITEM + 2)
    expect(Date.now() - started).toBeLessThan(5_000)
  })

  it('a declaration of more than 20,000 people and more than 100 messages at once', () => {
    expect(schemaOf('enrolment', 'submit').safeParse({ ...SAMPLES.enrolment.submit[0], personIds: Array(20_001).fill('p1') }).success).toBe(false)
    expect(schemaOf('messages', 'markRead').safeParse({ ids: Array(101).fill('m1') }).success).toBe(false)
  })
})
