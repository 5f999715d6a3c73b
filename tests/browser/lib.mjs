// Shared helpers for the browser suite: start the real servers, launch Debian's Chromium
// through playwright-core, run axe-core, pick a learner sentence from NoCoLA.
import { spawn } from 'node:child_process'
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { createRequire } from 'node:module'
import { chromium } from 'playwright-core'

const here = path.dirname(fileURLToPath(import.meta.url))
const require = createRequire(import.meta.url)

export const repoRoot = process.env.VOKI_SOURCE_DIR ?? path.resolve(here, '../..')
export const vokiBin = process.env.VOKI_BIN ?? path.join(repoRoot, 'build/app/voki')
export const fakeLlmBin = process.env.FAKE_LLM_BIN ?? path.join(repoRoot, 'build/tests/fake_llm/fake_llm')
export const chromiumPath = process.env.CHROMIUM ?? '/usr/bin/chromium'
export const artifactsDir = path.join(here, 'artifacts')
const webRoot = path.join(repoRoot, 'web/dist')

/** Why the suite cannot run here, or null. Used as the `skip` option of the tests. */
export function missingPrerequisite() {
  for (const [what, file] of [
    ['voki binary (VOKI_BIN)', vokiBin],
    ['fake_llm binary (FAKE_LLM_BIN)', fakeLlmBin],
    ['Chromium', chromiumPath],
    ['built web app (run npm run build in web/)', path.join(webRoot, 'index.html')],
  ]) {
    if (!existsSync(file)) return `missing ${what}: ${file}`
  }
  return null
}

const STARTUP_TIMEOUT_MS = 30_000

/** Spawns a server and waits until a stdout line matches `ready`; returns the match and a stop(). */
function startProcess(bin, args, ready, name) {
  return new Promise((resolve, reject) => {
    const child = spawn(bin, args, { stdio: ['ignore', 'pipe', 'pipe'] })
    let out = ''
    let err = ''
    const timer = setTimeout(() => {
      child.kill('SIGKILL')
      reject(new Error(`${name} did not start within ${STARTUP_TIMEOUT_MS} ms\nstdout: ${out}\nstderr: ${err}`))
    }, STARTUP_TIMEOUT_MS)
    const stop = () =>
      new Promise((done) => {
        if (child.exitCode !== null || child.signalCode !== null) return done()
        child.once('exit', () => done())
        child.kill('SIGTERM')
        setTimeout(() => child.kill('SIGKILL'), 5000).unref()
      })
    child.stdout.setEncoding('utf8')
    child.stderr.setEncoding('utf8')
    child.stderr.on('data', (d) => {
      if (err.length < 20_000) err += d
    })
    child.stdout.on('data', (d) => {
      if (out.length < 20_000) out += d
      const match = out.match(ready)
      if (match && timer) {
        clearTimeout(timer)
        resolve({ match, stop, logs: () => ({ out, err }) })
      }
    })
    child.on('error', (e) => {
      clearTimeout(timer)
      reject(e)
    })
    child.on('exit', (code, signal) => {
      clearTimeout(timer)
      if (!out.match(ready)) reject(new Error(`${name} exited (${code ?? signal}) before it was ready\nstdout: ${out}\nstderr: ${err}`))
    })
  })
}

/** A TCP port nobody listens on (bound and released at once): a model server that is down. */
export function closedPort() {
  return new Promise((resolve, reject) => {
    const server = createServer()
    server.on('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address()
      server.close(() => resolve(port))
    })
  })
}

/**
 * Starts voki (and fake_llm when llm === 'fake'). llm: 'fake' | 'none' | 'down'.
 * Returns { baseUrl, stop }.
 */
export async function startVoki({ llm = 'fake', fakeArgs = [] } = {}) {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'voki-browser-'))
  const stops = []
  let llmUrl = null
  try {
    if (llm === 'fake') {
      const fake = await startProcess(fakeLlmBin, ['--port', '0', ...fakeArgs], /listening on (\d+)/, 'fake_llm')
      stops.push(fake.stop)
      llmUrl = `http://127.0.0.1:${fake.match[1]}/v1`
    } else if (llm === 'down') {
      llmUrl = `http://127.0.0.1:${await closedPort()}/v1`
    }
    const args = ['serve', '--port', '0', '--demo', '--data-dir', dataDir, '--bots-dir', path.join(repoRoot, 'bots'), '--web-root', webRoot]
    if (llmUrl) args.push('--llm-url', llmUrl)
    const voki = await startProcess(vokiBin, args, /listening on (http:\/\/[\d.]+:\d+)/, 'voki')
    stops.push(voki.stop)
    return {
      baseUrl: voki.match[1],
      logs: voki.logs,
      stop: async () => {
        for (const stop of stops.reverse()) await stop()
        rmSync(dataDir, { recursive: true, force: true })
      },
    }
  } catch (e) {
    for (const stop of stops.reverse()) await stop()
    rmSync(dataDir, { recursive: true, force: true })
    throw e
  }
}

/** Headless Chromium with a fresh profile; returns { context, close }. */
export async function launchBrowser({ viewport = { width: 1280, height: 900 } } = {}) {
  const userDataDir = mkdtempSync(path.join(tmpdir(), 'voki-chromium-'))
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: chromiumPath,
    headless: true,
    viewport,
    locale: 'nb-NO',
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  })
  return {
    context,
    close: async () => {
      await context.close()
      rmSync(userDataDir, { recursive: true, force: true })
    },
  }
}

/**
 * A learner sentence from NoCoLA's dev set, chosen deterministically: the first ungrammatical
 * row of moderate length (so it fits a chat turn and likely draws feedback).
 */
export function nocolaSentence() {
  const file = process.env.NOCOLA_DEV ?? path.resolve(repoRoot, '../shared/data/nocola/dev.tsv')
  const lines = readFileSync(file, 'utf8').split('\n').slice(1)
  for (const line of lines) {
    const [sentence, grammatical] = line.split('\t')
    if (grammatical === '0' && sentence && sentence.length >= 30 && sentence.length <= 90 && !sentence.includes('"')) {
      return sentence.trim()
    }
  }
  throw new Error(`no usable sentence in ${file}`)
}

const axeSource = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8')

/** Runs axe-core (WCAG 2.1 A and AA rules) on the page; returns the violations. */
export async function axeViolations(page) {
  // Evaluated through the DevTools protocol: the page's CSP (no inline scripts) stays in force.
  await page.evaluate(axeSource)
  const result = await page.evaluate(async () =>
    // eslint-disable-next-line no-undef
    axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } }),
  )
  return result.violations
}

export function describeViolations(violations) {
  return violations
    .map((v) => `${v.id} (${v.impact}): ${v.help}\n  ${v.nodes.slice(0, 3).map((n) => n.target.join(' ') + ' → ' + n.failureSummary?.split('\n').join(' ')).join('\n  ')}`)
    .join('\n')
}

export async function screenshot(page, name) {
  mkdirSync(artifactsDir, { recursive: true })
  await page.screenshot({ path: path.join(artifactsDir, `${name}.png`), fullPage: true })
}

/** Joins with the demo code through the UI and waits for the catalogue. */
export async function joinDemo(page, baseUrl, code = 'demo-oslo') {
  await page.goto(baseUrl + '/')
  await page.getByLabel(/Klassekode|Class code/).fill(code)
  await page.getByRole('button', { name: /^(Bli med|Join)$/ }).click()
  await page.waitForURL('**/bots')
  await page.locator('.voki-card').first().waitFor()
}
