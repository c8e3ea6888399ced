import type { Family, Product } from '../types'
import type { AssessClaim } from '../assess/types'

/** Kind of claim: illness = 确诊（重疾 / 女职工特殊病）, death = 身故, inpatient = 住院（台州住院医疗互助）. */
export type ClaimKind = AssessClaim['kind']

/**
 * Which kinds of claim a product takes, per scheme family: WH's one product pays on diagnosis or death (第七、十条);
 * TZ's inpatient product pays per stay, its critical and women's products on diagnosis.
 *
 * @example kindsFor('WH', 'critical') // ['illness', 'death']
 * @example kindsFor('TZ', 'inpatient') // ['inpatient']
 */
export function kindsFor(family: Family, product: Product): ClaimKind[] {
  if (family === 'WH') return ['illness', 'death']
  return product === 'inpatient' ? ['inpatient'] : ['illness']
}
