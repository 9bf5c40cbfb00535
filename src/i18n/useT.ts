import { useCallback } from 'react'
import { useAppStore } from '../state/store.ts'
import type { LocalizedString } from '../tour/schema.ts'
import {
  localize,
  localizedLanguage,
  type MessageKey,
  type MessageParams,
  translate,
} from './translate.ts'

/** Returns the interface text lookup for the visitor's current language. */
export function useT(): (key: MessageKey, params?: MessageParams) => string {
  const lang = useAppStore((state) => state.lang)
  return useCallback((key, params) => translate(lang, key, params), [lang])
}

/** Returns a lookup for tour texts in the visitor's language, falling back to the tour's default. */
export function useLocalize(): (text: LocalizedString | undefined) => string {
  const lang = useAppStore((state) => state.lang)
  const fallback = useAppStore((state) => state.tour?.locales[0] ?? lang)
  return useCallback((text) => localize(text, lang, fallback), [lang, fallback])
}

/**
 * Returns a lookup for the `lang` attribute of an element showing a tour text: the text's locale
 * when it fell back to another language than the interface's, so screen readers switch voice, and
 * undefined otherwise.
 */
export function useTextLang(): (text: LocalizedString | undefined) => string | undefined {
  const lang = useAppStore((state) => state.lang)
  const fallback = useAppStore((state) => state.tour?.locales[0] ?? lang)
  return useCallback(
    (text) => {
      const textLang = localizedLanguage(text, lang, fallback)
      return textLang !== null && textLang !== lang ? textLang : undefined
    },
    [lang, fallback],
  )
}
