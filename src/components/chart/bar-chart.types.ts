/** One bar: its category, its value, and (for grouped bars) which series it belongs to. */
export interface BarDatum {
  label: string
  value: number
  series?: string
}

export interface BarChartProps {
  /** Unique on the page: the mini-program finds its canvas node by this id. */
  id: string
  /** What the chart shows, read aloud and shown above it. */
  title: string
  data: readonly BarDatum[]
  /** Height in 750-wide design units (the width is the screen's). */
  height?: number
  /** How a value reads on the axis (e.g. yuan in 万元). */
  format?: (value: number) => string
  /** Horizontal bars, for long category names (units, agents). */
  horizontal?: boolean
}
