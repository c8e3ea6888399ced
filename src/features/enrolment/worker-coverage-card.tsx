import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { enrolmentApi } from './api'
import { useLoad } from '@/services/use-load'

const COVERAGE_PAGE = '/packages/enrol/coverage/index'

/**
 * The worker's home card: where they stand today, in the rules' own words (e.g. "观察期第 45 天：此时确诊可申请慰问金
 * 1,000 元/份；…"), for each product of their current coverage. Tapping opens "我的保障".
 */
export function WorkerCoverageCard() {
  const state = useLoad(() => enrolmentApi.myCoverage(), [])
  const open = () => void Taro.navigateTo({ url: COVERAGE_PAGE })
  let lines: string[]
  let covered = false
  if (state.status === 'loading') lines = ['正在查询您的保障…']
  else if (state.status === 'error') lines = [`暂时无法查询保障：${state.message}`]
  else {
    const current = state.data.items.find((i) => i.status !== 'void')
    covered = Boolean(current?.products.some((p) => p.phase !== 'ended'))
    lines = current
      ? current.products.map((p) => `${p.name}：${p.summary}`)
      : ['您所在单位尚未为您申报互助保障。如有疑问，请联系单位工会经办人。']
  }
  return (
    <View className={`home__card home__card--coverage${covered ? ' home__card--covered' : ''}`} onClick={open}>
      <Text className="home__card-title">我的保障</Text>
      {lines.map((line) => (
        <Text key={line} className="home__card-body">
          {line}
        </Text>
      ))}
      <Text className="home__card-link">查看详情与履约确认书 ›</Text>
    </View>
  )
}
