// A broken bot file does not stop the server: the other bots load and the log names file and line.
import assert from 'node:assert/strict'
import { readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { after, before, describe, test } from 'node:test'

import { Client, botsOf, chatParts, copyBots, startVoki } from './lib.mjs'

describe('broken bot YAML', () => {
  let voki
  let dir
  let typoLine
  before(async () => {
    dir = copyBots()
    // A copy of a good bot with one typo in a field name.
    const lines = readFileSync(path.join(dir, 'oslo-vo', 'i-butikken.yaml'), 'utf8').split('\n')
    const idLine = lines.findIndex((l) => l.startsWith('id:'))
    lines[idLine] = 'id: typo-bot'
    typoLine = lines.findIndex((l) => l.startsWith('avatar:'))
    lines[typoLine] = lines[typoLine].replace('avatar:', 'avatr:')
    writeFileSync(path.join(dir, 'oslo-vo', 'typo-bot.yaml'), lines.join('\n'))
    // Not YAML at all: an unclosed flow sequence on line 4.
    writeFileSync(path.join(dir, 'oslo-vo', 'syntax-bot.yaml'),
      'id: syntax-bot\nnames:\n  nb: "Syntaks"\npurposes: [unclosed\nmode: llm\ninstruction: "x"\n')
    // Valid, but with no guided dialogue: without a model it cannot answer.
    writeFileSync(path.join(dir, 'oslo-vo', 'no-script.yaml'),
      'id: no-script\nnames:\n  nb: "Uten manus"\npurposes:\n  nb: "Fri samtale."\nmode: llm\ninstruction: "Snakk med deltakeren."\n')
    voki = await startVoki({ botsDir: dir })
  })
  after(async () => {
    await voki?.stop()
  })

  test('the server starts and the log names each broken file with its line', () => {
    const { err } = voki.logs()
    const typoFile = path.join(dir, 'oslo-vo', 'typo-bot.yaml')
    assert.ok(err.includes(`${typoFile}:${typoLine + 1}:`), `expected ${typoFile}:${typoLine + 1} in\n${err}`)
    assert.match(err, /unknown field 'avatr'.*avatar/)
    const syntax = new RegExp(`${path.join(dir, 'oslo-vo', 'syntax-bot.yaml').replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:(\\d+):`)
    const line = Number(syntax.exec(err)?.[1])
    assert.ok(line === 4 || line === 5, `syntax error reported at line ${line}:\n${err}`)
  })

  test('the other bots load; the broken ones are not offered', async () => {
    const learner = new Client(voki.base)
    await learner.join('DEMO-OSLO')
    const r = await learner.json('GET', '/api/bots')
    assert.equal(r.status, 200)
    const expected = [...botsOf('oslo-vo').filter((b) => b.audience === 'participant').map((b) => b.id), 'no-script'].sort()
    assert.deepEqual(r.body.map((b) => b.id).sort(), expected)
    const nav = new Client(voki.base)
    await nav.join('DEMO-NAV')
    const navBots = await nav.json('GET', '/api/bots')
    assert.equal(navBots.body.length, botsOf('nav-jobbsjansen').length)
    const conversation = await learner.json('POST', '/api/conversations', { body: { bot: 'typo-bot' } })
    assert.equal(conversation.status, 404)
  })

  test('an llm bot without a script and no model: not available; a message gets no_model', async () => {
    const learner = new Client(voki.base)
    await learner.join('DEMO-OSLO')
    const bots = await learner.json('GET', '/api/bots')
    assert.equal(bots.body.find((b) => b.id === 'no-script').available, false)
    assert.ok(bots.body.filter((b) => b.id !== 'no-script').every((b) => b.available), 'bots with a script work offline')
    const conversation = await learner.newConversation('no-script')
    const parts = chatParts(await learner.chat(conversation, { text: 'Hei!' }))
    assert.equal(parts.message.text, 'Hei!')
    assert.equal(parts.error.code, 'no_model')
    const got = await learner.json('GET', `/api/conversations/${conversation}`)
    assert.deepEqual(got.body.messages.map((m) => [m.role, m.text]), [['user', 'Hei!']])
  })
})
