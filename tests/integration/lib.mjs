// Shared helpers for the integration suite: start the real `voki` binary and the fake OpenAI server
// as child processes, talk to them over HTTP, and read server-sent events from fetch() streams.
import { spawn } from 'node:child_process'
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

const here = path.dirname(fileURLToPath(import.meta.url))

export const repoRoot = process.env.VOKI_SOURCE_DIR ?? path.resolve(here, '../..')
export const vokiBin = process.env.VOKI_BIN ?? path.join(repoRoot, 'build/app/voki')
export const fakeLlmBin = process.env.FAKE_LLM_BIN ?? path.join(repoRoot, 'build/tests/fake_llm/fake_llm')
export const botsDir = path.join(repoRoot, 'bots')

const STARTUP_TIMEOUT_MS = 20_000
const LOG_LIMIT = 200_000

// Every child we start, so that none outlives the test process even if a test forgets to stop it.
const children = new Set()
process.on('exit', () => {
  for (const child of children) child.kill('SIGKILL')
})

// Temp folders made by this process; removed when it exits.
const tempDirs = []
process.on('exit', () => {
  for (const dir of tempDirs) rmSync(dir, { recursive: true, force: true })
})

export function tempDir(prefix = 'voki-int-') {
  const dir = mkdtempSync(path.join(tmpdir(), prefix))
  tempDirs.push(dir)
  return dir
}

/** Spawns a server and resolves once a stdout line matches `ready`. */
function startProcess(bin, args, ready, name, env) {
  return new Promise((resolve, reject) => {
    const child = spawn(bin, args, { stdio: ['ignore', 'pipe', 'pipe'], env })
    children.add(child)
    let out = ''
    let err = ''
    let settled = false
    const exited = new Promise((done) =>
      child.once('exit', (code, signal) => {
        children.delete(child)
        done({ code, signal })
      }),
    )
    const timer = setTimeout(() => {
      child.kill('SIGKILL')
      fail(new Error(`${name} did not start within ${STARTUP_TIMEOUT_MS} ms\nstdout: ${out}\nstderr: ${err}`))
    }, STARTUP_TIMEOUT_MS)
    function fail(error) {
      if (settled) return
      settled = true
      clearTimeout(timer)
      reject(error)
    }
    const handle = {
      child,
      exited,
      /** Throws with the logs when the process has died (a crash must not go unnoticed). */
      assertAlive() {
        if (child.exitCode !== null || child.signalCode !== null)
          throw new Error(`${name} died (${child.exitCode ?? child.signalCode})\nstderr: ${err.slice(-4000)}`)
      },
      logs: () => ({ out, err }),
      /**
       * Sends `signal` and waits for the exit; SIGKILL after `killAfterMs`. Rejects when the process
       * had already died on its own (a signal or a non-zero code), so a crash fails the `after` hook.
       */
      stop(signal = 'SIGTERM', killAfterMs = 5000) {
        if (child.exitCode !== null || child.signalCode !== null) {
          if (child.exitCode === 0) return exited
          return Promise.reject(new Error(`${name} died before the end of its tests (${child.exitCode ?? child.signalCode})\nstderr: ${err.slice(-4000)}`))
        }
        child.kill(signal)
        const killer = setTimeout(() => child.kill('SIGKILL'), killAfterMs)
        return exited.finally(() => clearTimeout(killer))
      },
    }
    child.stdout.setEncoding('utf8')
    child.stderr.setEncoding('utf8')
    child.stderr.on('data', (d) => {
      if (err.length < LOG_LIMIT) err += d
    })
    child.stdout.on('data', (d) => {
      if (out.length < LOG_LIMIT) out += d
      const match = out.match(ready)
      if (match && !settled) {
        settled = true
        clearTimeout(timer)
        resolve({ ...handle, match })
      }
    })
    child.on('error', (e) => fail(e))
    exited.then(({ code, signal }) =>
      fail(new Error(`${name} exited (${code ?? signal}) before it was ready\nstdout: ${out}\nstderr: ${err}`)),
    )
  })
}

/** The environment for children: ours without any VOKI_* setting, plus `extra`. */
function childEnv(extra = {}) {
  const env = {}
  for (const [key, value] of Object.entries(process.env)) if (!key.startsWith('VOKI_')) env[key] = value
  return { ...env, ...extra }
}

/** Starts fake_llm on a free port. */
export async function startFakeLlm(args = []) {
  const proc = await startProcess(fakeLlmBin, ['--port', '0', ...args], /listening on (\d+)/, 'fake_llm', childEnv())
  const port = Number(proc.match[1])
  const base = `http://127.0.0.1:${port}`
  return {
    ...proc,
    port,
    url: `${base}/v1`,
    async control(settings) {
      const res = await fetch(`${base}/control`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(settings),
      })
      if (res.status !== 200) throw new Error(`fake_llm /control ${res.status}: ${await res.text()}`)
      return res.json()
    },
    async stats() {
      return (await fetch(`${base}/stats`)).json()
    },
  }
}

/**
 * Starts `voki serve --demo` in a fresh data dir. Options: llmUrl, botsDir, webRoot, env (extra
 * VOKI_* variables), args (extra flags).
 */
export async function startVoki(options = {}) {
  const dataDir = tempDir('voki-data-')
  const webRoot = options.webRoot ?? path.join(dataDir, 'no-web-root')
  const args = ['serve', '--port', '0', '--demo', '--data-dir', dataDir, '--bots-dir', options.botsDir ?? botsDir,
    '--web-root', webRoot]
  if (options.llmUrl) args.push('--llm-url', options.llmUrl)
  args.push(...(options.args ?? []))
  const proc = await startProcess(vokiBin, args, /listening on (http:\/\/[\d.]+:(\d+))/, 'voki',
    childEnv(options.env ?? {}))
  return { ...proc, base: proc.match[1], port: Number(proc.match[2]), dataDir }
}

/** A TCP port nobody listens on (bound and released at once): a model server that is down. */
export function closedPort() {
  return new Promise((resolve, reject) => {
    const server = createServer()
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address()
      server.close(() => resolve(port))
    })
  })
}

/** A tiny built web app: index.html and one content-hashed asset. */
export function makeWebRoot() {
  const root = tempDir('voki-web-')
  const web = path.join(root, 'dist')
  mkdirSync(path.join(web, 'assets'), { recursive: true })
  writeFileSync(path.join(web, 'index.html'),
    '<!doctype html><html lang="nb"><head><title>Voki test</title></head><body><div id="root"></div>' +
    '<script type="module" src="/assets/app-abc123.js"></script></body></html>\n')
  writeFileSync(path.join(web, 'assets', 'app-abc123.js'), 'console.log("voki test app")\n')
  // Beside the web root, never to be served.
  writeFileSync(path.join(root, 'secret.txt'), 'not for the web\n')
  return { root, web }
}

/** A copy of the bots folder to add files to. */
export function copyBots() {
  const dir = path.join(tempDir('voki-bots-'), 'bots')
  cpSync(botsDir, dir, { recursive: true })
  return dir
}

// ---- HTTP helpers ----------------------------------------------------------------------------

/** A small API client holding one participant's session cookie. */
export class Client {
  constructor(base, { language } = {}) {
    this.base = base
    this.cookie = ''
    this.language = language
  }

  headers(extra = {}) {
    const h = { ...extra }
    if (this.cookie) h.cookie = this.cookie
    if (this.language) h['x-voki-language'] = this.language
    return h
  }

  /** fetch() with the session; a plain object body is sent as JSON. */
  request(method, pathname, { body, headers, signal } = {}) {
    const init = { method, headers: this.headers(headers), redirect: 'manual', signal }
    if (body !== undefined) {
      if (typeof body === 'string' || body instanceof Uint8Array) {
        init.body = body
      } else {
        init.body = JSON.stringify(body)
        init.headers['content-type'] ??= 'application/json'
      }
    }
    return fetch(this.base + pathname, init)
  }

  /** Joins with `code`; keeps the session cookie; returns { res, body }. */
  async join(code, extra = {}) {
    const res = await this.request('POST', '/api/join', { body: { code, ...extra } })
    const body = await res.json()
    const setCookie = res.headers.get('set-cookie')
    if (res.status === 200 && setCookie) this.cookie = setCookie.split(';')[0]
    return { res, body }
  }

  async json(method, pathname, options) {
    const res = await this.request(method, pathname, options)
    const text = await res.text()
    let body = null
    try {
      body = text ? JSON.parse(text) : null
    } catch {
      body = text
    }
    return { status: res.status, headers: res.headers, body }
  }

  async newConversation(bot) {
    const { status, body } = await this.json('POST', '/api/conversations', { body: { bot } })
    if (status !== 201) throw new Error(`create conversation ${bot}: ${status} ${JSON.stringify(body)}`)
    return body.id
  }

  /** Posts a message; returns the fetch Response (an event stream when the status is 200). */
  send(conversation, body) {
    return this.request('POST', `/api/conversations/${conversation}/messages`, { body })
  }

  /** Posts a message and reads the whole event stream. */
  async chat(conversation, body) {
    const res = await this.send(conversation, body)
    if (res.status !== 200) throw new Error(`send: ${res.status} ${await res.text()}`)
    return collectEvents(res)
  }
}

/** Asserts the one error shape the API uses; returns the error object. */
export function errorOf(body) {
  if (!body || typeof body !== 'object' || !body.error) throw new Error(`not an error body: ${JSON.stringify(body)}`)
  const { code, message } = body.error
  if (typeof code !== 'string' || typeof message !== 'string' || !message)
    throw new Error(`bad error shape: ${JSON.stringify(body)}`)
  if (Object.keys(body).length !== 1) throw new Error(`extra fields beside error: ${JSON.stringify(body)}`)
  return body.error
}

// ---- Server-sent events --------------------------------------------------------------------
// Written by hand (rather than with an EventSource package) because the API streams answers to
// POST requests, which EventSource cannot send; the format is small (WHATWG HTML, 9.2.6).

/** Yields { event, data } from a fetch Response body; `data` is parsed JSON when it is JSON. */
export async function* sseEvents(res) {
  const decoder = new TextDecoder('utf-8')
  let buffer = ''
  let event = ''
  let data = []
  const flush = function* () {
    if (data.length) {
      const raw = data.join('\n')
      let parsed = raw
      try {
        parsed = JSON.parse(raw)
      } catch {}
      yield { event: event || 'message', data: parsed, raw }
    }
    event = ''
    data = []
  }
  const lines = function* (final) {
    for (;;) {
      const match = /\r\n|\r|\n/.exec(buffer)
      if (!match) break
      // A lone \r at the end may be the first half of \r\n: wait for more.
      if (match[0] === '\r' && match.index === buffer.length - 1 && !final) break
      yield buffer.slice(0, match.index)
      buffer = buffer.slice(match.index + match[0].length)
    }
  }
  const handle = function* (line) {
    if (line === '') return yield* flush()
    if (line.startsWith(':')) return
    const colon = line.indexOf(':')
    const field = colon < 0 ? line : line.slice(0, colon)
    let value = colon < 0 ? '' : line.slice(colon + 1)
    if (value.startsWith(' ')) value = value.slice(1)
    if (field === 'event') event = value
    else if (field === 'data') data.push(value)
  }
  for await (const chunk of res.body) {
    buffer += decoder.decode(chunk, { stream: true })
    for (const line of lines(false)) yield* handle(line)
  }
  buffer += decoder.decode()
  for (const line of lines(true)) yield* handle(line)
  // A stream that ends without a blank line drops the incomplete event, as browsers do.
}

/** Reads every event of a stream. */
export async function collectEvents(res) {
  const events = []
  for await (const e of sseEvents(res)) events.push(e)
  return events
}

/** Splits a chat stream into its parts and checks their order. */
export function chatParts(events) {
  const names = events.map((e) => e.event)
  if (names[0] !== 'message') throw new Error(`first event is ${names[0]}, not message: ${names.join(',')}`)
  const last = names.at(-1)
  if (last !== 'done' && last !== 'error') throw new Error(`stream ends with ${last}: ${names.join(',')}`)
  for (const name of names.slice(1, -1))
    if (name !== 'delta' && name !== 'feedback') throw new Error(`unexpected event ${name}: ${names.join(',')}`)
  const deltas = events.filter((e) => e.event === 'delta').map((e) => e.data.text)
  return {
    names,
    message: events[0].data,
    deltas,
    text: deltas.join(''),
    done: last === 'done' ? events.at(-1).data : null,
    error: last === 'error' ? events.at(-1).data.error : null,
  }
}

// ---- Bot catalogue (read from the YAML files; a few fields, by pattern, to avoid a YAML package) ----

/** id, audience and English name of each bot of an organisation. */
export function botsOf(organisation, dir = botsDir) {
  const bots = []
  for (const file of readdirSync(path.join(dir, organisation)).sort()) {
    if (!/\.ya?ml$/.test(file)) continue
    const text = readFileSync(path.join(dir, organisation, file), 'utf8')
    const id = /^id:\s*"?([a-z0-9-]+)"?\s*$/m.exec(text)?.[1]
    const audience = /^audience:\s*(\w+)/m.exec(text)?.[1] ?? 'participant'
    const en = /^names:\n(?:\s+\w+:.*\n)*?\s+en:\s*"(.*)"/m.exec(text)?.[1]
    bots.push({ id, audience, en, file })
  }
  return bots
}

/** The guided-dialogue steps of a bot file: prompt, on_accept, hints, model_answer. */
export function dialogueSteps(file) {
  const text = readFileSync(file, 'utf8')
  const body = text.slice(text.indexOf('\ndialogue:'))
  const steps = []
  for (const line of body.split('\n')) {
    let m
    if ((m = /^\s+- prompt:\s*"(.*)"\s*$/.exec(line))) steps.push({ prompt: m[1] })
    else if (steps.length && (m = /^\s+on_accept:\s*"(.*)"\s*$/.exec(line))) steps.at(-1).on_accept = m[1]
    else if (steps.length && (m = /^\s+model_answer:\s*"(.*)"\s*$/.exec(line))) steps.at(-1).model_answer = m[1]
    else if (steps.length && (m = /^\s+hints:\s*(\[.*\])\s*$/.exec(line))) steps.at(-1).hints = JSON.parse(m[1])
  }
  const opening = /^\s+opening:\s*"(.*)"\s*$/m.exec(body)?.[1]
  return { opening, steps }
}

export const sleep = (ms) => new Promise((r) => setTimeout(r, ms))
