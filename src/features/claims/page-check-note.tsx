import { Text } from '@tarojs/components'
import type { PageCheck } from '@mutual-aid/contracts'

const PROBLEM: Partial<Record<PageCheck, string>> = {
  changed: '提交后被改动过，与提交时的内容不一致',
  missing: '已从存储中删除',
}

export interface PageCheckNoteProps {
  /** The pages of one checklist item, in order. */
  ids: readonly string[]
  /** Each page checked against the hash recorded at submission (reviewers only; empty for everyone else). */
  checks: Readonly<Record<string, PageCheck>>
}

/**
 * For reviewers: names the pages of one checklist item that no longer match what was submitted, so nobody reviews a
 * page that was swapped after the fact. Shows nothing when every page checks out.
 */
export function PageCheckNote({ ids, checks }: PageCheckNoteProps) {
  const problems = ids.flatMap((id, i) => (PROBLEM[checks[id]] ? [`第 ${i + 1} 页${PROBLEM[checks[id]]}`] : []))
  if (problems.length === 0) return null
  return <Text className="claims-error claims-error--flush">⚠ {problems.join('；')}。请勿依据此页审核，可退回申请人重新上传。</Text>
}
