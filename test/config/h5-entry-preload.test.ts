/**
 * The preload script index.html runs before the app (config/h5-entry-preload.ts): it preloads the entry page's
 * chunks on the entry page's addresses only, each as what it is (script or style).
 */
import { runInNewContext } from 'node:vm'
import { isEntryPageRequest, preloadScript } from '../../config/h5-entry-preload'

function linksAdded(pathname: string, files: string[]): Array<{ rel: string; href: string; as: string }> {
  const added: Array<{ rel: string; href: string; as: string }> = []
  const document = {
    createElement: () => ({ rel: '', href: '', as: '' }),
    head: { appendChild: (link: { rel: string; href: string; as: string }) => added.push(link) },
  }
  runInNewContext(preloadScript(files, '/'), { document, location: { pathname } })
  return added
}

describe('H5 entry page preload', () => {
  const files = ['js/177.eabd42f9.js', 'css/598.dac34212.css']

  it.each(['/', '/pages/index/index', '/pages/index/index/'])('preloads the entry page chunks at %s', (pathname) => {
    expect(linksAdded(pathname, files)).toEqual([
      { rel: 'preload', href: '/js/177.eabd42f9.js', as: 'script' },
      { rel: 'preload', href: '/css/598.dac34212.css', as: 'style' },
    ])
  })

  it.each(['/pages/home/index', '/packages/claims/list/index', '/pages/index/index/extra', '/x/pages/index/index'])('preloads nothing at %s', (pathname) => {
    expect(linksAdded(pathname, files)).toEqual([])
  })

  it.each([
    ['./pages/index/index', true],
    ['/work/app/src/pages/index/index', true],
    ['src\\pages\\index\\index.tsx', true],
    ['./pages/home/index', false],
    ['./packages/claims/index/index', false],
    [undefined, false],
  ])('the request %s is the entry page: %s', (request, expected) => {
    expect(isEntryPageRequest(request)).toBe(expected)
  })
})
