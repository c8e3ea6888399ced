/**
 * A WH claim on the weapp build, driven through the pages' own events: the worker fills the form, agrees to the
 * privacy guide when the first photo is chosen, takes camera-sized photos that are compressed on the phone to at most
 * 1600 px and uploaded with progress, submits (the subscribe request inside the tap); the clerk and the agent confirm,
 * the office approves and records the payment; the worker sees 已支付 and the message.
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { decodeImage, isJpeg, makeCameraPhoto } from '../host/media'
import type { MiniProgram } from '../host/mini-program'
import { visibleText } from '../host/view-tree'
import { assert, type HostRun } from '../context'
import { HOST_TEMPLATE_IDS } from '../template-ids'
import { ofdFile } from '../../fixtures/ofd/make-ofd'

const WORKER = 'demo-worker-wh-1' // 张伟, WH, 2 shares, covered from 2021-01-16
const CLERK = 'demo-clerk-wh'
const AGENT = 'demo-agent-01'
const OFFICE = 'demo-office-01'
const REQUIRED_ITEMS = ['参加人身份证', '出院小结', '确诊检查', '病历']

/** Opens the mini-program on the home page and taps a menu entry. */
export async function openFromHome(phone: MiniProgram, entry: string): Promise<void> {
  await phone.launch('/pages/index/index')
  await phone.waitFor('首页', () => phone.route === 'pages/home/index' && phone.has(entry))
  await phone.tap(entry)
}

/** Waits for a confirmation dialog the last tap opened, checks its title and lets the user's answer stand. */
function lastModal(phone: MiniProgram, title: string): void {
  const modal = phone.modals[phone.modals.length - 1]
  assert(modal && modal.title.includes(title), `没有弹出「${title}」确认框（最近的是：${modal?.title ?? '无'}）`)
}

export async function run(ctx: HostRun, dataDir: string): Promise<void> {
  const group = '互助金申请'
  let claimNo = ''

  await ctx.step(group, '职工填写申请、同意隐私保护指引、拍照上传（压缩、进度）并提交', async () => {
    const phone = ctx.phone(WORKER)
    await phone.launch('/pages/index/index')
    await phone.waitFor('首页', () => phone.route === 'pages/home/index' && phone.has('申请互助金'))
    // WeChat's screen reader (读屏) reads what the WXML carries: a menu entry is a button named by its title.
    const entry = phone.byClass('home__menu-item').find((n) => visibleText(n).includes('申请互助金'))
    assert(entry, '首页没有「申请互助金」菜单项')
    assert(entry.attrs['aria-role'] === 'button' && entry.attrs['aria-label'] === '申请互助金', `菜单项没有读屏用的角色和名称：${JSON.stringify(entry.attrs)}`)
    await phone.tap('申请互助金')
    await phone.waitFor('申请页', () => phone.route === 'packages/claims/new/index' && phone.has('现在可以申请什么'))
    // A worker filing for himself is offered 确诊 only (身故抚恤 is the family's).
    assert(!phone.has(/^身故申请$/), '职工本人申请时出现了身故抚恤')
    await phone.tap('下一步：填写信息')

    await phone.tap('所患疾病')
    await phone.pick('恶性肿瘤')
    await phone.waitFor('疾病定义', () => phone.has('疾病定义（第二十二条）'))
    // Dates are picked, bounded by the coverage and today (2021-06-15): a later day is not offered.
    await phone.tap('确诊日期')
    let refused = ''
    await phone.pick('2021-06-16').catch((err: Error) => (refused = err.message))
    assert(refused.includes('2021-06-15'), `确诊日期可以选今天以后：${refused || '没有拒绝'}`)
    await phone.tap('确诊日期')
    await phone.pick('2021-05-01')
    await phone.type('医院名称', '鄂州市中心医院')
    await phone.tap(/^是$/, 't-radio')
    await phone.tap(/^住院治疗$/, 't-radio')
    await phone.tap('入院日期')
    await phone.pick('2021-05-01')
    await phone.tap('出院日期')
    await phone.pick('2021-05-20')
    await phone.type('开户银行', '中国工商银行鄂州分行')
    await phone.type('银行账号', '6222020000000000001')
    assert(phone.has('请在 2021-08-28 前提交'), '没有显示申请期限')
    await phone.tap('保存，下一步')
    await phone.waitFor('上传材料', () => phone.has('拍照或从相册选择'))
    const draftAsk = phone.subscribeRequests.find((r) => r.tmplIds.includes(HOST_TEMPLATE_IDS.claimDraftDeadline))
    assert(draftAsk?.inTap, `保存草稿时没有在点击中请求申请期限提醒：${JSON.stringify(phone.subscribeRequests)}`)
    assert(phone.query.draftId, `草稿没有保存到页面地址：${JSON.stringify(phone.query)}`)

    for (const [i, label] of REQUIRED_ITEMS.entries()) {
      const block = phone.byClass('claim-photos').find((b) => phone.findAll(label, undefined, b).length > 0)
      assert(block, `找不到材料项「${label}」`)
      phone.album.push({ bytes: makeCameraPhoto(1800, 2400, i + 1), ext: 'png' })
      await phone.tap('拍照或从相册选择', 't-button', block)
      if (i === 0) {
        // The first privacy API: the app's own popup, then the agree button.
        await phone.waitFor('隐私保护提示', () => phone.has('用户隐私保护提示'))
        assert(phone.has('拍摄或选择申请材料'), '隐私弹窗没有说明用途')
        assert(phone.uploads.length === 0, '用户同意之前就上传了照片')
        await phone.tap('同意并继续')
      }
      await phone.waitFor(`「${label}」已传 1 页`, () => {
        const now = phone.byClass('claim-photos').find((b) => phone.findAll(label, undefined, b).length > 0)
        return Boolean(now && phone.findAll('已传 1 页', undefined, now).length > 0)
      })
    }
    assert(!phone.has('用户隐私保护提示'), '隐私弹窗同意后没有关闭')
    const thumbs = phone.byClass('claim-photos__thumb')
    assert(thumbs.length === REQUIRED_ITEMS.length, `应有 ${REQUIRED_ITEMS.length} 张缩略图，实际 ${thumbs.length}`)
    for (const t of thumbs) assert(phone.files.get(String(t.attrs.src)), `缩略图不是本机的临时文件：${String(t.attrs.src)}`)
    // Each photo is an image named for the screen reader by its material and page; its actions are named buttons.
    for (const t of thumbs) {
      const name = String(t.attrs['aria-label'] ?? '')
      const named = REQUIRED_ITEMS.some((item) => name.includes(item)) && name.endsWith('第 1 页')
      assert(t.attrs['aria-role'] === 'img' && named, `照片没有读屏名称：${JSON.stringify(t.attrs)}`)
    }
    const retake = phone.byClass('claim-photos__link').find((n) => visibleText(n).includes('重拍'))
    assert(retake?.attrs['aria-role'] === 'button' && retake.attrs['aria-label'] === '重拍第 1 页', `「重拍」没有读屏角色和名称：${JSON.stringify(retake?.attrs)}`)

    // What was uploaded: JPEGs of at most 1600 px on the long side, smaller than the camera's photo, with progress.
    assert(phone.uploads.length === REQUIRED_ITEMS.length, `上传了 ${phone.uploads.length} 个文件`)
    for (const up of phone.uploads) {
      const stored = readFileSync(join(dataDir, 'storage', 'files', up.cloudPath))
      assert(isJpeg(stored), `${up.cloudPath} 不是 JPEG`)
      const { width, height } = decodeImage(stored)
      assert(Math.max(width, height) === 1600, `${up.cloudPath} 为 ${width}×${height}，应压缩到长边 1600 px`)
      assert(up.progress.length >= 2 && up.progress[up.progress.length - 1] === 100, `上传进度 ${up.progress.join(',')}`)
      assert(up.progress.every((p, k) => k === 0 || p >= up.progress[k - 1]), `上传进度倒退：${up.progress.join(',')}`)
    }

    // Several photos picked at once: one batch, uploaded together, saved with the draft.
    const record = phone.byClass('claim-photos').find((b) => phone.findAll('病历', undefined, b).length > 0)
    assert(record, '找不到材料项「病历」')
    phone.album.push({ bytes: makeCameraPhoto(1800, 2400, 7), ext: 'png' }, { bytes: makeCameraPhoto(1800, 2400, 8), ext: 'png' })
    await phone.tap('拍照或从相册选择', 't-button', record)
    await phone.waitFor('「病历」已传 3 页', () => {
      const now = phone.byClass('claim-photos').find((b) => phone.findAll('病历', undefined, b).length > 0)
      return Boolean(now && phone.findAll('已传 3 页', undefined, now).length > 0)
    })
    // An electronic report from a chat, as a PDF file (chooseMessageFile), stored as it is.
    const reports = phone.byClass('claim-photos').find((b) => phone.findAll('确诊检查', undefined, b).length > 0)
    assert(reports, '找不到材料项「确诊检查」')
    phone.chatFiles.push({ bytes: Buffer.from('%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\n%%EOF\n', 'latin1'), name: '电子检查报告.pdf' })
    await phone.tap('上传电子文件（PDF/OFD）', 't-button', reports)
    await phone.waitFor('「确诊检查」已传 2 页', () => {
      const now = phone.byClass('claim-photos').find((b) => phone.findAll('确诊检查', undefined, b).length > 0)
      return Boolean(now && phone.findAll('已传 2 页', undefined, now).length > 0)
    })
    const pdfUpload = phone.uploads.find((u) => u.cloudPath.endsWith('.pdf'))
    assert(pdfUpload, `电子文件没有按原文件上传：${phone.uploads.map((u) => u.cloudPath).join(', ')}`)
    // And an OFD e-receipt (the national e-invoice format; the e2e's fixture, a real ZIP container), stored byte for
    // byte and shown as OFD.
    const ofd = ofdFile('住院收费电子票据')
    phone.chatFiles.push({ bytes: ofd, name: '住院收费电子票据.ofd' })
    await phone.tap('上传电子文件（PDF/OFD）', 't-button', reports)
    await phone.waitFor('「确诊检查」已传 3 页', () => {
      const now = phone.byClass('claim-photos').find((b) => phone.findAll('确诊检查', undefined, b).length > 0)
      return Boolean(now && phone.findAll('已传 3 页', undefined, now).length > 0)
    })
    const ofdUpload = phone.uploads.find((u) => u.cloudPath.endsWith('.ofd'))
    assert(ofdUpload, `OFD 票据没有按原文件上传：${phone.uploads.map((u) => u.cloudPath).join(', ')}`)
    assert(readFileSync(join(dataDir, 'storage', 'files', ofdUpload.cloudPath)).equals(ofd), 'OFD 票据存储的内容与原文件不同')
    const reportsNow = phone.byClass('claim-photos').find((b) => phone.findAll('确诊检查', undefined, b).length > 0)
    assert(reportsNow && phone.findAll('OFD', undefined, reportsNow).length > 0, '材料项「确诊检查」没有显示 OFD 文件')

    await phone.tap(/^下一步$/)
    await phone.waitFor('授权与提交', () => phone.has('医疗健康信息处理授权'))
    await phone.tap('我已阅读并同意上述授权')
    await phone.tap('提交申请')
    await phone.waitFor('申请详情', () => phone.route === 'packages/claims/detail/index' && phone.has('待单位确认'))
    lastModal(phone, '确认提交申请')
    const ask = phone.subscribeRequests.find((r) => r.tmplIds.includes(HOST_TEMPLATE_IDS.claimReceived))
    assert(ask, `提交时没有请求订阅通知：${JSON.stringify(phone.subscribeRequests)}`)
    assert(ask.inTap, '订阅请求不在点击处理中')
    assert(
      [HOST_TEMPLATE_IDS.claimNeedsMaterials, HOST_TEMPLATE_IDS.claimDecided].every((id) => ask.tmplIds.includes(id)),
      `提交时请求的通知：${ask.tmplIds.join(', ')}`,
    )
    const id = phone.query.id
    assert(id, '详情页没有申请 id')
    ctx.facts.set('claimId', id)
    claimNo = (/WH2021-\d{6}/.exec(phone.text()) ?? [''])[0]
    assert(/^WH2021-\d{6}$/.test(claimNo), `申请编号：${claimNo}`)
  })

  for (const [who, openid, next] of [
    ['单位经办人', CLERK, '待代理单位确认'],
    ['代理单位', AGENT, '待互助办审批'],
  ] as const) {
    await ctx.step(group, `${who}在待确认列表找到申请并在线确认`, async () => {
      assert(claimNo, '前一步没有提交申请')
      const phone = ctx.phone(openid)
      await openFromHome(phone, '待确认申请')
      await phone.waitFor('审核列表', () => phone.route === 'packages/claims/review/index' && phone.has(claimNo))
      await phone.tap(claimNo)
      await phone.waitFor('申请详情', () => phone.route === 'packages/claims/detail/index' && phone.has('确认无误'))
      assert(phone.has('规则核定（供审核参考）'), '审核人看不到规则核定')
      assert(!/[A-Z]{3,}_[A-Z_]+|\[I-\d+\]/.test(phone.text()), '审核页面出现了内部代码或解读标记')
      if (who === '单位经办人') {
        // The PDF report opens as a document (downloaded, then wx.openDocument); the OFD receipt, which WeChat cannot
        // open, says how to read it instead of failing silently.
        const tiles = phone.byClass('claims-receipt')
        assert(tiles.length === 2, `应有 2 个电子文件（PDF 和 OFD），实际 ${tiles.length}`)
        const pdfTile = tiles.find((t) => phone.findAll('PDF', undefined, t).length > 0)
        const ofdTile = tiles.find((t) => phone.findAll('OFD', undefined, t).length > 0)
        assert(pdfTile && ofdTile, '电子文件没有分别显示为 PDF 和 OFD')
        await phone.tap('PDF', undefined, pdfTile)
        await phone.waitFor('打开电子文件', () => phone.openedDocuments.length === 1)
        await phone.tap('OFD', undefined, ofdTile)
        await phone.waitFor('OFD 阅读提示', () => phone.toasts.some((t) => /OFD 阅读器/.test(t.title)))
        assert(phone.openedDocuments.length === 1, 'OFD 票据不应交给 wx.openDocument')
      }
      await phone.tap('确认无误')
      lastModal(phone, '确认该申请')
      const ask = phone.subscribeRequests.find((r) => r.tmplIds.includes(HOST_TEMPLATE_IDS.reviewPending))
      assert(ask?.inTap && ask.tmplIds.includes(HOST_TEMPLATE_IDS.reviewDue), `确认时没有在点击中请求审核提醒：${JSON.stringify(phone.subscribeRequests)}`)
      await phone.waitFor(next, () => phone.has(next))
    })
  }

  await ctx.step(group, '互助办核准核定金额并登记支付', async () => {
    const phone = ctx.phone(OFFICE)
    await openFromHome(phone, '互助金审批')
    await phone.waitFor('审批列表', () => phone.has(claimNo))
    await phone.tap(claimNo)
    await phone.waitFor('规则核定', () => phone.has('规则核定（供审核参考）') && phone.has(/^核准$/))
    assert(phone.has('20,000.00') && phone.has('第七条'), '没有显示核定金额 20,000.00 元和依据第七条')
    await phone.tap(/^核准$/)
    await phone.tap('按核定金额核准')
    lastModal(phone, '核准')
    await phone.waitFor('已核准，待支付', () => phone.has('已核准，待支付'))
    await phone.tap(/^登记支付$/)
    await phone.type('转账凭证号', 'TR-20210615-0001')
    await phone.tap('确认已支付')
    lastModal(phone, '确认已支付')
    await phone.waitFor('已支付', () => phone.has(/已支付/) && !phone.has('确认已支付'))
  })

  await ctx.step(group, '职工看到已支付和消息（消息不含病情）', async () => {
    const phone = ctx.phone(WORKER)
    await openFromHome(phone, '我的申请')
    await phone.waitFor('我的申请', () => phone.route === 'packages/claims/list/index' && phone.has(claimNo))
    const card = phone.byClass('claims-list-item').find((c) => phone.findAll(claimNo, undefined, c).length > 0)
    assert(card && phone.findAll('已支付', undefined, card).length > 0, '列表中的申请没有显示已支付')
    await phone.launch('/packages/claims/inbox/index')
    await phone.waitFor('消息', () => phone.has('已支付'))
    assert(!phone.has('恶性肿瘤'), '消息里出现了病情')
  })
}
