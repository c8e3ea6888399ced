import type { Role } from '@/features/session'

/** Short guidance cards under the menu: what this role usually does next, in the scheme's words. */
export const ROLE_NOTES: Record<Role, ReadonlyArray<{ title: string; body: string }>> = {
  worker: [
    { title: '参加方式', body: '职工医疗互助实行团体参加，由所在单位工会统一申报、统一缴费。' },
    { title: '申请互助金', body: '保障期内首次确诊约定重大疾病并住院治疗的，可在线提交申请材料，由单位、代理单位和互助办逐级确认。' },
  ],
  clerk: [
    { title: '年度申报', body: '在职职工参加比例不低于 80%；30 人及以下的单位须全员参加，同一单位每人份数相同。' },
    { title: '申请确认', body: '职工提交的互助金申请需先由单位经办人核对材料后确认。' },
  ],
  agent: [
    { title: '审核申报', body: '核对所辖单位的参加人数、份数和缴费信息后提交互助办。' },
    { title: '申请复核', body: '对单位已确认的互助金申请进行复核。' },
  ],
  office: [
    { title: '缴费确认', body: '确认单位缴费到账后，保障期自次日零时起算。' },
    { title: '基金台账', body: '互助金单独建账、专款专用，每笔收支均记入台账。' },
  ],
}
