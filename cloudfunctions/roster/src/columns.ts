/** The roster file's columns: the template writes these headers, the import finds them (aliases accepted). */
export const COLUMNS = [
  { key: 'name', header: '姓名', aliases: ['姓名', '职工姓名', '名字'], example: '张三', width: 12 },
  { key: 'idNumber', header: '身份证号码', aliases: ['身份证号码', '身份证号', '公民身份号码', '身份证'], example: '420702199001011239', width: 24 },
  { key: 'hireDate', header: '入职日期', aliases: ['入职日期', '入职时间', '参加工作日期', '入职年月日'], example: '2015-03-01', width: 14 },
  { key: 'status', header: '在职状态', aliases: ['在职状态', '状态', '人员状态'], example: '在职', width: 12 },
] as const

export type ColumnKey = (typeof COLUMNS)[number]['key']

/** In the status column: 在职 / 退休 (empty = 在职). */
export const STATUS_WORDS: Record<string, 'in_service' | 'retired'> = {
  '': 'in_service',
  在职: 'in_service',
  在岗: 'in_service',
  退休: 'retired',
  已退休: 'retired',
}
