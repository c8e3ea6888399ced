import { Text, View } from '@tarojs/components'
import { Button } from '@/components/ui'

interface PagerProps {
  /** Index of the first row shown. */
  skip: number
  total: number
  pageSize: number
  onChange(skip: number): void
}

/** Previous / next page under a list, with the range shown ("21–40 / 135"). */
export function Pager({ skip, total, pageSize, onChange }: PagerProps) {
  return (
    <View className="enrol-pager">
      <Button size="small" variant="outline" disabled={skip === 0} onClick={() => onChange(Math.max(0, skip - pageSize))}>
        上一页
      </Button>
      <Text>
        {total ? skip + 1 : 0}–{Math.min(skip + pageSize, total)} / {total}
      </Text>
      <Button size="small" variant="outline" disabled={skip + pageSize >= total} onClick={() => onChange(skip + pageSize)}>
        下一页
      </Button>
    </View>
  )
}
