import { existsSync, readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { getScheme, listDiseases, listSchemes, schemeForPeriod, SCHEME_IDS, type Scheme } from '@mutual-aid/shared-rules'

/**
 * The seed documents (the authority), whitespace removed; empty where this checkout has no seeds. They live in the
 * `shared/` folder beside the repository (as on the developers' machines and in CI).
 */
function seed(file: string): string {
  const path = resolve(__dirname, '../../../shared/seeds', file)
  return existsSync(path) ? readFileSync(path, 'utf8').replace(/\s+/g, '') : ''
}
const WH_SEED = seed('000_6648af341bcacb62.txt')
const TZ_SEED = seed('003_85c8d3826e02d649.txt')
const seedsAvailable = WH_SEED.length > 0 && TZ_SEED.length > 0

/** Every `basis` string anywhere in a scheme object. */
function bases(value: unknown, out: string[] = []): string[] {
  if (Array.isArray(value)) value.forEach((v) => bases(v, out))
  else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      if (k === 'basis' || k.endsWith('Basis')) {
        if (typeof v === 'string') out.push(v)
        else bases(v, out)
      } else bases(v, out)
    }
  }
  return out
}

describe('schemes as versioned data', () => {
  it('lists the three schemes, each retrievable by id', () => {
    expect(listSchemes().map((s) => s.id)).toEqual(['wh-2020', 'tz-2021', 'tz-2022'])
    for (const id of SCHEME_IDS) expect(getScheme(id).id).toBe(id)
    expect(() => getScheme('tz-2023' as never)).toThrow(RangeError)
  })
  it('schemeForPeriod picks the version for a year', () => {
    expect(schemeForPeriod('WH', 2021)?.id).toBe('wh-2020')
    expect(schemeForPeriod('WH', 2019)).toBeUndefined()
    expect(schemeForPeriod('TZ', 2021)?.id).toBe('tz-2021')
    expect(schemeForPeriod('TZ', 2022)?.id).toBe('tz-2022')
    expect(schemeForPeriod('TZ', 2023)).toBeUndefined()
  })
  it.each(listSchemes().map((s) => [s.id, s] as [string, Scheme]))('%s: every number rests on an article or an [I-n] reading', (_id, scheme) => {
    const all = bases(scheme)
    expect(all.length).toBeGreaterThan(10)
    for (const b of all) expect(b).toMatch(/第.+条|台总工〔2021〕8号|\[I-\d+\]|民法典/)
  })
})

describe('disease lists', () => {
  it('WH01–WH16 in the order of 第二条, with 第二十二条 definitions, names as printed in the seed', () => {
    const list = listDiseases('wh-2020', 'critical')
    expect(list.map((d) => d.code)).toEqual(Array.from({ length: 16 }, (_, i) => `WH${String(i + 1).padStart(2, '0')}`))
    expect(list.map((d) => d.name)).toEqual([
      '恶性肿瘤', '依赖血透、腹透的慢性肾功能衰竭', '冠状动脉搭桥及支架植入术', '再生障碍性贫血', '白血病', '重型肝炎', '良性脑肿瘤', '脑动脉瘤',
      '心脏瓣膜置换术', '意外伤害致关节功能完全丧失', '严重烧伤Ⅲ度面积达全身20%以上', '急性重症胰腺炎', '肾、肝、心、肺、骨髓及联合移植术', '主动脉手术',
      '急性脊髓灰质炎引起的截瘫', '阿尔兹海默氏症',
    ])
    for (const d of list) {
      expect(d.definition).toBeTruthy()
      if (seedsAvailable) {
        expect(WH_SEED).toContain(d.name)
        expect(WH_SEED).toContain(d.definition!.replace(/\s+/g, ''))
      }
    }
  })
  it('TZ critical: 28 severe + the three mild forms named as in the seed', () => {
    const list = listDiseases('tz-2021', 'critical')
    expect(list.filter((d) => !d.mild)).toHaveLength(28)
    const mild = list.filter((d) => d.mild).map((d) => d.name)
    expect(mild).toEqual(['恶性肿瘤-轻度', '较轻急性心肌梗死', '轻度脑中风后遗症'])
    if (seedsAvailable) for (const name of mild) expect(TZ_SEED).toContain(name)
    expect(listDiseases('tz-2022', 'critical')).toEqual(list)
  })
  it("TZ women's list: seven primary female-specific cancers; inpatient has no list", () => {
    expect(listDiseases('tz-2021', 'female').map((d) => d.name)).toEqual(['乳腺癌', '宫颈癌', '卵巢癌', '子宫内膜癌', '输卵管癌', '外阴癌', '阴道癌'])
    expect(listDiseases('tz-2021', 'inpatient')).toEqual([])
  })
})

describe('numbers match the seeds', () => {
  it('WH rates, shares, windows and deadlines', () => {
    const s = getScheme('wh-2020')
    if (s.family !== 'WH') throw new Error('family')
    expect(s.fees).toEqual([expect.objectContaining({ firstTimeFen: 500, renewingFen: 400 })])
    expect([s.shares.min, s.shares.max]).toEqual([1, 3])
    expect(s.observationDays).toBe(90)
    expect(s.claimDeadline.days).toBe(120)
    expect(s.review?.workingDays).toBe(30)
    expect(s.participation.soe).toEqual(expect.objectContaining({ minPercent: 80, allIfStaffAtMost: 30 }))
    if (seedsAvailable) {
      for (const text of ['首次参加互助的职工5元/月', '续保的职工为4元/月', '每份额10000元', '第31天至60天为1000元', '第61天至90天为2000元', '给付3000元', '给付5000元', '120天内', '30个工作日内', '80%', '90天观察期']) {
        expect(WH_SEED).toContain(text)
      }
    }
  })
  it('TZ dates, fees and benefits', () => {
    const s = getScheme('tz-2021')
    if (s.family !== 'TZ') throw new Error('family')
    expect([s.activity.from, s.activity.to, s.enrolment.to, s.claims.to]).toEqual(['2021-04-01', '2021-12-31', '2021-06-30', '2022-03-31'])
    expect(s.inpatient).toEqual(expect.objectContaining({ allowancePerDayFen: 3000, allowanceMaxDays: 30, subsidyPercent: { employee: 60, resident: 50 }, subsidyCapFen: null }))
    expect([s.critical.severeFen, s.critical.mildFen, s.female.fen]).toEqual([500000, 200000, 500000])
    expect(getScheme('tz-2022').fees).toBeNull()
    if (seedsAvailable) {
      for (const text of ['每人每月5元', '每人每月3元', '每期每人15元', '每日30元，最多30天', '按60%计算', '按50%计算', '互助保障金5000元', '互助保障金2000元', '2022年3月31日', '2023年3月31日', '2021年10月10日', '不少于10人', '70%以上', '20％以内', '2022年度缴费标准将另行通知']) {
        expect(TZ_SEED).toContain(text)
      }
    }
  })
})
