import { useCallback, useEffect, useState } from 'react'
import { authContract, type Whoami } from '@mutual-aid/contracts'
import { callAction } from '@/services/call-action'
import type { Failure } from '@/services/cloud'

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
 * The current user's identity and role, with a `reload` for the error state's retry button.
 * After anything that changes who the user is (binding, accepting an invitation), call
 * `invalidateSession()` before navigating.
 */
export function useSession({ fresh = false }: UseSessionOptions = {}): SessionState & { reload: () => void } {
  const [state, setState] = useState<SessionState>({ status: 'loading' })
  const [attempt, setAttempt] = useState(0)
  const [freshOnMount] = useState(fresh)

  useEffect(() => {
    let live = true
    if (freshOnMount && attempt === 0) invalidateSession()
    setState({ status: 'loading' })
    void loadWhoami().then((answer) => {
      if (!live) return
      setState(answer.ok ? { status: 'ready', whoami: answer.data } : { status: 'error', error: answer })
    })
    return () => {
      live = false
    }
  }, [attempt, freshOnMount])

  const reload = useCallback(() => {
    invalidateSession()
    setAttempt((n) => n + 1)
  }, [])

  return { ...state, reload }
}
