// Typed client for the Voki server API. Every error body is {"error": {"code", "message"}}.
import { readEventStream } from './sse'

export type Level = 'A1' | 'A2' | 'B1' | 'B2'
export const LEVELS: Level[] = ['A1', 'A2', 'B1', 'B2']

export interface Participant {
  id: string
  ui_language: string
  support_language: string
  level: Level
}

export interface Session {
  participant: Participant
  class: { id: string; name: string; level: string }
  organisation: { id: string; name: string }
}

export interface Language {
  code: string
  name: string
  dir: 'ltr' | 'rtl'
  support: 'full' | 'partial'
}

export interface Bot {
  id: string
  name: string
  purpose: string
  avatar: string
  level_min: string
  level_max: string
  starters: string[]
  mode: 'llm' | 'dialogue'
}

export interface ConversationSummary {
  id: string
  bot: string
  created_at: string
  updated_at: string
}

export interface Finding {
  start: number
  end: number
  code: string
  suggestions: string[]
  explanation_nb: string
  explanation: string
  confidence: number
}

export type QuickChoice = 'simpler' | 'more' | 'my_language'
export const QUICK_CHOICES: QuickChoice[] = ['simpler', 'more', 'my_language']

export interface Message {
  id: string
  role: 'user' | 'assistant'
  text: string
  quick?: QuickChoice | null | ''
  status?: string
  created_at?: string
  feedback?: Finding[]
}

export interface Conversation {
  id: string
  bot: string
  messages: Message[]
}

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message)
  }
}

async function errorFrom(response: Response): Promise<ApiError> {
  try {
    const body = await response.json()
    const error = body?.error
    if (error && typeof error.code === 'string') {
      return new ApiError(response.status, error.code, typeof error.message === 'string' ? error.message : '')
    }
  } catch {
    // Not JSON (a proxy page, say): fall through to a generic error.
  }
  return new ApiError(response.status, `http_${response.status}`, '')
}

async function request<T>(method: string, path: string, body?: unknown): Promise<T> {
  let response: Response
  try {
    response = await fetch(path, {
      method,
      credentials: 'same-origin',
      headers: body === undefined ? { Accept: 'application/json' } : { 'Content-Type': 'application/json', Accept: 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    })
  } catch {
    throw new ApiError(0, 'network', '')
  }
  if (!response.ok) throw await errorFrom(response)
  if (response.status === 204) return undefined as T
  return (await response.json()) as T
}

export const api = {
  // The UI language shown before joining becomes the participant's (the server keeps it).
  join: (code: string, uiLanguage?: string) =>
    request<Session>('POST', '/api/join', uiLanguage ? { code, ui_language: uiLanguage } : { code }),
  me: () => request<Session>('GET', '/api/me'),
  updateMe: (changes: Partial<Pick<Participant, 'ui_language' | 'support_language' | 'level'>>) =>
    request<Participant>('PATCH', '/api/me', changes),
  logout: () => request<void>('POST', '/api/logout'),
  languages: () => request<Language[]>('GET', '/api/languages'),
  bots: () => request<Bot[]>('GET', '/api/bots'),
  createConversation: (bot: string) => request<{ id: string; bot: string }>('POST', '/api/conversations', { bot }),
  conversations: () => request<ConversationSummary[]>('GET', '/api/conversations'),
  conversation: (id: string) => request<Conversation>('GET', `/api/conversations/${encodeURIComponent(id)}`),
  deleteConversation: (id: string) => request<void>('DELETE', `/api/conversations/${encodeURIComponent(id)}`),
}

export interface StreamHandlers {
  onMessage: (message: Message) => void
  onFeedback: (messageId: string, findings: Finding[]) => void
  onDelta: (text: string) => void
  onDone: (message: Message) => void
  onError: (error: ApiError) => void
}

export type SendBody = { text: string } | { quick: QuickChoice }

/**
 * Sends a learner turn and streams the answer. Resolves when the stream ends; rejects with
 * ApiError for HTTP errors, and with the AbortError when `signal` aborts.
 */
export async function sendMessage(
  conversationId: string,
  body: SendBody,
  handlers: StreamHandlers,
  signal: AbortSignal,
): Promise<void> {
  let response: Response
  try {
    response = await fetch(`/api/conversations/${encodeURIComponent(conversationId)}/messages`, {
      method: 'POST',
      credentials: 'same-origin',
      headers: { 'Content-Type': 'application/json', Accept: 'text/event-stream' },
      body: JSON.stringify(body),
      signal,
    })
  } catch (e) {
    if (signal.aborted) throw e
    throw new ApiError(0, 'network', '')
  }
  if (!response.ok) throw await errorFrom(response)
  if (!response.body) throw new ApiError(response.status, 'no_stream', '')

  let finished = false
  await readEventStream(response.body, (event) => {
    let data: unknown
    try {
      data = JSON.parse(event.data)
    } catch {
      return // A malformed event is skipped; the stream may still finish properly.
    }
    const record = data as Record<string, unknown>
    switch (event.event) {
      case 'message':
        handlers.onMessage(record as unknown as Message)
        break
      case 'feedback':
        if (typeof record.message === 'string' && Array.isArray(record.findings)) {
          handlers.onFeedback(record.message, record.findings as Finding[])
        }
        break
      case 'delta':
        if (typeof record.text === 'string') handlers.onDelta(record.text)
        break
      case 'done':
        finished = true
        handlers.onDone(record as unknown as Message)
        break
      case 'error': {
        finished = true
        const error = (record.error ?? {}) as { code?: string; message?: string }
        handlers.onError(new ApiError(response.status, error.code ?? 'stream_error', error.message ?? ''))
        break
      }
    }
  })
  if (!finished && !signal.aborted) {
    handlers.onError(new ApiError(response.status, 'stream_cut', ''))
  }
}
