/**
 * Four eyes in the browser: a family member's death claim (filed through the HTTP API) reaches the office, which
 * proposes a raised amount; the proposer sees it waiting "待第二位审批人确认" and cannot confirm it; a second office
 * user confirms it on the claim page, and the decision names both.
 */
import { createHash } from 'node:crypto'
import { readFile } from 'node:fs/promises'
import path from 'node:path'
import { claimPagePath } from '../../../contracts/src/claims/requests'
import { assert, callApi, confirmDialog, currentPage, signInAs, tap, tokenOf, type E2EContext } from '../context'

const FAMILY = 'e2e-family-member-01'
const CLERK = 'demo-clerk-wh'
const AGENT = 'demo-agent-01'
const OFFICE = 'demo-office-01' // 周海燕, proposes
const OFFICE_2 = 'demo-office-02' // 孙莉, confirms
const PHOTOS = path.resolve(__dirname, '..', '..', 'fixtures', 'photos')
const DEATH_ITEMS = ['participant_id', 'household_cancellation', 'beneficiary_proof', 'beneficiary_id', 'death_certificate', 'diagnostic_reports', 'medical_record']

/** The claims function over HTTP (the steps this spec does not do on screen). */
const claims = (ctx: E2EContext, openid: string, action: string, input: Record<string, unknown>) => callApi(ctx, 'claims', openid, action, input)

async function fileDeathClaim(ctx: E2EContext): Promise<string> {
  const target = { mode: 'beneficiary', name: '李晓东', residentId: '420702198411231256' }
  const prep = await claims(ctx, FAMILY, 'prepare', { target })
  const facts = {
    disease: 'other',
    causeOfDeath: 'illness',
    eventDate: '2021-05-10',
    hospital: '鄂州市中心医院',
    designatedHospital: true,
    inpatient: true,
    admission: '2021-05-01',
    discharge: '2021-05-10',
    payee: { name: '李小梅', bank: '中国农业银行鄂州分行', account: '6228480000000000003' },
    applicant: { relationship: 'spouse', phone: '13907110003' },
  }
  const base = { participationId: prep.participations[0].id, product: 'critical', kind: 'death', facts }
  const draft = await claims(ctx, FAMILY, 'saveDraft', { ...base, target, files: {} })
  const token = await tokenOf(ctx, FAMILY)
  const files: Record<string, string[]> = {}
  for (const [i, item] of DEATH_ITEMS.entries()) {
    const content = await readFile(path.join(PHOTOS, `page-${(i % 4) + 1}.png`))
    const form = new FormData()
    form.append('cloudPath', claimPagePath(draft.draftId, item, createHash('sha256').update(content).digest('hex'), 'png'))
    form.append('file', new Blob([content], { type: 'image/png' }), 'page.png')
    const up = await fetch(`${ctx.baseUrl}/local/upload`, { method: 'POST', headers: { Authorization: `Bearer ${token}` }, body: form })
    files[item] = [((await up.json()) as { fileID: string }).fileID]
  }
  await claims(ctx, FAMILY, 'saveDraft', { ...base, draftId: draft.draftId, version: draft.version, files })
  await claims(ctx, FAMILY, 'consent', { kind: 'medical_info', version: '2021-01' })
  const { claimId } = await claims(ctx, FAMILY, 'submit', { draftId: draft.draftId, idempotencyKey: `e2e-four-eyes-${Date.now()}` })
  for (const who of [CLERK, AGENT]) {
    const { version } = await claims(ctx, OFFICE, 'get', { claimId })
    await claims(ctx, who, 'confirm', { claimId, version })
  }
  return claimId
}

export async function run(ctx: E2EContext): Promise<void> {
  let claimUrl = ''

  await ctx.step('the office proposes a raised amount: it waits for a second office user, who sees why', async () => {
    const claimId = await fileDeathClaim(ctx)
    claimUrl = `/packages/claims/detail/index?id=${claimId}`
    const page = await signInAs(ctx, OFFICE)
    await page.goto(claimUrl)
    const view = currentPage(page)
    await tap(view.getByText('核准', { exact: true }))
    await view.locator('.t-input').filter({ hasText: '调整金额' }).locator('input').first().fill('9000')
    await view.locator('textarea').first().fill('家庭困难，按丧葬实际支出酌情提高')
    await tap(view.getByText('按调整金额核准'))
    await confirmDialog(page, '核准')
    await view.locator('.claims-second-approval').getByText('待第二位审批人确认', { exact: true }).waitFor()
    const panel = await view.locator('.claims-second-approval').innerText()
    assert(panel.includes('9,000.00') && panel.includes('高于规则核定金额 6,000.00'), `panel does not explain the proposal: ${panel}`)
    assert(panel.includes('这是您提出的提议'), 'the proposer is not told it is their own proposal')
    assert((await view.locator('.claims-second-approval').getByText('确认核准', { exact: true }).count()) === 0, 'the proposer is offered 确认核准')
    await ctx.screenshot(page, 'four-eyes-01-proposer')
    await page.context().close()
  })

  await ctx.step('a second office user confirms it; the decision records both', async () => {
    const page = await signInAs(ctx, OFFICE_2)
    await page.goto(claimUrl)
    const view = currentPage(page)
    const panel = view.locator('.claims-second-approval')
    await panel.getByText('待第二位审批人确认', { exact: true }).waitFor()
    assert((await panel.innerText()).includes('周海燕'), 'the panel does not name the proposer')
    await ctx.screenshot(page, 'four-eyes-02-second-approver')
    await tap(panel.getByText('确认核准', { exact: true }))
    await confirmDialog(page, '确认核准')
    await view.getByText('两人审批：周海燕 提议，孙莉 确认。').waitFor()
    const decision = await view.locator('.claims-decision').innerText()
    assert(decision.includes('9,000.00'), `decision without the confirmed amount: ${decision}`)
    const timeline = await view.locator('.claims-timeline').innerText()
    assert(timeline.includes('提议核准') && timeline.includes('孙莉'), `the timeline does not show both steps: ${timeline}`)
    await ctx.screenshot(page, 'four-eyes-03-approved')
    await page.context().close()
  })
}
