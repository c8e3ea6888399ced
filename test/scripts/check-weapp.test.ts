/**
 * `npm run check:weapp` fails on what WeChat refuses: a copy of a minimal mini-program passes, and each break —
 * a selector WeChat's style compiler rejects, a template its compiler rejects, syntax newer than ES2015, a missing
 * convention — fails it with the file named.
 */
import { spawnSync } from 'node:child_process'
import { appendFileSync, cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'

const root = resolve(__dirname, '../..')
const tsx = resolve(root, 'node_modules/.bin/tsx')
const FIXTURE = join(__dirname, 'fixtures', 'weapp-dist')

function check(dist: string): { status: number | null; out: string } {
  const res = spawnSync(tsx, ['scripts/check-weapp.ts', dist], { cwd: root, encoding: 'utf8' })
  return { status: res.status, out: `${res.stdout}\n${res.stderr}` }
}

describe('check:weapp', () => {
  let dist: string
  beforeEach(() => {
    dist = mkdtempSync(join(tmpdir(), 'check-weapp-'))
    cpSync(FIXTURE, dist, { recursive: true })
  })
  afterEach(() => rmSync(dist, { recursive: true, force: true }))

  it('passes a mini-program WeChat accepts, naming what it checked', () => {
    const { status, out } = check(dist)
    expect(out).toContain('wcc 编译 1 个 WXML')
    expect(out).toContain('wcsc 编译 2 个 WXSS')
    expect(out).toContain('2 个 JS 按 ES2015')
    expect(status).toBe(0)
  })

  it.each([
    ['the universal selector', 'pages/a/index.wxss', '.actions > * { flex: 1; }\n', /wcsc 拒绝 pages\/a\/index\.wxss.*`\*`/],
    ['a child pseudo-class without a selector', 'pages/a/index.wxss', '.window > :first-child { color: red; }\n', /wcsc 拒绝 pages\/a\/index\.wxss/],
    ['an unclosed WXML tag', 'pages/a/index.wxml', '<view><text>broken</view>\n', /wcc 拒绝/],
    ['optional chaining', 'pages/a/index.js', 'var y = Math?.max\n', /pages\/a\/index\.js.*ES2020/],
    ['an async function', 'app.js', 'async function f() {}\n', /app\.js.*ES2017/],
    ['object spread', 'app.js', 'var o = { ...{} }\n', /app\.js.*ES2018/],
    ['a font fetched from a host', 'pages/a/index.wxss', '@font-face { font-family: x; src: url(https://example.com/x.ttf) format("truetype"); }\n', /pages\/a\/index\.wxss: @font-face 从外部地址加载字体 https:\/\/example\.com\/x\.ttf/],
  ])('fails %s', (_what, file, addition, expected) => {
    appendFileSync(join(dist, file), addition)
    const { status, out } = check(dist)
    expect(status).toBe(1)
    expect(out).toMatch(expected)
  })

  it('fails without lazy code loading, with global components, or with a cloudfunctionRoot that is not there', () => {
    writeFileSync(join(dist, 'app.json'), JSON.stringify({ pages: ['pages/a/index'], usingComponents: { 'x-y': '/pages/a/index' } }))
    writeFileSync(join(dist, 'project.config.json'), JSON.stringify({ miniprogramRoot: './', cloudfunctionRoot: 'cloudfunctions/' }))
    const { status, out } = check(dist)
    expect(status).toBe(1)
    expect(out).toContain('lazyCodeLoading 应为 "requiredComponents"')
    expect(out).toContain('全局声明了 1 个组件')
    expect(out).toContain('cloudfunctionRoot 指向 cloudfunctions/')
  })
})
