/**
 * The office runs the year on the weapp build: announces TZ 2022's fees (confirmed first), drafts TZ 2023 from it,
 * raises one amount in the labelled editor, saves, previews the documents' examples (the changed outcomes marked) and
 * publishes after a confirmation; then fires the reminders timer and reads 提醒记录.
 */
import { OFFICE } from '../../../scripts/demo-data'
import type { Emulator } from '../../helpers/emulator'
import type { MiniProgram } from '../host/mini-program'
import { assert, type HostRun } from '../context'
import { openFromHome } from './2-claims'

/** The version card on 方案管理 that shows `id`. */
function card(phone: MiniProgram, id: string) {
  const found = phone.byClass('schemes-card').find((n) => phone.findAll(id, undefined, n).length > 0)
  assert(found, `方案管理上找不到 ${id}：${phone.text().slice(0, 300)}`)
  return found
}

export async function run(ctx: HostRun, _dataDir: string, emu: Emulator): Promise<void> {
  const group = '方案管理与提醒'

  await ctx.step(group, '互助办公布台州 2022 年度缴费标准', async () => {
    const phone = ctx.phone(OFFICE.openid)
    await openFromHome(phone, '方案管理')
    await phone.waitFor('方案管理', () => phone.route === 'packages/office/schemes/index' && phone.has('tz-2022'))
    assert(phone.findAll('缴费标准待公布', undefined, card(phone, 'tz-2022')).length > 0, 'tz-2022 没有显示“缴费标准待公布”')
    await phone.tap('公布缴费标准', undefined, card(phone, 'tz-2022'))
    await phone.waitFor('公布缴费标准页', () => phone.route === 'packages/office/scheme-fees/index' && phone.has('核对示例'))
    await phone.type('通知文号或名称', '台总工〔2021〕20号')
    await phone.tap('公布缴费标准', 't-button')
    assert(phone.modals.some((m) => m.title.includes('公布缴费标准')), '公布前没有确认')
    await phone.waitFor('回到方案管理', () => phone.route === 'packages/office/schemes/index' && phone.has('缴费标准已公布'))
    assert(phone.findAll('台总工〔2021〕20号', undefined, card(phone, 'tz-2022')).length > 0, 'tz-2022 没有显示公布的文号')
  })

  await ctx.step(group, '互助办以 2022 年度为基础新建 2023 年度草稿，改动一项金额并保存', async () => {
    const phone = ctx.phone(OFFICE.openid)
    await openFromHome(phone, '方案管理')
    await phone.waitFor('方案管理', () => phone.route === 'packages/office/schemes/index' && phone.has('tz-2022'))
    await phone.tap('新建下一版本', undefined, card(phone, 'tz-2022'))
    assert(phone.modals.some((m) => m.title.includes('新建方案版本')), '新建前没有确认')
    await phone.waitFor('编辑草稿', () => phone.route === 'packages/office/scheme-edit/index' && phone.has('重大疾病（重度）互助金（元）'))
    assert(phone.has('依据：'), '编辑页的数值没有注明依据条款')
    await phone.type('重大疾病（重度）互助金（元）', '一万')
    assert(phone.has('请填写金额'), '读不懂的金额没有提示')
    await phone.type('重大疾病（重度）互助金（元）', '60000')
    await phone.waitFor('有未保存的修改', () => phone.has('有尚未保存的修改'))
    await phone.tap(/^保存$/, 't-button')
    await phone.waitFor('已保存', () => phone.has('已保存（第 2 稿）'))
    ctx.facts.set('schemeDraftId', phone.query.draftId ?? '')
    assert(ctx.facts.get('schemeDraftId'), '编辑页没有 draftId')
  })

  await ctx.step(group, '预览文件示例的变化后发布 2023 年度版本', async () => {
    const phone = ctx.phone(OFFICE.openid)
    await phone.launch(`/packages/office/scheme-preview/index?draftId=${ctx.facts.get('schemeDraftId')}`)
    await phone.waitFor('预览', () => phone.has('文件示例的计算结果'))
    assert(phone.has('有变化'), '提高重大疾病金额后，文件示例没有标出变化')
    assert(phone.has('重大疾病（重度）互助金（元）'), '改动的数值没有按标签列出')
    await phone.tap(/^发布$/, 't-button')
    assert(phone.modals.some((m) => m.title.includes('发布方案版本')), '发布前没有确认')
    await phone.waitFor('已发布', () => phone.route === 'packages/office/schemes/index' && phone.has('tz-2023'))
    assert(phone.findAll('已发布', undefined, card(phone, 'tz-2023')).length > 0, 'tz-2023 没有标为已发布')
  })

  await ctx.step(group, '定时提醒运行后，互助办在提醒记录里看到发出的提醒（到达各环节时的审核提醒）', async () => {
    const result = (await emu.fireTimer('reminders', 'dispatch')) as { ok: boolean; data?: { sent: number } }
    assert(result.ok, `定时提醒失败：${JSON.stringify(result).slice(0, 300)}`)
    const phone = ctx.phone(OFFICE.openid)
    await openFromHome(phone, '提醒记录')
    await phone.waitFor('提醒记录', () => phone.route === 'packages/office/reminders/index' && phone.has('每条提醒只发一次'))
    // The claims flow's claim reached each level: its reviewers were reminded at that moment.
    assert(phone.has('申请待审核'), `提醒记录里没有“申请待审核”：${phone.text().slice(0, 300)}`)
    // The timer's last tick is shown once it has sent something.
    const sent = result.data?.sent ?? 0
    if (sent > 0) assert(phone.has(`发出 ${sent} 条`), `定时提醒发出 ${sent} 条，页面：${phone.text().slice(0, 300)}`)
  })
}
