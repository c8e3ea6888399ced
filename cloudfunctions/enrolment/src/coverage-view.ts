import { PRODUCT_LABEL } from '@mutual-aid/contracts'
import { coverageStatus, type Scheme } from '@mutual-aid/shared-rules'
import type { ParticipationDoc } from './model'

/**
 * A participation as the worker and the certificate show it: per product, where it stands today and its windows, under
 * `scheme` — the participation's own version as loaded (`loadSchemes(db).get(p.schemeId)`, 第二十六条).
 */
export function coverageView(p: ParticipationDoc, today: string, scheme: Scheme) {
  const products = p.products.map((product) => {
    const ended = p.endedProducts.includes(product)
    const status = p.status === 'active' && p.coverageStart ? coverageStatus({ scheme, product, firstTime: p.firstTime, coverageStart: p.coverageStart, shares: p.shares, today, ended }) : null
    const productName = scheme.products.find((x) => x.id === product)?.name ?? PRODUCT_LABEL[product]
    return {
      product,
      name: productName,
      phase: status?.phase ?? (p.status === 'pending' ? 'pending' : 'void'),
      dayNumber: status?.dayNumber ?? null,
      summary: status?.summary ?? (p.status === 'pending' ? '单位已申报，待互助办确认缴费后生效（缴费次日起保障）。' : '本期参加已被替换，不再享受保障。'),
      fullFrom: status?.fullFrom ?? null,
      windows: status?.windows ?? [],
    }
  })
  return {
    participationId: p._id,
    unitId: p.unitId,
    name: p.name,
    idMasked: p.idMasked ?? '',
    schemeId: p.schemeId,
    schemeName: scheme.name,
    family: p.family,
    year: p.year,
    shares: scheme.shares ? p.shares : null,
    firstTime: p.firstTime,
    status: p.status,
    coverageStart: p.coverageStart,
    coverageEnd: p.coverageEnd,
    products,
  }
}
