/**
 * The bureau's inpatient settlement export (医保住院结算明细) as this function accepts it: the template writes these
 * headers, the import finds them by any alias (exports differ between districts). The list is in the README.
 */
export const COLUMNS = [
  { key: 'idNumber', header: '身份证号码', aliases: ['身份证号码', '身份证号', '公民身份号码', '证件号码'], example: '331002199001011237', width: 22 },
  { key: 'name', header: '姓名', aliases: ['姓名', '参保人姓名'], example: '张三', width: 10 },
  { key: 'insurance', header: '险种', aliases: ['险种', '险种类型', '参保类型', '医保类型'], example: '职工医保', width: 12 },
  { key: 'hospitalName', header: '医院名称', aliases: ['医院名称', '定点医疗机构名称', '医疗机构名称'], example: '台州市中心医院', width: 20 },
  { key: 'hospitalCode', header: '医院编码', aliases: ['医院编码', '定点医疗机构编码', '医疗机构编码'], example: 'H33100200001', width: 16 },
  { key: 'designated', header: '是否定点', aliases: ['是否定点', '定点医院', '是否定点医院'], example: '是', width: 10 },
  { key: 'admission', header: '入院日期', aliases: ['入院日期', '入院时间'], example: '2021-05-03', width: 12 },
  { key: 'discharge', header: '出院日期', aliases: ['出院日期', '出院时间'], example: '2021-05-13', width: 12 },
  { key: 'total', header: '医疗总费用', aliases: ['医疗总费用', '总费用', '医疗费总额'], example: '12000.00', width: 12 },
  { key: 'fund', header: '统筹基金支付', aliases: ['统筹基金支付', '基金支付', '医保基金支付'], example: '7200.00', width: 12 },
  { key: 'selfPay', header: '个人自负', aliases: ['个人自负', '自负', '自负金额', '医保自负'], example: '4000.00', width: 12 },
  { key: 'selfFunded', header: '个人自理', aliases: ['个人自理', '自理', '自理金额', '自费'], example: '800.00', width: 12 },
  { key: 'settledOn', header: '结算日期', aliases: ['结算日期', '结算时间'], example: '2021-05-13', width: 12 },
  { key: 'serial', header: '结算流水号', aliases: ['结算流水号', '流水号', '结算编号', '结算单号'], example: 'JS202105130001', width: 20 },
] as const

export type ColumnKey = (typeof COLUMNS)[number]['key']

export const DATE_KEYS: readonly ColumnKey[] = ['admission', 'discharge', 'settledOn']
export const MONEY_KEYS: readonly ColumnKey[] = ['total', 'fund', 'selfPay', 'selfFunded']

/** The insurance column's words: employee basic medical insurance (60 %) or urban-rural resident insurance (50 %). */
export const INSURANCE_WORDS: Record<string, 'employee' | 'resident'> = {
  职工医保: 'employee',
  职工基本医疗保险: 'employee',
  职工: 'employee',
  城乡居民医保: 'resident',
  城乡居民基本医疗保险: 'resident',
  居民医保: 'resident',
  城乡居民: 'resident',
}

export const YES_NO: Record<string, boolean> = { 是: true, 否: false, Y: true, N: false, '1': true, '0': false }
