// Graceful shutdown: SIGTERM lets running answers finish, refuses new connections, exits 0.
import assert from 'node:assert/strict'
import net from 'node:net'
import { after, before, describe, test } from 'node:test'

import { Client, chatParts, sleep, sseEvents, startFakeLlm, startVoki } from './lib.mjs'

/** Resolves with the error code of a connection attempt, or 'connected'. */
function tryConnect(port) {
  return new Promise((resolve) => {
    const socket = net.connect(port, '127.0.0.1')
    socket.once('connect', () => {
      socket.destroy()
      resolve('connected')
    })
    socket.once('error', (e) => resolve(e.code))
  })
}

/** A connected, idle client socket; resolves `closed` when the server closes it. */
function idleConnection(port) {
  return new Promise((resolve, reject) => {
    const socket = net.connect(port, '127.0.0.1')
    const closed = new Promise((done) => socket.once('close', () => done(Date.now())))
    socket.on('error', () => {})
    socket.once('connect', () => resolve({ socket, closed }))
    socket.once('error', reject)
  })
}

describe('graceful shutdown', () => {
  let fake
  before(async () => {
    fake = await startFakeLlm(['--token-delay-ms', '100', '--tokens', '20'])
  })
  after(async () => {
    await fake?.stop()
  })

  test('a running answer completes with done; new connections are refused; exit 0', async () => {
    const voki = await startVoki({ llmUrl: fake.url, env: { VOKI_SHUTDOWN_GRACE: '10' } })
    try {
      const learner = new Client(voki.base)
      await learner.join('DEMO-OSLO')
      const conversation = await learner.newConversation('hos-legen')
      const idle = await idleConnection(voki.port)
      const res = await learner.send(conversation, { text: 'Jeg har vondt i ryggen.' })
      assert.equal(res.status, 200)

      const events = []
      let signalled = 0
      let refused = null
      for await (const e of sseEvents(res)) {
        events.push(e)
        if (e.event === 'delta' && !signalled) {
          signalled = Date.now()
          voki.child.kill('SIGTERM')
          await sleep(300)
          refused = await tryConnect(voki.port)
        }
      }
      assert.ok(signalled, 'the stream had started')
      assert.equal(refused, 'ECONNREFUSED', 'new connections are refused during shutdown')
      const idleClosedAt = await Promise.race([idle.closed, sleep(3000).then(() => null)])
      assert.ok(idleClosedAt, 'an idle keep-alive connection is closed at once')

      const parts = chatParts(events)
      assert.ok(parts.done, `the answer completed: ${JSON.stringify(parts.error)}`)
      assert.equal(parts.done.text, parts.text)
      assert.ok(parts.deltas.length >= 15, `${parts.deltas.length} deltas`)

      const { code, signal } = await voki.exited
      const took = Date.now() - signalled
      assert.equal(signal, null)
      assert.equal(code, 0)
      assert.ok(took < 10_000, `exited ${took} ms after SIGTERM`)
      assert.match(voki.logs().err, /shutting down: finishing 1 running answer/)
    } finally {
      await voki.stop('SIGKILL')
    }
  })

  test('an answer longer than the grace period is cut; the process still exits 0', async () => {
    const voki = await startVoki({ llmUrl: fake.url, env: { VOKI_SHUTDOWN_GRACE: '1' } })
    try {
      const learner = new Client(voki.base)
      await learner.join('DEMO-OSLO')
      const conversation = await learner.newConversation('hos-legen')
      const res = await learner.send(conversation, { text: 'Hei!' })
      const events = []
      let signalled = 0
      let cut = null
      try {
        for await (const e of sseEvents(res)) {
          events.push(e)
          if (e.event === 'delta' && !signalled) {
            signalled = Date.now()
            voki.child.kill('SIGTERM')
          }
        }
      } catch (e) {
        cut = e // the server closes the connection mid-stream
      }
      assert.ok(signalled)
      assert.ok(!events.some((e) => e.event === 'done'), 'the 2 s answer cannot finish in 1 s')
      assert.ok(cut || events.length > 0)
      const { code } = await voki.exited
      const took = Date.now() - signalled
      assert.equal(code, 0)
      assert.ok(took < 4000, `exited ${took} ms after SIGTERM with a 1 s grace period`)
    } finally {
      await voki.stop('SIGKILL')
    }
  })
})
