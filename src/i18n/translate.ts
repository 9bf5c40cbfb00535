import type { LocalizedString } from '../tour/schema.ts'
import { en } from './catalogs/en.ts'
import { type MessageKey, vi } from './catalogs/vi.ts'

export type { MessageKey }

/** Interface languages, in order of preference: Vietnamese first, English beside it. */
export const UI_LANGUAGES = ['vi', 'en'] as const
export type UiLanguage = (typeof UI_LANGUAGES)[number]
export const DEFAULT_LANGUAGE: UiLanguage = 'vi'

const CATALOGS: Record<UiLanguage, Record<MessageKey, string>> = { vi, en }

/** BCP 47 tags used for number and date formatting. */
export const INTL_LOCALES: Record<UiLanguage, string> = { vi: 'vi-VN', en: 'en-GB' }

export type MessageParams = Record<string, string | number>

export function isUiLanguage(value: string): value is UiLanguage {
  return (UI_LANGUAGES as readonly string[]).includes(value)
}

/**
 * Returns the interface text for `key` in `lang` with `{name}` placeholders filled from `params`.
 * A placeholder without a value is left as it is, so a missing parameter shows in the text.
 */
export function translate(lang: UiLanguage, key: MessageKey, params?: MessageParams): string {
  const template = CATALOGS[lang][key]
  if (!params) return template
  return template.replace(/\{(\w+)\}/g, (match, name: string) => {
    const value = params[name]
    return value === undefined ? match : String(value)
  })
}

/**
 * Returns the text of a localized string from a tour file in `lang`, falling back to the tour's
 * default locale and then to any text present.
 */
export function localize(
  text: LocalizedString | undefined,
  lang: string,
  fallbackLocale: string,
): string {
  if (text === undefined) return ''
  if (typeof text === 'string') return text
  return text[lang] ?? text[fallbackLocale] ?? Object.values(text)[0] ?? ''
}

/**
 * Returns the locale of the text `localize` picks, or null for a plain string, whose language the
 * tour does not state.
 */
export function localizedLanguage(
  text: LocalizedString | undefined,
  lang: string,
  fallbackLocale: string,
): string | null {
  if (text === undefined || typeof text === 'string') return null
  if (text[lang] !== undefined) return lang
  if (text[fallbackLocale] !== undefined) return fallbackLocale
  return Object.keys(text)[0] ?? null
}
