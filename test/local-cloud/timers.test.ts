/**
 * Contract: timer triggers in the running emulator — fired on demand with CloudBase's timer event and no user, on
 * their cron by the business clock (MUTUAL_AID_TODAY), refused when config.json declares them wrongly; and the
 * fault-injection routes absent unless a test asks for them.
 */
import path from 'node:path'
import { startEmulator, type Emulator } from '../helpers/emulator'

const FIXTURES = path.join(__dirname, 'fixtures', 'functions')
const TODAY = '2021-10-01'
/** The CST date of an ISO instant. */
const cstDate = (iso: string) => new Date(Date.parse(iso) + 8 * 3600_000).toISOString().slice(0, 10)

describe('on demand (timers: manual, as in tests)', () => {
  let emu: Emulator
  beforeAll(async () => {
    // One instance, so a user call after a timer call runs in the very same worker.
    emu = await startEmulator({ functionsDir: FIXTURES, instances: 1, env: { MUTUAL_AID_TODAY: TODAY } })
  })
  afterAll(async () => emu?.stop())

  test('fireTimer hands the function the timer event, with no user and the SDK’s timer context', async () => {
    const res = await emu.fireTimer('ticker', 'everySecond', '2021-10-01T01:00:00.000Z')
    expect(res).toEqual({
      ok: true,
      data: {
        event: { Type: 'Timer', TriggerName: 'everySecond', Time: '2021-10-01T01:00:00Z', Message: '' },
        // No OPENID, APPID or UNIONID: nobody called; only the environment.
        wxContext: { ENV: 'local-dev' },
        triggerSrc: 'timer',
        today: TODAY,
      },
    })
  })

  test('without a time, the event carries the business clock’s second', async () => {
    const res = await emu.fireTimer('ticker', 'everySecond')
    expect(res.data.event.Time).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/)
    expect(cstDate(res.data.event.Time)).toBe(TODAY)
  })

  test('a user call on the same instance right after a timer call is not a timer call', async () => {
    await emu.fireTimer('ticker', 'everySecond', '2021-10-01T02:00:00Z')
    const res = await emu.callFunction('ticker', { TriggerName: 'fake', Time: 'x' }, { openid: 'o_worker_001' })
    expect(res.data.triggerSrc).toBeNull()
    expect(res.data.wxContext).toMatchObject({ OPENID: 'o_worker_001' })
  })

  test('unknown triggers and refused configurations answer an error saying what is wrong', async () => {
    await expect(emu.fireTimer('ticker', 'hourly')).rejects.toThrow(/ticker 没有名为 hourly 的定时触发器（config.json 中声明的是：everySecond）/)
    await expect(emu.fireTimer('echo', 'daily')).rejects.toThrow(/没有声明 triggers/)
    await expect(emu.fireTimer('twotimers', 'morning')).rejects.toThrow(/只能配置 1 个定时触发器/)
    const status = await emu.timers()
    expect(status.mode).toBe('manual')
    expect(status.triggers).toContainEqual({ fn: 'ticker', name: 'everySecond', config: '* * * * * * *', next: expect.any(String) })
    expect(status.problems).toEqual(
      expect.arrayContaining([
        { fn: 'twotimers', problem: expect.stringContaining('只能配置 1 个定时触发器') },
        { fn: 'badcron', problem: expect.stringContaining('须有 7 段（秒 分 时 日 月 星期 年），"0 0 2 * * *" 有 6 段') },
      ]),
    )
  })

  test('in manual mode nothing fires by itself', async () => {
    const before = (await emu.timers()).fired.length
    await new Promise((r) => setTimeout(r, 2200))
    const fired = (await emu.timers()).fired
    expect(fired).toHaveLength(before)
    expect(fired.every((f) => f.manual)).toBe(true)
  })

  test('the fault-injection routes exist only when a test starts the emulator with them', async () => {
    const res = await fetch(`${emu.url}/local/faults/checkpoint`, { method: 'POST' })
    expect(res.status).toBe(404)
    expect(await res.json()).toMatchObject({ code: 'FAULT_INJECTION_OFF', message: expect.stringContaining('只供测试使用') })
  })
})

describe('on their cron (timers: on, as in npm start)', () => {
  let emu: Emulator
  beforeAll(async () => {
    emu = await startEmulator({ functionsDir: FIXTURES, timers: 'on', env: { MUTUAL_AID_TODAY: TODAY } })
  })
  afterAll(async () => emu?.stop())

  test('an every-second trigger fires each second of the business date, with the timer event and no user', async () => {
    const deadline = Date.now() + 15_000
    let fired = (await emu.timers()).fired
    while (fired.filter((f) => f.fn === 'ticker' && f.ok).length < 3 && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 200))
      fired = (await emu.timers()).fired
    }
    const ticks = fired.filter((f) => f.fn === 'ticker')
    expect(ticks.length).toBeGreaterThanOrEqual(3)
    for (const tick of ticks) {
      expect(tick).toMatchObject({ trigger: 'everySecond', manual: false, ok: true })
      expect(cstDate(tick.time)).toBe(TODAY)
    }
    // Each second once (firings are listed as they finish, which on a busy machine need not be in order).
    const seconds = ticks.map((t) => Date.parse(t.time) / 1000)
    expect(seconds.every(Number.isInteger)).toBe(true)
    expect(new Set(seconds).size).toBe(seconds.length)
    // The functions with refused trigger configurations never fire.
    expect(fired.some((f) => f.fn === 'twotimers' || f.fn === 'badcron')).toBe(false)
    expect((await emu.timers()).mode).toBe('on')
  })
})
