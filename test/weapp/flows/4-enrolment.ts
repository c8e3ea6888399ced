/**
 * Enrolment on the weapp build: the TZ unit's clerk files the staff report and declares online (the subscribe
 * request inside the tap), the agent approves, the office sets the real payment accounts (缴费账户: checked field by
 * field, confirmed) and the clerk's 缴费方式 shows them, the office records the payment with a photo of the bank
 * receipt (privacy popup, chooseMedia, compressed upload), and the unit's worker then sees the coverage.
 */
import { DEMO_WORKERS, TZ_UNIT, AGENT, OFFICE } from '../../../scripts/demo-data'
import { makeCameraPhoto } from '../host/media'
import { assert, type HostRun } from '../context'
import { HOST_TEMPLATE_IDS } from '../template-ids'
import { openFromHome } from './2-claims'

const TZ_WORKER = DEMO_WORKERS.find((w) => w.unit === TZ_UNIT._id)?.openid ?? ''

export async function run(ctx: HostRun): Promise<void> {
  const group = '网上申报与缴费'
  let declarationId = ''

  await ctx.step(group, '经办人（TZ）填报职工月报并网上申报', async () => {
    const phone = ctx.phone(TZ_UNIT.clerk.openid)
    await openFromHome(phone, '职工名册')
    await phone.waitFor('职工名册', () => phone.route === 'packages/enrol/roster/index' && phone.has('填报职工月报'))
    await phone.tap('填报职工月报')
    await phone.tap('保存月报')
    await phone.waitFor('月报已保存', () => !phone.has('职工月报：未填报'))
    await phone.launch('/pages/index/index')
    await phone.waitFor('首页', () => phone.has('网上申报'))
    await phone.tap('网上申报')
    await phone.waitFor('申报页', () => phone.route === 'packages/enrol/declare/index' && phone.has('全选在职人员'))
    // The roster comes a page at a time (30), the ratio and quote from the server's counts.
    await phone.waitFor('第一页名单', () => phone.byClass('declare-row').length > 0)
    const rows = phone.byClass('declare-row').length
    assert(rows <= 30, `申报页一次显示了 ${rows} 人（应分页，每页 30 人）`)
    assert(phone.has('已选') && phone.has('在职'), '申报页没有显示已选 / 在职人数')
    await phone.tap('全选在职人员')
    await phone.waitFor('可以提交', () => phone.byClass('declare-blockers').length === 0 && phone.has('提交申报'))
    await phone.tap('提交申报')
    await phone.waitFor('申报详情', () => phone.route === 'packages/enrol/declaration/index' && phone.has('待审核'))
    const ask = phone.subscribeRequests.find((r) => r.tmplIds.includes(HOST_TEMPLATE_IDS.enrolmentReviewed))
    assert(ask?.inTap, `申报时没有在点击中请求订阅：${JSON.stringify(phone.subscribeRequests)}`)
    assert(ask.tmplIds.includes(HOST_TEMPLATE_IDS.enrolmentPaid), `申报时请求的通知：${ask.tmplIds.join(', ')}`)
    assert(phone.modals.some((m) => m.title.includes('提交网上申报')), '提交前没有确认')
    declarationId = phone.query.id ?? ''
    assert(declarationId, '申报详情页没有 id')
    ctx.facts.set('tzDeclarationId', declarationId)
  })

  await ctx.step(group, '代理单位审核通过', async () => {
    const phone = ctx.phone(AGENT.user.openid)
    await openFromHome(phone, '待审核申报')
    await phone.waitFor('待审核申报', () => phone.has(TZ_UNIT.name))
    await phone.tap(TZ_UNIT.name)
    await phone.waitFor('审核', () => phone.route === 'packages/enrol/declaration/index' && phone.has('审核通过'))
    await phone.tap('审核通过')
    assert(phone.modals.some((m) => m.title.includes('审核通过')), '审核前没有确认')
    await phone.waitFor('待缴费', () => phone.has('待缴费') && !phone.has('审核通过'))
  })

  await ctx.step(group, '互助办在“缴费账户”设置实际收款账户（逐项校验、确认后保存），经办人的缴费方式随之更新', async () => {
    const phone = ctx.phone(OFFICE.openid)
    await openFromHome(phone, '缴费账户')
    await phone.waitFor('缴费账户', () => phone.route === 'packages/office/payment-settings/index' && phone.has('保存缴费账户'))
    assert(phone.has(/演示账户/), '页面没有说明现在是演示账户')
    const asked = phone.modals.length
    await phone.type('台州银行账号', '6228-abc')
    await phone.tap('保存缴费账户')
    await phone.waitFor('逐项提示', () => phone.has(/账号应为 8 至 40 位数字/))
    assert(phone.modals.length === asked, '表单有误时仍弹出了确认')
    const real: [string, string][] = [
      ['武汉城市圈收款账户的户名', '某市总工会职工医疗互助办公室'],
      ['武汉城市圈收款账户的开户行', '中国工商银行某市分行营业部'],
      ['武汉城市圈银行账号', '3202 0010 0900 0012 345'],
      ['武汉城市圈缴费咨询电话', '027-12345678'],
      ['台州收款账户的户名', '台州市职工服务中心互助专户'],
      ['台州收款账户的开户行', '中国农业银行台州分行营业部'],
      ['台州银行账号', '1912 0101 0400 1234 5'],
      ['台州缴费咨询电话', '0576-88123456'],
    ]
    for (const [label, value] of real) await phone.type(label, value)
    // The remark rule: another fixed word; the example follows it.
    await phone.type('固定文字', '职工互助')
    await phone.waitFor('附言示例', () => phone.has('台州市海悦电子科技股份有限公2021职工互助7F3A9C21'))
    await phone.tap('保存缴费账户')
    const confirm = phone.modals.slice(asked).find((m) => m.title.includes('保存缴费账户'))
    assert(confirm, '保存前没有确认')
    assert(JSON.stringify(confirm).includes('1912 0101 0400 1234 5'), `确认中没有列出新账号：${JSON.stringify(confirm)}`)
    assert(JSON.stringify(confirm).includes('转账附言'), `确认中没有列出新的转账附言：${JSON.stringify(confirm)}`)
    await phone.waitFor('已保存', () => phone.has(/第 1 版/))

    const clerk = ctx.phone(TZ_UNIT.clerk.openid)
    await clerk.launch(`/packages/enrol/declaration/index?id=${declarationId}`)
    await clerk.waitFor('缴费方式', () => clerk.route === 'packages/enrol/declaration/index' && clerk.has('缴费方式'))
    for (const text of ['台州市职工服务中心互助专户', '中国农业银行台州分行营业部', '1912 0101 0400 1234 5', '0576-88123456']) assert(clerk.has(text), `经办人的缴费方式中没有「${text}」`)
    assert(!clerk.has(/演示账户/), '经办人仍看到演示账户')
  })

  await ctx.step(group, '互助办上传回单照片并确认到账', async () => {
    const phone = ctx.phone(OFFICE.openid)
    await openFromHome(phone, '申报与缴费')
    await phone.waitFor('申报与缴费', () => phone.has(TZ_UNIT.name))
    await phone.tap(TZ_UNIT.name)
    await phone.waitFor('登记缴费', () => phone.has('登记缴费') && phone.has('确认到账'))
    await phone.type('流水号', 'HY-2021-0615-01')
    phone.album.push({ bytes: makeCameraPhoto(1200, 1600, 7), ext: 'png' })
    await phone.tap('上传回单照片')
    await phone.waitFor('隐私保护提示', () => phone.has('用户隐私保护提示'))
    await phone.tap('同意并继续')
    await phone.waitFor('回单已上传', () => phone.has('已上传回单'))
    assert(phone.uploads.length === 1 && phone.uploads[0].cloudPath.endsWith('.jpg'), `回单上传：${JSON.stringify(phone.uploads.map((u) => u.cloudPath))}`)
    await phone.tap('确认到账')
    assert(phone.modals.some((m) => m.title.includes('确认缴费到账')), '确认到账前没有确认')
    await phone.waitFor('已缴费', () => phone.has('已缴费') && !phone.has('确认到账'))
    assert(phone.has('查看缴费回单'), '缴费后看不到回单')
    await phone.tap('查看缴费回单')
    assert(phone.previews.length === 1 && /^http/.test(phone.previews[0][0]), `回单预览：${JSON.stringify(phone.previews)}`)
  })

  await ctx.step(group, '该单位职工看到保障已生效', async () => {
    const phone = ctx.phone(TZ_WORKER)
    await openFromHome(phone, '我的保障')
    await phone.waitFor('我的保障', () => phone.route === 'packages/enrol/coverage/index' && phone.has('2021'))
    assert(!phone.has('尚未为您申报'), '缴费后职工仍看不到保障')
  })
}
