/**
 * goOn (src/services/go-on.ts): after a form's step succeeded, the form is released only where its page is still
 * there to use — under a page opened on top, or when the navigation failed — never while it is leaving.
 */
import { goOn, type Onward } from '@/services/go-on'
import { flush, navigation } from './helpers/fake-taro-page'

jest.mock('@tarojs/taro', () => require('./helpers/fake-taro-page'))

beforeEach(() => {
  Object.assign(navigation, { redirects: [], relaunches: [], opened: [], backs: 0, refuse: false })
})

describe('goOn', () => {
  it.each<[string, Onward, Partial<typeof navigation>, boolean]>([
    ['redirectTo: the page is replaced, the form stays busy', { redirectTo: '/a' }, { redirects: ['/a'] }, false],
    ['reLaunch: the page is closed, the form stays busy', { reLaunch: '/home' }, { relaunches: ['/home'] }, false],
    ['back: the page is closed, the form stays busy', 'back', { backs: 1 }, false],
    ['navigateTo: this page stays underneath, the form is freed once the new page has opened', { navigateTo: '/b' }, { opened: ['/b'] }, true],
  ])('%s', async (_, onward, went, released) => {
    const release = jest.fn()
    goOn(onward, release)
    await flush()
    expect(navigation).toMatchObject(went)
    expect(release).toHaveBeenCalledTimes(released ? 1 : 0)
  })

  it.each<Onward>([{ redirectTo: '/a' }, { reLaunch: '/home' }, 'back', { navigateTo: '/b' }])('a navigation that fails frees the form (%j)', async (onward) => {
    navigation.refuse = true
    const release = jest.fn()
    goOn(onward, release)
    await flush()
    expect(release).toHaveBeenCalledTimes(1)
    expect(navigation).toMatchObject({ redirects: [], relaunches: [], opened: [], backs: 0 })
  })
})
