/**
 * The timeline (办理记录) names every step a claim's history can record in Chinese: the lifecycle's events and the
 * steps outside it, the bureau-proposed claim's included (an English event name was shown for those before).
 */
import { HISTORY_EVENTS } from '@mutual-aid/contracts'
import { CLAIM_EVENTS } from '@mutual-aid/shared-rules'
import { EVENT_TEXT } from '../../../src/features/claims/format'

it.each(HISTORY_EVENTS)('%s has a Chinese name', (event) => {
  expect(EVENT_TEXT[event]).toMatch(/^[\p{Script=Han}（），]+$/u)
})

it('every lifecycle event is a history event, each listed once', () => {
  expect(HISTORY_EVENTS).toEqual(expect.arrayContaining([...CLAIM_EVENTS]))
  expect(new Set(HISTORY_EVENTS).size).toBe(HISTORY_EVENTS.length)
})
