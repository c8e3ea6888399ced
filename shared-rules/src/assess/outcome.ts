import type { Line, Reason } from '../types'
import type { Assessment } from './types'

/** Build an assessment from lines and reasons; refused if any blocking reason exists. */
export function outcome(lines: Line[], blocking: Reason[], partial: Reason[], endsOnPayout: boolean, endsAnyway: boolean): Assessment {
  if (blocking.length > 0) {
    return { payable: false, amountFen: 0, lines: [], reasons: partial.length ? blocking.concat(partial) : blocking, endsCoverage: endsAnyway }
  }
  let amountFen = 0
  let zeroLines = false
  for (const line of lines) {
    amountFen += line.amountFen
    if (line.amountFen <= 0) zeroLines = true
  }
  const payable = amountFen > 0
  const kept = !payable ? [] : zeroLines ? lines.filter((l) => l.amountFen > 0) : lines
  return { payable, amountFen, lines: kept, reasons: partial, endsCoverage: endsAnyway || (payable && endsOnPayout) }
}
