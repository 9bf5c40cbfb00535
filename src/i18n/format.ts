import { INTL_LOCALES, translate, type UiLanguage } from './translate.ts'

/** Formats a price for the interface language, such as "4.990.000 ₫" in Vietnamese. */
export function formatPrice(amount: number, currency: string, lang: UiLanguage): string {
  try {
    return new Intl.NumberFormat(INTL_LOCALES[lang], { style: 'currency', currency }).format(amount)
  } catch {
    // An unknown currency code makes Intl throw; show the amount with the code instead.
    return `${new Intl.NumberFormat(INTL_LOCALES[lang]).format(amount)} ${currency}`
  }
}

/** Formats a trip length, such as "3 ngày 2 đêm" or "3 days, 2 nights". */
export function formatDuration(days: number, nights: number, lang: UiLanguage): string {
  const plural = new Intl.PluralRules(INTL_LOCALES[lang])
  const dayText = translate(
    lang,
    plural.select(days) === 'one' ? 'duration.days.one' : 'duration.days.other',
    { count: days },
  )
  if (nights <= 0) return dayText
  const nightText = translate(
    lang,
    plural.select(nights) === 'one' ? 'duration.nights.one' : 'duration.nights.other',
    { count: nights },
  )
  return translate(lang, 'duration.join', { days: dayText, nights: nightText })
}
