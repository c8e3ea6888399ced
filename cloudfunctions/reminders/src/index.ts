import cloud from 'wx-server-sdk'
import { remindersContract } from '@mutual-aid/contracts'
import { createMain } from '@cloud-shared/create-main'
import { recent } from './recent'
import { dispatch } from './dispatch'

/**
 * Reminders on time (issue 14): the `dispatch` timer trigger — the one trigger WeChat allows a function — tells every
 * due reminder: reviewers (a claim at their level, the 第十九条 due date near or past), workers (an unsubmitted draft
 * near the claim deadline), clerks (declaration windows opening and closing, new hires near the 第十三条 limit). Each
 * reminder reaches the in-app inbox exactly once, and WeChat where the user subscribed.
 */
export const main = createMain(remindersContract, cloud, { recent }, { timers: { dispatch } })
