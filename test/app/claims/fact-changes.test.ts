/** What a corrected materials version changed in the facts, as the claim page lists it per version. */
import { factChanges } from '../../../src/features/claims/claim-detail/claim-view'

const first = { disease: 'WH05', eventDate: '2021-05-01', hospital: '鄂州市中心医院', designatedHospital: false, inpatient: true, payee: { name: '张伟', bank: '工行', account: '6222020000000000001' } }

describe('factChanges', () => {
  it('names each corrected fact with both values', () => {
    const second = { ...first, eventDate: '2021-04-28', designatedHospital: true }
    expect(factChanges('illness', first, second)).toEqual([
      { label: '确诊日期', before: '2021-05-01', after: '2021-04-28' },
      { label: '是否指定医院', before: '否', after: '是' },
    ])
  })

  it('a death claim calls the date 身故日期; amounts read in yuan; the account only by its tail', () => {
    expect(factChanges('death', { eventDate: '2021-05-10' }, { eventDate: '2021-05-09' })[0].label).toBe('身故日期')
    expect(factChanges('inpatient', { selfPayFen: 100000 }, { selfPayFen: 123450 })).toEqual([{ label: '医保自负金额', before: '1000.00 元', after: '1234.50 元' }])
    expect(factChanges('illness', first, { ...first, payee: { ...first.payee, account: '6222020000000009999' } })).toEqual([{ label: '收款账户尾号', before: '0001', after: '9999' }])
  })

  it('nothing changed → nothing listed', () => {
    expect(factChanges('illness', first, { ...first })).toEqual([])
  })
})
