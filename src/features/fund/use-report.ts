import { useState } from 'react'
import type { FundReport } from '@mutual-aid/contracts'
import type { Family } from '@mutual-aid/shared-rules'
import { useLoad } from '@/services/use-load'
import { fundApi, type ReportFilter } from './api'

/** A drill-down step: the whole scheme → an agent → a unit (tapping a row of the table below the figures). */
export interface ReportLevel {
  agentId?: string
  agentName?: string
  unitId?: string
  unitName?: string
}

/**
 * The report page's state: scheme family and year (the year the function answered for when not chosen), and the
 * drill-down from the whole scheme to an agent and a unit. An agent starts at its own units (the function narrows
 * every request to them).
 */
export function useReport() {
  const [family, setFamily] = useState<Family>('WH')
  const [year, setYear] = useState<number | undefined>(undefined)
  const [level, setLevel] = useState<ReportLevel>({})
  const filter: ReportFilter = { family, year, agentId: level.agentId, unitId: level.unitId }
  const report = useLoad(() => fundApi.report(filter), [family, year, level.agentId, level.unitId])
  const data: FundReport | null = report.status === 'ready' ? report.data : null
  const shownYear = year ?? data?.scope.year

  return {
    report,
    family,
    year: shownYear,
    level,
    setFamily: (f: Family) => {
      setFamily(f)
      setLevel({})
    },
    setYear,
    /** Opens the row's agent or unit. */
    open: (rowsBy: 'agent' | 'unit', id: string, name: string) =>
      setLevel((l) => (rowsBy === 'agent' ? { agentId: id, agentName: name } : { ...l, unitId: id, unitName: name })),
    /** Back one level (unit → its agent → the whole scheme). */
    up: () => setLevel((l) => (l.unitId ? { agentId: l.agentId, agentName: l.agentName } : {})),
    filter: { ...filter, year: shownYear },
  }
}
