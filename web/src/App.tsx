import { useCallback, useEffect, useMemo, useState } from 'react'
import { Navigate, Route, Routes, useLocation } from 'react-router-dom'
import { ApiError, api, type Session } from './api'
import {
  I18nContext,
  LANGUAGE_STORAGE_KEY,
  applyDocumentLanguage,
  initialLanguage,
  isUiLanguage,
  translate,
  type I18n,
} from './i18n'
import { SessionContext } from './session'
import { Layout } from './components/Layout'
import { JoinPage } from './pages/JoinPage'
import { CataloguePage } from './pages/CataloguePage'
import { ChatPage } from './pages/ChatPage'
import { SettingsPage } from './pages/SettingsPage'
import { NotFoundPage } from './pages/NotFoundPage'

export function App() {
  const [language, setLanguageState] = useState(initialLanguage)
  const [session, setSessionState] = useState<Session | null>(null)
  const [checked, setChecked] = useState(false)

  const setLanguage = useCallback((code: string) => {
    if (!isUiLanguage(code)) return
    setLanguageState(code)
    try {
      localStorage.setItem(LANGUAGE_STORAGE_KEY, code)
    } catch {
      // Storage may be blocked; the choice then lasts for this page only.
    }
  }, [])

  const setSession = useCallback(
    (next: Session | null) => {
      setSessionState(next)
      if (next && isUiLanguage(next.participant.ui_language)) setLanguage(next.participant.ui_language)
    },
    [setLanguage],
  )

  useEffect(() => {
    applyDocumentLanguage(language)
  }, [language])

  useEffect(() => {
    let cancelled = false
    api
      .me()
      .then((me) => !cancelled && setSession(me))
      .catch((e) => {
        // 401 simply means "not joined yet"; other errors show up on the page that needs data.
        if (!(e instanceof ApiError) || e.status !== 401) console.warn('Could not load session', e.code ?? e)
      })
      .finally(() => !cancelled && setChecked(true))
    return () => {
      cancelled = true
    }
  }, [setSession])

  const i18n = useMemo<I18n>(
    () => ({ language, setLanguage, t: (key, vars) => translate(language, key, vars) }),
    [language, setLanguage],
  )
  const sessionState = useMemo(() => ({ session, setSession }), [session, setSession])

  return (
    <I18nContext.Provider value={i18n}>
      <SessionContext.Provider value={sessionState}>
        <Layout>
          {checked ? (
            <Routes>
              <Route path="/" element={session ? <Navigate to="/bots" replace /> : <JoinPage />} />
              <Route path="/join" element={<JoinPage />} />
              <Route path="/bots" element={<RequireSession><CataloguePage /></RequireSession>} />
              <Route path="/chat/:id" element={<RequireSession><ChatPage /></RequireSession>} />
              <Route path="/settings" element={<RequireSession><SettingsPage /></RequireSession>} />
              <Route path="*" element={<NotFoundPage />} />
            </Routes>
          ) : (
            <p className="voki-loading" role="status">{i18n.t('common.loading')}</p>
          )}
        </Layout>
      </SessionContext.Provider>
    </I18nContext.Provider>
  )
}

function RequireSession({ children }: { children: React.ReactNode }) {
  const location = useLocation()
  return (
    <SessionContext.Consumer>
      {({ session }) => (session ? children : <Navigate to="/" replace state={{ from: location.pathname }} />)}
    </SessionContext.Consumer>
  )
}
