/**
 * Fonts fill glyphs by the nonzero rule, but Skia's `simplify()` returns non-overlapping contours meant for the
 * even-odd rule: a ring's inner contour may run the same way as its outer one, which nonzero fills solid (a stroked
 * rectangle became a black box). This re-winds each contour by how deeply it is nested: outermost contours
 * counter-clockwise on the y-down SVG grid (clockwise once the font flips y — TrueType's convention), holes the
 * other way, islands in holes like the outermost, so both rules draw the same shape.
 */

/** PathKit's `toCmds()` verbs (no conics: the caller round-trips through SVG, which turns them into quads). */
const MOVE = 0
const LINE = 1
const QUAD = 2
const CUBIC = 4
const CLOSE = 5

type Point = [number, number]
interface Segment {
  /** Control points then the end point. */
  points: Point[]
}
interface Contour {
  start: Point
  segments: Segment[]
  /** The contour flattened to a polygon, for area and containment. */
  polygon: Point[]
}

function bezier(points: Point[], t: number): Point {
  let level = points
  while (level.length > 1) level = level.slice(1).map((p, i) => [level[i][0] + (p[0] - level[i][0]) * t, level[i][1] + (p[1] - level[i][1]) * t])
  return level[0]
}

function toContours(cmds: number[][]): Contour[] {
  const contours: Contour[] = []
  let current: Contour | undefined
  for (const cmd of cmds) {
    const [verb, ...n] = cmd
    if (verb === MOVE) {
      current = { start: [n[0], n[1]], segments: [], polygon: [[n[0], n[1]]] }
      contours.push(current)
      continue
    }
    if (!current) throw new Error('路径缺少起点')
    if (verb === CLOSE) continue
    if (verb !== LINE && verb !== QUAD && verb !== CUBIC) throw new Error(`路径含未处理的段类型 ${verb}`)
    const points: Point[] = []
    for (let i = 0; i < n.length; i += 2) points.push([n[i], n[i + 1]])
    const from = current.polygon[current.polygon.length - 1]
    current.segments.push({ points })
    if (verb === LINE) current.polygon.push(points[0])
    else for (let s = 1; s <= 8; s += 1) current.polygon.push(bezier([from, ...points], s / 8))
  }
  return contours.filter((c) => c.segments.length > 0)
}

/** Shoelace area on the y-down grid: positive runs clockwise on screen. */
function signedArea(polygon: Point[]): number {
  let sum = 0
  for (let i = 0; i < polygon.length; i += 1) {
    const [x1, y1] = polygon[i]
    const [x2, y2] = polygon[(i + 1) % polygon.length]
    sum += x1 * y2 - x2 * y1
  }
  return sum / 2
}

function contains(polygon: Point[], [x, y]: Point): boolean {
  let inside = false
  for (let i = 0, j = polygon.length - 1; i < polygon.length; j = i, i += 1) {
    const [xi, yi] = polygon[i]
    const [xj, yj] = polygon[j]
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside
  }
  return inside
}

function reverse(contour: Contour): Contour {
  // Walk the segments backwards: each segment's end becomes the next start, its control points in reverse order.
  const ends = [contour.start, ...contour.segments.map((s) => s.points[s.points.length - 1])]
  const segments = contour.segments
    .map((segment, i) => ({ points: [...segment.points.slice(0, -1).reverse(), ends[i]] }))
    .reverse()
  return { start: ends[ends.length - 1], segments, polygon: [...contour.polygon].reverse() }
}

function toSvg(contour: Contour): string {
  const fmt = (p: Point) => `${+p[0].toFixed(4)} ${+p[1].toFixed(4)}`
  const verb = (n: number) => (n === 1 ? 'L' : n === 2 ? 'Q' : 'C')
  return `M${fmt(contour.start)}${contour.segments.map((s) => `${verb(s.points.length)}${s.points.map(fmt).join(' ')}`).join('')}Z`
}

/** Path data whose contours wind for the nonzero rule, from PathKit commands of a simplified path. */
export function windForNonzero(cmds: number[][]): string {
  const contours = toContours(cmds)
  return contours
    .map((contour, index) => {
      // A point of this contour lies strictly inside every contour that encloses it (simplified contours do not cross).
      const probe = contour.polygon[0]
      const depth = contours.filter((other, j) => j !== index && contains(other.polygon, probe)).length
      const wantClockwise = depth % 2 === 1
      const clockwise = signedArea(contour.polygon) > 0
      return toSvg(clockwise === wantClockwise ? contour : reverse(contour))
    })
    .join('')
}
