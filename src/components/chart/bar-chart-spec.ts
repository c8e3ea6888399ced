/**
 * The F2 chart for both targets: @antv/f2 draws into a 2D canvas context (a browser `<canvas>` on H5, a `type="2d"`
 * canvas node in the mini-program). F2's elements are built with its own `jsx` function, not React's: they describe
 * the chart to F2's renderer and never reach the page's React tree.
 */
import { Axis, Canvas, Chart, Interval, Legend, jsx } from '@antv/f2'
import type { BarChartProps } from './bar-chart.types'

// F2's element types are generic per component; the chart's props are checked by F2 when it renders.
const el = jsx as unknown as (type: unknown, props: Record<string, unknown> | null, ...children: unknown[]) => unknown

/** The app's palette for series (TDesign's brand blue, success green, warning orange, error red). */
const COLORS = ['#0052d9', '#2ba471', '#e37318', '#d54941', '#7b61ff']

export interface CanvasTarget {
  context: CanvasRenderingContext2D
  width: number
  height: number
  pixelRatio: number
  createImage?: () => unknown
  /** The mini-program has no global requestAnimationFrame: its canvas node's own. */
  requestAnimationFrame?: (cb: () => void) => number
  cancelAnimationFrame?: (id: number) => void
  /** Where text is measured: the mini-program has no `document` to make one, so it passes its own offscreen canvas. */
  offscreenCanvas?: unknown
}

/** Draws the chart into the target; answers a function that releases it. */
export function drawBarChart(target: CanvasTarget, props: Pick<BarChartProps, 'data' | 'format' | 'horizontal'>): () => void {
  const series = new Set(props.data.map((d) => d.series).filter(Boolean))
  const grouped = series.size > 1
  const data = props.data.map((d) => ({ label: d.label, value: d.value, series: d.series ?? '' }))
  const chart = el(
    Chart,
    { data, coord: props.horizontal ? { transposed: true } : undefined, scale: { value: { min: 0, nice: true } } },
    el(Axis, { field: 'label', style: { label: { fontSize: 12, fill: '#333' } } }),
    el(Axis, { field: 'value', formatter: props.format, style: { label: { fontSize: 11, fill: '#666' } } }),
    el(Interval, {
      x: 'label',
      y: 'value',
      color: grouped ? { field: 'series', range: COLORS } : COLORS[0],
      adjust: grouped ? { type: 'dodge', marginRatio: 0.1 } : undefined,
    }),
    grouped ? el(Legend, { position: 'top', nameStyle: { fontSize: 13, fill: '#333' }, marker: 'square' }) : null,
  )
  const canvas = new Canvas({
    context: target.context,
    pixelRatio: target.pixelRatio,
    width: target.width,
    height: target.height,
    animate: false,
    createImage: target.createImage as never,
    requestAnimationFrame: target.requestAnimationFrame as never,
    cancelAnimationFrame: target.cancelAnimationFrame as never,
    offscreenCanvas: target.offscreenCanvas as never,
    children: chart,
  })
  void canvas.render()
  return () => canvas.destroy()
}
