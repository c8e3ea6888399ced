/**
 * Mini-program side of the bar chart: F2 on a `<canvas type="2d">` node, found with a selector query once the page has
 * rendered it (the node's own context, sized in physical pixels). Same exports as bar-chart.h5.tsx.
 */
import { useEffect } from 'react'
import Taro from '@tarojs/taro'
import { Canvas, Text, View } from '@tarojs/components'
import { drawBarChart } from './bar-chart-spec'
import type { BarChartProps } from './bar-chart.types'
import './bar-chart.scss'

export type { BarChartProps, BarDatum } from './bar-chart.types'

interface CanvasNode {
  width: number
  height: number
  getContext(kind: '2d'): CanvasRenderingContext2D
  createImage?: () => unknown
  requestAnimationFrame?: (cb: () => void) => number
  cancelAnimationFrame?: (id: number) => void
}

export function BarChart({ id, title, data, height = 420, format, horizontal }: BarChartProps) {
  useEffect(() => {
    if (data.length === 0) return undefined
    let release: (() => void) | null = null
    let cancelled = false
    Taro.nextTick(() => {
      Taro.createSelectorQuery()
        .select(`#${id}`)
        .fields({ node: true, size: true })
        .exec((res: Array<{ node?: CanvasNode; width?: number; height?: number } | null>) => {
          const found = res[0]
          const node = found?.node
          if (cancelled || !node || !found?.width || !found.height) return
          const ratio = Taro.getWindowInfo().pixelRatio || 2
          node.width = Math.round(found.width * ratio)
          node.height = Math.round(found.height * ratio)
          release = drawBarChart(
            { context: node.getContext('2d'), width: found.width, height: found.height, pixelRatio: ratio, createImage: node.createImage?.bind(node),
              requestAnimationFrame: node.requestAnimationFrame?.bind(node),
              cancelAnimationFrame: node.cancelAnimationFrame?.bind(node),
              // F2 measures text on an offscreen canvas; without a document it cannot make one itself.
              offscreenCanvas: Taro.createOffscreenCanvas({ type: '2d', width: 300, height: 150 }),
            },
            { data, format, horizontal },
          )
        })
    })
    return () => {
      cancelled = true
      release?.()
    }
  }, [id, data, format, horizontal])
  return (
    <View className="bar-chart" data-chart={id}>
      <Text className="bar-chart__title">{title}</Text>
      {data.length === 0 ? (
        <Text className="bar-chart__empty">暂无数据</Text>
      ) : (
        <Canvas type="2d" id={id} className="bar-chart__canvas" style={{ height: Taro.pxTransform(height) }} />
      )}
    </View>
  )
}
