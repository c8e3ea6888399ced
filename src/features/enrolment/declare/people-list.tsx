import { useEffect, useState } from 'react'
import { Text, View } from '@tarojs/components'
import type { PreparedPerson } from '@mutual-aid/contracts'
import { PageState } from '@/components/page-state'
import { LoadMore } from '@/components/load-more'
import { Search, Tag } from '@/components/ui'
import { usePagedLoad } from '@/services/use-load'
import { enrolmentPages, type DeclarePeopleList } from '../api'
import type { PersonTag } from './declare-rules'

/**
 * A view of the list: a page of the server's list (`list`), or people the page already holds (`rows`: those the clerk
 * named by ticking or unticking — a few, kept on the phone).
 */
export type PeopleView = { value: string; label: string } & ({ list: DeclarePeopleList } | { rows: readonly PreparedPerson[] })

export interface PeopleListProps {
  year: number
  views: readonly PeopleView[]
  isChosen: (p: PreparedPerson) => boolean
  toggle: (p: PreparedPerson) => void
  tagsOf: (p: PreparedPerson) => PersonTag[]
}

/** Selection list read from the server a page at a time, with search by the beginning of a name and view chips. */
export function PeopleList({ year, views, isChosen, toggle, tagsOf }: PeopleListProps) {
  const [query, setQuery] = useState('')
  // The server is asked once typing pauses, not at every character.
  const [searched, setSearched] = useState('')
  useEffect(() => {
    const timer = setTimeout(() => setSearched(query.trim()), 400)
    return () => clearTimeout(timer)
  }, [query])
  const [viewValue, setView] = useState(views[0]?.value ?? '')
  const view = views.find((v) => v.value === viewValue) ?? views[0]
  return (
    <View className="people-list">
      <Search value={query} onChange={setQuery} placeholder="搜索姓名（开头几个字）" />
      {views.length > 1 ? (
        <View className="enrol-chip-row">
          {views.map((v) => (
            <View key={v.value} className={`enrol-chip ${view.value === v.value ? 'enrol-chip--on' : ''}`} onClick={() => setView(v.value)}>
              {v.label}
            </View>
          ))}
        </View>
      ) : null}
      {'list' in view ? (
        <ServerRows year={year} list={view.list} query={searched} isChosen={isChosen} toggle={toggle} tagsOf={tagsOf} />
      ) : (
        <HeldRows rows={view.rows} query={query.trim()} isChosen={isChosen} toggle={toggle} tagsOf={tagsOf} />
      )}
    </View>
  )
}

type RowsProps = Pick<PeopleListProps, 'isChosen' | 'toggle' | 'tagsOf'> & { query: string }

/** One of the server's lists, 30 at a time (加载更多 asks for the next page). */
function ServerRows({ year, list, query, ...rows }: RowsProps & { year: number; list: DeclarePeopleList }) {
  const page = usePagedLoad(enrolmentPages.people({ year, list, query: query || undefined }), [year, list, query])
  if (page.status === 'loading') return <PageState status="loading" text="正在读取名单…" />
  if (page.status === 'error') return <PageState status="error" message={page.message} onRetry={page.reload} />
  const { items, total, nextCursor } = page.data
  return (
    <>
      <Rows people={items} {...rows} />
      {items.length > 0 ? (
        <LoadMore total={total} shown={items.length} hasMore={nextCursor !== null} loading={page.loadingMore} error={page.moreError} onMore={page.loadMore} unit="人" />
      ) : null}
    </>
  )
}

/** People the page holds (the clerk's own ticks or unticks), searched on the phone. */
function HeldRows({ rows, query, ...props }: RowsProps & { rows: readonly PreparedPerson[] }) {
  const shown = query ? rows.filter((p) => p.name.startsWith(query)) : rows
  return (
    <>
      <Rows people={shown} {...props} />
      {shown.length > 0 ? <LoadMore total={shown.length} shown={shown.length} hasMore={false} loading={false} error={null} onMore={() => undefined} unit="人" /> : null}
    </>
  )
}

function Rows({ people, isChosen, toggle, tagsOf }: Pick<PeopleListProps, 'isChosen' | 'toggle' | 'tagsOf'> & { people: readonly PreparedPerson[] }) {
  if (people.length === 0) return <PageState status="empty" description="没有符合条件的职工" />
  return (
    <>
      {people.map((p) => {
        const on = isChosen(p)
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
    </>
  )
}
