// Chatting with a bot through the fake OpenAI server: the stream, what is stored, the prompt the
// model receives, quick choices, ownership of conversations, bad input and the busy rule.
import assert from 'node:assert/strict'
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { after, before, describe, test } from 'node:test'

import { Client, botsDir, chatParts, collectEvents, errorOf, sleep, sseEvents, startFakeLlm, startVoki } from './lib.mjs'

const BOT = 'hos-legen'
// A distinctive line of the bot's instruction, to find it in the prompt.
const instructionLine = readFileSync(path.join(botsDir, 'oslo-vo', `${BOT}.yaml`), 'utf8')
  .split('\n')
  .find((line) => line.includes('Du er først sekretær'))
  .trim()

describe('chat with a language model', () => {
  let fake
  let voki
  let learner

  before(async () => {
    fake = await startFakeLlm(['--token-delay-ms', '2', '--tokens', '12'])
    // Debug level: even the most talkative log must not carry chat text or session tokens.
    voki = await startVoki({ llmUrl: fake.url, args: ['--log-level', 'debug'] })
    learner = new Client(voki.base)
    const joined = await learner.join('DEMO-OSLO')
    assert.equal(joined.res.status, 200)
  })
  after(async () => {
    await voki?.stop()
    await fake?.stop()
  })

  test('the answer streams: message, deltas, done; both are stored', async () => {
    const conversation = await learner.newConversation(BOT)
    const res = await learner.send(conversation, { text: '  Jeg har vondt i magen.  ' })
    assert.equal(res.status, 200)
    assert.match(res.headers.get('content-type'), /^text\/event-stream/)
    assert.equal(res.headers.get('cache-control'), 'no-store')
    const parts = chatParts(await collectEvents(res))

    assert.equal(parts.message.role, 'user')
    assert.equal(parts.message.text, 'Jeg har vondt i magen.', 'stored trimmed')
    assert.equal(typeof parts.message.id, 'string')
    assert.ok(parts.deltas.length >= 5, `only ${parts.deltas.length} deltas`)
    assert.equal(parts.error, null)
    assert.equal(parts.done.role, 'assistant')
    assert.equal(parts.done.status, 'complete')
    assert.equal(parts.done.text, parts.text, 'the deltas add up to the stored answer')
    assert.match(parts.done.text, /^Du skrev: Jeg har vondt i magen\./, 'the fake model echoes the learner')

    const got = await learner.json('GET', `/api/conversations/${conversation}`)
    assert.equal(got.status, 200)
    assert.equal(got.body.id, conversation)
    assert.equal(got.body.bot, BOT)
    assert.deepEqual(got.body.messages.map((m) => [m.role, m.id, m.text]), [
      ['user', parts.message.id, 'Jeg har vondt i magen.'],
      ['assistant', parts.done.id, parts.done.text],
    ])

    const list = await learner.json('GET', '/api/conversations')
    assert.ok(list.body.some((c) => c.id === conversation && c.bot === BOT))
  })

  test('the model gets the system prompt with instruction, level and the learner text', async () => {
    const patched = await learner.json('PATCH', '/api/me', { body: { level: 'B1' } })
    assert.equal(patched.status, 200)
    const conversation = await learner.newConversation(BOT)
    const text = 'Jeg trenger en time hos legen i morgen.'
    const parts = chatParts(await learner.chat(conversation, { text }))
    assert.ok(parts.done)

    const { last_request: request } = await fake.stats()
    assert.equal(request.stream, true)
    const [system, ...turns] = request.messages
    assert.equal(system.role, 'system')
    assert.ok(system.content.includes(instructionLine), 'bot instruction in the system prompt')
    assert.match(system.content, /CEFR B1/)
    assert.match(system.content, /Oslo voksenopplæring/, 'organisation policy')
    assert.deepEqual(turns.at(-1), { role: 'user', content: text })
    await learner.json('PATCH', '/api/me', { body: { level: 'A2' } })
  })

  test('quick choices: simpler, more, my_language', async () => {
    await learner.json('PATCH', '/api/me', { body: { support_language: 'ar' } })
    const conversation = await learner.newConversation(BOT)
    const first = chatParts(await learner.chat(conversation, { text: 'Jeg har feber.' }))
    assert.ok(first.done)

    const expected = {
      simpler: /^Si det enklere/,
      more: /^Fortell meg mer/,
      my_language: /^Forklar det forrige svaret på arabisk/,
    }
    for (const [quick, request] of Object.entries(expected)) {
      const parts = chatParts(await learner.chat(conversation, { quick }))
      assert.equal(parts.message.quick, quick)
      assert.equal(parts.message.role, 'user')
      assert.ok(parts.message.text.length > 0)
      assert.ok(parts.done, `${quick}: ${JSON.stringify(parts.error)}`)
      assert.equal(parts.done.text, parts.text)
      const { last_request: sent } = await fake.stats()
      assert.match(sent.messages.at(-1).content, request, quick)
      assert.equal(sent.messages.at(-1).role, 'user')
      // The earlier turns go along as history.
      assert.ok(sent.messages.some((m) => m.role === 'user' && m.content === 'Jeg har feber.'))
    }
    const got = await learner.json('GET', `/api/conversations/${conversation}`)
    assert.equal(got.body.messages.length, 8)
    assert.deepEqual(got.body.messages.filter((m) => m.role === 'user').map((m) => m.quick), ['', 'simpler', 'more', 'my_language'])

    const bad = await learner.json('POST', `/api/conversations/${conversation}/messages`, { body: { quick: 'louder' } })
    assert.equal(bad.status, 400)
    assert.equal(errorOf(bad.body).code, 'bad_request')
    await learner.json('PATCH', '/api/me', { body: { support_language: '' } })
  })

  test("another participant's conversation is not found; DELETE gives 204, then 404", async () => {
    const conversation = await learner.newConversation(BOT)
    chatParts(await learner.chat(conversation, { text: 'Hei!' }))

    for (const code of ['DEMO-OSLO', 'DEMO-NAV']) {
      const stranger = new Client(voki.base)
      await stranger.join(code)
      const get = await stranger.json('GET', `/api/conversations/${conversation}`)
      assert.equal(get.status, 404)
      assert.equal(errorOf(get.body).code, 'not_found')
      const post = await stranger.json('POST', `/api/conversations/${conversation}/messages`, { body: { text: 'Hallo' } })
      assert.equal(post.status, 404)
      assert.equal(errorOf(post.body).code, 'not_found')
      const del = await stranger.json('DELETE', `/api/conversations/${conversation}`)
      assert.equal(del.status, 404)
      assert.equal(errorOf(del.body).code, 'not_found')
      const list = await stranger.json('GET', '/api/conversations')
      assert.deepEqual(list.body, [])
    }
    // Still there for its owner.
    const mine = await learner.json('GET', `/api/conversations/${conversation}`)
    assert.equal(mine.status, 200)
    assert.equal(mine.body.messages.length, 2)

    const del = await learner.request('DELETE', `/api/conversations/${conversation}`)
    assert.equal(del.status, 204)
    assert.equal(await del.text(), '')
    const gone = await learner.json('GET', `/api/conversations/${conversation}`)
    assert.equal(gone.status, 404)
    assert.equal(errorOf(gone.body).code, 'not_found')
    const again = await learner.json('DELETE', `/api/conversations/${conversation}`)
    assert.equal(again.status, 404)
    const post = await learner.json('POST', `/api/conversations/${conversation}/messages`, { body: { text: 'Hei' } })
    assert.equal(post.status, 404)
  })

  test('without a session: 401 for every conversation call', async () => {
    const conversation = await learner.newConversation(BOT)
    const anonymous = new Client(voki.base)
    for (const [method, url, body] of [
      ['GET', '/api/conversations'],
      ['POST', '/api/conversations', { bot: BOT }],
      ['GET', `/api/conversations/${conversation}`],
      ['DELETE', `/api/conversations/${conversation}`],
      ['POST', `/api/conversations/${conversation}/messages`, { text: 'Hei' }],
    ]) {
      const r = await anonymous.json(method, url, { body })
      assert.equal(r.status, 401, `${method} ${url}`)
      assert.equal(errorOf(r.body).code, 'unauthenticated')
    }
  })

  test('bad messages: empty, white space, too long, invalid JSON and UTF-8', async () => {
    const conversation = await learner.newConversation(BOT)
    const url = `/api/conversations/${conversation}/messages`
    for (const text of ['', '   ', ' \n\t \r\n ', '\u0001\u0002']) {
      const r = await learner.json('POST', url, { body: { text } })
      assert.equal(r.status, 400, JSON.stringify(text))
      assert.equal(errorOf(r.body).code, 'empty_message')
    }
    for (const text of ['a'.repeat(4001), 'æ'.repeat(4001), '🙂'.repeat(4001)]) {
      const r = await learner.json('POST', url, { body: { text } })
      assert.equal(r.status, 413, `${text.length} UTF-16 units`)
      assert.equal(errorOf(r.body).code, 'too_long')
    }
    for (const body of ['{"text": "Hei"', '{"text": 5}', '{}', '[]', 'not json']) {
      const r = await learner.json('POST', url, { body, headers: { 'content-type': 'application/json' } })
      assert.equal(r.status, 400, body)
      assert.equal(errorOf(r.body).code, 'bad_request')
    }
    // "Hei " then a lone continuation byte and an overlong encoding.
    for (const bytes of [[0x48, 0x65, 0x69, 0x20, 0x80], [0xc0, 0xaf], [0xed, 0xa0, 0x80]]) {
      const body = Buffer.concat([Buffer.from('{"text": "'), Buffer.from(bytes), Buffer.from('"}')])
      const r = await learner.json('POST', url, { body, headers: { 'content-type': 'application/json' } })
      assert.equal(r.status, 400, `bytes ${bytes}`)
      assert.equal(errorOf(r.body).code, 'bad_request')
    }
    // Nothing of that was stored.
    const got = await learner.json('GET', `/api/conversations/${conversation}`)
    assert.deepEqual(got.body.messages, [])

    // 4,000 characters is allowed.
    const parts = chatParts(await learner.chat(conversation, { text: 'æ'.repeat(4000) }))
    assert.equal([...parts.message.text].length, 4000)
    assert.ok(parts.done)
  })

  test('unknown bot, a bot of another organisation, a teacher bot: 404', async () => {
    const other = new Client(voki.base)
    await other.join('DEMO-NAV')
    for (const [client, bot] of [[learner, 'no-such-bot'], [learner, 'skjemahjelp'], [other, 'hos-legen'], [learner, '../oslo-vo/hos-legen'], [learner, 'timeplanlegger']]) {
      const r = await client.json('POST', '/api/conversations', { body: { bot } })
      assert.equal(r.status, 404, bot)
      assert.equal(errorOf(r.body).code, 'unknown_bot')
    }
    const r = await learner.json('POST', '/api/conversations', { body: { bot: 7 } })
    assert.equal(r.status, 400)
  })

  test('a learner who leaves mid-answer frees the conversation; the part is kept as stopped', async () => {
    await fake.control({ token_delay_ms: 60, tokens: 20 })
    try {
      const conversation = await learner.newConversation(BOT)
      const controller = new AbortController()
      const res = await learner.request('POST', `/api/conversations/${conversation}/messages`, {
        body: { text: 'Jeg må gå nå.' },
        signal: controller.signal,
      })
      assert.equal(res.status, 200)
      let deltas = 0
      try {
        for await (const e of sseEvents(res)) {
          if (e.event === 'delta' && ++deltas === 2) controller.abort()
        }
      } catch (e) {
        assert.equal(e.name, 'AbortError')
      }
      assert.equal(deltas, 2)
      // The server notices at its next write; then the conversation is free again.
      let next
      for (let attempt = 0; attempt < 40; attempt++) {
        await sleep(100)
        next = await learner.send(conversation, { text: 'Jeg er tilbake.' })
        if (next.status !== 409) break
        await next.body.cancel()
      }
      assert.equal(next.status, 200, 'the conversation is not stuck busy')
      const parts = chatParts(await collectEvents(next))
      assert.ok(parts.done)
      const got = await learner.json('GET', `/api/conversations/${conversation}`)
      const roles = got.body.messages.map((m) => `${m.role}:${m.status}`)
      assert.deepEqual(roles, ['user:complete', 'assistant:stopped', 'user:complete', 'assistant:complete'])
      assert.ok(got.body.messages[1].text.length > 0)
      const stats = await fake.stats()
      assert.ok(stats.streams_aborted >= 1, 'the model request was cancelled too')
    } finally {
      await fake.control({ token_delay_ms: 2, tokens: 12 })
    }
  })

  test('a second message while one is streaming: 409 busy', async () => {
    await fake.control({ token_delay_ms: 60, tokens: 20 })
    try {
      const conversation = await learner.newConversation(BOT)
      const res = await learner.send(conversation, { text: 'Jeg har vondt i hodet.' })
      assert.equal(res.status, 200)
      const events = []
      let checked = false
      for await (const e of sseEvents(res)) {
        events.push(e)
        if (e.event === 'delta' && !checked) {
          checked = true
          const second = await learner.json('POST', `/api/conversations/${conversation}/messages`, { body: { text: 'Hallo?' } })
          assert.equal(second.status, 409)
          assert.equal(errorOf(second.body).code, 'busy')
          const del = await learner.json('DELETE', `/api/conversations/${conversation}`)
          assert.equal(del.status, 409)
          assert.equal(errorOf(del.body).code, 'busy')
        }
      }
      assert.ok(checked, 'saw a delta')
      const parts = chatParts(events)
      assert.ok(parts.done)
      // Free again once the answer is done.
      const third = chatParts(await learner.chat(conversation, { text: 'Takk.' }))
      assert.ok(third.done)
      const got = await learner.json('GET', `/api/conversations/${conversation}`)
      assert.deepEqual(got.body.messages.map((m) => m.text).filter((t) => t === 'Hallo?'), [], 'the refused message is not stored')
      assert.equal(got.body.messages.length, 4)
    } finally {
      await fake.control({ token_delay_ms: 2, tokens: 12 })
    }
  })

  test('messages sent at the same moment: one is answered, the others get 409 busy', async () => {
    // The window is small (the busy mark is set only after the learner's message is stored), so
    // several rounds of three parallel posts.
    await fake.control({ token_delay_ms: 20, tokens: 10 })
    try {
      for (let round = 0; round < 12; round++) {
        const conversation = await learner.newConversation(BOT)
        const responses = await Promise.all(['Første.', 'Andre.', 'Tredje.'].map((text) => learner.send(conversation, { text })))
        const statuses = responses.map((r) => r.status)
        await Promise.all(responses.map((r) => (r.status === 200 ? collectEvents(r) : r.text())))
        assert.deepEqual([...statuses].sort(), [200, 409, 409], `round ${round}: ${statuses}`)
        const got = await learner.json('GET', `/api/conversations/${conversation}`)
        assert.deepEqual(got.body.messages.map((m) => m.role), ['user', 'assistant'], `round ${round}`)
      }
    } finally {
      await fake.control({ token_delay_ms: 2, tokens: 12 })
    }
  })

  test('a message and a DELETE at the same moment: never a 500', async () => {
    await fake.control({ token_delay_ms: 20, tokens: 10 })
    try {
      for (let round = 0; round < 12; round++) {
        const conversation = await learner.newConversation(BOT)
        const [post, del] = await Promise.all([
          learner.send(conversation, { text: 'Hei.' }),
          learner.request('DELETE', `/api/conversations/${conversation}`),
        ])
        const body = post.status === 200 ? chatParts(await collectEvents(post)) : await post.text()
        const outcome = `${post.status} ${del.status}`
        // Either the answer wins (the delete is refused as busy) or the delete wins (the conversation is gone).
        // 409 204: the POST came while the DELETE held the conversation, which then went.
        assert.ok(outcome === '200 409' || outcome === '404 204' || outcome === '409 204', `round ${round}: POST ${post.status} ${JSON.stringify(body)}, DELETE ${del.status}`)
        if (post.status === 200) assert.ok(body.done)
      }
    } finally {
      await fake.control({ token_delay_ms: 2, tokens: 12 })
    }
  })

  test('a model server that ends its stream by closing the connection (no chunked encoding)', async () => {
    await fake.control({ chunked: false })
    try {
      const conversation = await learner.newConversation(BOT)
      for (const text of ['Hei.', 'Hei igjen.']) {
        const parts = chatParts(await learner.chat(conversation, { text }))
        assert.ok(parts.done, JSON.stringify(parts.error))
        assert.equal(parts.done.text, parts.text)
        assert.ok(parts.done.text.startsWith(`Du skrev: ${text}`))
      }
    } finally {
      await fake.control({ chunked: true })
    }
  })

  test('text in any script reaches the model and the store unchanged', async () => {
    const conversation = await learner.newConversation(BOT)
    // Arabic, Tigrinya, a 4-byte emoji, a combining accent, and a tab inside.
    const text = 'مرحبا ሰላም 🙂 Ære\u0301 og\tå'
    const parts = chatParts(await learner.chat(conversation, { text }))
    assert.equal(parts.message.text, text)
    assert.ok(parts.done)
    const { last_request: request } = await fake.stats()
    assert.equal(request.messages.at(-1).content, text)
    const got = await learner.json('GET', `/api/conversations/${conversation}`)
    assert.equal(got.body.messages[0].text, text)
  })

  test('several learners streaming at once each get their own answer', async () => {
    await fake.control({ token_delay_ms: 20, tokens: 15 })
    try {
      const learners = await Promise.all(Array.from({ length: 6 }, async (_, i) => {
        const client = new Client(voki.base)
        await client.join(i % 2 ? 'DEMO-NAV' : 'DEMO-OSLO')
        const conversation = await client.newConversation(i % 2 ? 'jobbintervju' : BOT)
        return { client, conversation, word: `Ordnummer${i}` }
      }))
      const results = await Promise.all(learners.map(({ client, conversation, word }) =>
        client.chat(conversation, { text: `${word} er mitt ord.` })))
      results.forEach((events, i) => {
        const parts = chatParts(events)
        assert.ok(parts.done, `learner ${i}: ${JSON.stringify(parts.error)}`)
        assert.equal(parts.done.text, parts.text)
        assert.match(parts.done.text, new RegExp(`^Du skrev: ${learners[i].word} er mitt ord\\.`), `learner ${i}`)
      })
    } finally {
      await fake.control({ token_delay_ms: 2, tokens: 12 })
    }
  })

  test('no chat text, answers or session tokens in the log', async () => {
    const { err, out } = voki.logs()
    assert.match(err, /POST \/api\/conversations\/\w+\/messages 200/, 'the access log is on')
    for (const secret of ['vondt i magen', 'Jeg trenger en time', 'Jeg har feber', 'Jeg må gå nå', 'Du skrev',
      'æææææææææ', learner.cookie.split('=')[1]]) {
      assert.ok(!err.includes(secret) && !out.includes(secret), `log contains ${JSON.stringify(secret)}`)
    }
  })
})
