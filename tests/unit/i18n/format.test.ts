import { describe, expect, it } from 'vitest'
import { formatDuration, formatPrice } from '../../../src/i18n/format.ts'

/** Intl puts a no-break space (U+00A0) between a Vietnamese amount and its currency sign. */
const NBSP = '\u00a0'

describe('i18n/format', () => {
  describe('formatPrice', () => {
    it('formats dong in Vietnamese', () => {
      expect(formatPrice(4990000, 'VND', 'vi')).toBe(`4.990.000${NBSP}₫`)
    })

    it('formats dong in English', () => {
      expect(formatPrice(4990000, 'VND', 'en')).toBe('₫4,990,000')
    })

    it('formats dollars in English', () => {
      expect(formatPrice(120, 'USD', 'en')).toBe('US$120.00')
    })

    it('formats unlisted but well-formed code', () => {
      expect(formatPrice(4990000, 'XYZ', 'en')).toBe(`XYZ${NBSP}4,990,000.00`)
    })

    it('falls back for malformed code', () => {
      expect(formatPrice(4990000, 'DONG', 'vi')).toBe('4.990.000 DONG')
    })

    it('falls back in English', () => {
      expect(formatPrice(4990000, 'DONG', 'en')).toBe('4,990,000 DONG')
    })
  })

  describe('formatDuration', () => {
    it.each([
      [3, 2, 'vi', '3 ngày 2 đêm'],
      [1, 0, 'vi', '1 ngày'],
      [2, 1, 'vi', '2 ngày 1 đêm'],
      [3, 2, 'en', '3 days, 2 nights'],
      [2, 1, 'en', '2 days, 1 night'],
      [1, 0, 'en', '1 day'],
      [1, 1, 'en', '1 day, 1 night'],
    ] as const)('%d days %d nights in %s', (days, nights, lang, expected) => {
      expect(formatDuration(days, nights, lang)).toBe(expected)
    })
  })
})
