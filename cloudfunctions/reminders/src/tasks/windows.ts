import { addDays, daysBetween, renewalGraceEnd, type Scheme } from '@mutual-aid/shared-rules'
import { wxDate, wxThing } from '@mutual-aid/contracts'
import type { UserDoc } from '@cloud-shared/context'
import type { UnitDoc } from '@cloud-shared/documents'
import type { Reminder } from '@cloud-shared/remind'
import { findIn, pageAfter } from '../scan'
import type { Task, Tick } from '../tick'

/** Calendar days before a window closes at which units that have not declared are reminded. */
export const CLOSING_DAYS_BEFORE = 10

/** A window in which a unit declares for a period: its dates, whom it concerns and how it is named in a message. */
interface Window {
  key: string
  label: string
  from: string
  to: string
  year: number
  basis: string
  /** Only units that had a paid annual declaration for the year before (WH renewal). */
  renewalOnly: boolean
}

/**
 * The windows open today: each TZ version's enrolment window (late = refused) once its fees are known — a clerk cannot
 * declare before the office announces them (TZ 2022) — and the WH renewal window, from 1 January to the end of 第十二条's
 * 30-day grace (a renewal paid by then keeps coverage continuous, [I-3]).
 */
export function openWindows(tick: Tick): { family: 'WH' | 'TZ'; window: Window }[] {
  const { today } = tick
  const out: { family: 'WH' | 'TZ'; window: Window }[] = []
  for (const s of tick.schemes.registry.schemes) {
    if (s.family !== 'TZ' || s.fees === null) continue
    if (s.enrolment.from <= today && today <= s.enrolment.to) {
      out.push({ family: 'TZ', window: { key: s.id, label: `台州${s.year}年度参保申报`, from: s.enrolment.from, to: s.enrolment.to, year: s.year, basis: s.enrolment.basis, renewalOnly: false } })
    }
  }
  const year = Number(today.slice(0, 4))
  const wh: Scheme | undefined = tick.schemes.registry.forYear('WH', year)
  if (wh) {
    const from = `${year}-01-01`
    const to = renewalGraceEnd(wh, addDays(from, -1))
    if (from <= today && today <= to) {
      out.push({ family: 'WH', window: { key: `${wh.id}-${year}`, label: `武汉城市圈${year}年度续保`, from, to, year, basis: wh.family === 'WH' ? wh.continuity.basis : '', renewalOnly: true } })
    }
  }
  return out
}

interface EnrolmentForReminders {
  _id: string
  unitId: string
  year: number
  kind: string
  status: string
}

/**
 * Clerks of units that have not declared yet hear when a declaration window opens and, again, when it is about to
 * close (10 days before its last day), each once per window.
 */
export const windowsTask: Task = {
  name: 'windows',
  async page(tick, cursor) {
    const windows = openWindows(tick)
    if (windows.length === 0) return { next: null, finished: true }
    const { ctx, today } = tick
    const { docs: units, next } = await pageAfter<UnitDoc>(ctx.db, 'units', {}, cursor)
    const ids = units.map((u) => u._id)
    const years = [...new Set(windows.flatMap((w) => [w.window.year, w.window.year - 1]))]
    const _ = ctx.db.command
    const [enrolments, clerks] = await Promise.all([
      findIn<EnrolmentForReminders>(ctx.db, 'enrolments', 'unitId', ids, { year: _.in(years), kind: 'annual' }),
      findIn<UserDoc>(ctx.db, 'users', 'unitId', ids, { role: 'clerk' }),
    ])
    const reminders: Reminder[] = []
    for (const unit of units) {
      const mine = enrolments.filter((e) => e.unitId === unit._id)
      for (const { family, window: w } of windows) {
        if (unit.family !== family) continue
        // Declared already (anything but a declaration returned to the unit, which it must file again).
        if (mine.some((e) => e.year === w.year && e.status !== 'returned')) continue
        if (w.renewalOnly && !mine.some((e) => e.year === w.year - 1 && e.status === 'paid')) continue
        const closing = daysBetween(today, w.to) <= CLOSING_DAYS_BEFORE
        for (const clerk of clerks.filter((c) => c.unitId === unit._id)) {
          reminders.push(windowReminder(w, unit, clerk._id, 'window_open'))
          if (closing) reminders.push(windowReminder(w, unit, clerk._id, 'window_closing'))
        }
      }
    }
    return { next, finished: await tick.tell(reminders) }
  },
}

function windowReminder(w: Window, unit: UnitDoc, openid: string, kind: 'window_open' | 'window_closing'): Reminder<'enrolmentWindow'> {
  const open = kind === 'window_open'
  return {
    id: `${kind}:${w.key}:${unit._id}:${openid}`,
    kind,
    openid,
    template: 'enrolmentWindow',
    title: open ? `${w.label}已开始` : `${w.label}即将截止（${w.to}）`,
    body: open
      ? `${w.label}时间为 ${w.from} 至 ${w.to}（${w.basis}）。${unit.name}尚未申报，请核对名册后在截止日前网上申报并缴费。`
      : `${w.label}将于 ${w.to} 截止（${w.basis}），${unit.name}尚未申报。${w.renewalOnly ? '逾期续保的按首次参加办理，设观察期。' : '逾期不予参保。'}请尽快申报。`,
    page: 'packages/enrol/declare/index',
    fields: { thing1: wxThing(w.label), date2: wxDate(w.to), phrase3: open ? '已开始' : '即将截止' },
    ref: { entity: 'unit', id: unit._id },
  }
}
