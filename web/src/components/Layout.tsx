import type { ReactNode } from 'react'
import { NavLink, useNavigate } from 'react-router-dom'
import { api } from '../api'
import { useI18n } from '../i18n'
import { useSession } from '../session'

export function Layout({ children }: { children: ReactNode }) {
  const { t } = useI18n()
  const { session, setSession } = useSession()
  const navigate = useNavigate()

  async function logout() {
    try {
      await api.logout()
    } catch {
      // Even if the server is unreachable, forget the session locally.
    }
    setSession(null)
    navigate('/')
  }

  return (
    <>
      <a className="voki-skip-link" href="#main">
        {t('app.skip')}
      </a>
      <header className="voki-header">
        <div className="voki-header__inner">
          <span className="voki-brand">
            <span className="voki-brand__name">Voki</span>
            {session && <span className="voki-brand__org">{session.organisation.name}</span>}
          </span>
          {session && (
            <nav aria-label={t('nav.label')} className="voki-nav">
              <ul>
                <li>
                  <NavLink to="/bots">{t('nav.bots')}</NavLink>
                </li>
                <li>
                  <NavLink to="/settings">{t('nav.settings')}</NavLink>
                </li>
                <li>
                  <button type="button" className="voki-linkbutton" onClick={logout}>
                    {t('nav.logout')}
                  </button>
                </li>
              </ul>
            </nav>
          )}
        </div>
      </header>
      <main id="main" className="voki-main" tabIndex={-1}>
        {children}
      </main>
    </>
  )
}
