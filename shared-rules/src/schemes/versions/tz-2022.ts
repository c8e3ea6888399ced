import type { TzScheme } from '../types'
import { TZ_DOC } from '../tz-diseases'
import { TZ_2021 } from './tz-2021'

/**
 * Scheme TZ for the 2022 activity year (2022-01-01 – 2022-12-31). Same products and benefits as
 * 2021; enrolment 2021-10-10 – 2021-12-31; claims 2022-01-01 – 2023-03-31. Fees are "announced
 * separately" (四(一)2): `fees: null` here; the office's announcement is stored and applied at run time
 * (`applyAnnouncedFees`).
 */
export const TZ_2022 = {
  ...TZ_2021,
  id: 'tz-2022',
  name: '台州市在职职工医疗互助保障（2022年度）',
  effectiveFrom: '2022-01-01',
  year: 2022,
  fees: null,
  feesBasis: `${TZ_DOC} 四(一)2`,
  activity: { from: '2022-01-01', to: '2022-12-31', basis: `${TZ_DOC} 一(二)` },
  enrolment: { from: '2021-10-10', to: '2021-12-31', basis: `${TZ_DOC} 一(二)` },
  claims: { from: '2022-01-01', to: '2023-03-31', basis: `${TZ_DOC} 一(二)` },
} satisfies TzScheme

export default TZ_2022
