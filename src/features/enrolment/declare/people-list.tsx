import { useMemo, useState } from 'react'
import { Text, View } from '@tarojs/components'
import type { PreparedPerson } from '@mutual-aid/contracts'
import { PageState } from '@/components/page-state'
import { LoadMore } from '@/components/load-more'
import { Search, Tag } from '@/components/ui'
import type { PersonTag } from './declare-rules'

/** Rows shown at first, and added by each 加载更多 (the whole roster is already on the phone). */
const PAGE = 30

export interface PeopleFilter {
  value: string
  label: string
  test: (p: PreparedPerson) => boolean
}

export interface PeopleListProps {
  people: readonly PreparedPerson[]
  selected: ReadonlySet<string>
  toggle: (p: PreparedPerson) => void
  tagsOf: (p: PreparedPerson) => PersonTag[]
  filters: readonly PeopleFilter[]
}

/** Selection list with search, filter chips and 加载更多; the parent owns the selected set. */
export function PeopleList({ people, selected, toggle, tagsOf, filters }: PeopleListProps) {
  const [query, setQuery] = useState('')
  const [filter, setFilter] = useState(filters[0]?.value ?? '')
  const [limit, setLimit] = useState(PAGE)
  const shown = useMemo(() => {
    const f = filters.find((x) => x.value === filter) ?? filters[0]
    const q = query.trim()
    return people.filter((p) => f.test(p) && (!q || p.name.includes(q) || p.idMasked.endsWith(q)))
  }, [people, filter, query, filters])
  const page = shown.slice(0, limit)
  const search = (q: string) => {
    setQuery(q)
    setLimit(PAGE)
  }
  return (
    <View className="people-list">
      <Search value={query} onChange={search} placeholder="搜索姓名或身份证后四位" />
      <View className="enrol-chip-row">
        {filters.map((f) => (
          <View
            key={f.value}
            className={`enrol-chip ${filter === f.value ? 'enrol-chip--on' : ''}`}
            onClick={() => {
              setFilter(f.value)
              setLimit(PAGE)
            }}
          >
            {f.label}
          </View>
        ))}
      </View>
      {page.length === 0 ? <PageState status="empty" description="没有符合条件的职工" /> : null}
      {page.map((p) => {
        const on = selected.has(p._id)
        return (
          <View key={p._id} className={`enrol-row declare-row ${on ? 'declare-row--on' : ''}`} onClick={() => toggle(p)}>
            <View className={`enrol-row__check ${on ? 'enrol-row__check--on' : ''}`}>{on ? '✓' : ''}</View>
            <View className="enrol-row__main">
              <Text className="enrol-row__name">{p.name}</Text>
              <View className="enrol-row__tags">
                {tagsOf(p).map((t) => (
                  <Tag key={t.text} size="small" theme={t.theme ?? 'default'}>
                    {t.text}
                  </Tag>
                ))}
              </View>
              <Text className="enrol-row__sub">
                {p.idMasked} · {p.sex === 'female' ? '女' : '男'} · {p.hireDate} 入职
              </Text>
            </View>
          </View>
        )
      })}
      {page.length > 0 ? (
        <LoadMore total={shown.length} shown={page.length} hasMore={page.length < shown.length} loading={false} error={null} onMore={() => setLimit(limit + PAGE)} unit="人" />
      ) : null}
    </View>
  )
}
