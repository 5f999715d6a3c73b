// UI strings for the ten start languages. Each language is a flat JSON file of key → text,
// with {name} placeholders. Missing keys fall back to Bokmål (and the i18n test fails).
import { createContext, useContext } from 'react'
import nb from './nb.json'
import nn from './nn.json'
import en from './en.json'
import ar from './ar.json'
import uk from './uk.json'
import so from './so.json'
import ti from './ti.json'
import prs from './prs.json'
import pl from './pl.json'
import tr from './tr.json'

export type MessageKey = keyof typeof nb
export type Messages = Record<string, string>

export const MESSAGES: Record<string, Messages> = { nb, nn, en, ar, uk, so, ti, prs, pl, tr }
export const UI_LANGUAGES = Object.keys(MESSAGES)
export const RTL_LANGUAGES = new Set(['ar', 'prs'])
export const DEFAULT_LANGUAGE = 'nb'

export function isUiLanguage(code: string | null | undefined): code is string {
  return !!code && Object.hasOwn(MESSAGES, code)
}

export function directionOf(code: string): 'ltr' | 'rtl' {
  return RTL_LANGUAGES.has(code) ? 'rtl' : 'ltr'
}

/** A language's name written in its own script, e.g. "العربية" for ar. */
export function ownName(code: string): string {
  return MESSAGES[code]?.['lang.own_name'] ?? code
}

export function translate(language: string, key: MessageKey, vars?: Record<string, string | number>): string {
  const template = MESSAGES[language]?.[key] ?? MESSAGES[DEFAULT_LANGUAGE][key] ?? key
  if (!vars) return template
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    Object.hasOwn(vars, name) ? String(vars[name]) : whole,
  )
}

/** Placeholders a template uses; every translation must use the same set. */
export function placeholders(template: string): string[] {
  return [...template.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort()
}

/** Applies the language to <html>: lang for screen readers and hyphenation, dir for mirroring. */
export function applyDocumentLanguage(language: string): void {
  document.documentElement.lang = language
  document.documentElement.dir = directionOf(language)
}

export const LANGUAGE_STORAGE_KEY = 'voki.ui_language'

export function initialLanguage(): string {
  try {
    const stored = localStorage.getItem(LANGUAGE_STORAGE_KEY)
    if (isUiLanguage(stored)) return stored
  } catch {
    // Storage may be blocked; fall back to the browser's languages.
  }
  for (const tag of navigator.languages ?? []) {
    const base = tag.toLowerCase().split('-')[0]
    if (base === 'no' || base === 'nb') return 'nb'
    if (base === 'fa') return 'prs'
    if (isUiLanguage(base)) return base
  }
  return DEFAULT_LANGUAGE
}

export interface I18n {
  language: string
  setLanguage: (code: string) => void
  t: (key: MessageKey, vars?: Record<string, string | number>) => string
}

export const I18nContext = createContext<I18n>({
  language: DEFAULT_LANGUAGE,
  setLanguage: () => {},
  t: (key, vars) => translate(DEFAULT_LANGUAGE, key, vars),
})

export function useI18n(): I18n {
  return useContext(I18nContext)
}
