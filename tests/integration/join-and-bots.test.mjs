// Joining a class with a code, the session cookie, settings and the organisation's bot list.
import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'

import { Client, botsOf, errorOf, startVoki } from './lib.mjs'

const ARABIC = /[\u0600-\u06FF]/

describe('join and bots', () => {
  let voki
  before(async () => {
    voki = await startVoki()
  })
  after(async () => {
    const exit = await voki?.stop()
    assert.deepEqual(exit, { code: 0, signal: null }, 'SIGTERM with nothing running: a clean exit')
  })

  test('DEMO-OSLO: session cookie, participant, class and organisation', async () => {
    const client = new Client(voki.base)
    const { res, body } = await client.join('DEMO-OSLO')
    assert.equal(res.status, 200)
    assert.match(res.headers.get('content-type'), /^application\/json/)
    const cookie = res.headers.get('set-cookie')
    assert.match(cookie, /^voki_session=[0-9a-f]{64};/)
    assert.match(cookie, /;\s*HttpOnly(;|$)/i)
    assert.match(cookie, /;\s*SameSite=(Strict|Lax)(;|$)/i)
    assert.match(cookie, /;\s*Path=\/(;|$)/)

    assert.equal(typeof body.participant.id, 'string')
    assert.ok(body.participant.id.length > 0)
    assert.equal(body.participant.level, 'A2')
    assert.equal(body.participant.ui_language, 'nb')
    assert.equal(body.class.level, 'A2')
    assert.equal(body.class.name, 'Norsk A2 – dagkurs (demo)')
    assert.deepEqual(body.organisation, { id: 'oslo-vo', name: 'Oslo voksenopplæring' })

    const me = await client.json('GET', '/api/me')
    assert.equal(me.status, 200)
    assert.equal(me.body.participant.id, body.participant.id)
    assert.equal(me.body.organisation.id, 'oslo-vo')
    // The session cookie is found among other cookies a browser may send.
    const among = await new Client(voki.base).json('GET', '/api/me', {
      headers: { cookie: `theme=dark; ${client.cookie}; lang=nb` },
    })
    assert.equal(among.status, 200)
    assert.equal(among.body.participant.id, body.participant.id)
  })

  test('a lower-case code joins the same class', async () => {
    const upper = await new Client(voki.base).join('DEMO-OSLO')
    const lower = await new Client(voki.base).join('demo-oslo')
    assert.equal(lower.res.status, 200)
    assert.match(lower.res.headers.get('set-cookie'), /^voki_session=[0-9a-f]{64};.*HttpOnly/i)
    assert.equal(lower.body.class.id, upper.body.class.id)
    assert.notEqual(lower.body.participant.id, upper.body.participant.id, 'each device is a new participant')
    assert.equal(lower.body.organisation.id, 'oslo-vo')
  })

  test('joining the same class again keeps the participant; another class makes a new one', async () => {
    const client = new Client(voki.base)
    const first = await client.join('DEMO-OSLO')
    const cookie = client.cookie
    const again = await client.join('DEMO-OSLO')
    assert.equal(again.res.status, 200)
    assert.equal(again.body.participant.id, first.body.participant.id)
    assert.equal(again.res.headers.get('set-cookie'), null, 'the session stays')
    assert.equal(client.cookie, cookie)
    const nav = await client.join('DEMO-NAV')
    assert.equal(nav.res.status, 200)
    assert.notEqual(nav.body.participant.id, first.body.participant.id)
    assert.equal(nav.body.organisation.id, 'nav-jobbsjansen')
    assert.notEqual(client.cookie, cookie)
  })

  test('DEMO-NAV joins NAV Jobbsjansen', async () => {
    const { res, body } = await new Client(voki.base).join('DEMO-NAV')
    assert.equal(res.status, 200)
    assert.equal(body.organisation.id, 'nav-jobbsjansen')
  })

  test('unknown code: 404 unknown_code, message in the requested language', async () => {
    const nb = await new Client(voki.base).json('POST', '/api/join', { body: { code: 'NOPE-1234' } })
    assert.equal(nb.status, 404)
    assert.equal(errorOf(nb.body).code, 'unknown_code')
    assert.doesNotMatch(nb.body.error.message, ARABIC)

    const ar = await new Client(voki.base, { language: 'ar' }).json('POST', '/api/join', { body: { code: 'NOPE-1234' } })
    assert.equal(ar.status, 404)
    const error = errorOf(ar.body)
    assert.equal(error.code, 'unknown_code')
    assert.match(error.message, ARABIC)
    assert.notEqual(error.message, nb.body.error.message)
    assert.equal(ar.headers.get('set-cookie'), null, 'no session for a wrong code')
  })

  test('an unsupported or missing X-Voki-Language falls back to Bokmål', async () => {
    const nb = await new Client(voki.base).json('POST', '/api/join', { body: { code: 'NOPE-1234' } })
    for (const language of ['xx', 'AR', 'ar-EG', '']) {
      const r = await new Client(voki.base, { language }).json('POST', '/api/join', { body: { code: 'NOPE-1234' } })
      assert.equal(r.status, 404)
      assert.equal(r.body.error.message, nb.body.error.message, JSON.stringify(language))
    }
    const uk = await new Client(voki.base, { language: 'uk' }).json('GET', '/api/bots')
    assert.equal(uk.status, 401)
    assert.match(errorOf(uk.body).message, /[\u0400-\u04FF]/, '401 in Ukrainian')
  })

  test('malformed JSON: 400 bad_request', async () => {
    const client = new Client(voki.base)
    for (const body of ['{"code": "DEMO-OSLO"', 'null', '[1,2]', '"DEMO-OSLO"', '{"code": 42}', '{}']) {
      const r = await client.json('POST', '/api/join', { body, headers: { 'content-type': 'application/json' } })
      assert.equal(r.status, 400, `body ${body}`)
      assert.equal(errorOf(r.body).code, 'bad_request', `body ${body}`)
    }
  })

  test('a body that is not JSON by content type: 415', async () => {
    const client = new Client(voki.base)
    for (const type of ['text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x']) {
      const r = await client.json('POST', '/api/join', { body: '{"code":"DEMO-OSLO"}', headers: { 'content-type': type } })
      assert.equal(r.status, 415, type)
      assert.equal(errorOf(r.body).code, 'unsupported_media_type')
    }
    assert.equal(client.cookie, '')
  })

  test('GET /api/bots without a session: 401', async () => {
    const r = await new Client(voki.base).json('GET', '/api/bots')
    assert.equal(r.status, 401)
    assert.equal(errorOf(r.body).code, 'unauthenticated')
    const forged = await new Client(voki.base).json('GET', '/api/bots', { headers: { cookie: `voki_session=${'a'.repeat(64)}` } })
    assert.equal(forged.status, 401)
  })

  test('bots: only the caller organisation, in the UI language', async () => {
    for (const [code, organisation, other] of [['DEMO-OSLO', 'oslo-vo', 'nav-jobbsjansen'], ['DEMO-NAV', 'nav-jobbsjansen', 'oslo-vo']]) {
      const expected = botsOf(organisation).filter((b) => b.audience === 'participant')
      const others = botsOf(other).map((b) => b.id)
      const client = new Client(voki.base)
      const joined = await client.join(code)
      const nb = await client.json('GET', '/api/bots')
      assert.equal(nb.status, 200)
      assert.deepEqual(nb.body.map((b) => b.id).sort(), expected.map((b) => b.id).sort(), organisation)
      for (const bot of nb.body) {
        assert.equal(typeof bot.name, 'string')
        assert.equal(typeof bot.purpose, 'string')
        assert.ok(['llm', 'dialogue'].includes(bot.mode))
        assert.equal(typeof bot.available, 'boolean')
      }
      // Ids alone may repeat across organisations (forklar-meg); the instructions must not leak.
      assert.ok(nb.body.every((b) => !('instruction' in b)))
      const onlyOther = others.filter((id) => !expected.some((b) => b.id === id))
      assert.ok(onlyOther.length > 0)
      assert.ok(nb.body.every((b) => !onlyOther.includes(b.id)), `${organisation} must not see ${onlyOther}`)

      const patched = await client.json('PATCH', '/api/me', { body: { ui_language: 'en' } })
      assert.equal(patched.status, 200)
      // The web app (web/src/api.ts) reads the participant itself from PATCH /api/me.
      assert.equal(patched.body.ui_language, 'en')
      assert.equal(patched.body.id, joined.body.participant.id)
      const en = await client.json('GET', '/api/bots')
      assert.equal(en.status, 200)
      for (const bot of expected) {
        const listed = en.body.find((b) => b.id === bot.id)
        assert.equal(listed.name, bot.en, `${bot.id} in English`)
        assert.notEqual(listed.name, nb.body.find((b) => b.id === bot.id).name)
      }
    }
  })

  test('settings: bad values are refused, good ones kept', async () => {
    const client = new Client(voki.base)
    await client.join('DEMO-OSLO')
    for (const body of [{ ui_language: 'xx' }, { level: 'C2' }, { colour: 'red' }, { level: 3 }]) {
      const r = await client.json('PATCH', '/api/me', { body })
      assert.equal(r.status, 400, JSON.stringify(body))
      assert.equal(errorOf(r.body).code, 'bad_request')
    }
    const ok = await client.json('PATCH', '/api/me', { body: { support_language: 'uk', level: 'B1' } })
    assert.equal(ok.status, 200)
    const me = await client.json('GET', '/api/me')
    assert.equal(me.body.participant.support_language, 'uk')
    assert.equal(me.body.participant.level, 'B1')
  })

  test('logout ends the session', async () => {
    const client = new Client(voki.base)
    await client.join('DEMO-OSLO')
    const out = await client.request('POST', '/api/logout')
    assert.equal(out.status, 204)
    assert.match(out.headers.get('set-cookie'), /Max-Age=0/)
    const r = await client.json('GET', '/api/me')
    assert.equal(r.status, 401)
  })
})

describe('join rate limit', () => {
  let voki
  before(async () => {
    voki = await startVoki()
  })
  after(async () => {
    await voki?.stop()
  })

  test('too many wrong codes: 429, even for a right code afterwards', async () => {
    const client = new Client(voki.base)
    let first429 = 0
    for (let i = 1; i <= 30; i++) {
      const r = await client.json('POST', '/api/join', { body: { code: `WRONG-${1000 + i}` } })
      if (r.status === 429) {
        first429 = i
        assert.equal(errorOf(r.body).code, 'too_many_attempts')
        break
      }
      assert.equal(r.status, 404, `attempt ${i}`)
      assert.equal(errorOf(r.body).code, 'unknown_code')
    }
    assert.ok(first429 > 3 && first429 <= 30, `429 after ${first429} attempts`)
    const right = await client.json('POST', '/api/join', { body: { code: 'DEMO-OSLO' } })
    assert.equal(right.status, 429)
    assert.equal(errorOf(right.body).code, 'too_many_attempts')
  })

  // Runs after the test above: this address is blocked now.
  test('the 429 message is in the learner language, like every other join error', async () => {
    const ar = await new Client(voki.base, { language: 'ar' }).json('POST', '/api/join', { body: { code: 'DEMO-OSLO' } })
    assert.equal(ar.status, 429)
    assert.match(errorOf(ar.body).message, ARABIC, ar.body.error.message)
  })
})
