// When the model server fails in any way, the learner gets an `error` event with a localised
// message, and their own message stays stored.
import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'

import { Client, chatParts, closedPort, collectEvents, sleep, startFakeLlm, startVoki } from './lib.mjs'

const BOT = 'i-butikken'
const UKRAINIAN = /[\u0400-\u04FF]/

async function expectModelUnavailable(learner, label, voki) {
  const conversation = await learner.newConversation(BOT)
  const text = `Hvor mye koster brødet? (${label})`
  const res = await learner.send(conversation, { text })
  assert.equal(res.status, 200, label)
  const parts = chatParts(await collectEvents(res))
  assert.equal(parts.message.text, text, label)
  assert.equal(parts.done, null, `${label}: must not end with done`)
  assert.equal(parts.error.code, 'model_unavailable', label)
  assert.match(parts.error.message, UKRAINIAN, `${label}: message in the learner's language`)
  await sleep(50)
  voki.assertAlive()

  const got = await learner.json('GET', `/api/conversations/${conversation}`)
  assert.equal(got.status, 200)
  const [first, ...rest] = got.body.messages
  assert.deepEqual([first.role, first.text, first.id], ['user', text, parts.message.id], label)
  // A partial answer may be kept, marked failed; never a complete one.
  for (const m of rest) {
    assert.equal(m.role, 'assistant', label)
    assert.equal(m.status, 'failed', label)
    assert.equal(m.text, parts.text, `${label}: the stored part is what was streamed`)
  }
  return parts
}

describe('model server failures', () => {
  let fake
  let voki
  let learner

  before(async () => {
    fake = await startFakeLlm(['--token-delay-ms', '2', '--tokens', '10'])
    voki = await startVoki({ llmUrl: fake.url, env: { VOKI_LLM_TIMEOUT: '2' } })
    learner = new Client(voki.base)
    await learner.join('DEMO-OSLO')
    const r = await learner.json('PATCH', '/api/me', { body: { ui_language: 'uk' } })
    assert.equal(r.status, 200)
  })
  after(async () => {
    await voki?.stop()
    await fake?.stop()
  })

  for (const mode of ['http500', 'http429', 'error-in-stream', 'llama-error-line', 'drop-mid-stream', 'garbage']) {
    test(`fake mode ${mode}`, async () => {
      await fake.control({ mode })
      try {
        const parts = await expectModelUnavailable(learner, mode, voki)
        if (mode === 'error-in-stream' || mode === 'drop-mid-stream') {
          assert.ok(parts.deltas.length >= 1, `${mode}: the tokens before the failure are streamed`)
        }
      } finally {
        await fake.control({ mode: 'ok' })
      }
    })
  }

  test('no answer within the first-token timeout (VOKI_LLM_TIMEOUT=2)', async () => {
    await fake.control({ mode: 'slow-headers' })
    try {
      const started = Date.now()
      await expectModelUnavailable(learner, 'slow-headers', voki)
      const took = Date.now() - started
      assert.ok(took >= 1500 && took < 8000, `gave up after ${took} ms`)
    } finally {
      await fake.control({ mode: 'ok' })
    }
  })

  test('after the failures the same conversation works again', async () => {
    await fake.control({ mode: 'http500' })
    const conversation = await learner.newConversation(BOT)
    const failed = chatParts(await learner.chat(conversation, { text: 'Hei!' }))
    assert.equal(failed.error.code, 'model_unavailable')
    await fake.control({ mode: 'ok' })
    const ok = chatParts(await learner.chat(conversation, { text: 'Hei igjen!' }))
    assert.ok(ok.done, JSON.stringify(ok.error))
    const got = await learner.json('GET', `/api/conversations/${conversation}`)
    assert.deepEqual(got.body.messages.map((m) => m.role), ['user', 'user', 'assistant'])
  })
})

describe('model server not running', () => {
  let voki
  let learner

  before(async () => {
    const port = await closedPort()
    voki = await startVoki({ llmUrl: `http://127.0.0.1:${port}/v1`, env: { VOKI_LLM_TIMEOUT: '5' } })
    learner = new Client(voki.base)
    await learner.join('DEMO-OSLO')
    await learner.json('PATCH', '/api/me', { body: { ui_language: 'uk' } })
  })
  after(async () => {
    await voki?.stop()
  })

  test('connection refused: model_unavailable, the message is kept', async () => {
    const started = Date.now()
    await expectModelUnavailable(learner, 'refused', voki)
    assert.ok(Date.now() - started < 5000, 'a refused connection fails fast')
  })

  test('the bot list still answers', async () => {
    const r = await learner.json('GET', '/api/bots')
    assert.equal(r.status, 200)
    assert.ok(r.body.length > 0)
    assert.ok(r.body.every((b) => b.available === true), 'listing bots never waits for the model')
  })
})
