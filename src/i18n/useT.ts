import { useCallback } from 'react'
import { useAppStore } from '../state/store'
import type { LocalizedString } from '../tour/schema'
import { localize, type MessageKey, type MessageParams, translate } from './translate'

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
