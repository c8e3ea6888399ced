/**
 * 免申即享 on the weapp build: the office picks the bureau's settlement export from a chat (chooseMessageFile) and reads
 * the outcome; 余静 opens a proposal from 我的申请, types her account once and confirms in two taps (确认领取, then the
 * dialog's 确认). A second proposal is left waiting for the page matrix (`proposalId`). Then a stay she files by hand
 * meets the bureau's settlement for it (the proposal held): she withdraws her claim (撤回申请 → 确认撤回 → the dialog) and
 * confirms the proposal it releases.
 */
import { residentIdCheckChar } from '@mutual-aid/shared-rules'
import { newParticipation } from '@cloud-shared/participation-doc'
import type { Emulator } from '../../helpers/emulator'
import { localCloud } from '../../../scripts/sdk-env'
import { OFFICE, TZ_PEOPLE } from '../../../scripts/demo-data'
import { assert, type HostRun } from '../context'
import { openFromHome } from './2-claims'
import { fileStayByHand, importSettlements, type Transport } from '../../helpers/stay-by-hand'

/** The functions through the emulator, as the app would call them (the steps done off screen). */
function transport(emu: Emulator): Transport {
  return {
    async call(fn, openid, action, input) {
      const answer = await emu.callFunction(fn, { action, ...input }, { openid })
      assert(answer?.ok, `${fn}.${action} as ${openid} failed: ${answer?.message}`)
      return answer.data
    },
    async upload(openid, cloudPath, bytes) {
      const form = new FormData()
      form.append('cloudPath', cloudPath)
      form.append('file', new Blob([new Uint8Array(bytes)]), cloudPath.split('/').pop() ?? 'file')
      const res = await fetch(`${emu.url}/local/upload`, { method: 'POST', headers: { Authorization: `Bearer ${await emu.token(openid)}` }, body: form })
      const body = (await res.json()) as { fileID?: string; message?: string }
      assert(body.fileID, `upload of ${cloudPath} failed: ${body.message}`)
      return body.fileID
    },
  }
}

const WORKER_TZ = 'demo-worker-tz-1'

function exportCsv(): Buffer {
  const body = '33100219880808102'
  const stranger = body + residentIdCheckChar(body)
  return Buffer.from(
    [
      '身份证号码,姓名,险种,医院名称,医院编码,是否定点,入院日期,出院日期,医疗总费用,统筹基金支付,个人自负,个人自理,结算日期,结算流水号',
      `${TZ_PEOPLE[0][1]},余静,职工医保,台州市中心医院,H33100200001,是,2021-05-03,2021-05-13,12000.00,7200.00,4000.00,800.00,2021-05-13,WX0001`,
      `${TZ_PEOPLE[0][1]},余静,职工医保,台州市中心医院,H33100200001,是,2021-06-01,2021-06-04,3000.00,2000.00,500.00,0,2021-06-04,WX0002`,
      `${stranger},路人乙,城乡居民医保,台州市立医院,H33100200002,是,2021-05-01,2021-05-04,3000.00,2000.00,1000.00,0,2021-05-04,WX0003`,
      `${TZ_PEOPLE[0][1]},余静,职工医保,台州市中心医院,H33100200001,是,2021-05-03,2021-05-13,12000.00,7200.00,4000.00,800.00,2021-05-13,WX0001`,
    ].join('\n'),
    'utf8',
  )
}

export async function run(ctx: HostRun, _dataDir: string, emu: Emulator): Promise<void> {
  const group = '免申即享'
  const db = localCloud(emu.url).database()

  await ctx.step(group, '互助办从聊天记录导入医保结算明细，看到生成、未匹配和重复的行', async () => {
    // The TZ unit's 2021 participations, covered from April (the stays are in May), are written directly; any the
    // enrolment flow made from its June payment are replaced (one per person and period, Art. 6).
    const people = (await db.collection('people').where({ unitId: 'unit-tz-haiyue' }).limit(100).get()).data
    for (const person of people) {
      const doc = newParticipation(
        { enrolmentId: 'weapp-tz-2021', unit: { _id: 'unit-tz-haiyue', agentId: 'agent-chengqu' }, person, scheme: { id: 'tz-2021', family: 'TZ' }, year: 2021, products: ['inpatient'], shares: 1, firstTime: true },
        new Date(),
        { start: '2021-04-01', end: '2021-12-31' },
      )
      const earlier = (await db.collection('participations').where({ family: 'TZ', year: 2021, idHash: doc.idHash }).get()).data as { _id: string }[]
      for (const p of earlier) await db.collection('participations').doc(p._id).remove()
      await db.collection('participations').add({ data: { _id: `weapp-part-${person._id}`, ...doc } })
    }
    const phone = ctx.phone(OFFICE.openid)
    await openFromHome(phone, '医保结算导入')
    await phone.waitFor('导入页', () => phone.route === 'packages/settle/import/index' && phone.has('选择结算文件并导入'))
    phone.chatFiles.push({ bytes: exportCsv(), name: '住院结算2021年5月.csv' })
    await phone.tap('选择结算文件并导入')
    await phone.waitFor('隐私保护提示', () => phone.has('用户隐私保护提示'))
    await phone.tap('同意并继续')
    await phone.waitFor('导入完成', () => phone.has('已生成待确认补助 2 笔'))
    assert(phone.has('未匹配参加人 1 行') && phone.has('重复 1 行'), `结果：${phone.text().slice(0, 200)}`)
    assert(phone.uploads.length === 1 && phone.uploads[0].cloudPath.startsWith(`settlement-imports/${OFFICE.openid}/`), '上传路径不对')
  })

  await ctx.step(group, '职工打开补助，填一次账户，两次点击确认领取', async () => {
    const phone = ctx.phone(WORKER_TZ)
    await openFromHome(phone, '我的申请')
    await phone.waitFor('我的申请', () => phone.route === 'packages/claims/list/index' && phone.has('来自医保结算'))
    const proposals = (await db.collection('claims').where({ personName: '余静', status: 'proposed' }).orderBy('claimNo', 'asc').get()).data
    assert(proposals.length === 2, `应有 2 笔待确认补助，实际 ${proposals.length}`)
    await phone.launch(`/packages/claims/proposal/index?id=${proposals[0]._id}`)
    await phone.waitFor('补助页', () => phone.has('住院可领取互助补助') && phone.has('2,700.00'))
    await phone.type('开户银行', '中国工商银行台州分行')
    await phone.type('银行账号', '6222020000000000099')
    await phone.tap(/^确认领取/)
    await phone.waitFor('已确认', () => phone.route === 'packages/claims/detail/index' && phone.has('待单位确认'))
    const modal = phone.modals[phone.modals.length - 1]
    assert(modal?.title.includes('确认领取补助'), `没有确认框：${modal?.title}`)
    ctx.facts.set('proposalId', proposals[1]._id)
  })

  await ctx.step(group, '职工手工申请的住院与医保结算重合：撤回申请，改为确认医保结算生成的补助', async () => {
    const api = transport(emu)
    const payee = { name: '余静', bank: '中国工商银行台州分行', account: '6222020000000000099' }
    const manual = await fileStayByHand(api, WORKER_TZ, { admission: '2021-06-08', discharge: '2021-06-10', selfPayFen: 40_000, payee })
    const header = '身份证号码,姓名,险种,医院名称,医院编码,是否定点,入院日期,出院日期,医疗总费用,统筹基金支付,个人自负,个人自理,结算日期,结算流水号'
    await importSettlements(api, OFFICE.openid, [header, `${TZ_PEOPLE[0][1]},余静,职工医保,台州市中心医院,H33100200001,是,2021-06-08,2021-06-10,2000.00,1200.00,400.00,0,2021-06-10,WX0009`].join('\n'))
    const held = (await db.collection('claims').where({ linkedClaimId: manual.claimId, status: 'held' }).get()).data as { _id: string }[]
    assert(held.length === 1, `应有 1 笔因手工申请暂不办理的补助，实际 ${held.length}`)
    const phone = ctx.phone(WORKER_TZ)
    await phone.launch(`/packages/claims/detail/index?id=${manual.claimId}`)
    await phone.waitFor('申请详情', () => phone.has('系统已根据医保结算为您生成了这次住院的补助提议'))
    await phone.tap('撤回申请', 't-button')
    await phone.waitFor('撤回表单', () => phone.has('确认撤回') && phone.has('转为待您确认'))
    await phone.tap('确认撤回', 't-button')
    await phone.waitFor('补助页', () => phone.route === 'packages/claims/proposal/index' && phone.has('住院可领取互助补助'))
    const modal = phone.modals[phone.modals.length - 1]
    assert(modal?.title.includes('确认撤回这份申请') && modal.content.includes('将转为待您确认'), `撤回确认框：${modal?.title} ${modal?.content}`)
    assert(phone.query.id === held[0]._id, `打开的不是被释放的补助：${phone.query.id}`)
    // The account is prefilled from her last claim (the one she just withdrew): two taps.
    await phone.tap(/^确认领取/)
    await phone.waitFor('已确认', () => phone.route === 'packages/claims/detail/index' && phone.has('待单位确认'))
    await phone.launch(`/packages/claims/detail/index?id=${manual.claimId}`)
    await phone.waitFor('已撤回', () => phone.has('撤回申请 → 已撤回') || (phone.has('已撤回') && phone.has('撤回申请')))
    assert(phone.byClass('t-button').every((b) => !phone.findAll('撤回申请', undefined, b).length), '已撤回的申请仍显示撤回按钮')
  })
}
