import { claimDeadline, schemeOn, type ClaimAssessment, type Scheme } from '@mutual-aid/shared-rules'
import { assessClaim } from '@cloud-shared/claim-assessment'
import type { ParticipationDoc, StayEntry } from '@cloud-shared/documents'
import { openAllowanceDays, overlappingStay } from '@cloud-shared/stays'
import type { SettlementState } from '@mutual-aid/contracts'
import { claimIdOf, type SettlementDoc } from './model'

/** What one settlement row becomes. */
export interface RowPlan {
  row: SettlementDoc
  state: Exclude<SettlementState, 'pending' | 'duplicate'>
  reasons: SettlementDoc['reasons']
  participation: ParticipationDoc | null
  assessment: ClaimAssessment | null
  /** The claim already holding an overlapping stay (a held proposal is linked to it). */
  linkedClaimId: string | null
  /** The stay the proposal registers on the participation (proposed rows only). */
  stay: StayEntry | null
}

/** The participation a settlement is for: the one whose coverage holds the admission, else the same year's, else any. */
function participationFor(candidates: ParticipationDoc[], admission: string): ParticipationDoc | null {
  const year = Number(admission.slice(0, 4))
  return (
    candidates.find((p) => p.coverageStart && p.coverageEnd && p.coverageStart <= admission && admission <= p.coverageEnd) ??
    candidates.find((p) => p.year === year) ??
    candidates[0] ??
    null
  )
}

/** The facts of a claim, from the bureau's settlement instead of the worker's form. */
export function factsOf(r: SettlementDoc) {
  return {
    hospital: r.hospitalName,
    designatedHospital: r.designated,
    admission: r.admission,
    discharge: r.discharge,
    selfPayFen: r.selfPayFen,
    selfFundedFen: r.selfFundedFen,
    medicalInsurance: r.insurance,
  }
}

/**
 * Decides every row of a chunk, in row order: matched by the keyed ID hash to an active TZ participation (of the
 * importing agent's units, for an agent), assessed by the rules exactly as a filed inpatient claim — with the
 * allowance days already paid *or* proposed counted against the 30-day cap — and held when the person already has a
 * claim for an overlapping stay. `staysOf` gives each participation's stays as the database holds them (its own and
 * those it references, `_shared/src/stays.ts`); stays this chunk itself registered before (a chunk done again after a
 * crash) are left out and counted again in order, so a chunk decides the same way every time.
 */
export function planChunk(
  rows: SettlementDoc[],
  byHash: Map<string, ParticipationDoc[]>,
  staysOf: (p: ParticipationDoc) => StayEntry[],
  scope: { agentId: string | null },
  today: string,
  schemeOf: (id: ParticipationDoc['schemeId']) => Scheme,
): RowPlan[] {
  const own = new Set(rows.map((r) => claimIdOf(r._id)))
  // Per participation: its stays from the database without this chunk's own, then those this chunk adds.
  const stays = new Map<string, StayEntry[]>()
  const plans: RowPlan[] = []
  for (const r of [...rows].sort((a, b) => a.row - b.row)) {
    const candidates = (byHash.get(r.idHash) ?? []).filter((p) => p.status === 'active' && (!scope.agentId || p.agentId === scope.agentId))
    const p = participationFor(candidates, r.admission)
    if (!p) {
      const scheme = schemeOn('TZ', r.admission, 'period')
      plans.push({
        row: r,
        state: 'unmatched',
        reasons: [{ code: 'NOT_PARTICIPANT', message: '按身份证号码未找到本期住院医疗互助参加人（须由所在单位工会申报并缴费）。', basis: scheme?.family === 'TZ' ? scheme.activity.basis : null }],
        participation: null,
        assessment: null,
        linkedClaimId: null,
        stay: null,
      })
      continue
    }
    if (!p.products.includes('inpatient')) {
      plans.push({
        row: r,
        state: 'not_qualifying',
        reasons: [{ code: 'PRODUCT_NOT_JOINED', message: '所在单位本期没有参加住院医疗互助项目。', basis: null }],
        participation: p,
        assessment: null,
        linkedClaimId: null,
        stay: null,
      })
      continue
    }
    const known = stays.get(p._id) ?? staysOf(p).filter((s) => !own.has(s.claimId))
    stays.set(p._id, known)
    const claimId = claimIdOf(r._id)
    const used = (p.inpatientDaysUsed ?? 0) + openAllowanceDays(known)
    const assessment = assessClaim({ ...p, inpatientDaysUsed: used }, { product: 'inpatient', kind: 'inpatient', facts: factsOf(r) }, today, schemeOf(p.schemeId))
    const reasons = assessment.reasons.map((x) => ({ code: x.code, message: x.message, basis: x.basis }))
    if (!assessment.payable) {
      plans.push({ row: r, state: 'not_qualifying', reasons, participation: p, assessment, linkedClaimId: null, stay: null })
      continue
    }
    const other = overlappingStay(known, r)
    if (other) {
      plans.push({
        row: r,
        state: 'held',
        reasons: [{ code: 'SAME_STAY_CLAIMED', message: `同一次住院（${other.admission} 至 ${other.discharge}）已有申请，按该申请办理，不重复给付。`, basis: null }],
        participation: p,
        assessment,
        linkedClaimId: other.claimId,
        stay: null,
      })
      continue
    }
    const stay: StayEntry = { claimId, source: 'settlement', admission: r.admission, discharge: r.discharge, days: assessment.onPayout.allowanceDays, counted: false }
    known.push(stay)
    plans.push({ row: r, state: 'proposed', reasons, participation: p, assessment, linkedClaimId: null, stay })
  }
  return plans
}

/** The last day a proposal can be accepted: the claims cutoff of the participation's own version for the admission. */
export const acceptBy = (scheme: Scheme, admission: string) => claimDeadline(scheme, admission)
