import { Text, View } from '@tarojs/components'
import { Button } from './ui'
import './load-more.scss'

export interface LoadMoreProps {
  /** How many the whole list holds (the answer's `total`). */
  total: number
  /** How many are shown now. */
  shown: number
  /** Whether a next page exists. */
  hasMore: boolean
  loading: boolean
  /** Why the last attempt failed, or null. */
  error: string | null
  onMore: () => void
  /** What is counted: 条 (default), 人, 家 … */
  unit?: string
}

/** Under a list: "共 N 条", and "加载更多" while there is a next page (with the reason when it failed). */
export function LoadMore({ total, shown, hasMore, loading, error, onMore, unit = '条' }: LoadMoreProps) {
  return (
    <View className="load-more">
      <Text className="load-more__count">{hasMore ? `共 ${total} ${unit}，已显示 ${shown} ${unit}` : `共 ${total} ${unit}`}</Text>
      {error ? <Text className="load-more__error">{`加载失败：${error}`}</Text> : null}
      {hasMore ? (
        <Button size="medium" variant="outline" theme="primary" block loading={loading} disabled={loading} onClick={onMore}>
          加载更多
        </Button>
      ) : null}
    </View>
  )
}
