import type { Role, StaffRole } from '@mutual-aid/contracts'
import type { Clock } from './clock'
import type { FunctionConfig } from './config'
import type { SdkHandle } from './sdk'

export type { Role }

/** A user document, keyed by OPENID (`_id`). */
export interface UserDoc {
  _id: string
  /** Staff role given by the office (office / agent / clerk); a worker has none. */
  role: StaffRole | null
  name: string
  agentId?: string
  unitId?: string
  /** The roster person this WeChat user has bound to (any role may also be a worker). */
  personId?: string
  createdAt: Date
  updatedAt: Date
}

/** Who is calling, from the trusted OPENID only. */
export interface Caller {
  openid: string
  appid?: string
  user: UserDoc | null
  /** Effective roles: the staff role plus 'worker' when bound to a person. */
  roles: Role[]
  /** Set for a timer trigger's tick (no user): the trigger's name. */
  timer?: string
}

/** Everything a handler needs from the outside world, passed in so handlers stay testable. */
export interface HandlerContext {
  // wx-server-sdk's database instance (typed loosely by the SDK itself).
  db: SdkHandle
  cloud: SdkHandle
  caller: Caller
  clock: Clock
  /** Secrets and template ids, read and checked once per instance. */
  config: FunctionConfig
  /** The function's name, for the audit log. */
  fn: string
}
