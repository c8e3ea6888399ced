export * from './session.schema'
export * from './roles'
export { useSession, fetchWhoami, invalidateSession, type SessionState } from './use-session'
export { EntryScreen } from './entry'
