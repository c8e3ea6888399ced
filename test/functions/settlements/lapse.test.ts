/**
 * A proposal not accepted by the claims cutoff (TZ 2021: 2022-03-31) is reminded once in the scheme's window before it
 * (default 14 days) and lapses after it: its stay is freed and it can no longer be accepted. The clock is the
 * emulator's business date, so the same data is opened again a week later.
 */
import { mkdtempSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { TZ_PEOPLE } from '../../../scripts/demo-data'
import { startEmulator } from '../../helpers/emulator'
import { checkAnswer } from '../../helpers/contract-check'
import { localCloud } from '../../../scripts/sdk-env'
import { OFFICE, PAYEE_YJ, WORKER_TZ, csvOf, importToEnd, okData, startSettleSuite, staysOfParticipation, tzId } from './helpers'

const dataDir = mkdtempSync(path.join(os.tmpdir(), 'settle-lapse-'))
let claimId = ''

it('a week before the cutoff: proposed and reminded once, by inbox and by push where subscribed', async () => {
  const s = await startSettleSuite({ today: '2022-03-24', dataDir })
  try {
    const answer = okData(await importToEnd(s, OFFICE, csvOf([{ id: tzId(0), name: TZ_PEOPLE[0][0], admission: '2021-12-20', discharge: '2021-12-24', selfPay: '1000.00', selfFunded: '0', serial: 'L1' }])))
    expect(answer.counts.proposed).toBe(1)
    claimId = (await s.db.collection('settlements').where({ serial: 'L1' }).get()).data[0].claimId
    await s.emu.subscribe(WORKER_TZ, ['claimProposed'])
    for (let i = 0; i < 2; i++) expect(await s.emu.fireTimer('settlements', 'tick')).toMatchObject({ ok: true, data: { lapsed: 0, reminded: 1 } })
    const inbox = (await s.db.collection('messages').where({ openid: WORKER_TZ, template: 'claimProposed' }).get()).data
    expect(inbox.map((m: any) => m.noticeId.split(':')[1]).sort()).toEqual(['proposalReminder', 'proposed'])
    expect(inbox.find((m: any) => m.noticeId.endsWith('proposalReminder')).body).toContain('请在 2022-03-31 前确认')
    const pushes = await s.emu.outbox(WORKER_TZ)
    expect(pushes.filter((p: any) => p.templateId === 'local-claimProposed').length).toBeGreaterThanOrEqual(1)
  } finally {
    await s.emu.stop()
  }
}, 60_000)

it('after the cutoff: it lapses at the tick, frees the stay and cannot be accepted', async () => {
  const emu = await startEmulator({ env: { MUTUAL_AID_TODAY: '2022-04-01' }, dataDir })
  try {
    const db = localCloud(emu.url).database()
    const call = async (fn: string, openid: string, action: string, input: Record<string, unknown>) => {
      const answer = await emu.callFunction(fn, { action, ...input }, { openid })
      checkAnswer(fn, action, answer)
      return answer
    }
    expect(await emu.fireTimer('settlements', 'tick')).toMatchObject({ ok: true, data: { lapsed: 1 } })
    const claim = (await db.collection('claims').where({ _id: claimId }).get()).data[0]
    expect(claim.status).toBe('lapsed')
    expect(claim.history.at(-1)).toMatchObject({ event: 'lapse', note: expect.stringContaining('2022-03-31') })
    expect(await staysOfParticipation(db, claim.participationId)).toEqual([])
    okData(await call('claims', WORKER_TZ, 'consent', { kind: 'medical_info', version: '2021-01' }))
    const refused = await call('claims', WORKER_TZ, 'acceptProposal', { claimId, version: claim.version, payee: PAYEE_YJ })
    expect(refused).toMatchObject({ ok: false, code: 'INVALID_TRANSITION' })
    expect(await emu.fireTimer('settlements', 'tick')).toMatchObject({ ok: true, data: { lapsed: 0 } })
  } finally {
    await emu.stop()
  }
}, 60_000)
