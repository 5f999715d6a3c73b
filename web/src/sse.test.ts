import { describe, expect, it } from 'vitest'
import { SseParser, readEventStream, type SseEvent } from './sse'

function parseAll(chunks: string[]): SseEvent[] {
  const events: SseEvent[] = []
  const parser = new SseParser((e) => events.push(e))
  for (const chunk of chunks) parser.push(chunk)
  parser.end()
  return events
}

const sample =
  'event: message\ndata: {"id":"m1","role":"user"}\n\n' +
  ': keep-alive comment\n\n' +
  'event: delta\ndata: {"text":"Hei"}\n\n' +
  'event: delta\ndata: {"text":" på deg"}\n\n' +
  'event: done\ndata: {"id":"m2","role":"assistant","text":"Hei på deg"}\n\n'

describe('SseParser', () => {
  it('parses typed events in order', () => {
    const events = parseAll([sample])
    expect(events.map((e) => e.event)).toEqual(['message', 'delta', 'delta', 'done'])
    expect(JSON.parse(events[2].data)).toEqual({ text: ' på deg' })
  })

  it('gives the same result however the stream is chunked', () => {
    const whole = parseAll([sample])
    for (const size of [1, 2, 3, 7, 13]) {
      const chunks: string[] = []
      for (let i = 0; i < sample.length; i += size) chunks.push(sample.slice(i, i + size))
      expect(parseAll(chunks)).toEqual(whole)
    }
  })

  it('accepts CRLF and CR line endings, even split between chunks', () => {
    const crlf = sample.replace(/\n/g, '\r\n')
    const cr = sample.replace(/\n/g, '\r')
    const expected = parseAll([sample])
    expect(parseAll([crlf])).toEqual(expected)
    expect(parseAll([cr])).toEqual(expected)
    // Split exactly between \r and \n.
    const at = crlf.indexOf('\r\n') + 1
    expect(parseAll([crlf.slice(0, at), crlf.slice(at)])).toEqual(expected)
  })

  it('joins multi-line data with newlines and defaults the type to "message"', () => {
    expect(parseAll(['data: one\ndata: two\n\n'])).toEqual([{ event: 'message', data: 'one\ntwo', id: undefined }])
  })

  it('strips exactly one space after the colon and handles a field with no colon', () => {
    expect(parseAll(['data:  x\n\n'])[0].data).toBe(' x')
    expect(parseAll(['data\n\n'])[0].data).toBe('')
  })

  it('drops an unterminated final event and events without data', () => {
    expect(parseAll(['event: delta\n\n', 'event: done\ndata: {"x":1}'])).toEqual([])
  })

  it('ignores unknown fields and retry', () => {
    expect(parseAll(['retry: 1000\nfoo: bar\nevent: delta\ndata: a\n\n'])).toEqual([
      { event: 'delta', data: 'a', id: undefined },
    ])
  })

  it('refuses an endless line instead of growing without bound', () => {
    const parser = new SseParser(() => {})
    expect(() => parser.push('data: ' + 'x'.repeat(1_100_000))).toThrow(/too long/)
  })
})

describe('readEventStream', () => {
  it('decodes UTF-8 split inside a multi-byte character', async () => {
    const bytes = new TextEncoder().encode('event: delta\ndata: {"text":"blåbær ☕ مرحبا"}\n\n')
    const stream = new ReadableStream<Uint8Array>({
      start(controller) {
        for (let i = 0; i < bytes.length; i += 1) controller.enqueue(bytes.slice(i, i + 1))
        controller.close()
      },
    })
    const events: SseEvent[] = []
    await readEventStream(stream, (e) => events.push(e))
    expect(events).toHaveLength(1)
    expect(JSON.parse(events[0].data).text).toBe('blåbær ☕ مرحبا')
  })
})
