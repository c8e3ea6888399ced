import type { EnrolmentDoc } from './model'

/**
 * What the unit writes in the transfer's remark (附言) so the office can match the money to the declaration: the
 * unit's name, the year, and the declaration's code. Kept within 30 characters — banks cut longer remarks.
 *
 * @example paymentReference('明湖精密机械有限公司', { _id: 'enr-7f3a9c21', year: 2021 }) // '明湖精密机械有限公司2021互助费7F3A9C21'
 */
export function paymentReference(unitName: string, e: Pick<EnrolmentDoc, '_id' | 'year'>): string {
  const code = e._id.replace(/[^0-9a-zA-Z]/g, '').slice(-8).toUpperCase()
  return `${unitName.replace(/\s+/g, '').slice(0, 14)}${e.year}互助费${code}`
}
