/**
 * The H5 sign-in page reads the emulator's identity list without zod (its first load carries no schema library):
 * what it keeps and what it leaves out must match what the list schema used to accept — an item without an openid
 * is dropped, an unknown role reads as none, missing texts read as ''.
 */
import { toLocalIdentity } from '../../src/features/session/local-identities'

describe('toLocalIdentity', () => {
  it.each([
    [{ openid: 'o1', role: 'worker', name: '张伟', label: '职工 · 张伟' }, { openid: 'o1', role: 'worker', name: '张伟', label: '职工 · 张伟' }],
    [{ openid: 'o2', role: 'office', name: '周海燕', label: 'x', home: '/pages/home/index' }, { openid: 'o2', role: 'office', name: '周海燕', label: 'x', home: '/pages/home/index' }],
    [{ openid: 'o3', role: 'admin', name: 1, label: null }, { openid: 'o3', role: null, name: '', label: '' }],
    [{ openid: 'o4', role: null }, { openid: 'o4', role: null, name: '', label: '' }],
    [{ openid: 'o5', role: 'clerk', home: 5 }, { openid: 'o5', role: 'clerk', name: '', label: '' }],
  ])('%j → %j', (item, expected) => {
    expect(toLocalIdentity(item)).toEqual(expected)
  })

  it.each([[null], [undefined], ['o1'], [42], [[]], [{}], [{ openid: 7 }], [{ role: 'worker', name: '张伟' }]])('%j is not an identity', (item) => {
    expect(toLocalIdentity(item)).toBeNull()
  })
})
