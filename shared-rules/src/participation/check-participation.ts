import { ceilDiv, roundHalfUp } from '../money/round-half-up'
import { resolveScheme, type SchemeRef } from '../schemes/registry'
import type { Reason, UnitType } from '../types'

/** Input of {@link checkParticipation}. */
export interface ParticipationInput {
  scheme: SchemeRef
  unitType: UnitType
  /** Bank or insurer (affects TZ fees only). */
  finance?: boolean
  /** In-service staff on the unit's roster (last month's report, WH 第五条). */
  staff: number
  /** People the unit enrols. */
  participants: number
}

/** Result of {@link checkParticipation}. `requiredMin` = the fewest participants that pass. */
export interface ParticipationResult {
  ok: boolean
  reasons: Reason[]
  requiredMin: number
}

function percentText(part: number, whole: number): string {
  const tenths = whole > 0 ? roundHalfUp(part * 1000, whole) : 0
  return `${Math.floor(tenths / 10)}${tenths % 10 ? '.' + (tenths % 10) : ''}%`
}

/**
 * Whether a unit's enrolment meets the participation rule (团体参加，比例要求):
 * WH 第四条 — ≥ 80 % of staff, 100 % for units of ≤ 30; TZ 二2 — private enterprises ≥ 10 people and
 * ≥ 70 % ([I-6]), everyone else 100 % ([I-14]). Nobody beyond the unit's own staff (no 挂靠).
 *
 * @example checkParticipation({ scheme: 'tz-2021', unitType: 'private', staff: 40, participants: 30 }) // ok, requiredMin 28
 */
export function checkParticipation(i: ParticipationInput): ParticipationResult {
  const s = resolveScheme(i.scheme)
  const rule = s.participation[i.unitType]
  const staff = Math.max(0, Math.floor(i.staff))
  const participants = Math.max(0, Math.floor(i.participants))
  const everyone = rule.allIfStaffAtMost !== null && staff <= rule.allIfStaffAtMost
  const byRatio = everyone ? staff : ceilDiv(staff * rule.minPercent, 100)
  const requiredMin = Math.max(byRatio, rule.minCount ?? 0)
  const reasons: Reason[] = []

  if (participants > staff) {
    reasons.push({ code: 'PARTICIPANTS_EXCEED_STAFF', basis: s.staffOnlyBasis,
      message: `参加人数 ${participants} 人超过本单位在职职工 ${staff} 人；只能为本单位在职职工办理参加，不得挂靠参保。` })
  }
  if (rule.minCount !== null && participants < rule.minCount) {
    reasons.push({ code: 'PARTICIPATION_MIN_COUNT', basis: rule.basis,
      message: `该类单位参加人数不得少于 ${rule.minCount} 人，目前为 ${participants} 人。` })
  }
  if (participants < byRatio) {
    reasons.push({ code: 'PARTICIPATION_RATIO', basis: rule.basis,
      message: everyone
        ? rule.minPercent === 100 && rule.allIfStaffAtMost === null
          ? `须全体在职职工参加（应保尽保），本单位在职 ${staff} 人，目前参加 ${participants} 人。`
          : `在职职工 ${rule.allIfStaffAtMost} 人及以下的单位须全员参加，本单位在职 ${staff} 人，目前参加 ${participants} 人。`
        : rule.minPercent === 100
          ? `须全体在职职工参加（应保尽保），本单位在职 ${staff} 人，目前参加 ${participants} 人。`
          : `参加人数须不少于在职职工的 ${rule.minPercent}%（至少 ${byRatio} 人），目前 ${participants} 人，占 ${percentText(participants, staff)}。` })
  }
  return { ok: reasons.length === 0, reasons, requiredMin }
}
