import type { ReasonCode } from '../reasons/reason-codes'
import { resolveScheme, type SchemeRef } from '../schemes/registry'
import type { Product } from '../types'

/** The products and shares a unit declares, as the scheme allows them. */
export type DeclarationPlan =
  | { ok: true; shares: number | null; products: Product[] }
  | { ok: false; code: ReasonCode; message: string }

/**
 * Check and normalise what a unit chose for its declaration: a single-product scheme (WH) declares that product
 * whatever was sent; otherwise the unit's choice (TZ 三: any of the offered products, at least one). Shares only where
 * the scheme has them (WH 第六条: 1–3, the same for the whole unit); `null` elsewhere.
 *
 * @example declarationPlan('wh-2020', { shares: 2, products: [] }) // { ok: true, shares: 2, products: ['critical'] }
 * @example declarationPlan('tz-2021', { shares: null, products: ['inpatient'] }) // { ok: true, shares: null, products: ['inpatient'] }
 */
export function declarationPlan(scheme: SchemeRef, chosen: { shares?: number | null; products: readonly Product[] }): DeclarationPlan {
  const s = resolveScheme(scheme)
  const offered = s.products.map((p) => p.id)
  const products = offered.length === 1 ? offered : [...new Set(chosen.products)]
  if (products.length === 0) return { ok: false, code: 'NO_PRODUCT', message: '请至少选择一个保障项目。' }
  if (products.some((p) => !offered.includes(p))) {
    return { ok: false, code: 'PRODUCT_NOT_OFFERED', message: `${s.name}不包含所选保障项目，请重新选择。` }
  }
  if (!s.shares) return { ok: true, shares: null, products }
  const shares = chosen.shares
  if (typeof shares !== 'number' || !Number.isInteger(shares) || shares < s.shares.min || shares > s.shares.max) {
    return { ok: false, code: 'INVALID_SHARES', message: `请选择每人参加份额（${s.shares.min}–${s.shares.max} 份，全单位相同，${s.shares.basis}）。` }
  }
  return { ok: true, shares, products }
}
