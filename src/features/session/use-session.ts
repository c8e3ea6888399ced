import { useCallback, useRef, useState } from 'react'
import { authContract, type Whoami } from '@mutual-aid/contracts'
import { callAction } from '@/services/call-action'
import type { Failure } from '@/services/cloud'
import { useLoad } from '@/services/use-load'

/** Asks `auth` who the current user is; the answer is parsed with the contract, so pages can trust its shape. */
export async function fetchWhoami(): Promise<{ ok: true; data: Whoami } | Failure> {
  return callAction(authContract, 'whoami', {})
}

export type SessionState =
  | { status: 'loading' }
  | { status: 'error'; error: Failure }
  | { status: 'ready'; whoami: Whoami }

// One whoami per app run: every page asks, only the first goes to the cloud. Cleared on sign-in/out.
let cached: Promise<Awaited<ReturnType<typeof fetchWhoami>>> | null = null

export function invalidateSession(): void {
  cached = null
}

function loadWhoami(): ReturnType<typeof fetchWhoami> {
  if (cached === null) {
    cached = fetchWhoami().then((answer) => {
      if (!answer.ok) cached = null // let a retry go back to the cloud
      return answer
    })
  }
  return cached
}

export interface UseSessionOptions {
  /** Ask the cloud again instead of reusing this run's answer (the home page does, after binding etc.). */
  fresh?: boolean
}

/**
 * The current user's identity and role, with a `reload` for the error state's retry button (asks the cloud again).
 * Loaded through the app's one loading hook; not again when the page is shown again (the identity does not change
 * while the app runs, except through binding, which calls `invalidateSession()` and relaunches).
 * After anything that changes who the user is (binding, accepting an invitation), call
 * `invalidateSession()` before navigating.
 */
export function useSession({ fresh = false }: UseSessionOptions = {}): SessionState & { reload: () => void } {
  const [freshOnOpen] = useState(fresh)
  const opened = useRef(false)
  const whoami = useLoad(
    () => {
      if (freshOnOpen && !opened.current) invalidateSession()
      opened.current = true
      return loadWhoami()
    },
    [],
    { refreshOnShow: false },
  )
  const { reload: loadAgain } = whoami
  const reload = useCallback(() => {
    invalidateSession()
    loadAgain()
  }, [loadAgain])
  if (whoami.status === 'ready') return { status: 'ready', whoami: whoami.data, reload }
  if (whoami.status === 'error') return { status: 'error', error: { ok: false, code: whoami.code, message: whoami.message }, reload }
  return { status: 'loading', reload }
}
