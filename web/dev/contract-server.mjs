#!/usr/bin/env node
// DEVELOPMENT STAND-IN for the C++ server, for working on the web app before `voki` is built.
// It follows the fixed API contract with in-memory data and canned answers. It is never used
// by the real test runs (ctest sets VOKI_BIN to the real binary). Usage mirrors the binaries:
//   node dev/contract-server.mjs serve --port 0 --web-root dist [--llm-url URL]
//   node dev/contract-server.mjs fake-llm --port 0
import { createServer } from 'node:http'
import { createConnection } from 'node:net'
import { readFileSync, existsSync, statSync } from 'node:fs'
import { randomUUID } from 'node:crypto'
import path from 'node:path'

const [command, ...rest] = process.argv.slice(2)
const opt = (name, fallback) => {
  const i = rest.indexOf(`--${name}`)
  return i >= 0 ? rest[i + 1] : fallback
}
const port = Number(opt('port', '0'))

if (command === 'fake-llm') {
  const server = createServer((_, res) => res.end('{}'))
  server.listen(port, '127.0.0.1', () => console.log(`listening on ${server.address().port}`))
} else {
  serve()
}

function serve() {
  const webRoot = path.resolve(opt('web-root', 'dist'))
  const llmUrl = opt('llm-url', null)
  const sessions = new Map()
  const conversations = new Map()
  const langs = [
    ['nb', 'Norsk bokmål', 'ltr', 'full'], ['nn', 'Norsk nynorsk', 'ltr', 'full'], ['en', 'English', 'ltr', 'full'],
    ['ar', 'العربية', 'rtl', 'full'], ['uk', 'Українська', 'ltr', 'full'], ['so', 'Soomaali', 'ltr', 'partial'],
    ['ti', 'ትግርኛ', 'ltr', 'partial'], ['prs', 'دری', 'rtl', 'partial'], ['pl', 'Polski', 'ltr', 'full'], ['tr', 'Türkçe', 'ltr', 'full'],
  ].map(([code, name, dir, support]) => ({ code, name, dir, support }))
  const bots = [
    { id: 'samtale-lege', name: 'Hos legen', purpose: 'Øv på å bestille time og fortelle legen hvordan du har det.', avatar: '🩺', level_min: 'A1', level_max: 'B1', starters: ['Jeg vil bestille time.', 'Jeg har vondt i hodet.'], mode: 'llm' },
    { id: 'butikken', name: 'I butikken', purpose: 'Øv på å handle, spørre om pris og finne varer.', avatar: '🛒', level_min: 'A1', level_max: 'A2', starters: ['Hvor finner jeg melk?'], mode: 'llm' },
    { id: 'forklar-meg', name: 'Forklar meg', purpose: 'Forklarer ord og uttrykk på enkel norsk.', avatar: '💡', level_min: 'A1', level_max: 'B2', starters: ['Hva betyr «dugnad»?'], mode: 'dialogue' },
  ]
  const err = (res, status, code, message) => json(res, status, { error: { code, message } })
  const json = (res, status, body) => {
    res.writeHead(status, { 'Content-Type': 'application/json' })
    res.end(JSON.stringify(body))
  }
  const body = (req) => new Promise((resolve) => {
    let data = ''
    req.on('data', (d) => (data += d))
    req.on('end', () => { try { resolve(JSON.parse(data || '{}')) } catch { resolve(null) } })
  })
  const llmReachable = () => new Promise((resolve) => {
    if (!llmUrl) return resolve(false)
    const u = new URL(llmUrl)
    const s = createConnection({ host: u.hostname, port: Number(u.port) }, () => { s.end(); resolve(true) })
    s.on('error', () => resolve(false))
  })
  const sleep = (ms) => new Promise((r) => setTimeout(r, ms))

  const server = createServer(async (req, res) => {
    const url = new URL(req.url, 'http://x')
    const cookie = /voki_session=([\w-]+)/.exec(req.headers.cookie ?? '')?.[1]
    const session = cookie && sessions.get(cookie)
    const p = url.pathname
    if (!p.startsWith('/api/')) {
      let file = path.join(webRoot, path.normalize(p))
      if (!file.startsWith(webRoot) || !existsSync(file) || statSync(file).isDirectory()) file = path.join(webRoot, 'index.html')
      const type = { '.js': 'text/javascript', '.css': 'text/css', '.svg': 'image/svg+xml', '.woff2': 'font/woff2', '.woff': 'font/woff', '.html': 'text/html' }[path.extname(file)] ?? 'application/octet-stream'
      res.writeHead(200, { 'Content-Type': type })
      return res.end(readFileSync(file))
    }
    if (p === '/api/join' && req.method === 'POST') {
      const b = await body(req)
      if (b?.code !== 'DEMO-OSLO') return err(res, 404, 'unknown_code', 'Ukjent kode')
      const id = randomUUID()
      const s = { participant: { id, ui_language: 'nb', support_language: 'en', level: 'A2' }, class: { id: 'c1', name: 'Norsk A2 dag', level: 'A2' }, organisation: { id: 'oslo-vo', name: 'Oslo voksenopplæring' } }
      sessions.set(id, s)
      res.setHeader('Set-Cookie', `voki_session=${id}; HttpOnly; Path=/; SameSite=Lax`)
      return json(res, 200, s)
    }
    if (p === '/api/languages') return json(res, 200, langs)
    if (!session) return err(res, 401, 'unauthenticated', 'Not logged in')
    if (p === '/api/me' && req.method === 'GET') return json(res, 200, session)
    if (p === '/api/me' && req.method === 'PATCH') {
      Object.assign(session.participant, await body(req))
      return json(res, 200, session.participant)
    }
    if (p === '/api/logout') { sessions.delete(cookie); res.writeHead(204); return res.end() }
    if (p === '/api/bots') return json(res, 200, bots)
    if (p === '/api/conversations' && req.method === 'POST') {
      const b = await body(req)
      const c = { id: randomUUID(), bot: b.bot, owner: cookie, messages: [], created_at: new Date().toISOString(), updated_at: new Date().toISOString() }
      conversations.set(c.id, c)
      return json(res, 201, { id: c.id, bot: c.bot })
    }
    if (p === '/api/conversations') return json(res, 200, [...conversations.values()].filter((c) => c.owner === cookie).map(({ id, bot, created_at, updated_at }) => ({ id, bot, created_at, updated_at })))
    const m = /^\/api\/conversations\/([\w-]+)(\/messages)?$/.exec(p)
    const c = m && conversations.get(m[1])
    if (!c || c.owner !== cookie) return err(res, 404, 'not_found', 'Fant ikke samtalen')
    if (!m[2] && req.method === 'GET') return json(res, 200, { id: c.id, bot: c.bot, messages: c.messages })
    if (!m[2] && req.method === 'DELETE') { conversations.delete(c.id); res.writeHead(204); return res.end() }
    const b = await body(req)
    if (!b || (!b.quick && !b.text?.trim())) return err(res, 400, 'empty', 'Meldingen er tom')
    if (b.text && [...b.text].length > 4000) return err(res, 413, 'too_long', 'For lang')
    res.writeHead(200, { 'Content-Type': 'text/event-stream', 'Cache-Control': 'no-cache' })
    const send = (event, data) => res.write(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`)
    const user = { id: randomUUID(), role: 'user', text: b.text ?? '', quick: b.quick ?? null, status: 'done', created_at: new Date().toISOString(), feedback: [] }
    c.messages.push(user)
    send('message', user)
    const word = [...(b.text ?? '').matchAll(/\p{L}{5,}/gu)][0]
    if (word) {
      const start = [...b.text.slice(0, word.index)].length
      const findings = [{ start, end: start + [...word[0]].length, code: 'ORT', suggestions: [word[0].toLowerCase()], explanation_nb: 'Sjekk skrivemåten.', explanation: 'Check the spelling.', confidence: 0.8 }]
      user.feedback = findings
      send('feedback', { message: user.id, findings })
    }
    if (llmUrl && !(await llmReachable())) return res.end(send('error', { error: { code: 'llm_unavailable', message: 'Språkmodellen svarer ikke akkurat nå.' } }))
    const answer = b.quick === 'simpler' ? 'Greit. Jeg sier det enklere: Du kan gå til legen i morgen.' : `Du skrev: «${(b.text ?? '').slice(0, 40)}». Det er fint! Kan du fortelle meg litt mer om hva du trenger hjelp med i dag?`
    let text = ''
    let closed = false
    req.on('close', () => (closed = true))
    for (const token of answer.split(/(?<= )/)) {
      if (closed) return
      await sleep(Number(process.env.STUB_TOKEN_MS ?? 60))
      text += token
      send('delta', { text: token })
    }
    const done = { id: randomUUID(), role: 'assistant', text, quick: null, status: 'done', created_at: new Date().toISOString(), feedback: [] }
    c.messages.push(done)
    c.updated_at = done.created_at
    send('done', done)
    res.end()
  })
  server.listen(port, '127.0.0.1', () => console.log(`listening on http://127.0.0.1:${server.address().port}`))
}
