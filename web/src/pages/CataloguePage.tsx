import { useEffect, useState } from 'react'
import { Link, useNavigate } from 'react-router-dom'
import { PktAlert, PktButton } from '@oslokommune/punkt-react'
import { ApiError, api, type Bot, type ConversationSummary } from '../api'
import { useI18n } from '../i18n'
import { PageHeading } from '../components/PageHeading'
import { BotAvatar } from '../components/BotAvatar'
import { formatDate } from '../format'
import { useSession } from '../session'

export function CataloguePage() {
  const { t, language } = useI18n()
  const { setSession } = useSession()
  const navigate = useNavigate()
  const [bots, setBots] = useState<Bot[] | null>(null)
  const [conversations, setConversations] = useState<ConversationSummary[]>([])
  const [error, setError] = useState<string | null>(null)
  const [starting, setStarting] = useState<string | null>(null)

  useEffect(() => {
    let cancelled = false
    Promise.all([api.bots(), api.conversations()])
      .then(([loadedBots, loadedConversations]) => {
        if (cancelled) return
        setBots(loadedBots)
        setConversations([...loadedConversations].sort((a, b) => b.updated_at.localeCompare(a.updated_at)))
      })
      .catch((e) => {
        if (cancelled) return
        if (e instanceof ApiError && e.status === 401) setSession(null)
        setError(t('common.error.generic'))
        setBots([])
      })
    return () => {
      cancelled = true
    }
    // Bot texts come in the UI language, so reload when it changes.
  }, [language, setSession, t])

  async function start(bot: Bot) {
    setStarting(bot.id)
    setError(null)
    try {
      const conversation = await api.createConversation(bot.id)
      navigate(`/chat/${encodeURIComponent(conversation.id)}`)
    } catch {
      setError(t('common.error.generic'))
      setStarting(null)
    }
  }

  async function remove(conversation: ConversationSummary) {
    try {
      await api.deleteConversation(conversation.id)
      setConversations((list) => list.filter((c) => c.id !== conversation.id))
    } catch {
      setError(t('common.error.generic'))
    }
  }

  const botName = (id: string) => bots?.find((b) => b.id === id)?.name ?? id

  return (
    <div>
      <PageHeading title={t('bots.title')}>{t('bots.title')}</PageHeading>
      <p className="voki-lead">{t('bots.intro')}</p>
      {error && (
        <PktAlert skin="error" role="alert" aria-live="assertive" className="voki-block">
          {error}
        </PktAlert>
      )}
      {bots === null ? (
        <p role="status">{t('common.loading')}</p>
      ) : bots.length === 0 ? (
        !error && <p>{t('bots.empty')}</p>
      ) : (
        <ul className="voki-cards">
          {bots.map((bot) => (
            <li key={bot.id} className="voki-card">
              <div className="voki-card__top">
                <BotAvatar bot={bot} />
                <div>
                  <h2 className="voki-card__title" dir="auto">{bot.name}</h2>
                  <p className="voki-card__meta">
                    <span className="voki-tag">{t('bots.level', { min: bot.level_min, max: bot.level_max })}</span>{' '}
                    <span className="voki-tag voki-tag--muted">
                      {t(bot.mode === 'dialogue' ? 'bots.mode.dialogue' : 'bots.mode.llm')}
                    </span>
                  </p>
                </div>
              </div>
              <p className="voki-card__purpose" dir="auto">{bot.purpose}</p>
              <PktButton
                skin="primary"
                size="medium"
                className="voki-card__action"
                disabled={starting !== null}
                onClick={() => start(bot)}
              >
                {t('bots.start', { name: bot.name })}
              </PktButton>
            </li>
          ))}
        </ul>
      )}

      <section aria-labelledby="conversations-heading" className="voki-section">
        <h2 id="conversations-heading">{t('conversations.title')}</h2>
        {conversations.length === 0 ? (
          <p>{t('conversations.empty')}</p>
        ) : (
          <ul className="voki-conversations">
            {conversations.map((conversation) => (
              <li key={conversation.id}>
                <Link to={`/chat/${encodeURIComponent(conversation.id)}`}>
                  {t('conversations.open', { name: botName(conversation.bot) })}
                </Link>
                <span className="voki-muted">
                  {t('conversations.updated', { date: formatDate(conversation.updated_at, language) })}
                </span>
                <PktButton skin="tertiary" size="small" onClick={() => remove(conversation)}>
                  {t('conversations.delete', { name: botName(conversation.bot) })}
                </PktButton>
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  )
}
