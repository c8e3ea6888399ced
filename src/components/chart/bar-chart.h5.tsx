/** Browser side of the bar chart: F2 on a `<canvas>` element. Same exports as bar-chart.weapp.tsx. */
import { useEffect, useRef } from 'react'
import { Text, View } from '@tarojs/components'
import { drawBarChart } from './bar-chart-spec'
import type { BarChartProps } from './bar-chart.types'
import './bar-chart.scss'

export type { BarChartProps, BarDatum } from './bar-chart.types'

/** 750 design units = the screen width: the H5 build scales them by the same rule as Taro's rem. */
const designToPx = (units: number, width: number) => (units * width) / 750

export function BarChart({ id, title, data, height = 420, format, horizontal }: BarChartProps) {
  const ref = useRef<HTMLCanvasElement | null>(null)
  useEffect(() => {
    const el = ref.current
    if (!el || data.length === 0) return undefined
    const width = el.parentElement?.clientWidth || el.clientWidth || 320
    const h = Math.round(designToPx(height, Math.min(window.innerWidth, 750)))
    const ratio = window.devicePixelRatio || 1
    el.width = Math.round(width * ratio)
    el.height = Math.round(h * ratio)
    el.style.width = `${width}px`
    el.style.height = `${h}px`
    const context = el.getContext('2d')
    if (!context) return undefined
    return drawBarChart({ context, width, height: h, pixelRatio: ratio }, { data, format, horizontal })
  }, [data, format, height, horizontal])
  return (
    <View className="bar-chart" data-chart={id}>
      <Text className="bar-chart__title">{title}</Text>
      {data.length === 0 ? <Text className="bar-chart__empty">暂无数据</Text> : <canvas ref={ref} id={id} className="bar-chart__canvas" role="img" aria-label={title} />}
    </View>
  )
}
