// The HTTP layer seen from outside: keep-alive, static files of the web app, limits, unknown routes.
import assert from 'node:assert/strict'
import http from 'node:http'
import net from 'node:net'
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { after, before, describe, test } from 'node:test'

import { Client, errorOf, makeWebRoot, startVoki } from './lib.mjs'

/** One request through node:http, with the path sent exactly as given (fetch would normalise it). */
function get(port, pathname, { agent, headers, method = 'GET' } = {}) {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port, path: pathname, method, agent, headers }, (res) => {
      const chunks = []
      res.on('data', (c) => chunks.push(c))
      res.on('end', () =>
        resolve({
          status: res.statusCode,
          headers: res.headers,
          body: Buffer.concat(chunks).toString('utf8'),
          reused: req.reusedSocket,
          localPort: res.socket?.localPort,
        }),
      )
    })
    req.on('error', reject)
    req.end()
  })
}

/** Writes raw bytes on a fresh connection and reads until the server closes it. */
function raw(port, payload, { writeAfterHeaders } = {}) {
  return new Promise((resolve) => {
    const socket = net.connect(port, '127.0.0.1')
    const chunks = []
    let error = null
    socket.on('data', (c) => chunks.push(c))
    socket.on('error', (e) => {
      error = e
    })
    socket.on('close', () => {
      const text = Buffer.concat(chunks).toString('utf8')
      const status = Number(/^HTTP\/1\.1 (\d{3})/.exec(text)?.[1] ?? 0)
      const body = text.slice(text.indexOf('\r\n\r\n') + 4)
      resolve({ status, text, body, error })
    })
    socket.write(payload)
    if (writeAfterHeaders) socket.write(writeAfterHeaders, () => socket.end())
    else socket.end()
  })
}

describe('HTTP server', () => {
  let voki
  let web
  let port
  before(async () => {
    web = makeWebRoot()
    voki = await startVoki({ webRoot: web.web })
    port = voki.port
  })
  after(async () => {
    await voki?.stop()
  })

  test('keep-alive: two requests on one connection', async () => {
    const agent = new http.Agent({ keepAlive: true, maxSockets: 1 })
    try {
      const first = await get(port, '/api/health', { agent })
      const second = await get(port, '/api/languages', { agent })
      const third = await get(port, '/', { agent })
      assert.equal(first.status, 200)
      assert.deepEqual(JSON.parse(first.body), { status: 'ok' })
      assert.equal(second.status, 200)
      assert.ok(JSON.parse(second.body).some((l) => l.code === 'ar' && l.dir === 'rtl'))
      assert.equal(third.status, 200)
      assert.equal(first.reused, false)
      assert.equal(second.reused, true, 'second request reused the socket')
      assert.equal(third.reused, true, 'third request reused the socket')
      assert.equal(second.localPort, first.localPort)
      assert.equal(third.localPort, first.localPort)
    } finally {
      agent.destroy()
    }
  })

  test('keep-alive across error responses', async () => {
    const agent = new http.Agent({ keepAlive: true, maxSockets: 1 })
    try {
      const a = await get(port, '/api/no-such-thing', { agent })
      const b = await get(port, '/api/bots', { agent })
      assert.equal(a.status, 404)
      assert.equal(b.status, 401)
      assert.equal(b.reused, true)
    } finally {
      agent.destroy()
    }
  })

  test('keep-alive after a streamed answer, and HEAD', async () => {
    const learner = new Client(voki.base)
    await learner.join('DEMO-OSLO')
    const conversation = await learner.newConversation('hos-legen')
    const agent = new http.Agent({ keepAlive: true, maxSockets: 1 })
    const headers = { cookie: learner.cookie, 'content-type': 'application/json' }
    const send = (method, pathname, body) =>
      new Promise((resolve, reject) => {
        const req = http.request({ host: '127.0.0.1', port, path: pathname, method, agent, headers }, (res) => {
          let text = ''
          res.setEncoding('utf8')
          res.on('data', (d) => (text += d))
          res.on('end', () => resolve({ status: res.statusCode, headers: res.headers, text, reused: req.reusedSocket }))
        })
        req.on('error', reject)
        req.end(body)
      })
    try {
      const streamed = await send('POST', `/api/conversations/${conversation}/messages`, JSON.stringify({ text: 'Jeg vil bestille time.' }))
      assert.equal(streamed.status, 200)
      assert.equal(streamed.headers['transfer-encoding'], 'chunked')
      assert.match(streamed.text, /\nevent: done\n/)
      const next = await send('GET', `/api/conversations/${conversation}`)
      assert.equal(next.status, 200)
      assert.equal(next.reused, true, 'the connection survives a finished stream')
      assert.equal(JSON.parse(next.text).messages.length, 2)
      const head = await send('HEAD', '/')
      assert.equal(head.status, 200)
      assert.equal(head.text, '')
      assert.equal(Number(head.headers['content-length']), readFileSync(path.join(web.web, 'index.html')).length)
      assert.equal(head.reused, true)
    } finally {
      agent.destroy()
    }
  })

  test('index.html: no-cache and a Content-Security-Policy', async () => {
    const r = await get(port, '/')
    assert.equal(r.status, 200)
    assert.match(r.headers['content-type'], /^text\/html/)
    assert.equal(r.headers['cache-control'], 'no-cache')
    assert.match(r.headers['content-security-policy'], /default-src 'self'/)
    assert.match(r.headers['content-security-policy'], /frame-ancestors 'none'/)
    assert.equal(r.headers['x-content-type-options'], 'nosniff')
    assert.equal(r.body, readFileSync(path.join(web.web, 'index.html'), 'utf8'))
    const named = await get(port, '/index.html')
    assert.equal(named.status, 200)
    assert.equal(named.body, r.body)
  })

  test('hashed assets are immutable; ETag gives 304', async () => {
    const r = await get(port, '/assets/app-abc123.js')
    assert.equal(r.status, 200)
    assert.match(r.headers['content-type'], /^text\/javascript/)
    assert.match(r.headers['cache-control'], /immutable/)
    assert.match(r.headers['cache-control'], /max-age=31536000/)
    assert.equal(r.body, 'console.log("voki test app")\n')
    const etag = r.headers.etag
    assert.ok(etag, 'has an ETag')
    const again = await get(port, '/assets/app-abc123.js', { headers: { 'if-none-match': etag } })
    assert.equal(again.status, 304)
    assert.equal(again.body, '')
    const stale = await get(port, '/assets/app-abc123.js', { headers: { 'if-none-match': '"other"' } })
    assert.equal(stale.status, 200)

    const index = await get(port, '/')
    const index304 = await get(port, '/', { headers: { 'if-none-match': index.headers.etag } })
    assert.equal(index304.status, 304)
  })

  test('client-side routes fall back to index.html; missing files are 404', async () => {
    const index = readFileSync(path.join(web.web, 'index.html'), 'utf8')
    for (const route of ['/chat/xyz', '/settings', '/join?code=DEMO-OSLO']) {
      const r = await get(port, route)
      assert.equal(r.status, 200, route)
      assert.match(r.headers['content-type'], /^text\/html/)
      assert.equal(r.body, index, route)
    }
    for (const missing of ['/assets/missing-123.js', '/favicon.ico', '/chat/x.png']) {
      const r = await get(port, missing)
      assert.equal(r.status, 404, missing)
      assert.equal(errorOf(JSON.parse(r.body)).code, 'not_found')
    }
  })

  test('path traversal is refused', async () => {
    for (const attack of ['/../secret.txt', '/%2e%2e/secret.txt', '/%2E%2E/%2E%2E/etc/passwd', '/assets/..%2f..%2fsecret.txt',
      '/..%2fsecret.txt', '/assets/../../secret.txt', '/..%2fdist', '/%2e%2e', '/.%2e/secret.txt', '/..\\secret.txt',
      '/%2e%2e%5csecret.txt', '/.hidden']) {
      const r = await get(port, attack)
      assert.equal(r.status, 404, attack)
      assert.doesNotMatch(r.body, /not for the web/, attack)
      assert.doesNotMatch(r.body, /root:/, attack)
    }
    // A NUL byte or broken escape is a bad request, not a file.
    for (const bad of ['/index.html%00.js', '/%zz']) {
      const r = await get(port, bad)
      assert.equal(r.status, 400, bad)
    }
  })

  test('unknown API route: 404 JSON; wrong method: 405', async () => {
    const client = new Client(voki.base)
    for (const [method, url] of [['GET', '/api/nope'], ['POST', '/api/nope'], ['GET', '/api'], ['GET', '/api/conversations/a/b/c']]) {
      const r = await client.json(method, url, method === 'POST' ? { body: {} } : {})
      assert.equal(r.status, 404, `${method} ${url}`)
      assert.match(r.headers.get('content-type'), /^application\/json/)
      assert.equal(errorOf(r.body).code, 'not_found')
    }
    for (const [method, url] of [['PUT', '/api/bots'], ['DELETE', '/api/join'], ['GET', '/api/join'], ['POST', '/api/health'],
      ['PATCH', '/api/conversations/abc/messages'], ['POST', '/index.html']]) {
      const r = await client.json(method, url, method !== 'GET' && method !== 'DELETE' ? { body: {} } : {})
      assert.equal(r.status, 405, `${method} ${url}`)
      assert.equal(errorOf(r.body).code, 'method_not_allowed')
    }
  })

  test('oversized headers: 431', async () => {
    const r = await raw(port, `GET /api/health HTTP/1.1\r\nHost: x\r\nX-Big: ${'a'.repeat(20_000)}\r\n\r\n`)
    assert.equal(r.status, 431, r.text.slice(0, 200))
    assert.equal(errorOf(JSON.parse(r.body)).code, 'headers_too_large')
    const many = Array.from({ length: 400 }, (_, i) => `X-H${i}: ${'b'.repeat(60)}\r\n`).join('')
    const r2 = await raw(port, `GET /api/health HTTP/1.1\r\nHost: x\r\n${many}\r\n`)
    assert.equal(r2.status, 431)
    // The server is fine afterwards.
    assert.equal((await get(port, '/api/health')).status, 200)
  })

  test('a 1 MB body: 413 from the HTTP layer, delivered without a reset', async () => {
    const big = JSON.stringify({ code: 'x'.repeat(1024 * 1024) })
    // With Content-Length, through fetch.
    const res = await fetch(`${voki.base}/api/join`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: big })
    assert.equal(res.status, 413)
    assert.equal(errorOf(await res.json()).code, 'too_large')

    // Chunked (no length known in advance).
    const stream = new ReadableStream({
      start(controller) {
        const piece = new TextEncoder().encode('x'.repeat(64 * 1024))
        for (let i = 0; i < 16; i++) controller.enqueue(piece)
        controller.close()
      },
    })
    const chunked = await fetch(`${voki.base}/api/join`, {
      method: 'POST', headers: { 'content-type': 'application/json' }, body: stream, duplex: 'half',
    })
    assert.equal(chunked.status, 413)
    assert.equal(errorOf(await chunked.json()).code, 'too_large')

    // Raw: all of the body written, the whole response read, no ECONNRESET.
    const head = `POST /api/join HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: ${big.length}\r\n\r\n`
    const r = await raw(port, head, { writeAfterHeaders: big })
    assert.equal(r.error, null, `connection error: ${r.error?.code}`)
    assert.equal(r.status, 413)
    assert.equal(errorOf(JSON.parse(r.body)).code, 'too_large')
  })

  test('a malformed request line: 400', async () => {
    const r = await raw(port, 'HELLO THERE\r\n\r\n')
    assert.equal(r.status, 400)
    assert.equal(errorOf(JSON.parse(r.body)).code, 'bad_request')
  })
})
