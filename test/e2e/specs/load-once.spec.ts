/**
 * Each page calls each cloud action once when it opens, on the real Taro H5 runtime (its page lifecycle delivers the
 * first onShow after the page mounted, which made list pages load twice), and once more when it is shown again after
 * another page. Counts the browser's POST /fn/<function> requests by action.
 */
import type { Page, Request } from 'playwright-core'
import { usccCheckChar } from '@mutual-aid/shared-rules'
import { makeId } from '../../fixtures/rosters/make-roster'
import { assert, callApi, settled, tap, type E2EContext } from '../context'

const WORKER = 'demo-worker-wh-1'
const CLERK = 'demo-clerk-wh'
const CLERK_TZ_FRESH = 'e2e-load-once-clerk-tz'
const OFFICE = 'demo-office-01'

/** Cloud calls a page has sent and had answered, by `function.action`, and how many are in flight. */
interface Traffic {
  sent: Map<string, number>
  answered: Map<string, number>
  inFlight: number
}
const traffic = new WeakMap<Page, Traffic>()

/** Signs `openid` in through the local session route and counts every cloud call the page makes from then on. */
async function signedInPage(ctx: E2EContext, openid: string): Promise<{ page: Page; calls: Map<string, number> }> {
  const res = await fetch(`${ctx.baseUrl}/local/session`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ openid }) })
  const { token } = (await res.json()) as { token: string }
  const page = await ctx.newPage()
  await page.goto('/pages/index/index')
  await page.evaluate(([o, t]) => window.localStorage.setItem('mutual-aid.local-session', JSON.stringify({ openid: o, token: t })), [openid, token])
  const seen: Traffic = { sent: new Map(), answered: new Map(), inFlight: 0 }
  traffic.set(page, seen)
  const keyOf = (request: Request): string | undefined => {
    const fn = /\/fn\/([a-z]+)$/.exec(new URL(request.url()).pathname)?.[1]
    if (request.method() !== 'POST' || !fn) return undefined
    return `${fn}.${(JSON.parse(request.postData() ?? '{}') as { action?: string }).action ?? '?'}`
  }
  page.on('request', (request) => {
    const key = keyOf(request)
    if (!key) return
    seen.sent.set(key, (seen.sent.get(key) ?? 0) + 1)
    seen.inFlight++
  })
  const done = (request: Request): void => {
    const key = keyOf(request)
    if (!key) return
    seen.answered.set(key, (seen.answered.get(key) ?? 0) + 1)
    seen.inFlight--
  }
  page.on('requestfinished', done)
  page.on('requestfailed', done)
  return { page, calls: seen.sent }
}

/**
 * Waits until the page has had each of `answers` answered that many times in all (the data it shows), no call is in
 * flight, and the page has drawn what came back with nothing moving; then checks that drawing it sent nothing more.
 * A second load comes from the render or the lifecycle that follows an answer, so it is sent by then. If an answer
 * never comes, this returns after 20 s and the caller's count says what was missing.
 */
async function settle(page: Page, answers: Record<string, number>): Promise<void> {
  const seen = traffic.get(page)
  assert(seen, 'settle: the page was not opened by signedInPage')
  const deadline = Date.now() + 20_000
  const answeredAll = () => Object.entries(answers).every(([key, n]) => (seen.answered.get(key) ?? 0) >= n)
  for (let quietRounds = 0; quietRounds < 2 && Date.now() < deadline; ) {
    if (!answeredAll() || seen.inFlight > 0) {
      quietRounds = 0
      await page.waitForEvent('requestfinished', { timeout: Math.max(1, deadline - Date.now()) }).catch(() => undefined)
      continue
    }
    // Two quiet passes, each two frames and the end of every transition: an answer's render and its effects have run.
    await settled(page)
    quietRounds = seen.inFlight === 0 ? quietRounds + 1 : 0
  }
}

const counted = (calls: Map<string, number>) => Object.fromEntries([...calls].sort(([a], [b]) => a.localeCompare(b)))

/**
 * Opens `url` afresh and checks that exactly `actions` were called, each once; `auth.whoami` (asked by pages that need
 * the caller's role, once per app run) may come at most once.
 */
async function opensOnce(ctx: E2EContext, openid: string, url: string, actions: string[]): Promise<void> {
  const { page, calls } = await signedInPage(ctx, openid)
  calls.clear()
  traffic.get(page)?.answered.clear()
  await page.goto(url)
  await settle(page, Object.fromEntries(actions.map((a) => [a, 1])))
  const whoami = calls.get('auth.whoami') ?? 0
  calls.delete('auth.whoami')
  assert(whoami <= 1, `${url}: auth.whoami ×${whoami}`)
  const expected = Object.fromEntries([...actions].sort().map((a) => [a, 1]))
  const seen = counted(calls)
  await page.context().close()
  assert(JSON.stringify(seen) === JSON.stringify(expected), `${url}: expected ${JSON.stringify(expected)}, the page called ${JSON.stringify(seen)}`)
}

/**
 * A TZ unit of its own, not declared yet whatever ran before (the enrolment spec declares 海悦电子): the office creates
 * it, its clerk binds with the invite code and puts two people on the roster.
 */
async function freshTzUnit(ctx: E2EContext): Promise<void> {
  const base = '91331002MA2H7Q4N8'
  const { unitId } = await callApi(ctx, 'units', OFFICE, 'create', {
    name: '台州首次申报测试公司', uscc: base + usccCheckChar(base), unitType: 'soe', finance: false, family: 'TZ',
    agentId: 'agent-chengqu', contactName: '王五', contactPhone: '13900000023', address: '',
  })
  const invite = await callApi(ctx, 'units', OFFICE, 'createInvite', { unitId })
  await callApi(ctx, 'auth', CLERK_TZ_FRESH, 'acceptInvite', { code: invite.code })
  for (const [i, name] of ['首申甲', '首申乙'].entries()) {
    await callApi(ctx, 'roster', CLERK_TZ_FRESH, 'add', { name, idNumber: makeId('331002', `198${i}-01-01`, 700 + i, i === 1), hireDate: '2020-01-01' })
  }
}


export async function run(ctx: E2EContext): Promise<void> {
  await freshTzUnit(ctx)
  const pages: Array<[string, string, string[]]> = [
    [WORKER, '/packages/claims/list/index', ['claims.mine', 'claims.myDrafts']],
    [WORKER, '/packages/claims/inbox/index', ['messages.list']],
    [WORKER, '/packages/enrol/coverage/index', ['enrolment.myCoverage']],
    [WORKER, '/packages/claims/new/index', ['claims.myDrafts', 'claims.prepare']],
    [CLERK, '/packages/claims/review/index', ['claims.queue']],
    [CLERK, '/packages/enrol/roster/index', ['roster.list']],
    [CLERK, '/packages/enrol/declarations/index', ['enrolment.list']],
    // The declaration page (WH: this period is declared, so no people list): the roster's counts once.
    [CLERK, '/packages/enrol/declare/index', ['enrolment.prepare']],
    // TZ, not declared yet: the counts once and the first page of people once (never the whole roster).
    [CLERK_TZ_FRESH, '/packages/enrol/declare/index', ['enrolment.people', 'enrolment.prepare']],
    [OFFICE, '/packages/claims/ledger/index', ['claims.ledger']],
    [OFFICE, '/packages/enrol/units/index', ['units.list']],
  ]
  for (const [openid, url, actions] of pages) {
    await ctx.step(`${url} calls ${actions.join(', ')} once when it opens`, () => opensOnce(ctx, openid, url, actions))
  }

  await ctx.step('a page shown again after another page loads once more: home → 我的保障 → back', async () => {
    const { page, calls } = await signedInPage(ctx, WORKER)
    await page.goto('/pages/home/index')
    await page.locator('.home__card--coverage').waitFor()
    await settle(page, { 'enrolment.myCoverage': 1 })
    assert(calls.get('enrolment.myCoverage') === 1, `home opened: myCoverage ×${calls.get('enrolment.myCoverage')}`)
    await tap(page.locator('.home__menu-title', { hasText: '我的保障' }).first())
    await page.waitForURL(/\/packages\/enrol\/coverage\/index/)
    await page.locator('.coverage-page').waitFor()
    await settle(page, { 'enrolment.myCoverage': 2 })
    assert(calls.get('enrolment.myCoverage') === 2, `coverage page opened: myCoverage ×${calls.get('enrolment.myCoverage')} in all`)
    await page.goBack()
    await page.waitForURL(/\/pages\/home\/index/)
    await settle(page, { 'enrolment.myCoverage': 3 })
    const seen = counted(calls)
    await page.context().close()
    assert(seen['enrolment.myCoverage'] === 3, `back on home: expected one more myCoverage (3 in all), saw ${JSON.stringify(seen)}`)
    assert(seen['auth.whoami'] === 1, `whoami is asked once per app run: ${JSON.stringify(seen)}`)
  })

  await ctx.step('加载更多 appends the next page with one call: the WH roster of 36, 20 a page', async () => {
    const { page, calls } = await signedInPage(ctx, CLERK)
    await page.goto('/packages/enrol/roster/index')
    const more = page.locator('.load-more')
    await more.getByText('共 36 人，已显示 20 人').waitFor()
    await settle(page, { 'roster.list': 1 })
    assert(calls.get('roster.list') === 1, `opened: roster.list ×${calls.get('roster.list')}`)
    assert((await page.locator('.roster-row').count()) === 20, 'the first page should show 20 people')
    await more.scrollIntoViewIfNeeded()
    await ctx.screenshot(page, 'load-more-roster-first-page')
    await tap(more.getByText('加载更多', { exact: true }))
    await more.getByText('共 36 人', { exact: true }).waitFor()
    await settle(page, { 'roster.list': 2 })
    const rows = await page.locator('.roster-row').count()
    const names = await page.locator('.roster-row .enrol-row__name').allInnerTexts()
    await more.scrollIntoViewIfNeeded()
    await ctx.screenshot(page, 'load-more-roster-all')
    await page.context().close()
    assert(calls.get('roster.list') === 2, `after 加载更多: roster.list ×${calls.get('roster.list')}`)
    assert(rows === 36 && new Set(names).size === 36, `after 加载更多: ${rows} rows, ${new Set(names).size} different people`)
  })
}
