import { useState, type FormEvent } from 'react'
import { useNavigate } from 'react-router-dom'
import { PktButton, PktSelect, PktTextinput } from '@oslokommune/punkt-react'
import { ApiError, api } from '../api'
import { UI_LANGUAGES, ownName, useI18n } from '../i18n'
import { useSession } from '../session'
import { PageHeading } from '../components/PageHeading'

const MAX_CODE_LENGTH = 64

export function JoinPage() {
  const { t, language, setLanguage } = useI18n()
  const { setSession } = useSession()
  const navigate = useNavigate()
  const [code, setCode] = useState('')
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)

  async function submit(event: FormEvent) {
    event.preventDefault()
    const trimmed = code.trim().toUpperCase()
    if (!trimmed) {
      setError(t('join.error.empty'))
      return
    }
    setBusy(true)
    setError(null)
    try {
      let session = await api.join(trimmed, language)
      // Joining again on this device keeps the participant: align it with the language shown now.
      if (session.participant.ui_language !== language) {
        try {
          const participant = await api.updateMe({ ui_language: language })
          session = { ...session, participant }
        } catch {
          // Keep the server's language; the learner can change it in settings.
        }
      }
      setSession(session)
      navigate('/bots')
    } catch (e) {
      if (e instanceof ApiError && e.code === 'unknown_code') setError(t('join.error.unknown_code'))
      else if (e instanceof ApiError && e.code === 'network') setError(t('chat.error.network'))
      else setError((e instanceof ApiError && e.message) || t('common.error.generic'))
    } finally {
      setBusy(false)
    }
  }

  return (
    <div className="voki-narrow">
      <PageHeading title={t('join.title')}>{t('join.title')}</PageHeading>
      <p className="voki-lead">{t('join.intro')}</p>
      <form onSubmit={submit} noValidate className="voki-form">
        <PktTextinput
          id="join-code"
          name="code"
          label={t('join.code_label')}
          helptext={t('join.code_help')}
          value={code}
          maxLength={MAX_CODE_LENGTH}
          autoCapitalize="characters"
          autoComplete="off"
          spellCheck={false}
          hasError={!!error}
          errorMessage={error ?? undefined}
          fullwidth
          onChange={(e) => setCode(e.target.value.toUpperCase())}
        />
        <PktButton type="submit" skin="primary" disabled={busy}>
          {t('join.submit')}
        </PktButton>
      </form>
      <div className="voki-language-picker">
        <PktSelect
          id="join-language"
          label={t('join.language_label')}
          value={language}
          onChange={(e) => setLanguage(e.target.value)}
        >
          {UI_LANGUAGES.map((code) => (
            <option key={code} value={code} lang={code}>
              {ownName(code)}
            </option>
          ))}
        </PktSelect>
      </div>
    </div>
  )
}
