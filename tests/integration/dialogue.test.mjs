// With no language model configured, bots follow their guided dialogue script, streamed word by word.
import assert from 'node:assert/strict'
import path from 'node:path'
import { after, before, describe, test } from 'node:test'

import { Client, botsDir, chatParts, dialogueSteps, startVoki } from './lib.mjs'

function expectWordByWord(parts, expected) {
  assert.ok(parts.done, JSON.stringify(parts.error))
  assert.equal(parts.done.status, 'complete')
  assert.equal(parts.done.text, expected)
  assert.equal(parts.text, expected, 'deltas add up to the answer')
  const words = expected.split(/\s+/).filter(Boolean).length
  assert.equal(parts.deltas.length, words, 'one delta per word')
  for (const delta of parts.deltas) assert.doesNotMatch(delta.trim(), /\s/, `one word per delta: ${JSON.stringify(delta)}`)
}

describe('guided dialogue without a model', () => {
  let voki
  before(async () => {
    voki = await startVoki()
  })
  after(async () => {
    await voki?.stop()
  })

  test('an llm bot falls back to its script: accepted answer, hint, model answer, next step', async () => {
    const { steps } = dialogueSteps(path.join(botsDir, 'oslo-vo', 'hos-legen.yaml'))
    assert.ok(steps.length >= 3 && steps[1].hints.length >= 1)
    const learner = new Client(voki.base)
    await learner.join('DEMO-OSLO')
    const bots = await learner.json('GET', '/api/bots')
    const bot = bots.body.find((b) => b.id === 'hos-legen')
    assert.equal(bot.mode, 'llm')
    assert.equal(bot.available, true, 'available through its guided dialogue')

    const conversation = await learner.newConversation('hos-legen')
    // Step 1 accepts a wish to book an appointment.
    let parts = chatParts(await learner.chat(conversation, { text: 'Hei, jeg vil bestille time.' }))
    assert.equal(parts.message.text, 'Hei, jeg vil bestille time.')
    expectWordByWord(parts, `${steps[0].on_accept} ${steps[1].prompt}`)

    // An answer that does not fit step 2 gets the first hint.
    parts = chatParts(await learner.chat(conversation, { text: 'Jeg liker katter.' }))
    expectWordByWord(parts, `Nesten! ${steps[1].hints[0]}`)

    // "More" shows the model answer and repeats the question.
    parts = chatParts(await learner.chat(conversation, { quick: 'more' }))
    assert.equal(parts.message.quick, 'more')
    expectWordByWord(parts, `Du kan si: ${steps[1].model_answer}\n${steps[1].prompt}`)

    // The right answer moves to step 3.
    parts = chatParts(await learner.chat(conversation, { text: 'Jeg har vondt i halsen.' }))
    expectWordByWord(parts, `${steps[1].on_accept} ${steps[2].prompt}`)

    const got = await learner.json('GET', `/api/conversations/${conversation}`)
    assert.equal(got.body.messages.length, 8)
    assert.equal(got.body.messages.at(-1).text, `${steps[1].on_accept} ${steps[2].prompt}`)
  })

  test('a dialogue bot of NAV: its model answer passes step 1', async () => {
    const { steps } = dialogueSteps(path.join(botsDir, 'nav-jobbsjansen', 'skjemahjelp.yaml'))
    assert.ok(steps.length >= 2 && steps[0].model_answer)
    const learner = new Client(voki.base)
    await learner.join('DEMO-NAV')
    const conversation = await learner.newConversation('skjemahjelp')
    const parts = chatParts(await learner.chat(conversation, { text: steps[0].model_answer }))
    expectWordByWord(parts, `${steps[0].on_accept ?? 'Bra!'} ${steps[1].prompt}`)
  })
})
