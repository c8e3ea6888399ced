/**
 * A claim's facts as the rules' `assess` reads them — one mapping for the claims function (which assesses on submit
 * and on decision) and the claim form (which warns as the person answers), so both read the same answers the same way.
 */
import type { AssessInput } from '@mutual-aid/shared-rules'
import type { ClaimKind, DraftFacts } from './requests'

export function assessClaimOf(kind: ClaimKind, f: DraftFacts, submittedOn?: string): AssessInput['claim'] {
  const isInpatientKind = kind === 'inpatient'
  return {
    kind,
    disease: f.disease ?? '',
    severity: f.severity ?? 'severe',
    inSitu: f.inSitu ?? false,
    // A TZ inpatient stay is dated by its admission ([I-11]).
    eventDate: (isInpatientKind ? f.admission : f.eventDate) ?? '',
    causeOfDeath: f.causeOfDeath ?? 'illness',
    inpatient: isInpatientKind ? true : (f.inpatient ?? false),
    designatedHospital: f.designatedHospital ?? false,
    admission: f.admission,
    discharge: f.discharge,
    selfPayFen: f.selfPayFen ?? 0,
    selfFundedFen: f.selfFundedFen ?? 0,
    exclusions: [],
    ...(submittedOn !== undefined ? { submittedOn } : {}),
  }
}
