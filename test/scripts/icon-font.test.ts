/**
 * The weapp icon font (scripts/build-icon-font.ts): run on tdesign-miniprogram's own icon WXSS it leaves no font URL,
 * keeps exactly the listed icons' classes at TDesign's code points, and embeds a font with a drawn glyph for each —
 * outlines that fill the same under the nonzero rule fonts use as under even-odd (a stroked ring stays a ring).
 */
import { spawnSync } from 'node:child_process'
import { copyFileSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { parse as parseFont, type Font } from 'opentype.js'
import { iconFontNames } from '../../scripts/weapp-icon-font/icon-names'
import { iconCodePoints, remoteFontUrls } from '../../scripts/weapp-icon-font/icon-wxss'
import { loadPathKit } from '../../scripts/weapp-icon-font/outline'

const root = resolve(__dirname, '../..')
const SOURCE = join(root, 'node_modules/tdesign-miniprogram/miniprogram_dist/icon/icon.wxss')

describe('weapp icon font', () => {
  let dir: string
  let out: string
  let font: Font
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'icon-font-'))
    const file = join(dir, 'icon.wxss')
    copyFileSync(SOURCE, file)
    // A child process: the font tools are ES modules, which jest's module loader does not run.
    const res = spawnSync(join(root, 'node_modules/.bin/tsx'), ['scripts/build-icon-font.ts', file], { cwd: root, encoding: 'utf8' })
    expect(res.stderr).toBe('')
    expect(res.status).toBe(0)
    out = readFileSync(file, 'utf8')
    const ttf = Buffer.from(/data:font\/ttf;base64,([A-Za-z0-9+/=]+)/.exec(out)?.[1] ?? '', 'base64')
    font = parseFont(ttf.buffer.slice(ttf.byteOffset, ttf.byteOffset + ttf.byteLength))
  }, 120_000)
  afterAll(() => rmSync(dir, { recursive: true, force: true }))

  it('leaves no font URL and keeps the listed icons at TDesign’s code points', () => {
    expect(remoteFontUrls(readFileSync(SOURCE, 'utf8')).length).toBeGreaterThan(0)
    expect(remoteFontUrls(out)).toEqual([])
    const original = iconCodePoints(readFileSync(SOURCE, 'utf8'))
    const kept = iconCodePoints(out)
    expect([...kept.keys()].sort()).toEqual(iconFontNames())
    for (const [name, codePoint] of kept) expect([name, codePoint]).toEqual([name, original.get(name)])
  })

  it('embeds a drawn glyph for every listed icon', () => {
    expect(font.unitsPerEm).toBe(1024)
    for (const [name, codePoint] of iconCodePoints(out)) {
      const glyph = font.charToGlyph(String.fromCodePoint(codePoint))
      expect([name, glyph.index > 0, glyph.path.commands.length > 0]).toEqual([name, true, true])
    }
  })

  it('winds every glyph so the nonzero rule fills what the even-odd rule fills', async () => {
    const pk = await loadPathKit()
    for (const [name, codePoint] of iconCodePoints(out)) {
      const d = font.charToGlyph(String.fromCodePoint(codePoint)).path.toPathData(3)
      const nonzero = pk.FromSVGString(d)
      const evenOdd = pk.FromSVGString(d)
      if (!nonzero || !evenOdd) throw new Error(`glyph ${name} did not parse`)
      nonzero.setFillType(pk.FillType.WINDING)
      evenOdd.setFillType(pk.FillType.EVENODD)
      const difference = nonzero.op(evenOdd, pk.PathOp.XOR)
      const drawn = (difference?.toCmds() ?? []).filter((cmd) => cmd[0] !== 0 && cmd[0] !== 5)
      expect([name, drawn.length]).toEqual([name, 0])
      nonzero.delete()
      evenOdd.delete()
    }
  })
})
