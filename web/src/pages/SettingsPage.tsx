import { useEffect, useState, type FormEvent } from 'react'
import { PktAlert, PktButton, PktSelect } from '@oslokommune/punkt-react'
import { ApiError, LEVELS, api, type Language, type Level } from '../api'
import { UI_LANGUAGES, directionOf, isUiLanguage, ownName, useI18n } from '../i18n'
import { useSession } from '../session'
import { PageHeading } from '../components/PageHeading'

// Used until /api/languages answers (or if it fails): the UI languages, named in their own script.
const FALLBACK_LANGUAGES: Language[] = UI_LANGUAGES.map((code) => ({
  code,
  name: ownName(code),
  dir: directionOf(code),
  support: 'full',
}))

export function SettingsPage() {
  const { t, setLanguage } = useI18n()
  const { session, setSession } = useSession()
  const [languages, setLanguages] = useState<Language[]>(FALLBACK_LANGUAGES)
  const participant = session!.participant
  const [uiLanguage, setUiLanguage] = useState(participant.ui_language)
  const [supportLanguage, setSupportLanguage] = useState(participant.support_language)
  const [level, setLevel] = useState<Level>(participant.level)
  const [status, setStatus] = useState<'idle' | 'saving' | 'saved' | 'error'>('idle')
  const [errorMessage, setErrorMessage] = useState('')

  useEffect(() => {
    api
      .languages()
      .then((list) => Array.isArray(list) && list.length > 0 && setLanguages(list))
      .catch(() => {})
  }, [])

  async function save(event: FormEvent) {
    event.preventDefault()
    setStatus('saving')
    try {
      const updated = await api.updateMe({ ui_language: uiLanguage, support_language: supportLanguage, level })
      setSession({ ...session!, participant: updated })
      if (isUiLanguage(updated.ui_language)) setLanguage(updated.ui_language)
      setStatus('saved')
    } catch (e) {
      if (e instanceof ApiError && e.status === 401) setSession(null)
      setErrorMessage((e instanceof ApiError && e.message) || '')
      setStatus('error')
    }
  }

  const uiChoices = languages.filter((l) => isUiLanguage(l.code))
  const label = (l: Language) => (l.support === 'partial' ? `${l.name} (${t('settings.partial')})` : l.name)

  return (
    <div className="voki-narrow">
      <PageHeading title={t('settings.title')}>{t('settings.title')}</PageHeading>
      {session && <p className="voki-muted">{t('settings.class', { name: session.class.name })}</p>}
      <form onSubmit={save} className="voki-form">
        <PktSelect
          id="settings-ui-language"
          label={t('settings.ui_language')}
          value={uiLanguage}
          onChange={(e) => {
            setUiLanguage(e.target.value)
            setStatus('idle')
          }}
        >
          {uiChoices.map((l) => (
            <option key={l.code} value={l.code} lang={l.code} dir={l.dir}>
              {label(l)}
            </option>
          ))}
        </PktSelect>
        <PktSelect
          id="settings-support-language"
          label={t('settings.support_language')}
          helptext={t('settings.support_help')}
          value={supportLanguage}
          onChange={(e) => {
            setSupportLanguage(e.target.value)
            setStatus('idle')
          }}
        >
          {languages.map((l) => (
            <option key={l.code} value={l.code} lang={l.code} dir={l.dir}>
              {label(l)}
            </option>
          ))}
        </PktSelect>
        <PktSelect
          id="settings-level"
          label={t('settings.level')}
          helptext={t('settings.level_help')}
          value={level}
          onChange={(e) => {
            setLevel(e.target.value as Level)
            setStatus('idle')
          }}
        >
          {LEVELS.map((l) => (
            <option key={l} value={l}>
              {l}
            </option>
          ))}
        </PktSelect>
        <PktButton type="submit" skin="primary" disabled={status === 'saving'}>
          {t('settings.save')}
        </PktButton>
        <div aria-live="polite" role="status" className="voki-status">
          {status === 'saved' && t('settings.saved')}
        </div>
        {status === 'error' && (
          <PktAlert skin="error" role="alert" aria-live="assertive">
            {errorMessage || t('common.error.generic')}
          </PktAlert>
        )}
      </form>
      <PktAlert skin="info" className="voki-block" aria-live="off" role="note">
        {t('settings.honesty')}
      </PktAlert>
    </div>
  )
}
