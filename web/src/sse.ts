// Server-sent events over fetch(). EventSource cannot POST or be aborted per request, and the
// chat endpoint is a POST, so we read the response body ourselves. The parser follows the
// WHATWG "event stream interpretation" rules (line endings \n, \r\n or \r; comment lines;
// multi-line data joined with \n; an event is dispatched at a blank line).

export interface SseEvent {
  event: string
  data: string
  id?: string
}

// Protects the tab from a misbehaving server that never sends a line break.
const MAX_LINE_CHARS = 1_000_000

export class SseParser {
  private buffer = ''
  private pendingCr = false
  private eventType = ''
  private dataLines: string[] = []
  private lastId: string | undefined
  private hasData = false

  constructor(private readonly onEvent: (event: SseEvent) => void) {}

  /** Feed decoded text; any chunking is allowed, even in the middle of a line ending. */
  push(text: string): void {
    let start = 0
    for (let i = 0; i < text.length; i++) {
      const ch = text[i]
      if (ch === '\n' && this.pendingCr) {
        // Second half of a \r\n split across or inside chunks: already handled at the \r.
        this.pendingCr = false
        start = i + 1
        continue
      }
      this.pendingCr = false
      if (ch === '\n' || ch === '\r') {
        this.buffer += text.slice(start, i)
        this.processLine(this.buffer)
        this.buffer = ''
        start = i + 1
        if (ch === '\r') this.pendingCr = true
      }
    }
    this.buffer += text.slice(start)
    if (this.buffer.length > MAX_LINE_CHARS) {
      throw new Error('event stream line too long')
    }
  }

  /** The stream ended: an unterminated final event is discarded, as the spec says. */
  end(): void {
    this.buffer = ''
    this.resetEvent()
  }

  private processLine(line: string): void {
    if (line === '') {
      this.dispatch()
      return
    }
    if (line.startsWith(':')) return
    const colon = line.indexOf(':')
    let field = line
    let value = ''
    if (colon >= 0) {
      field = line.slice(0, colon)
      value = line.slice(colon + 1)
      if (value.startsWith(' ')) value = value.slice(1)
    }
    switch (field) {
      case 'event':
        this.eventType = value
        break
      case 'data':
        this.dataLines.push(value)
        this.hasData = true
        break
      case 'id':
        if (!value.includes('\0')) this.lastId = value
        break
      default:
        // "retry" and unknown fields do not matter for a one-shot POST stream.
        break
    }
  }

  private dispatch(): void {
    if (this.hasData) {
      this.onEvent({ event: this.eventType || 'message', data: this.dataLines.join('\n'), id: this.lastId })
    }
    this.resetEvent()
  }

  private resetEvent(): void {
    this.eventType = ''
    this.dataLines = []
    this.hasData = false
  }
}

/** Reads a fetch() body as an event stream, calling onEvent for each event until it ends. */
export async function readEventStream(
  body: ReadableStream<Uint8Array>,
  onEvent: (event: SseEvent) => void,
): Promise<void> {
  const reader = body.getReader()
  const decoder = new TextDecoder('utf-8')
  const parser = new SseParser(onEvent)
  try {
    for (;;) {
      const { done, value } = await reader.read()
      if (done) break
      parser.push(decoder.decode(value, { stream: true }))
    }
    parser.push(decoder.decode())
    parser.end()
  } finally {
    reader.releaseLock()
  }
}
