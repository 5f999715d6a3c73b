// Keyboard-only use, the guided dialogue with no model, and a model server that is down.
import { after, before, describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { joinDemo, launchBrowser, missingPrerequisite, nocolaSentence, screenshot, startVoki } from './lib.mjs'

const skip = missingPrerequisite() ?? false
const MAX_TABS = 60

/** Presses Tab until the focused element matches `predicate` (run in the page); fails after MAX_TABS. */
async function tabUntil(page, predicate, what) {
  for (let i = 0; i < MAX_TABS; i++) {
    await page.keyboard.press('Tab')
    if (await page.evaluate(predicate)) return
  }
  throw new Error(`Tab never reached ${what}`)
}

describe('keyboard only', { skip }, () => {
  let servers
  let browser
  let page

  before(async () => {
    servers = await startVoki({ llm: 'fake', fakeArgs: ['--token-delay-ms', '5'] })
    browser = await launchBrowser()
    page = await browser.context.newPage()
  })
  after(async () => {
    await browser?.close()
    await servers?.stop()
  })

  it('joins, picks a bot, chats and uses a quick choice with Tab and Enter only', async () => {
    await page.goto(servers.baseUrl + '/')
    await tabUntil(page, () => document.activeElement?.id === 'join-code', 'the code field')
    await page.keyboard.type('demo-oslo')
    await page.keyboard.press('Enter')
    await page.waitForURL('**/bots')
    await page.locator('.voki-card').first().waitFor()

    await tabUntil(page, () => document.activeElement?.classList.contains('voki-card__action'), 'a bot')
    await page.keyboard.press('Enter')
    await page.waitForURL('**/chat/**')
    await page.locator('#chat-input-input').waitFor()
    assert.equal(await page.evaluate(() => document.activeElement?.tagName), 'H1', 'focus starts at the chat heading')

    await tabUntil(page, () => document.activeElement?.id === 'chat-input-input', 'the message box')
    await page.keyboard.type('Jeg heter Ola.')
    await page.keyboard.down('Shift')
    await page.keyboard.press('Enter')
    await page.keyboard.up('Shift')
    await page.keyboard.type('Jeg bor i Oslo.')
    assert.equal(await page.locator('#chat-input-input').inputValue(), 'Jeg heter Ola.\nJeg bor i Oslo.', 'Shift+Enter makes a new line')
    await page.keyboard.press('Enter')
    await page.locator('.voki-message--bot:not(.voki-message--streaming)').first().waitFor({ timeout: 30_000 })
    assert.equal(await page.locator('.voki-message--user .voki-message__text').first().innerText(), 'Jeg heter Ola.\nJeg bor i Oslo.')

    // Focus is back in the message box; Shift+Tab walks back to the quick choices.
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'chat-input-input')
    for (let i = 0; i < MAX_TABS; i++) {
      await page.keyboard.press('Shift+Tab')
      if (await page.evaluate(() => document.activeElement?.closest('.voki-quick') !== null)) break
    }
    assert.ok(await page.evaluate(() => document.activeElement?.closest('.voki-quick') !== null), 'reached a quick choice')
    await page.keyboard.press('Enter')
    await page.locator('.voki-message--user .voki-message__quick').first().waitFor()
    await page.locator('.voki-message--bot:not(.voki-message--streaming)').nth(1).waitFor({ timeout: 30_000 })

    // The focus ring is visible (not suppressed by CSS).
    await page.keyboard.press('Shift+Tab')
    const outline = await page.evaluate(() => getComputedStyle(document.activeElement).outlineStyle)
    assert.notEqual(outline, 'none')
  })
})

describe('without a language model (guided dialogue)', { skip }, () => {
  let servers
  let browser
  let page

  before(async () => {
    servers = await startVoki({ llm: 'none' })
    browser = await launchBrowser()
    page = await browser.context.newPage()
  })
  after(async () => {
    await browser?.close()
    await servers?.stop()
  })

  it('answers from the teacher-written script', async () => {
    await joinDemo(page, servers.baseUrl)
    await page.locator('.voki-card').first().getByRole('button').click()
    await page.waitForURL('**/chat/**')
    const starter = page.locator('.voki-starters button').first()
    await starter.waitFor()
    const starterText = await starter.innerText()
    await starter.click()
    await page.locator('.voki-message--user .voki-message__text', { hasText: starterText }).waitFor()
    const answer = page.locator('.voki-message--bot:not(.voki-message--streaming) .voki-message__text').first()
    await answer.waitFor({ timeout: 30_000 })
    assert.match(await answer.innerText(), /\S/)
    assert.equal(await page.getByRole('alert').count(), 0, 'no error without a model')
    await screenshot(page, 'chat-dialogue-1280-nb')
  })
})

describe('model server down', { skip }, () => {
  let servers
  let browser
  let page

  before(async () => {
    servers = await startVoki({ llm: 'down' })
    browser = await launchBrowser()
    page = await browser.context.newPage()
  })
  after(async () => {
    await browser?.close()
    await servers?.stop()
  })

  it('shows a polite error and keeps the learner message', async () => {
    await joinDemo(page, servers.baseUrl)
    const card = page.locator('.voki-card').filter({ hasText: 'Fri samtale' }).first()
    await card.getByRole('button').click()
    await page.waitForURL('**/chat/**')
    const sentence = nocolaSentence()
    await page.locator('#chat-input-input').fill(sentence)
    await page.locator('#chat-input-input').press('Enter')
    const alert = page.getByRole('alert').filter({ hasText: /Beklager|Voki/ })
    await alert.waitFor({ timeout: 30_000 })
    assert.doesNotMatch(await alert.innerText(), /ECONNREFUSED|exception|stack|127\.0\.0\.1/i, 'no technical detail shown')
    assert.equal(await page.locator('.voki-message--user .voki-message__text').first().innerText(), sentence)
    await page.getByRole('button', { name: 'Prøv igjen' }).waitFor()
    await page.getByRole('button', { name: 'Send' }).waitFor()
    await screenshot(page, 'chat-error-1280-nb')
  })
})
