import { createContext, useContext } from 'react'
import type { Session } from './api'

export interface SessionState {
  session: Session | null
  setSession: (session: Session | null) => void
}

export const SessionContext = createContext<SessionState>({ session: null, setSession: () => {} })

export function useSession(): SessionState {
  return useContext(SessionContext)
}
