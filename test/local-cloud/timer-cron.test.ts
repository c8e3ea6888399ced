/**
 * Timer triggers without a server: the 7-field cron as SCF reads it (table-driven from its documentation), the
 * business clock (MUTUAL_AID_TODAY), and the scheduler's once-a-second check on a simulated clock.
 */
import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import fc from 'fast-check'
import { scaledRuns } from '../helpers/fast-check-runs'
import { readFunctionConfig } from '../../local-cloud/src/functions/function-config'
import type { InvokeOptions } from '../../local-cloud/src/functions/function-runner'
import { businessClock, cstDateOf } from '../../local-cloud/src/timers/business-clock'
import { parseTimerCron } from '../../local-cloud/src/timers/timer-cron'
import { TimerScheduler } from '../../local-cloud/src/timers/timer-scheduler'

/** An instant given in China Standard Time. */
const cst = (local: string): Date => new Date(`${local}+08:00`)
const cstText = (d: Date | null): string | null => (d ? new Date(d.getTime() + 8 * 3600_000).toISOString().slice(0, 19).replace('T', ' ') : null)

describe('the 7-field cron (秒 分 时 日 月 星期 年), Beijing time', () => {
  test.each([
    // expression, from (CST), the next three firings (CST)
    ['0 0 2 * * * *', '2021-06-15T00:00:00', ['2021-06-15 02:00:00', '2021-06-16 02:00:00', '2021-06-17 02:00:00']],
    ['0 0 2 1 * * *', '2021-06-15T00:00:00', ['2021-07-01 02:00:00', '2021-08-01 02:00:00', '2021-09-01 02:00:00']],
    ['*/5 * * * * * *', '2021-06-15T08:00:01', ['2021-06-15 08:00:05', '2021-06-15 08:00:10', '2021-06-15 08:00:15']],
    // SCF: "1/10 … 从第一分钟开始的每隔十分钟".
    ['0 1/10 * * * * *', '2021-06-15T08:00:00', ['2021-06-15 08:01:00', '2021-06-15 08:11:00', '2021-06-15 08:21:00']],
    ['0 30 9 * * MON-FRI *', '2021-06-18T10:00:00', ['2021-06-21 09:30:00', '2021-06-22 09:30:00', '2021-06-23 09:30:00']],
    // 0 is Sunday (SCF's documentation).
    ['0 0 10 * * 0 *', '2021-06-15T00:00:00', ['2021-06-20 10:00:00', '2021-06-27 10:00:00', '2021-07-04 10:00:00']],
    ['0 0 9 10,20 OCT,DEC * 2021', '2021-06-15T00:00:00', ['2021-10-10 09:00:00', '2021-10-20 09:00:00', '2021-12-10 09:00:00']],
    // Day of month and day of week both given: either matches.
    ['0 0 9 1 * MON *', '2021-06-15T00:00:00', ['2021-06-21 09:00:00', '2021-06-28 09:00:00', '2021-07-01 09:00:00']],
    ['0 0 9 ? * 1#1 *', '2021-06-15T00:00:00', ['2021-07-05 09:00:00', '2021-08-02 09:00:00', '2021-09-06 09:00:00']],
    ['0 0 18 L * ? *', '2021-02-01T00:00:00', ['2021-02-28 18:00:00', '2021-03-31 18:00:00', '2021-04-30 18:00:00']],
  ])('%s from %s', (expression, from, expected) => {
    const cron = parseTimerCron(expression)
    const out: (string | null)[] = []
    let at = cst(from)
    for (let i = 0; i < 3; i++) {
      const next = cron.next(at)
      out.push(cstText(next))
      if (!next) break
      at = next
    }
    expect(out).toEqual(expected)
    for (const text of expected) expect(cron.matches(cst(text.replace(' ', 'T')))).toBe(true)
  })

  test('a year in the past never fires again', () => {
    expect(parseTimerCron('0 0 9 1 1 * 2020').next(cst('2021-06-15T00:00:00'))).toBeNull()
  })

  test.each([
    ['0 0 2 * * *', /须有 7 段.*有 6 段/],
    ['', /须有 7 段/],
    ['0 0 2 * * * * *', /有 8 段/],
    ['60 0 2 * * * *', /「秒」段 "60" 无效：取值须是 0–59/],
    ['0 0 24 * * * *', /「时」段 "24"/],
    ['0 0 2 0 * * *', /「日」段 "0"/],
    ['0 0 2 * 13 * *', /「月」段 "13".*JAN–DEC/],
    // Croner would read 7 as Sunday; SCF allows 0–6.
    ['0 0 2 * * 7 *', /「星期」段 "7".*0–6 的整数或 SUN–SAT/],
    ['0 0 2 * * +MON *', /「星期」段 "\+MON"/],
    ['0 0 2 * * * 2100', /「年」段 "2100".*1970–2099/],
    ['0 0 2 * * * 1969', /「年」段/],
    ['0 0 2 5-1 * * *', /起点大于终点/],
    ['0 */0 2 * * * *', /步长 "0" 须是正整数/],
    ['0 0 2 1,,2 * * *', /逗号之间不能为空/],
    ['0 0 2 * * FUNDAY *', /「星期」段/],
  ])('%j is refused: %s', (expression, message) => {
    expect(() => parseTimerCron(expression)).toThrow(message)
  })

  test('property: every next firing matches the cron and nothing matches strictly between two firings', () => {
    const cron = parseTimerCron('0 */20 8-10 * * MON-FRI *')
    fc.assert(
      fc.property(fc.date({ min: new Date('2021-01-01T00:00:00Z'), max: new Date('2022-12-31T00:00:00Z'), noInvalidDate: true }), (from) => {
        const next = cron.next(from) as Date
        expect(next.getTime()).toBeGreaterThan(from.getTime())
        expect(cron.matches(next)).toBe(true)
        const day = new Date(next.getTime() + 8 * 3600_000)
        expect([1, 2, 3, 4, 5]).toContain(day.getUTCDay())
        expect(day.getUTCHours()).toBeGreaterThanOrEqual(8)
        expect(day.getUTCHours()).toBeLessThanOrEqual(10)
        // No whole second between `from` and `next` matches (checked on a sample of 50 seconds before `next`).
        for (let s = 1; s <= 50; s++) {
          const earlier = new Date(next.getTime() - s * 1000)
          if (earlier.getTime() > from.getTime()) expect(cron.matches(earlier)).toBe(false)
        }
      }),
      scaledRuns({ numRuns: 200 }),
    )
  })
})

describe('config.json triggers', () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'timer-config-'))
  const write = (name: string, config: unknown) => {
    const file = path.join(dir, `${name}.json`)
    writeFileSync(file, JSON.stringify(config))
    return file
  }

  test('a valid trigger is read with its cron', async () => {
    const config = await readFunctionConfig(write('ok', { timeout: 20, triggers: [{ name: 'daily-reminders', type: 'timer', config: '0 0 9 * * * *' }] }))
    expect(config.triggers.map((t) => [t.name, t.config])).toEqual([['daily-reminders', '0 0 9 * * * *']])
  })

  test.each([
    ['two triggers (WeChat allows one)', { triggers: [{ name: 'a', type: 'timer', config: '0 0 9 * * * *' }, { name: 'b', type: 'timer', config: '0 0 9 * * * *' }] }, /只能配置 1 个定时触发器/],
    ['a name starting with a digit', { triggers: [{ name: '9am', type: 'timer', config: '0 0 9 * * * *' }] }, /须以字母开头/],
    ['a name of 61 characters', { triggers: [{ name: `a${'b'.repeat(60)}`, type: 'timer', config: '0 0 9 * * * *' }] }, /至多 60 个字符/],
    ['another trigger type', { triggers: [{ name: 'cos', type: 'cos', config: '0 0 9 * * * *' }] }, /只支持定时触发器/],
    ['a 5-field cron', { triggers: [{ name: 'daily', type: 'timer', config: '0 9 * * *' }] }, /须有 7 段/],
  ])('%s is refused naming the file', async (_label, config, message) => {
    const file = write('bad', config)
    await expect(readFunctionConfig(file)).rejects.toThrow(message)
    await expect(readFunctionConfig(file)).rejects.toThrow(file)
  })
})

describe('the business clock', () => {
  test('without MUTUAL_AID_TODAY it is the real clock', () => {
    expect(businessClock(undefined, () => 1_000)()).toBe(1_000)
  })

  test('with it, the date is that day in China Standard Time and the time of day keeps running', () => {
    let real = cst('2026-03-05T23:59:58').getTime()
    const now = businessClock('2021-10-01', () => real)
    expect(cstText(new Date(now()))).toBe('2021-10-01 23:59:58')
    real += 3_000 // past the real midnight: the date stays pinned, as the functions' clock does
    expect(cstText(new Date(now()))).toBe('2021-10-01 00:00:01')
    expect(cstDateOf(now())).toBe('2021-10-01')
  })

  test('a malformed value is refused with what to write instead', () => {
    expect(() => businessClock('2021-13-45x')).toThrow(/MUTUAL_AID_TODAY 无效.*YYYY-MM-DD/)
  })
})

describe('the scheduler, on a simulated clock', () => {
  // Each automatic firing is logged, as in `npm start`; not needed here.
  beforeEach(() => jest.spyOn(console, 'log').mockImplementation(() => {}))
  afterEach(() => jest.restoreAllMocks())

  function setup(cron: string) {
    const functionsDir = mkdtempSync(path.join(os.tmpdir(), 'timer-fns-'))
    mkdirSync(path.join(functionsDir, 'reminders'))
    writeFileSync(path.join(functionsDir, 'reminders', 'index.js'), 'exports.main = async () => ({ ok: true })')
    writeFileSync(path.join(functionsDir, 'reminders', 'config.json'), JSON.stringify({ timeout: 5, triggers: [{ name: 'daily', type: 'timer', config: cron }] }))
    // A function not built yet has no trigger, as an undeployed one has none on CloudBase.
    mkdirSync(path.join(functionsDir, 'unbuilt'))
    writeFileSync(path.join(functionsDir, 'unbuilt', 'config.json'), JSON.stringify({ triggers: [{ name: 'x', type: 'timer', config: '* * * * * * *' }] }))
    const calls: { name: string; event: any; identity: unknown; options: InvokeOptions | undefined }[] = []
    const runner = {
      invoke: async (name: string, event: unknown, identity: unknown, options?: InvokeOptions) => {
        calls.push({ name, event, identity, options })
        return { ok: true as const, json: '{"ok":true}' }
      },
    }
    let real = 0
    const clock = { set: (local: string) => (real = cst(local).getTime()), advance: (ms: number) => (real += ms) }
    const scheduler = new TimerScheduler({ functionsDir, runner, now: businessClock('2021-10-01', () => real), auto: false })
    const tick = async () => Promise.all(await scheduler.tick())
    return { calls, clock, scheduler, tick }
  }

  test('a daily trigger fires once at its second with the timer event and no user — and again the next (pinned) day', async () => {
    const { calls, clock, tick } = setup('0 0 2 * * * *')
    clock.set('2026-03-05T01:59:58')
    for (let i = 0; i < 5; i++) {
      await tick()
      clock.advance(1000)
    }
    expect(calls).toEqual([
      { name: 'reminders', event: { Type: 'Timer', TriggerName: 'daily', Time: '2021-09-30T18:00:00Z', Message: '' }, identity: {}, options: { timer: true, group: undefined } },
    ])
    // A real day later the business date is 2021-10-01 again (pinned): the clock went back a day, and it fires again.
    clock.set('2026-03-06T02:00:00')
    await tick()
    expect(calls.map((c) => c.event.Time)).toEqual(['2021-09-30T18:00:00Z', '2021-09-30T18:00:00Z'])
  })

  test('seconds missed while the process was busy fire late, but only within the last minute', async () => {
    const { calls, clock, tick } = setup('*/10 * * * * * *')
    clock.set('2026-03-05T08:00:00')
    await tick()
    clock.advance(35_000)
    await tick()
    expect(calls.map((c) => c.event.Time)).toEqual(['2021-10-01T00:00:00Z', '2021-10-01T00:00:10Z', '2021-10-01T00:00:20Z', '2021-10-01T00:00:30Z'])
    calls.length = 0
    clock.advance(10 * 60_000)
    await tick()
    expect(calls).toHaveLength(6)
  })

  test('the list shows each trigger with its next firing; fire() runs one on demand and refuses unknown ones', async () => {
    const { scheduler, clock, calls } = setup('0 0 9 * * * *')
    clock.set('2026-03-05T08:00:00')
    expect(await scheduler.list()).toEqual({
      triggers: [{ fn: 'reminders', name: 'daily', config: '0 0 9 * * * *', next: '2021-10-01T01:00:00.000Z' }],
      problems: [],
    })
    const fired = await scheduler.fire('reminders', 'daily', new Date('2021-12-25T01:00:00.123Z'))
    expect(fired.event).toEqual({ Type: 'Timer', TriggerName: 'daily', Time: '2021-12-25T01:00:00Z', Message: '' })
    expect(calls).toHaveLength(1)
    await expect(scheduler.fire('reminders', 'nightly')).rejects.toThrow(/没有名为 nightly 的定时触发器（config.json 中声明的是：daily）/)
    await expect(scheduler.fire('unbuilt', 'x')).rejects.toThrow(/没有声明 triggers，或函数尚未构建/)
    expect(scheduler.firings()).toEqual([expect.objectContaining({ fn: 'reminders', trigger: 'daily', manual: true, ok: true })])
  })
})
