import { useCallback, useEffect, useRef, useState, type KeyboardEvent } from 'react'
import { Link, useNavigate, useParams } from 'react-router-dom'
import { PktAlert, PktButton, PktTextarea } from '@oslokommune/punkt-react'
import {
  ApiError,
  QUICK_CHOICES,
  api,
  sendMessage,
  type Bot,
  type Finding,
  type Message,
  type QuickChoice,
  type SendBody,
} from '../api'
import { useI18n } from '../i18n'
import { useSession } from '../session'
import { PageHeading } from '../components/PageHeading'
import { BotAvatar } from '../components/BotAvatar'
import { FeedbackText } from '../components/FeedbackText'

const MAX_MESSAGE_CHARS = 4000

type LocalState = 'sending' | 'streaming' | 'stopped' | 'failed'
interface ChatItem extends Message {
  local?: LocalState
}

let localCounter = 0
const localId = (prefix: string) => `${prefix}-${++localCounter}`

function findingsOf(message: Message): Finding[] {
  // Stored messages carry a list of findings; be lenient with an older {findings: [...]} shape.
  const feedback = message.feedback as unknown
  if (Array.isArray(feedback)) {
    return feedback.flatMap((f) => (f && Array.isArray((f as { findings?: unknown }).findings) ? (f as { findings: Finding[] }).findings : [f as Finding]))
  }
  return []
}

/** Stored history: drop empty failed answers; mark cut-off answers so they get no quick choices. */
function fromHistory(messages: Message[]): ChatItem[] {
  return messages
    .filter((m) => !(m.role === 'assistant' && !m.text))
    .map((m) => (m.role === 'assistant' && (m.status === 'stopped' || m.status === 'failed') ? { ...m, local: 'stopped' } : m))
}

export function ChatPage() {
  const { id = '' } = useParams()
  const { t } = useI18n()
  const { session, setSession } = useSession()
  const navigate = useNavigate()
  const [bot, setBot] = useState<Bot | null>(null)
  const [messages, setMessages] = useState<ChatItem[]>([])
  const [loaded, setLoaded] = useState(false)
  const [notFound, setNotFound] = useState(false)
  const [draft, setDraft] = useState('')
  const [error, setError] = useState<string | null>(null)
  const [retryBody, setRetryBody] = useState<SendBody | null>(null)
  const [streaming, setStreaming] = useState(false)
  const [announcement, setAnnouncement] = useState('')
  const abortRef = useRef<AbortController | null>(null)
  const inputRef = useRef<HTMLTextAreaElement>(null)
  const endRef = useRef<HTMLDivElement>(null)

  useEffect(() => {
    let cancelled = false
    setLoaded(false)
    setNotFound(false)
    setMessages([])
    setError(null)
    Promise.all([api.conversation(id), api.bots()])
      .then(([conversation, bots]) => {
        if (cancelled) return
        setBot(bots.find((b) => b.id === conversation.bot) ?? null)
        setMessages(fromHistory(conversation.messages ?? []))
        setLoaded(true)
      })
      .catch((e) => {
        if (cancelled) return
        if (e instanceof ApiError && e.status === 401) setSession(null)
        else if (e instanceof ApiError && e.status === 404) setNotFound(true)
        else setError(t('common.error.generic'))
        setLoaded(true)
      })
    return () => {
      cancelled = true
    }
    // t changes with the language; reloading then also refreshes the bot's localised texts.
  }, [id, setSession, t])

  // Stop a running answer when leaving the page.
  useEffect(() => () => abortRef.current?.abort(), [])

  useEffect(() => {
    endRef.current?.scrollIntoView({ block: 'end' })
  }, [messages])

  const botName = bot?.name ?? 'Voki'

  const errorText = useCallback(
    (e: unknown): string => {
      if (e instanceof ApiError) {
        if (e.code === 'network') return t('chat.error.network')
        if (e.status === 413) return t('chat.error.too_long')
        if (e.status === 400 && e.message) return e.message
      }
      return t('chat.error.generic')
    },
    [t],
  )

  async function send(body: SendBody) {
    if (streaming) return
    if ('text' in body) {
      const text = body.text.trim()
      if (!text) {
        setError(t('chat.error.empty'))
        return
      }
      if (Array.from(text).length > MAX_MESSAGE_CHARS) {
        setError(t('chat.error.too_long'))
        return
      }
      body = { text }
    }
    setError(null)
    setRetryBody(null)

    const userId = localId('local')
    const answerId = localId('answer')
    let currentUserId = userId
    const userMessage: ChatItem = {
      id: userId,
      role: 'user',
      text: 'text' in body ? body.text : '',
      quick: 'quick' in body ? body.quick : null,
      local: 'sending',
    }
    setMessages((list) => [...list, userMessage, { id: answerId, role: 'assistant', text: '', local: 'streaming' }])
    if ('text' in body) setDraft('')
    setStreaming(true)
    const controller = new AbortController()
    abortRef.current = controller

    const update = (messageId: string, change: (m: ChatItem) => ChatItem) =>
      setMessages((list) => list.map((m) => (m.id === messageId ? change(m) : m)))
    const failed = (e: unknown) => {
      update(currentUserId, (m) => (m.local === 'sending' ? { ...m, local: 'failed' } : m))
      setMessages((list) => list.filter((m) => !(m.id === answerId && !m.text)))
      update(answerId, (m) => ({ ...m, local: 'stopped' }))
      setError(errorText(e))
      setRetryBody(body)
    }

    try {
      await sendMessage(
        id,
        body,
        {
          onMessage: (stored) => {
            update(currentUserId, (m) => ({ ...stored, feedback: m.feedback ?? stored.feedback }))
            currentUserId = stored.id
          },
          onFeedback: (messageId, findings) => {
            const target = messageId === currentUserId || messageId === userId ? currentUserId : messageId
            update(target, (m) => ({ ...m, feedback: findings }))
          },
          onDelta: (text) => update(answerId, (m) => ({ ...m, text: m.text + text })),
          onDone: (stored) => {
            update(answerId, () => ({ ...stored }))
            setAnnouncement(t('chat.announce_answer', { name: botName, text: stored.text }))
          },
          onError: failed,
        },
        controller.signal,
      )
    } catch (e) {
      if (controller.signal.aborted) {
        setMessages((list) => list.filter((m) => !(m.id === answerId && !m.text)))
        update(answerId, (m) => ({ ...m, local: 'stopped' }))
        update(currentUserId, (m) => (m.local === 'sending' ? { ...m, local: undefined } : m))
        setAnnouncement(t('chat.stopped'))
      } else {
        failed(e)
      }
    } finally {
      if (abortRef.current === controller) abortRef.current = null
      setStreaming(false)
      inputRef.current?.focus()
    }
  }

  function stop() {
    abortRef.current?.abort()
  }

  function onKeyDown(e: KeyboardEvent<HTMLTextAreaElement>) {
    if (e.key === 'Enter' && !e.shiftKey && !e.nativeEvent.isComposing) {
      e.preventDefault()
      void send({ text: draft })
    }
  }

  async function newConversation() {
    if (!bot) return
    try {
      const conversation = await api.createConversation(bot.id)
      navigate(`/chat/${encodeURIComponent(conversation.id)}`)
    } catch {
      setError(t('common.error.generic'))
    }
  }

  const title = t('chat.title', { name: botName })
  if (notFound) {
    return (
      <div className="voki-narrow">
        <PageHeading title={t('chat.not_found')}>{t('chat.not_found')}</PageHeading>
        <Link to="/bots">{t('chat.back')}</Link>
      </div>
    )
  }

  const lastAssistantIndex = messages.map((m) => m.role).lastIndexOf('assistant')
  const quickLabel = (quick: QuickChoice) => t(`chat.quick.${quick}`)

  return (
    <div className="voki-chat">
      <div className="voki-chat__head">
        {bot && <BotAvatar bot={bot} size="small" />}
        <PageHeading title={title}>{title}</PageHeading>
      </div>
      <div className="voki-chat__tools">
        <Link to="/bots">{t('chat.back')}</Link>
        {bot && (
          <button type="button" className="voki-linkbutton" onClick={newConversation} disabled={streaming}>
            {t('chat.new')}
          </button>
        )}
      </div>
      {bot?.purpose && <p className="voki-muted" dir="auto">{bot.purpose}</p>}

      {!loaded && <p role="status">{t('common.loading')}</p>}

      <ol className="voki-messages" aria-label={t('chat.log_label')}>
        {messages.map((message, index) => (
          <li
            key={message.id}
            className={`voki-message voki-message--${message.role === 'user' ? 'user' : 'bot'}${message.local ? ` voki-message--${message.local}` : ''}`}
            aria-busy={message.local === 'streaming' || undefined}
          >
            <span className="voki-message__who">{message.role === 'user' ? t('chat.you') : botName}</span>
            {message.role === 'user' ? (
              message.quick ? (
                <p className="voki-message__text voki-message__quick">{quickLabel(message.quick)}</p>
              ) : (
                <FeedbackText text={message.text} findings={findingsOf(message)} supportLanguage={session?.participant.support_language} />
              )
            ) : (
              <p className="voki-message__text" dir="auto" lang={message.quick === 'my_language' ? session?.participant.support_language : undefined}>
                {message.text}
                {message.local === 'streaming' && (
                  <span className="voki-typing">{message.text ? '' : t('chat.writing', { name: botName })}</span>
                )}
              </p>
            )}
            {message.local === 'failed' && <span className="voki-message__status">{t('chat.not_sent')}</span>}
            {message.local === 'stopped' && message.role === 'assistant' && (
              <span className="voki-message__status">{t('chat.stopped')}</span>
            )}
            {message.role === 'assistant' && !message.local && index === lastAssistantIndex && (
              <div className="voki-quick" role="group" aria-label={t('chat.quick_label')}>
                {QUICK_CHOICES.map((quick) => (
                  <PktButton key={quick} skin="secondary" size="small" disabled={streaming} onClick={() => send({ quick })}>
                    {quickLabel(quick)}
                  </PktButton>
                ))}
              </div>
            )}
          </li>
        ))}
      </ol>
      <div ref={endRef} className="voki-chat-end" />

      {loaded && messages.length === 0 && bot && bot.starters.length > 0 && (
        <section className="voki-starters" aria-labelledby="starters-heading">
          <h2 id="starters-heading">{t('chat.starters')}</h2>
          <p className="voki-muted">{t('chat.empty')}</p>
          <ul>
            {bot.starters.map((starter) => (
              <li key={starter}>
                <PktButton skin="secondary" size="small" onClick={() => send({ text: starter })} disabled={streaming}>
                  <span dir="auto">{starter}</span>
                </PktButton>
              </li>
            ))}
          </ul>
        </section>
      )}

      <div className="pkt-sr-only" aria-live="polite" aria-atomic="true">
        {announcement}
      </div>

      {error && (
        <PktAlert skin="error" role="alert" aria-live="assertive" className="voki-block">
          <p>{error}</p>
          {retryBody && (
            <PktButton skin="secondary" size="small" onClick={() => send(retryBody)}>
              {t('chat.retry')}
            </PktButton>
          )}
        </PktAlert>
      )}

      <form
        className="voki-composer"
        onSubmit={(e) => {
          e.preventDefault()
          void send({ text: draft })
        }}
      >
        <PktTextarea
          id="chat-input"
          ref={inputRef}
          label={t('chat.input_label')}
          helptext={t('chat.input_help')}
          value={draft}
          rows={2}
          fullwidth
          onChange={(e) => setDraft(e.target.value)}
          onKeyDown={onKeyDown}
          disabled={!loaded || notFound}
        />
        <div className="voki-composer__actions">
          {streaming ? (
            <PktButton type="button" skin="secondary" color="red-outline" onClick={stop}>
              {t('chat.stop')}
            </PktButton>
          ) : (
            <PktButton type="submit" skin="primary" disabled={!loaded}>
              {t('chat.send')}
            </PktButton>
          )}
        </div>
      </form>
    </div>
  )
}
