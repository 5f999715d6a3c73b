import { describe, expect, it } from 'vitest'
import { MESSAGES, UI_LANGUAGES, directionOf, ownName, placeholders, translate } from './index'

const reference = MESSAGES.nb
const referenceKeys = Object.keys(reference).sort()

describe('i18n completeness', () => {
  it('has exactly the ten start languages', () => {
    expect(UI_LANGUAGES.sort()).toEqual(['ar', 'en', 'nb', 'nn', 'pl', 'prs', 'so', 'ti', 'tr', 'uk'])
  })

  for (const language of UI_LANGUAGES) {
    describe(language, () => {
      const messages = MESSAGES[language]
      it('has every key and no extra keys', () => {
        expect(Object.keys(messages).sort()).toEqual(referenceKeys)
      })
      it('has no empty strings', () => {
        for (const key of referenceKeys) {
          expect(messages[key]?.trim(), `${language}:${key}`).toBeTruthy()
        }
      })
      it('uses the same placeholders as Bokmål', () => {
        for (const key of referenceKeys) {
          expect(placeholders(messages[key] ?? ''), `${language}:${key}`).toEqual(placeholders(reference[key]))
        }
      })
    })
  }

  it('translates the quick choices differently from Bokmål where the language differs', () => {
    // Guards against a file that is a copy of nb.json with nothing translated.
    for (const language of UI_LANGUAGES.filter((l) => l !== 'nb' && l !== 'nn')) {
      expect(MESSAGES[language]['chat.quick.simpler']).not.toBe(reference['chat.quick.simpler'])
    }
  })
})

describe('translate', () => {
  it('fills placeholders', () => {
    expect(translate('en', 'bots.level', { min: 'A1', max: 'B1' })).toBe('Level A1–B1')
  })
  it('leaves unknown placeholders visible rather than crashing', () => {
    expect(translate('en', 'bots.level', { min: 'A1' })).toBe('Level A1–{max}')
  })
  it('falls back to Bokmål for an unknown language', () => {
    expect(translate('xx', 'chat.quick.simpler')).toBe('Enklere')
  })
  it('marks Arabic and Dari as right-to-left', () => {
    expect(directionOf('ar')).toBe('rtl')
    expect(directionOf('prs')).toBe('rtl')
    expect(directionOf('nb')).toBe('ltr')
  })
  it('names languages in their own script', () => {
    expect(ownName('ar')).toBe('العربية')
    expect(ownName('uk')).toBe('Українська')
  })
})
