import { addVisit, localDay, parseVisitCounts } from '../core/visits.ts'
import { isUiLanguage, type UiLanguage } from '../i18n/translate.ts'

/** localStorage keys of a booth's settings and counts; they survive reloads and updates. */
const KEYS = {
  language: 'showcase.kiosk.language',
  tour: 'showcase.kiosk.tour',
  visits: 'showcase.kiosk.visits',
} as const

function read(key: string): string | null {
  try {
    return localStorage.getItem(key)
  } catch {
    return null
  }
}

function write(key: string, value: string): void {
  try {
    localStorage.setItem(key, value)
  } catch (error) {
    // Storage can be full or disabled; the booth keeps working with the setting in memory only.
    console.warn('[kiosk] could not store', key, error)
  }
}

/** Returns the default language staff chose for the booth, or null for the app's default. */
export function storedLanguage(): UiLanguage | null {
  const value = read(KEYS.language)
  return value !== null && isUiLanguage(value) ? value : null
}

export function storeLanguage(lang: UiLanguage): void {
  write(KEYS.language, lang)
}

/** Returns the tour path staff chose for the booth, used when the URL names none. */
export function storedTour(): string | null {
  const value = read(KEYS.tour)
  return value !== null && value.trim() !== '' ? value : null
}

export function storeTour(path: string): void {
  write(KEYS.tour, path)
}

function readVisits() {
  try {
    return parseVisitCounts(JSON.parse(read(KEYS.visits) ?? '{}'))
  } catch {
    return {}
  }
}

/** Counts one visitor session today and returns today's count. */
export function countVisit(now = new Date()): number {
  const today = localDay(now)
  const counts = addVisit(readVisits(), today)
  write(KEYS.visits, JSON.stringify(counts))
  return counts[today] ?? 0
}

export function visitsToday(now = new Date()): number {
  return readVisits()[localDay(now)] ?? 0
}
