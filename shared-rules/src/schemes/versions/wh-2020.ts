import type { ParticipationRule, WhScheme } from '../types'

const DOC = '《武汉城市圈职工重大疾病医疗互助办法》'
const DEF = '第二十二条'

/** WH 第四条: ≥ 80 % of staff; units with ≤ 30 staff enrol 100 %. Same for every unit type. */
const RATIO: ParticipationRule = { minPercent: 80, allIfStaffAtMost: 30, minCount: null, basis: '第四条' }

/**
 * Scheme WH, rules of 2020 (in force since 2020-01-01, 第二十八条). One product, 1–3 shares,
 * calendar-year periods, 90-day observation period for first-time participants.
 * Source: seed `000_6648af341bcacb62.txt` (鄂州工办字[2021]1号 and its attachment).
 */
export const WH_2020 = {
  id: 'wh-2020',
  family: 'WH',
  name: '武汉城市圈职工重大疾病医疗互助（2020年版办法）',
  document: DOC,
  effectiveFrom: '2020-01-01',
  products: [
    // Any payout (medical benefit, consolation or death benefit) ends the participant's coverage for the period.
    { id: 'critical', name: '重大疾病医疗互助', basis: '第二条', payout: { ends: 'coverage', basis: '第七条、第八条、第十条' } },
  ],
  diseases: {
    critical: [
      { code: 'WH01', name: '恶性肿瘤', inSituExcluded: true, basis: `第二条⑴；${DEF}第1项`,
        definition: '组织细胞具有异常无序不可控制的生长并且向周围正常组织浸润和向远处器官扩散、转移特性的全身各部位原发的、组织学分类归属于恶性肿瘤的疾病。' },
      { code: 'WH02', name: '依赖血透、腹透的慢性肾功能衰竭', aliases: ['慢性肾功能衰竭'], basis: `第二条⑵；${DEF}第2项`,
        definition: '指慢性肾功能严重衰竭，需要依赖且已经接受了血液（腹膜）透析维持生命。' },
      { code: 'WH03', name: '冠状动脉搭桥及支架植入术', aliases: ['冠状动脉搭桥术', '冠状动脉支架植入术', '支架植入术'], basis: `第二条⑶；${DEF}第3项`,
        definition: '指为治疗冠状动脉疾病而开胸实施了血管绕道术或支架植入术。' },
      { code: 'WH04', name: '再生障碍性贫血', basis: `第二条⑷；${DEF}第4项`,
        definition: '是一种获得性骨髓造血功能衰竭症，主要表现为骨髓造血功能低下，全血细胞减少和贫血、出血感染综合征，免疫抑制剂治疗有效。' },
      { code: 'WH05', name: '白血病', basis: `第二条⑸；${DEF}第5项`,
        definition: '指造血组织中的白细胞及其幼稚细胞呈肿瘤性增殖，白细胞的量和质发生变化，系造血系统的恶性肿瘤。' },
      { code: 'WH06', name: '重型肝炎', basis: `第二条⑹；${DEF}第6项`,
        definition: '指肝炎病毒感染致使大部分肝脏坏死并失去功能，其诊断必须具备下列全部特征：深度黄疸；肝功能急剧退化；肝性脑病；肝细胞严重损坏。' },
      { code: 'WH07', name: '良性脑肿瘤', basis: `第二条⑺；${DEF}第7项`,
        definition: '指确诊的原发于颅腔内的良性肿瘤，且已经接受了开颅手术切除或已经实施了对脑肿瘤进行的放射治疗。不包括脑囊肿、脑血管性疾病。' },
      { code: 'WH08', name: '脑动脉瘤', basis: `第二条(8)；${DEF}第8项`,
        definition: '指脑动脉瘤手术或介入治疗后。' },
      { code: 'WH09', name: '心脏瓣膜置换术', basis: `第二条(9)；${DEF}第9项`,
        definition: '指因治疗心脏瓣膜疾病进行的心脏瓣膜置换术。' },
      { code: 'WH10', name: '意外伤害致关节功能完全丧失', basis: `第二条(10)；${DEF}第10项`,
        definition: '指意外伤害所致肢体损伤致3个及以上大小关节功能永久性丧失。' },
      { code: 'WH11', name: '严重烧伤Ⅲ度面积达全身20%以上', aliases: ['严重烧伤Ⅲ度面积达全身 20%以上', '严重烧伤'], basis: `第二条(11)；${DEF}第11项`,
        definition: '因突发意外事故被高温、高热、化学品等烧、灼、烫、电伤，经抢救治疗后，皮肤Ⅲ度烧伤达全身皮肤总面积20%以上。自伤自残除外。' },
      { code: 'WH12', name: '急性重症胰腺炎', basis: `第二条(12)；${DEF}第12项`,
        definition: '指急性胰腺炎中病理类型为出血坏死型，且具有以下特征：全腹剧痛及腹膜刺激症；腹水出现；低血压与休克；低血钙；NHA阳性；器官功能衰竭。急性水肿型（间质型）胰腺炎除外。' },
      { code: 'WH13', name: '肾、肝、心、肺、骨髓及联合移植术', aliases: ['器官移植术'], basis: `第二条(13)；${DEF}第13项`,
        definition: '指因疾病已经接受了肾、肝、心、肺、骨髓、心－肺联合、胰－肾联合、肝－肾联合移植手术。' },
      { code: 'WH14', name: '主动脉手术', basis: `第二条(14)；${DEF}第14项`,
        definition: '指为了矫正主动脉狭窄、分割或切除主动脉瘤而接受胸、腹主动脉手术，但胸或腹主动脉的分支除外。' },
      { code: 'WH15', name: '急性脊髓灰质炎引起的截瘫', basis: `第二条(15)；${DEF}第15项`,
        definition: '指由于脊髓灰质炎病毒感染所导致的运动功能障碍或呼吸功能减弱的瘫痪性疾病。' },
      { code: 'WH16', name: '阿尔兹海默氏症', aliases: ['阿尔茨海默病', '阿尔兹海默症'], basis: `第二条(16)；${DEF}第16项`,
        definition: '是一组慢性不可逆性脑变性疾病，主要临床表现为智能衰退或丧失及行为异常。' },
    ],
  },
  participation: {
    agency: RATIO,
    institution: RATIO,
    social_org: RATIO,
    soe: RATIO,
    private_non_enterprise: RATIO,
    private: RATIO,
  },
  staffOnlyBasis: '第一条、第四条',
  fees: [{ per: 'share_month', product: 'critical', firstTimeFen: 500, renewingFen: 400, basis: '第六条 [I-16][I-5]' }],
  feesBasis: '第六条',
  exclusions: {
    fraud: { code: 'FRAUD', basis: '第十四条第四项', endsCoverage: true,
      message: '存在隐瞒病史、伪造或篡改病历等欺骗行为，不予给付，并终止本期互助责任（第十五条）。' },
    misdiagnosis: { code: 'MISDIAGNOSIS', basis: '第十四条第五项',
      message: '经核实属于医院错误诊断，不属于互助范围内的重大疾病，不予给付。' },
    natural_disaster: { code: 'EXCLUDED_CAUSE', basis: '第十四条第六项', message: '因自然灾害造成的伤残或死亡不在互助给付范围内。' },
    war: { code: 'EXCLUDED_CAUSE', basis: '第十四条第六项', message: '因军事行动造成的伤残或死亡不在互助给付范围内。' },
    riot: { code: 'EXCLUDED_CAUSE', basis: '第十四条第六项', message: '因动乱造成的伤残或死亡不在互助给付范围内。' },
    nuclear: { code: 'EXCLUDED_CAUSE', basis: '第十四条第六项', message: '因核辐射造成的伤残或死亡不在互助给付范围内。' },
    crime: { code: 'EXCLUDED_CAUSE', basis: '第十四条第六项', message: '因故意犯罪造成的伤残或死亡不在互助给付范围内。' },
    self_injury: { code: 'EXCLUDED_CAUSE', basis: '第十四条第六项', message: '因自伤造成的伤残或死亡不在互助给付范围内。' },
    fight: { code: 'EXCLUDED_CAUSE', basis: '第十四条第六项', message: '因打架斗殴造成的伤残或死亡不在互助给付范围内。' },
    high_risk_sport: { code: 'EXCLUDED_CAUSE', basis: '第十四条第七项', message: '从事高风险运动导致的伤残或死亡不在互助给付范围内。' },
  },
  retired: { basis: '第十四条第三项', message: '参加本期互助时已办理退休手续，不享受互助待遇。' },
  review: { workingDays: 30, basis: '第十九条 [I-15]' },
  unitChangeReport: { days: 15, basis: '第二十三条' },
  shares: { min: 1, max: 3, basis: '第六条' },
  waitingThroughDay: 30,
  waitingBasis: '第十四条第二项',
  observationDays: 90,
  observationBasis: '第三条',
  illnessFirstTime: [
    { fromDay: 31, toDay: 60, benefit: 'consolation', perShareFen: 100000, basis: '第八条' },
    { fromDay: 61, toDay: 90, benefit: 'consolation', perShareFen: 200000, basis: '第八条' },
    { fromDay: 91, toDay: null, benefit: 'medical', perShareFen: 1000000, basis: '第七条' },
  ],
  illnessRenewing: [{ fromDay: 1, toDay: null, benefit: 'medical', perShareFen: 1000000, basis: '第七条' }],
  deathFirstTime: [
    { fromDay: 31, toDay: 60, benefit: 'death', perShareFen: 100000, basis: '第十条（一）1' },
    { fromDay: 61, toDay: 90, benefit: 'death', perShareFen: 200000, basis: '第十条（一）1' },
    { fromDay: 91, toDay: null, benefit: 'death', perShareFen: 300000, basis: '第十条（一）2' },
  ],
  deathRenewing: {
    samePaidPrevious: { perShareFen: 100000, basis: '第十条（二）1' },
    outsideList: { perShareFen: 300000, basis: '第十条（二）2' },
    priorUnpaid: { perShareFen: 500000, basis: '第十条（二）3' },
    firstDiagnosedThisPeriodBasis: '第七条 [I-2]',
  },
  claimDeadline: { days: 120, basis: '第十八条 [I-4]' },
  continuity: { graceDays: 30, basis: '第十二条 [I-3]' },
  newHire: { months: 2, basis: '第十三条' },
  periodBasis: '第三条',
  coveredDiseaseBasis: '第二条、第十六条',
  inpatientBasis: '第二条',
  designatedHospitalBasis: '第七条',
  deathBasis: '第十条',
  notIllnessDeathBasis: '第十六条',
  preExistingBasis: '第十四条第一项',
  lateClaimBasis: '第十八条 [I-4]',
} satisfies WhScheme

export default WH_2020
