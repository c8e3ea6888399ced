/**
 * The roster file import on the weapp build: the TZ clerk picks a spreadsheet from a chat (chooseMessageFile, a
 * privacy API). Declining the privacy agreement leaves the page as it was, with no error; agreeing lets the file go
 * up, and the roster grows by the new staff in it.
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { TZ_UNIT } from '../../../scripts/demo-data'
import { assert, type HostRun } from '../context'
import { openFromHome } from './2-claims'

const ROSTER_FILE = join(__dirname, '..', '..', 'fixtures', 'rosters', 'tz-new-staff.xlsx')

export async function run(ctx: HostRun): Promise<void> {
  const group = '职工名册导入'

  await ctx.step(group, '经办人拒绝隐私授权时什么也不发生；同意后从聊天记录导入名册', async () => {
    const phone = ctx.phone(TZ_UNIT.clerk.openid)
    await openFromHome(phone, '职工名册')
    await phone.waitFor('职工名册', () => phone.route === 'packages/enrol/roster/index' && phone.has('名册 14 人'))
    phone.chatFiles.push({ bytes: readFileSync(ROSTER_FILE), name: '新入职职工.xlsx' })

    await phone.tap('导入名册文件')
    await phone.waitFor('隐私保护提示', () => phone.has('用户隐私保护提示'))
    assert(phone.has('从聊天记录中选择职工名册文件'), '隐私弹窗没有说明用途')
    await phone.tap(/^不同意$/)
    await phone.settle()
    assert(!phone.has('用户隐私保护提示'), '不同意后弹窗没有关闭')
    const uploaded = () => phone.uploads.length
    assert(uploaded() === 0 && phone.chatFiles.length === 1, '不同意后仍然读取或上传了文件')
    assert(phone.has('名册 14 人'), '不同意后名册变了')

    await phone.tap('导入名册文件')
    await phone.waitFor('隐私保护提示', () => phone.has('用户隐私保护提示'))
    await phone.tap('同意并继续')
    await phone.waitFor('导入完成', () => phone.has('新增 12 人') && phone.has('名册 26 人'))
    assert(uploaded() === 1 && phone.uploads[0].cloudPath.endsWith('.xlsx'), `上传：${JSON.stringify(phone.uploads.map((u) => u.cloudPath))}`)
    assert(phone.uploads[0].progress[phone.uploads[0].progress.length - 1] === 100, '上传进度没有到 100%')
  })
}
