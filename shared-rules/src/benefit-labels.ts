import type { BenefitCode } from './types'

/**
 * Chinese names of the benefit codes of assessment lines and coverage windows, worded as the documents word them
 * (WH 第七、八、十条; TZ 四(二)). `none` names the first 30 days of a WH observation period, when nothing is paid.
 */
export const BENEFIT_LABELS: Readonly<Record<BenefitCode | 'none', string>> = {
  none: '不予给付（观察期前 30 天）',
  consolation: '慰问金',
  medical: '医疗互助金',
  death: '身故抚恤补助金',
  inpatient_allowance: '住院津贴',
  inpatient_subsidy: '住院医疗费补助',
  critical: '重大疾病互助保障金',
  critical_mild: '轻症互助保障金',
  female_cancer: '女职工特殊病互助保障金',
}
