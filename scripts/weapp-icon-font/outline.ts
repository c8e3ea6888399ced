/**
 * Turns one TDesign icon (its SVG body from @iconify-json/tdesign, on a 24×24 grid) into a single filled outline, the
 * only thing a font glyph can hold. TDesign draws most icons with strokes (`stroke-width="2"`,
 * `stroke-linecap="square"`) over invisible `fill="none"` layers (the second colour of its two-tone variants), so each
 * painted stroke is outlined with Skia's stroker (pathkit-wasm) using the icon's own width, cap, join and miter limit,
 * each painted fill is kept with its fill rule, and everything painted is united into one non-overlapping path.
 * Anything this model cannot draw faithfully (other colours, clip paths, unknown elements) stops the build with the
 * icon's name rather than shipping a wrong glyph. The result is re-wound for the nonzero rule fonts use (winding.ts).
 */
import { readFileSync } from 'node:fs'
import { DOMParser, type Element } from '@xmldom/xmldom'
import PathKitInit, { type PathKit, type SkPath } from 'pathkit-wasm/bin/pathkit.js'
import { windForNonzero } from './winding'

/** The SVG presentation attributes that inherit, with SVG's initial values. */
interface Paint {
  fill: string
  fillRule: string
  stroke: string
  strokeWidth: number
  cap: string
  join: string
  miterLimit: number
}

const INITIAL_PAINT: Paint = { fill: 'currentColor', fillRule: 'nonzero', stroke: 'none', strokeWidth: 1, cap: 'butt', join: 'miter', miterLimit: 4 }

/** Attributes that only matter for things the icons do not use (clip-rule without a clipPath) or carry no drawing. */
const IGNORED_ATTRIBUTES = new Set(['clip-rule', 'id', 'href', 'xlink:href', 'd', 'cx', 'cy', 'r', 'transform', 'xmlns'])

let pathKitPromise: Promise<PathKit> | undefined

/** Loads Skia's PathKit once (from the wasm file in the package: no network). */
export function loadPathKit(): Promise<PathKit> {
  pathKitPromise ??= new Promise((resolve, reject) => {
    const wasmBinary = readFileSync(require.resolve('pathkit-wasm/bin/pathkit.wasm'))
    // The emscripten module is a thenable that resolves to itself; unwrap it in a plain object so `await` stops.
    PathKitInit({ wasmBinary }).then((pathKit) => resolve({ ...pathKitApi(pathKit) }), reject)
  })
  return pathKitPromise
}

function pathKitApi(pk: PathKit): PathKit {
  return {
    FromSVGString: (d) => pk.FromSVGString(d),
    NewPath: () => pk.NewPath(),
    PathOp: pk.PathOp,
    FillType: pk.FillType,
    StrokeCap: pk.StrokeCap,
    StrokeJoin: pk.StrokeJoin,
  }
}

type Matrix = [number, number, number, number, number, number]
const IDENTITY: Matrix = [1, 0, 0, 1, 0, 0]

function multiply(m: Matrix, n: Matrix): Matrix {
  return [
    m[0] * n[0] + m[2] * n[1],
    m[1] * n[0] + m[3] * n[1],
    m[0] * n[2] + m[2] * n[3],
    m[1] * n[2] + m[3] * n[3],
    m[0] * n[4] + m[2] * n[5] + m[4],
    m[1] * n[4] + m[3] * n[5] + m[5],
  ]
}

/** Parses an SVG `transform` list (matrix, translate, scale, rotate) into one matrix. */
export function parseTransform(value: string, icon: string): Matrix {
  let result = IDENTITY
  for (const match of value.matchAll(/(\w+)\s*\(([^)]*)\)/g)) {
    const args = match[2].split(/[\s,]+/).filter(Boolean).map(Number)
    let step: Matrix
    switch (match[1]) {
      case 'matrix':
        step = args as Matrix
        break
      case 'translate':
        step = [1, 0, 0, 1, args[0], args[1] ?? 0]
        break
      case 'scale':
        step = [args[0], 0, 0, args[1] ?? args[0], 0, 0]
        break
      case 'rotate': {
        const [deg, cx = 0, cy = 0] = args
        const a = (deg * Math.PI) / 180
        const [cos, sin] = [Math.cos(a), Math.sin(a)]
        step = multiply(multiply([1, 0, 0, 1, cx, cy], [cos, sin, -sin, cos, 0, 0]), [1, 0, 0, 1, -cx, -cy])
        break
      }
      default:
        throw new Error(`图标 ${icon}：不支持的 transform「${match[0]}」`)
    }
    result = multiply(result, step)
  }
  return result
}

function readPaint(element: Element, inherited: Paint, icon: string): Paint {
  const paint = { ...inherited }
  for (let i = 0; i < element.attributes.length; i += 1) {
    const { name, value } = element.attributes[i]
    switch (name) {
      case 'fill':
      case 'stroke':
        if (value !== 'none' && value !== 'currentColor') throw new Error(`图标 ${icon}：颜色 ${name}="${value}" 无法放进单色字体`)
        paint[name] = value
        break
      case 'fill-rule':
        paint.fillRule = value
        break
      case 'stroke-width':
        paint.strokeWidth = Number(value)
        break
      case 'stroke-linecap':
        paint.cap = value
        break
      case 'stroke-linejoin':
        paint.join = value
        break
      case 'stroke-miterlimit':
        paint.miterLimit = Number(value)
        break
      default:
        if (!IGNORED_ATTRIBUTES.has(name)) throw new Error(`图标 ${icon}：<${element.tagName}> 的属性 ${name} 不受支持`)
    }
  }
  return paint
}

/** The element's outline as path data: `<path>` as written, `<circle>` as two arcs. */
function shapeData(element: Element, icon: string): string {
  if (element.tagName === 'path') return element.getAttribute('d') ?? ''
  const [cx, cy, r] = ['cx', 'cy', 'r'].map((a) => Number(element.getAttribute(a) ?? 0))
  if (!(r > 0)) throw new Error(`图标 ${icon}：<circle> 缺少半径`)
  return `M${cx - r} ${cy}A${r} ${r} 0 1 0 ${cx + r} ${cy}A${r} ${r} 0 1 0 ${cx - r} ${cy}Z`
}

/** Outlines one icon body; returns path data on the icon's own grid (y pointing down, as in the SVG). */
export async function outlineIcon(icon: string, body: string): Promise<string> {
  const pk = await loadPathKit()
  const doc = new DOMParser().parseFromString(`<svg xmlns="http://www.w3.org/2000/svg">${body}</svg>`, 'image/svg+xml')
  const root = doc.documentElement
  if (!root) throw new Error(`图标 ${icon}：SVG 无法解析`)
  const byId = new Map<string, Element>()
  const collectIds = (element: Element) => {
    const id = element.getAttribute('id')
    if (id) byId.set(id, element)
    for (const child of childElements(element)) collectIds(child)
  }
  collectIds(root)

  let result = pk.NewPath()
  const unite = (path: SkPath) => {
    const united = result.op(path, pk.PathOp.UNION)
    path.delete()
    if (!united) throw new Error(`图标 ${icon}：路径合并失败`)
    result = united
  }
  const caps: Record<string, unknown> = { butt: pk.StrokeCap.BUTT, round: pk.StrokeCap.ROUND, square: pk.StrokeCap.SQUARE }
  const joins: Record<string, unknown> = { miter: pk.StrokeJoin.MITER, round: pk.StrokeJoin.ROUND, bevel: pk.StrokeJoin.BEVEL }

  const draw = (element: Element, inherited: Paint, matrix: Matrix) => {
    const tag = element.tagName
    if (tag === 'defs') return // drawn only through <use>
    const paint = readPaint(element, inherited, icon)
    const transform = element.getAttribute('transform')
    const m = transform ? multiply(matrix, parseTransform(transform, icon)) : matrix
    if (tag === 'g' || tag === 'svg') {
      for (const child of childElements(element)) draw(child, paint, m)
      return
    }
    if (tag === 'use') {
      const ref = (element.getAttribute('href') ?? element.getAttribute('xlink:href') ?? '').replace(/^#/, '')
      const target = byId.get(ref)
      if (!target) throw new Error(`图标 ${icon}：<use> 指向不存在的 #${ref}`)
      draw(target, paint, m)
      return
    }
    if (tag !== 'path' && tag !== 'circle') throw new Error(`图标 ${icon}：不支持的元素 <${tag}>`)
    const d = shapeData(element, icon)
    const layers: SkPath[] = []
    if (paint.fill !== 'none') {
      const filled = parse(pk, d, icon)
      filled.setFillType(paint.fillRule === 'evenodd' ? pk.FillType.EVENODD : pk.FillType.WINDING)
      layers.push(filled)
    }
    if (paint.stroke !== 'none' && paint.strokeWidth > 0) {
      const cap = caps[paint.cap]
      const join = joins[paint.join]
      if (cap === undefined || join === undefined) throw new Error(`图标 ${icon}：线帽 ${paint.cap} / 拐角 ${paint.join} 不受支持`)
      const stroked = parse(pk, d, icon).stroke({ width: paint.strokeWidth, cap, join, miter_limit: paint.miterLimit })
      if (!stroked) throw new Error(`图标 ${icon}：描边轮廓化失败`)
      layers.push(stroked)
    }
    for (const layer of layers) unite(layer.transform(m[0], m[2], m[4], m[1], m[3], m[5], 0, 0, 1))
  }
  draw(root, INITIAL_PAINT, IDENTITY)

  const simplified = result.simplify()
  if (!simplified) throw new Error(`图标 ${icon}：轮廓化简失败`)
  // Through SVG once so Skia's conics come back as quadratic curves, which fonts and SVG both have.
  const quads = parse(pk, simplified.toSVGString(), icon)
  simplified.delete()
  const cmds = quads.toCmds()
  quads.delete()
  if (!cmds.some((cmd) => cmd[0] !== 0 && cmd[0] !== 5)) throw new Error(`图标 ${icon}：没有可见的图形（只有不绘制的图层）`)
  return windForNonzero(cmds)
}

function parse(pk: PathKit, d: string, icon: string): SkPath {
  const path = pk.FromSVGString(d)
  if (!path) throw new Error(`图标 ${icon}：路径数据无法解析：${d}`)
  return path
}

function childElements(element: Element): Element[] {
  const out: Element[] = []
  for (let node = element.firstChild; node; node = node.nextSibling) if (node.nodeType === 1) out.push(node as Element)
  return out
}
