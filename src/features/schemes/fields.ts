import type { Family } from '@mutual-aid/shared-rules'
import type { Path } from './paths'

/**
 * What a field of the version editor holds: text, a date, an amount in yuan (stored in fen), a percentage, a whole
 * number (days, months, people), or one of those that may be left empty (`null` in the data: "not set").
 */
export type FieldKind = 'text' | 'date' | 'yuan' | 'percent' | 'count' | 'optionalYuan' | 'optionalCount'

export interface FieldDef {
  path: Path
  label: string
  kind: FieldKind
  /** Where the article this value rests on is written in the data (shown under the field). */
  basis?: Path
  /** Extra words under the field. */
  hint?: string
}

export interface Section {
  title: string
  fields: FieldDef[]
}

const common: Section = {
  title: '基本信息',
  fields: [
    { path: ['id'], label: '方案编号', kind: 'text', hint: '发布后不可更改，形如 tz-2023、wh-2022' },
    { path: ['name'], label: '方案名称', kind: 'text' },
    { path: ['document'], label: '依据文件（文号和标题）', kind: 'text' },
    { path: ['effectiveFrom'], label: '施行日期', kind: 'date', hint: '自该日起开始的保障期按本版本执行（第二十六条）' },
  ],
}

/**
 * The fields each family's documents change from year to year, with labels citing where they stand: TZ (台总工〔2021〕8号)
 * dates, rates and amounts per activity year; WH (《武汉城市圈职工重大疾病医疗互助办法》) amounts per share, periods and
 * limits. Fees, benefit windows and disease lists have their own list editors.
 */
export const SECTIONS: Record<Family, Section[]> = {
  TZ: [
    common,
    {
      title: '活动期与申报时间（一）',
      fields: [
        { path: ['year'], label: '年度', kind: 'count' },
        { path: ['activity', 'from'], label: '活动期（保障期）开始', kind: 'date', basis: ['activity', 'basis'] },
        { path: ['activity', 'to'], label: '活动期（保障期）结束', kind: 'date' },
        { path: ['enrolment', 'from'], label: '参保申报开始', kind: 'date', basis: ['enrolment', 'basis'], hint: '逾期不予参保' },
        { path: ['enrolment', 'to'], label: '参保申报截止', kind: 'date' },
        { path: ['claims', 'from'], label: '补助申请受理开始', kind: 'date', basis: ['claims', 'basis'] },
        { path: ['claims', 'to'], label: '补助申请受理截止', kind: 'date' },
      ],
    },
    {
      title: '住院医疗互助 · 给付标准（四(二)1、2）',
      fields: [
        { path: ['inpatient', 'allowancePerDayFen'], label: '住院津贴（元/天）', kind: 'yuan', basis: ['inpatient', 'allowanceBasis'] },
        { path: ['inpatient', 'allowanceMaxDays'], label: '住院津贴每期最多天数', kind: 'count', basis: ['inpatient', 'allowanceBasis'] },
        { path: ['inpatient', 'subsidyPercent', 'employee'], label: '医疗费补助比例 · 职工医保（%）', kind: 'percent', basis: ['inpatient', 'subsidyBasis', 'employee'] },
        { path: ['inpatient', 'subsidyPercent', 'resident'], label: '医疗费补助比例 · 城乡居民医保（%）', kind: 'percent', basis: ['inpatient', 'subsidyBasis', 'resident'] },
        { path: ['inpatient', 'subsidyCapFen'], label: '每次补助封顶（元）', kind: 'optionalYuan', hint: '不填 = 不封顶 [I-8]' },
      ],
    },
    {
      title: '重大疾病与女职工特殊病 · 给付标准（四(二)3、4）',
      fields: [
        { path: ['critical', 'severeFen'], label: '重大疾病（重度）互助金（元）', kind: 'yuan', basis: ['critical', 'basis'] },
        { path: ['critical', 'mildFen'], label: '轻症互助金（元）', kind: 'yuan', basis: ['critical', 'basis'] },
        { path: ['female', 'fen'], label: '女职工特殊病互助金（元）', kind: 'yuan', basis: ['female', 'basis'] },
      ],
    },
    {
      title: '参加条件（二）',
      fields: [
        { path: ['participation', 'private', 'minPercent'], label: '民营企业参加比例不低于（%）', kind: 'percent', basis: ['participation', 'private', 'basis'] },
        { path: ['participation', 'private', 'minCount'], label: '民营企业参加人数不少于（人）', kind: 'optionalCount', basis: ['participation', 'private', 'basis'] },
        { path: ['replacement', 'maxPercent'], label: '参保对象替换每期不超过（%）', kind: 'percent', basis: ['replacement', 'basis'] },
      ],
    },
  ],
  WH: [
    common,
    {
      title: '份额（第六条）',
      fields: [
        { path: ['shares', 'min'], label: '每人最少份数', kind: 'count', basis: ['shares', 'basis'] },
        { path: ['shares', 'max'], label: '每人最多份数', kind: 'count', basis: ['shares', 'basis'] },
      ],
    },
    {
      title: '续保身故抚恤 · 每份金额（第十条（二））',
      fields: [
        { path: ['deathRenewing', 'samePaidPrevious', 'perShareFen'], label: '上期已获医疗互助金、本期同类疾病身故（元/份）', kind: 'yuan', basis: ['deathRenewing', 'samePaidPrevious', 'basis'] },
        { path: ['deathRenewing', 'outsideList', 'perShareFen'], label: '因约定以外疾病身故（元/份）', kind: 'yuan', basis: ['deathRenewing', 'outsideList', 'basis'] },
        { path: ['deathRenewing', 'priorUnpaid', 'perShareFen'], label: '本期前患约定疾病未获给付、因同类疾病身故（元/份）', kind: 'yuan', basis: ['deathRenewing', 'priorUnpaid', 'basis'] },
      ],
    },
    {
      title: '观察期与期限',
      fields: [
        { path: ['waitingThroughDay'], label: '首次参加前多少天内确诊或身故不予给付', kind: 'count', basis: ['waitingBasis'] },
        { path: ['observationDays'], label: '首次参加观察期（天）', kind: 'count', basis: ['observationBasis'] },
        { path: ['claimDeadline', 'days'], label: '确诊或身故后申请期限（天）', kind: 'count', basis: ['claimDeadline', 'basis'] },
        { path: ['continuity', 'graceDays'], label: '续保宽限期（期满后天数）', kind: 'count', basis: ['continuity', 'basis'] },
        { path: ['newHire', 'months'], label: '新入职职工参加期限（月）', kind: 'count', basis: ['newHire', 'basis'] },
        { path: ['review', 'workingDays'], label: '审核期限（材料齐全后工作日）', kind: 'count', basis: ['review', 'basis'] },
        { path: ['unitChangeReport', 'days'], label: '单位信息变更报告期限（天）', kind: 'count', basis: ['unitChangeReport', 'basis'] },
      ],
    },
    {
      title: '参加条件（第四条）',
      fields: [
        { path: ['participation', 'soe', 'minPercent'], label: '参加比例不低于（%）', kind: 'percent', basis: ['participation', 'soe', 'basis'], hint: '各类单位相同' },
        { path: ['participation', 'soe', 'allIfStaffAtMost'], label: '在职人数不超过多少人的单位须全员参加', kind: 'optionalCount', basis: ['participation', 'soe', 'basis'] },
      ],
    },
  ],
}

/** Benefit windows of WH, by coverage day (day 1 = the start date, [I-1]). */
export const WINDOW_LISTS: { path: Path; title: string }[] = [
  { path: ['illnessFirstTime'], title: '首次参加 · 确诊后给付（第七条、第八条）' },
  { path: ['illnessRenewing'], title: '续保 · 确诊后给付（第七条）' },
  { path: ['deathFirstTime'], title: '首次参加 · 因病身故（第十条（一））' },
]

/** WH sets the same participation rule for every unit type (第四条): a change to one applies to all. */
export const SAME_FOR_EVERY_UNIT_TYPE: readonly string[] = ['participation.soe.minPercent', 'participation.soe.allIfStaffAtMost']
