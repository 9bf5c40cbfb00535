/**
 * Visitor counts of a booth, kept per local calendar day. The counts are plain data so the browser
 * can keep them in localStorage; this module never touches storage itself.
 */

/** Visits by local day, such as `{ "2026-12-05": 41 }`. */
export type VisitCounts = Record<string, number>

/** Days kept; older days are dropped when a visit is counted. */
export const VISIT_DAYS_KEPT = 31

const DAY_PATTERN = /^\d{4}-\d{2}-\d{2}$/

/** Returns the local calendar day of `date` as `YYYY-MM-DD`. */
export function localDay(date: Date): string {
  const month = String(date.getMonth() + 1).padStart(2, '0')
  const day = String(date.getDate()).padStart(2, '0')
  return `${date.getFullYear()}-${month}-${day}`
}

/**
 * Reads stored counts, dropping anything that is not a day with a non-negative whole count, so a
 * corrupt or hand-edited entry cannot break the booth.
 */
export function parseVisitCounts(stored: unknown): VisitCounts {
  if (typeof stored !== 'object' || stored === null || Array.isArray(stored)) return {}
  const counts: VisitCounts = {}
  for (const [day, count] of Object.entries(stored)) {
    if (DAY_PATTERN.test(day) && Number.isSafeInteger(count) && (count as number) >= 0) {
      counts[day] = count as number
    }
  }
  return counts
}

/** Returns the counts with one more visit on `today`, keeping the latest `VISIT_DAYS_KEPT` days. */
export function addVisit(counts: VisitCounts, today: string): VisitCounts {
  const next: VisitCounts = { ...counts, [today]: (counts[today] ?? 0) + 1 }
  const days = Object.keys(next).sort()
  for (const day of days.slice(0, Math.max(0, days.length - VISIT_DAYS_KEPT))) delete next[day]
  return next
}
