/**
 * Every page of app.json opened as each role that can reach it (from its home menu, a list, a link in a message or
 * the bind page), on a fresh phone each time. A visit passes when the page settles with zero errors, shows neither a
 * loading spinner nor an error state, and every custom component it renders is declared where it renders.
 */
import { readFileSync } from 'node:fs'
import { join, posix } from 'node:path'
import { AGENT, DEMO_WORKERS, OFFICE, TZ_UNIT, WH_UNIT } from '../../scripts/demo-data'
import { assert, type HostRun } from './context'

const ROLES = {
  职工: DEMO_WORKERS[0].openid,
  单位经办人: WH_UNIT.clerk.openid,
  '单位经办人（TZ）': TZ_UNIT.clerk.openid,
  代理单位: AGENT.user.openid,
  互助办: OFFICE.openid,
  '职工（TZ）': DEMO_WORKERS[2].openid,
  新微信用户: 'weapp-host-stranger',
} as const

type Role = keyof typeof ROLES

/** page → the roles that reach it, each with the URL (and query) they arrive with. */
function reach(facts: Map<string, string>): Record<string, Array<[Role, string]>> {
  const claim = facts.get('claimId') ?? ''
  const draft = facts.get('schemeDraftId') ?? ''
  const wh = WH_UNIT._id
  const whDeclaration = 'enrol-wh-minghu-2021'
  return {
    'pages/index/index': [['职工', ''], ['单位经办人', ''], ['代理单位', ''], ['互助办', ''], ['新微信用户', '']],
    'pages/home/index': [['职工', ''], ['单位经办人', ''], ['单位经办人（TZ）', ''], ['代理单位', ''], ['互助办', '']],
    'packages/enrol/units/index': [['代理单位', ''], ['互助办', '']],
    'packages/enrol/unit-edit/index': [['单位经办人', ''], ['代理单位', `unitId=${wh}`], ['互助办', `unitId=${wh}`]],
    'packages/enrol/roster/index': [['单位经办人', ''], ['单位经办人（TZ）', ''], ['代理单位', `unitId=${wh}`], ['互助办', `unitId=${wh}`]],
    'packages/enrol/declare/index': [['单位经办人', ''], ['单位经办人（TZ）', '']],
    'packages/enrol/declarations/index': [['单位经办人', ''], ['代理单位', ''], ['互助办', '']],
    'packages/enrol/declaration/index': [['单位经办人', `id=${whDeclaration}`], ['代理单位', `id=${whDeclaration}`], ['互助办', `id=${whDeclaration}`]],
    'packages/enrol/certificate/index': [['职工', 'mine=1'], ['单位经办人', ''], ['代理单位', `unitId=${wh}&year=2021`], ['互助办', `unitId=${wh}&year=2021`]],
    'packages/enrol/bind/index': [['新微信用户', '']],
    'packages/enrol/coverage/index': [['职工', '']],
    'packages/claims/new/index': [['职工', ''], ['单位经办人', 'onBehalf=1'], ['新微信用户', 'beneficiary=1']],
    'packages/claims/list/index': [['职工', ''], ['新微信用户', '']],
    'packages/claims/detail/index': claim ? [['职工', `id=${claim}`], ['单位经办人', `id=${claim}`], ['代理单位', `id=${claim}`], ['互助办', `id=${claim}`]] : [],
    'packages/claims/review/index': [['单位经办人', ''], ['代理单位', ''], ['互助办', '']],
    'packages/claims/ledger/index': [['互助办', '']],
    'packages/claims/inbox/index': [['职工', ''], ['单位经办人', ''], ['代理单位', ''], ['互助办', '']],
    'packages/office/schemes/index': [['互助办', '']],
    'packages/office/scheme-fees/index': [['互助办', 'schemeId=tz-2022']],
    'packages/office/scheme-edit/index': draft ? [['互助办', `draftId=${draft}`]] : [],
    'packages/office/scheme-preview/index': draft ? [['互助办', `draftId=${draft}`]] : [],
    'packages/office/reminders/index': [['互助办', '']],
    'packages/office/payment-settings/index': [['互助办', '']],
    'packages/fund/report/index': [['代理单位', ''], ['互助办', '']],
    'packages/fund/batches/index': [['互助办', '']],
    'packages/fund/batch/index': facts.get('batchId') ? [['互助办', `id=${facts.get('batchId')}`]] : [],
    'packages/claims/proposal/index': facts.get('proposalId') ? [['职工（TZ）', `id=${facts.get('proposalId')}`]] : [],
    'packages/settle/import/index': [['代理单位', ''], ['互助办', '']],
  }
}

export async function runMatrix(run: HostRun): Promise<void> {
  const app = JSON.parse(readFileSync(join(run.dist, 'app.json'), 'utf8')) as { pages: string[]; subPackages?: Array<{ root: string; pages: string[] }> }
  const pages = [...app.pages, ...(app.subPackages ?? []).flatMap((s) => s.pages.map((p) => posix.join(s.root, p)))]
  const table = reach(run.facts)
  for (const page of pages) {
    const visits = table[page] ?? []
    if (visits.length === 0) {
      run.visits.push({ page, role: '—', ok: false, shows: '', problems: ['没有角色能打开这个页面（矩阵里缺少它，或前面的流程没有产生它需要的数据）'] })
      console.log(`✗ 页面 ${page}: 没有被打开`)
      continue
    }
    for (const [role, query] of visits) {
      const phone = run.phone(ROLES[role])
      const url = `/${page}${query ? `?${query}` : ''}`
      const problems: string[] = []
      let shows = ''
      try {
        await phone.launch(url)
        // The entry page moves on by itself (to home or to binding).
        await phone.settle()
        const state = phone.byClass('page-state')
        const error = phone.byClass('page-state--error')
        assert(error.length === 0, `页面显示错误：${phone.text().slice(0, 120)}`)
        assert(!(state.length > 0 && phone.findAll('', 't-loading').length > 0), '页面一直在加载')
        shows = phone.text().replace(/\s+/g, ' ').trim().slice(0, 60)
      } catch (err) {
        problems.push(err instanceof Error ? err.message : String(err))
      }
      problems.push(...phone.problems.map((p) => `[${p.kind}] ${p.message}`))
      const ok = problems.length === 0
      run.visits.push({ page, role, ok, shows: `${phone.route !== page ? `→ ${phone.route} · ` : ''}${shows}`, problems })
      console.log(`${ok ? '✓' : '✗'} 页面 ${page} · ${role}${ok ? '' : `\n    ${problems.join('\n    ')}`}`)
    }
  }
}
