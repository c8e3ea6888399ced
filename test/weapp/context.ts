/**
 * What the weapp runner hands to each flow: phones (one MiniProgram per WeChat user), named steps that pass only if
 * their body finished AND no phone used in them recorded an error, and the report's rows.
 */
import { MiniProgram, type HostProblem } from './host/mini-program'

export interface StepResult {
  group: string
  name: string
  ok: boolean
  detail: string
  ms: number
}

export interface PageVisit {
  page: string
  role: string
  ok: boolean
  shows: string
  problems: string[]
}

export class AssertionError extends Error {
  override name = 'AssertionError'
}

export function assert(condition: unknown, message: string): asserts condition {
  if (!condition) throw new AssertionError(message)
}

export class HostRun {
  readonly steps: StepResult[] = []
  readonly visits: PageVisit[] = []
  /** Things the flows learnt that later flows and the page matrix need (a claim id, a declaration id). */
  readonly facts = new Map<string, string>()
  readonly phones: MiniProgram[] = []
  private readonly tokens = new Map<string, string>()
  private active: MiniProgram[] = []

  constructor(readonly dist: string, public emulatorUrl: string) {}

  /** A phone signed in to WeChat as `openid`, not yet launched. */
  phone(openid: string): MiniProgram {
    const phone = new MiniProgram({ dist: this.dist, emulatorUrl: this.emulatorUrl, openid, tokens: this.tokens })
    this.active.push(phone)
    this.phones.push(phone)
    return phone
  }

  async step(group: string, name: string, body: () => Promise<void>): Promise<boolean> {
    const started = Date.now()
    this.active = []
    let detail = ''
    let ok = true
    try {
      await body()
    } catch (err) {
      ok = false
      detail = err instanceof Error ? (err instanceof AssertionError ? err.message : err.stack ?? err.message) : String(err)
    }
    const problems = this.active.flatMap((p) => p.problems.map((x) => `[${x.kind}] ${x.page}: ${x.message}`))
    if (problems.length) {
      ok = false
      detail = [detail, ...problems].filter(Boolean).join('\n')
    }
    this.steps.push({ group, name, ok, detail, ms: Date.now() - started })
    console.log(`${ok ? '✓' : '✗'} ${group}: ${name}${ok ? '' : `\n    ${detail.split('\n').join('\n    ')}`}`)
    return ok
  }

  problemsOf(phone: MiniProgram): HostProblem[] {
    return phone.problems
  }
}
