import { describe, expect, it } from 'vitest'
import {
  cleanUtm,
  EMBED_ALLOW,
  embedSnippet,
  embedUrl,
  shareLink,
} from '../../../src/core/share.ts'

const PAGE =
  'https://tour.example.org/app/?tour=scenes/other/tour.json&scene=a&mode=embed&utm_source=x&fbclid=IwAR'

describe('core/share', () => {
  describe('shareLink', () => {
    it('keeps tour, sets place, drops the rest', () => {
      const link = new URL(
        shareLink(PAGE, { scene: 'market', view: { yaw: 30, pitch: -5, fov: 70 }, lang: 'en' }),
      )
      expect(link.origin + link.pathname).toBe('https://tour.example.org/app/')
      expect([...link.searchParams.keys()]).toEqual(['tour', 'scene', 'view', 'lang'])
      expect(link.searchParams.get('tour')).toBe('scenes/other/tour.json')
      expect(link.searchParams.get('view')).toBe('30,-5,70')
    })

    it('writes the view with plain commas', () => {
      const link = shareLink(PAGE, { scene: 'a', view: { yaw: 1, pitch: 2, fov: 75 }, lang: 'vi' })
      expect(link).toContain('view=1,2,75')
    })

    it('leaves out view for a model scene', () => {
      const link = new URL(shareLink('https://t.example/', { scene: 'house', lang: 'vi' }))
      expect(link.searchParams.has('view')).toBe(false)
      expect(link.searchParams.has('tour')).toBe(false)
    })
  })

  describe('embedUrl', () => {
    it('sets embed mode, place and campaign', () => {
      const url = new URL(
        embedUrl({
          appUrl: PAGE,
          tour: 'scenes/other/tour.json',
          place: { scene: 'market', lang: 'vi' },
          utm: { utm_source: ' portal ', utm_campaign: 'spring' },
          title: 'Tour',
        }),
      )
      expect(url.searchParams.get('mode')).toBe('embed')
      expect(url.searchParams.get('scene')).toBe('market')
      expect(url.searchParams.get('utm_source')).toBe('portal')
      expect(url.searchParams.get('utm_campaign')).toBe('spring')
      expect(url.searchParams.has('utm_medium')).toBe(false)
      expect(url.searchParams.has('fbclid')).toBe(false)
    })
  })

  describe('cleanUtm', () => {
    it('trims, cuts and drops empty values', () => {
      expect(
        cleanUtm({ utm_source: '  ', utm_medium: 'x'.repeat(150), utm_campaign: ' a ' }),
      ).toEqual({
        utm_medium: 'x'.repeat(100),
        utm_campaign: 'a',
      })
    })
  })

  describe('embedSnippet', () => {
    const snippet = embedSnippet({
      appUrl: 'https://tour.example.org/',
      place: { scene: 'a', lang: 'vi' },
      utm: { utm_source: 'a"b<c>' },
      title: 'Tây Bắc "360"',
    })

    it('grants XR, fullscreen and sensors', () => {
      expect(snippet).toContain(`allow="${EMBED_ALLOW}"`)
      expect(EMBED_ALLOW).toBe('xr-spatial-tracking; fullscreen; gyroscope; accelerometer')
    })

    it('loads lazily with a title', () => {
      expect(snippet).toContain('loading="lazy"')
      expect(snippet).toContain('title="Tây Bắc &quot;360&quot;"')
    })

    it('escapes the address for the attribute', () => {
      expect(snippet).toContain('&amp;utm_source=a%22b%3Cc%3E')
      expect(snippet).not.toMatch(/src="[^"]*<[^"]*"/)
    })
  })
})
