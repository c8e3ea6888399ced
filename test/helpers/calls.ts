/**
 * Calling cloud functions from a test the way the app does, shared by the function suites' fixtures: subscribed first
 * where the app asks for a subscription before the tap, each answer checked against its contract, and `ok` for the
 * steps a test takes on its way to what it checks.
 */
import { SUBSCRIBE_ON, type SubscribeMoment } from '@mutual-aid/contracts'
import type { Emulator } from './emulator'
import { checkAnswer } from './contract-check'

export type Call = (fn: string, openid: string, action: string, input?: Record<string, unknown>) => Promise<any>

/** What every function suite's fixture hands its tests: the emulator, its database, and the two ways to call. */
export interface CallingSuite {
  emu: Emulator
  db: any
  /** Calls `fn` with `{ action, ...input }` as `openid`; answers the envelope. */
  call: Call
  /** Like `call` but fails the test unless the answer is ok; answers `data`. */
  ok: Call
}

/** The taps on which the app asks for subscriptions before these actions (src/features/notifications). */
export const APP_MOMENTS: Readonly<Record<string, SubscribeMoment | undefined>> = {
  'enrolment.submit': 'declare',
  'auth.bindWorker': 'bind',
  'claims.submit': 'claimSubmit',
  'claims.resubmit': 'claimResubmit',
  'claims.decide': 'officeReview',
  'claims.markPaid': 'officeReview',
}

/** Calls `fn` with `{ action, ...input }` as `openid`, subscribed first at `moments[fn.action]`; the answer checked. */
export function appCaller(emu: Emulator, moments = APP_MOMENTS): Call {
  return async (fn, openid, action, input = {}) => {
    const moment = moments[`${fn}.${action}`]
    if (moment) await emu.subscribe(openid, SUBSCRIBE_ON[moment])
    const answer = await emu.callFunction(fn, { action, ...input }, { openid })
    checkAnswer(fn, action, answer)
    return answer
  }
}

/** Like `call` but fails the test unless the answer is ok (saying which call, as whom, and what came back); answers `data`. */
export function okOf(call: Call): Call {
  return async (fn, openid, action, input = {}) => {
    const answer = await call(fn, openid, action, input)
    if (!answer?.ok) throw new Error(`${fn}.${action} as ${openid} failed: ${JSON.stringify(answer).slice(0, 800)}`)
    return answer.data
  }
}
