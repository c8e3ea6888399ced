/**
 * Builds the subset icon font: each name's TDesign SVG (@iconify-json/tdesign) outlined (outline.ts), gathered into an
 * SVG font by svgicons2svgfont at the code point TDesign's own font gives that name, and converted to TrueType by
 * svg2ttf. One em is the icon's 24-unit grid with nothing below the baseline, so with TDesign's `line-height: 1` a
 * glyph fills its box exactly as the SVG does on h5.
 */
import { Readable } from 'node:stream'
import { icons as tdesignIcons } from '@iconify-json/tdesign/icons.json'
import svg2ttf from 'svg2ttf'
import { outlineIcon } from './outline'

/** Font units per em: fine enough that rounding to whole units moves no point by more than 1/40 of a pixel at 24px. */
const UNITS_PER_EM = 1024
/** The grid TDesign draws on. */
const GRID = 24

export interface IconGlyph {
  name: string
  codePoint: number
  /** The outline on the 24-unit grid, y down. */
  d: string
}

/** Outlines every named icon; fails on a name TDesign's SVG set does not have. */
export async function outlineIcons(names: readonly string[], codePoints: ReadonlyMap<string, number>): Promise<IconGlyph[]> {
  const set = tdesignIcons as Record<string, { body: string; width?: number; height?: number }>
  const glyphs: IconGlyph[] = []
  for (const name of names) {
    const icon = set[name]
    if (!icon) throw new Error(`图标 ${name} 不在 @iconify-json/tdesign 里`)
    if ((icon.width ?? GRID) !== GRID || (icon.height ?? GRID) !== GRID) throw new Error(`图标 ${name} 不是 ${GRID}×${GRID} 网格`)
    const codePoint = codePoints.get(name)
    if (codePoint === undefined) throw new Error(`图标 ${name} 在 TDesign 的图标样式里没有码位`)
    glyphs.push({ name, codePoint, d: await outlineIcon(name, icon.body) })
  }
  return glyphs
}

/** The glyphs as a TrueType font (family `t`, TDesign's name for it). */
export async function makeFont(glyphs: readonly IconGlyph[]): Promise<Buffer> {
  // svgicons2svgfont is an ES module; tsx and Node 20 load it through import().
  const { SVGIcons2SVGFontStream } = await import('svgicons2svgfont')
  const fontStream = new SVGIcons2SVGFontStream({
    fontName: 't',
    fontId: 't',
    fontHeight: UNITS_PER_EM,
    descent: 0,
    normalize: false,
    round: 1e3,
    metadata: 'TDesign icons (MIT), the subset this mini-program shows; strokes outlined with Skia PathKit',
    log: () => undefined,
  } as ConstructorParameters<typeof SVGIcons2SVGFontStream>[0])
  const chunks: string[] = []
  const done = new Promise<string>((resolve, reject) => {
    fontStream.on('data', (chunk: Buffer | string) => chunks.push(String(chunk)))
    fontStream.on('end', () => resolve(chunks.join('')))
    fontStream.on('error', reject)
  })
  for (const glyph of glyphs) {
    const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${GRID}" height="${GRID}" viewBox="0 0 ${GRID} ${GRID}"><path d="${glyph.d}"/></svg>`
    const stream = Readable.from([svg]) as Readable & { metadata: { name: string; unicode: string[] } }
    stream.metadata = { name: glyph.name, unicode: [String.fromCodePoint(glyph.codePoint)] }
    fontStream.write(stream)
  }
  fontStream.end()
  const svgFont = await done
  const ttf = svg2ttf(svgFont, { version: '1.0', description: 'TDesign icon subset', url: '' })
  return Buffer.from(ttf.buffer)
}
