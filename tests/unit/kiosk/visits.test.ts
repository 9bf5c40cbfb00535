import { describe, expect, it } from 'vitest'
import { addVisit, localDay, parseVisitCounts, VISIT_DAYS_KEPT } from '../../../src/core/visits.ts'

describe('visit counts', () => {
  it('local day pads month and day', () => {
    expect(localDay(new Date(2026, 0, 5, 23, 59))).toBe('2026-01-05')
  })

  it('adds visits per day', () => {
    let counts = addVisit({}, '2026-12-05')
    counts = addVisit(counts, '2026-12-05')
    counts = addVisit(counts, '2026-12-06')
    expect(counts).toEqual({ '2026-12-05': 2, '2026-12-06': 1 })
  })

  it('keeps only the latest days', () => {
    let counts = {}
    for (let day = 1; day <= VISIT_DAYS_KEPT + 5; day++) {
      counts = addVisit(counts, `2026-01-${String(day).padStart(2, '0')}`)
    }
    const days = Object.keys(counts).sort()
    expect(days).toHaveLength(VISIT_DAYS_KEPT)
    expect(days[0]).toBe('2026-01-06')
  })

  it('drops invalid stored entries', () => {
    expect(
      parseVisitCounts({ '2026-12-05': 3, yesterday: 2, '2026-12-04': -1, '2026-12-03': 1.5 }),
    ).toEqual({ '2026-12-05': 3 })
    expect(parseVisitCounts(null)).toEqual({})
    expect(parseVisitCounts([1, 2])).toEqual({})
    expect(parseVisitCounts('text')).toEqual({})
  })
})
