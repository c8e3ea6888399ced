/**
 * A new WeChat user on the weapp build: the entry page sends them to binding; a wrong ID number is refused with a
 * message, the right one binds them (the subscribe request inside the tap), and they land on the worker's home.
 */
import { WH_PEOPLE } from '../../../scripts/demo-data'
import { assert, type HostRun } from '../context'
import { HOST_TEMPLATE_IDS } from '../template-ids'

export async function run(ctx: HostRun): Promise<void> {
  const group = '新用户绑定'
  const [name, idNumber] = WH_PEOPLE[2] // 李晓东: on the WH roster, not yet bound to a WeChat user

  await ctx.step(group, '新微信用户核对姓名和身份证号后绑定为职工', async () => {
    const phone = ctx.phone(`weapp-host-new-${Date.now().toString(36)}`)
    await phone.launch('/pages/index/index')
    await phone.waitFor('绑定页', () => phone.route === 'packages/enrol/bind/index' && phone.has('核对并绑定'))
    await phone.type('姓名', name)
    await phone.type('身份证号码', `${idNumber.slice(0, 17)}${idNumber[17] === '1' ? '2' : '1'}`)
    await phone.tap('核对并绑定')
    await phone.waitFor('核对失败的提示', () => phone.byClass('enrol-notice--error').length > 0)
    assert(phone.route === 'packages/enrol/bind/index', '错误的身份证号也绑定成功了')
    await phone.type('身份证号码', idNumber)
    await phone.tap('核对并绑定')
    await phone.waitFor('职工首页', () => phone.route === 'pages/home/index' && phone.has('我的保障'))
    assert(phone.has(name), `首页没有显示 ${name}`)
    const asks = phone.subscribeRequests.filter((r) => r.tmplIds.includes(HOST_TEMPLATE_IDS.coverageStarted))
    assert(asks.length >= 1 && asks.every((r) => r.inTap), `绑定时的订阅请求：${JSON.stringify(phone.subscribeRequests)}`)
    assert(phone.toasts.some((t) => t.title.includes('绑定成功')), '没有提示绑定成功')
  })
}
