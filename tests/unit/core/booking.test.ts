import { describe, expect, it } from 'vitest'
import { BOOKING_MEDIUM, bookingUrl } from '../../../src/core/booking.ts'

const OFFER_URL = 'https://tours.example.com/dien-bien-3n2d?ref=showcase#dates'

function params(url: string): URLSearchParams {
  return new URL(url).searchParams
}

describe('core/booking', () => {
  describe('bookingUrl', () => {
    it('adds campaign params', () => {
      const url = bookingUrl(OFFER_URL, { channel: 'web', tourId: 'tay-bac' })
      expect(params(url).get('utm_source')).toBe('web')
      expect(params(url).get('utm_medium')).toBe(BOOKING_MEDIUM)
      expect(params(url).get('utm_campaign')).toBe('tay-bac')
    })

    it('keeps existing query and hash', () => {
      const url = new URL(bookingUrl(OFFER_URL, { channel: 'web', tourId: 'tay-bac' }))
      expect(url.searchParams.get('ref')).toBe('showcase')
      expect(url.hash).toBe('#dates')
      expect(url.pathname).toBe('/dien-bien-3n2d')
    })

    it.each(['web', 'embed', 'kiosk'] as const)('uses channel %s as source', (channel) => {
      const url = bookingUrl(OFFER_URL, { channel, tourId: 'tay-bac' })
      expect(params(url).get('utm_source')).toBe(channel)
    })

    it('page utm wins', () => {
      const url = bookingUrl(OFFER_URL, {
        channel: 'embed',
        tourId: 'tay-bac',
        pageUtm: { utm_source: 'facebook', utm_campaign: 'tet-2026' },
      })
      expect(params(url).get('utm_source')).toBe('facebook')
      expect(params(url).get('utm_medium')).toBe(BOOKING_MEDIUM)
      expect(params(url).get('utm_campaign')).toBe('tet-2026')
    })

    it('writes each param once', () => {
      const url = bookingUrl('https://tours.example.com/book?utm_source=old', {
        channel: 'kiosk',
        tourId: 'tay-bac',
      })
      expect(params(url).getAll('utm_source')).toEqual(['kiosk'])
    })

    it('returns invalid URL unchanged', () => {
      expect(bookingUrl('not a url', { channel: 'web', tourId: 'tay-bac' })).toBe('not a url')
    })
  })
})
