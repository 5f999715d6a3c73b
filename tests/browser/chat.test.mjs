// The learner's main journey against the real voki server and the fake model server.
import { after, before, describe, it } from 'node:test'
import assert from 'node:assert/strict'
import {
  axeViolations,
  describeViolations,
  joinDemo,
  launchBrowser,
  missingPrerequisite,
  nocolaSentence,
  screenshot,
  startVoki,
} from './lib.mjs'

const skip = missingPrerequisite() ?? false

async function assertAccessible(page, what) {
  const violations = await axeViolations(page)
  assert.equal(violations.length, 0, `axe violations on ${what}:\n${describeViolations(violations)}`)
}

/** Opens the first free-conversation bot from the catalogue. */
async function openFirstLlmBot(page) {
  const card = page.locator('.voki-card').filter({ hasText: /Fri samtale|Free conversation|محادثة حرة/ }).first()
  await card.getByRole('button').click()
  await page.waitForURL('**/chat/**')
  await page.locator('#chat-input-input').waitFor()
}

async function waitForAnswerDone(page, count) {
  await page.locator('.voki-message--bot:not(.voki-message--streaming)').nth(count - 1).waitFor({ timeout: 30_000 })
}

describe('chat with a language model', { skip }, () => {
  let servers
  let browser
  let page

  before(async () => {
    // Slow enough tokens that the answer is seen growing and can be stopped.
    servers = await startVoki({ llm: 'fake', fakeArgs: ['--token-delay-ms', '60', '--tokens', '60'] })
    browser = await launchBrowser()
    page = await browser.context.newPage()
  })
  after(async () => {
    await browser?.close()
    await servers?.stop()
  })

  it('refuses a wrong join code politely and stays on the join page', async () => {
    await page.goto(servers.baseUrl + '/')
    await assertAccessible(page, 'join (nb)')
    await screenshot(page, 'join-1280-nb')
    await page.getByLabel('Klassekode').fill('NO-SUCH-CODE-42')
    await page.getByRole('button', { name: 'Bli med' }).click()
    await page.getByText('Vi fant ikke den koden').waitFor()
    assert.match(new URL(page.url()).pathname, /^\/(join)?$/)
    assert.equal(await page.locator('#join-code').getAttribute('aria-invalid'), 'true')
  })

  it('joins with a lower-case code and shows the catalogue', async () => {
    await page.goto(servers.baseUrl + '/')
    await page.getByLabel('Klassekode').fill('demo-oslo')
    assert.equal(await page.locator('#join-code').inputValue(), 'DEMO-OSLO')
    await page.getByRole('button', { name: 'Bli med' }).click()
    await page.waitForURL('**/bots')
    const cards = page.locator('.voki-card')
    await cards.first().waitFor()
    assert.ok((await cards.count()) >= 2, 'the demo organisation has several bots')
    assert.match(await cards.first().locator('.voki-card__title').innerText(), /\S/)
    assert.match(await cards.first().innerText(), /Nivå (A1|A2|B1|B2)–(A1|A2|B1|B2)/)
    assert.equal(await page.evaluate(() => document.activeElement?.tagName), 'H1', 'focus moves to the new page')
    await assertAccessible(page, 'catalogue (nb)')
    await screenshot(page, 'catalogue-1280-nb')
  })

  it('streams the answer to a learner sentence, then offers quick choices', async () => {
    await openFirstLlmBot(page)
    // The starters render with the bot's details, which may arrive after the input field.
    await page.locator('.voki-starters button').first().waitFor({ timeout: 5_000 })
    assert.ok((await page.locator('.voki-starters button').count()) >= 1, 'starters are shown in an empty chat')
    const sentence = nocolaSentence()
    await page.locator('#chat-input-input').fill(sentence)
    await page.locator('#chat-input-input').press('Enter')

    // The learner's message appears at once, and the answer grows in several steps.
    const userText = page.locator('.voki-message--user .voki-message__text').first()
    await userText.waitFor()
    assert.equal(await userText.innerText(), sentence)
    await page.getByRole('button', { name: 'Stopp' }).waitFor()
    const answer = page.locator('.voki-message--bot .voki-message__text').first()
    const lengths = new Set()
    const deadline = Date.now() + 30_000
    while (Date.now() < deadline) {
      const streaming = await page.locator('.voki-message--streaming').count()
      const text = await answer.innerText().catch(() => '')
      if (text && streaming) lengths.add(text.length)
      if (!streaming && lengths.size > 0) break
      await page.waitForTimeout(40)
    }
    assert.ok(lengths.size >= 3, `answer seen growing in steps, saw lengths ${[...lengths]}`)
    await waitForAnswerDone(page, 1)
    const finished = await answer.innerText()
    assert.ok(finished.length >= Math.max(...lengths), 'the finished answer is at least as long as the partial one')

    // The live region announces the finished answer once.
    const live = page.locator('[aria-live="polite"].pkt-sr-only')
    assert.match(await live.innerText(), /svarte:/)

    const quick = page.getByRole('group', { name: 'Hurtigvalg' })
    for (const label of ['Enklere', 'Mer', 'På mitt språk']) await quick.getByRole('button', { name: label }).waitFor()

    // Feedback is optional (the engine may find nothing); when it is there it must work.
    const finding = page.locator('.voki-finding').first()
    if (await finding.count()) {
      await finding.focus()
      await page.locator('.voki-finding-panel:not([hidden])').first().waitFor()
    }
    await assertAccessible(page, 'chat with messages (nb)')
    await screenshot(page, 'chat-1280-nb')
  })

  it('sends a quick choice and shows it as the learner turn', async () => {
    await page.getByRole('group', { name: 'Hurtigvalg' }).getByRole('button', { name: 'Enklere' }).click()
    await page.locator('.voki-message--user .voki-message__quick', { hasText: 'Enklere' }).waitFor()
    await waitForAnswerDone(page, 2)
    assert.equal(await page.getByRole('group', { name: 'Hurtigvalg' }).count(), 1, 'quick choices only under the newest answer')
  })

  it('stops a streaming answer with the Stop button', async () => {
    await page.locator('#chat-input-input').fill('Kan du fortelle meg mer om det?')
    await page.locator('#chat-input-input').press('Enter')
    const stop = page.getByRole('button', { name: 'Stopp' })
    await stop.waitFor()
    await page.locator('.voki-message--streaming .voki-message__text').filter({ hasText: /\S{2}/ }).waitFor()
    await stop.click()
    await page.getByText('Du stoppet svaret.').first().waitFor()
    await page.getByRole('button', { name: 'Send' }).waitFor()
    assert.equal(await page.locator('.voki-message--streaming').count(), 0)
    assert.equal(await page.locator('.voki-message--user').last().innerText().then((t) => t.includes('Kan du fortelle meg mer om det?')), true)
  })

  it('switches the interface to Arabic: right-to-left, mirrored, accessible', async () => {
    await page.getByRole('link', { name: 'Innstillinger' }).click()
    await page.waitForURL('**/settings')
    await assertAccessible(page, 'settings (nb)')
    await screenshot(page, 'settings-1280-nb')
    const brandLtr = await page.locator('.voki-brand').boundingBox()

    await page.getByLabel('Språk i Voki').selectOption('ar')
    await page.getByRole('button', { name: 'Lagre' }).click()
    await page.waitForFunction(() => document.documentElement.dir === 'rtl')
    assert.equal(await page.evaluate(() => document.documentElement.lang), 'ar')
    assert.equal(await page.evaluate(() => document.dir), 'rtl')
    await page.getByRole('heading', { level: 1, name: 'الإعدادات' }).waitFor()

    const width = page.viewportSize().width
    const brandRtl = await page.locator('.voki-brand').boundingBox()
    assert.ok(brandLtr.x < width / 2, 'brand starts on the left in Norwegian')
    assert.ok(brandRtl.x > width / 2, 'brand moves to the right in Arabic')
    await assertAccessible(page, 'settings (ar)')
    await screenshot(page, 'settings-1280-ar')

    await page.getByRole('link', { name: 'الروبوتات' }).click()
    await page.waitForURL('**/bots')
    await page.locator('.voki-card').first().waitFor()
    await assertAccessible(page, 'catalogue (ar)')
    await screenshot(page, 'catalogue-1280-ar')

    await page.locator('.voki-conversations a').first().click()
    await page.waitForURL('**/chat/**')
    await page.locator('.voki-message--user').first().waitFor()
    // The learner's own bubble sits at the inline end: the left side in Arabic.
    const bubble = await page.locator('.voki-message--user').first().boundingBox()
    assert.ok(bubble.x < width / 2, 'learner messages mirror to the left in Arabic')
    await assertAccessible(page, 'chat with messages (ar)')
    await screenshot(page, 'chat-1280-ar')

    await page.getByRole('button', { name: 'تسجيل الخروج' }).click()
    await page.getByRole('heading', { level: 1, name: 'انضم إلى صفك' }).waitFor()
    assert.equal(await page.evaluate(() => document.dir), 'rtl', 'the language choice outlives the session')
    await assertAccessible(page, 'join (ar)')
    await screenshot(page, 'join-1280-ar')
  })
})

describe('small screen 360×640', { skip }, () => {
  let servers
  let browser
  let page

  before(async () => {
    servers = await startVoki({ llm: 'fake', fakeArgs: ['--token-delay-ms', '5'] })
    browser = await launchBrowser({ viewport: { width: 360, height: 640 } })
    page = await browser.context.newPage()
  })
  after(async () => {
    await browser?.close()
    await servers?.stop()
  })

  async function assertNoHorizontalScroll(what) {
    const overflow = await page.evaluate(() => {
      const width = document.documentElement.clientWidth
      const wide = [...document.querySelectorAll('body *')]
        .filter((el) => {
          const r = el.getBoundingClientRect()
          return r.width > 0 && (r.right > width + 1 || r.left < -1) && getComputedStyle(el).position !== 'absolute'
        })
        .slice(0, 5)
        .map((el) => `${el.tagName.toLowerCase()}.${el.className}`)
      return { scroll: document.documentElement.scrollWidth - width, wide }
    })
    assert.ok(overflow.scroll <= 0, `${what}: page scrolls sideways by ${overflow.scroll}px (${overflow.wide.join(', ')})`)
    assert.deepEqual(overflow.wide, [], `${what}: elements stick out`)
  }

  it('fits every page without sideways scrolling', async () => {
    await page.goto(servers.baseUrl + '/')
    await assertNoHorizontalScroll('join')
    await screenshot(page, 'join-360-nb')
    await joinDemo(page, servers.baseUrl)
    await assertNoHorizontalScroll('catalogue')
    await screenshot(page, 'catalogue-360-nb')
    await openFirstLlmBot(page)
    await screenshot(page, 'chat-empty-360-nb')
    await page.locator('#chat-input-input').fill(nocolaSentence())
    await page.locator('#chat-input-input').press('Enter')
    await waitForAnswerDone(page, 1)
    await assertNoHorizontalScroll('chat')
    await screenshot(page, 'chat-360-nb')
    await page.getByRole('link', { name: 'Innstillinger' }).click()
    await page.waitForURL('**/settings')
    await assertNoHorizontalScroll('settings')
    await screenshot(page, 'settings-360-nb')
  })
})
