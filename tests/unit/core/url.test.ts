import { describe, expect, it } from 'vitest'
import { parseLaunchParams, resolveTourUrl, updateLaunchSearch } from '../../../src/core/url.ts'

const LANGUAGES = ['vi', 'en'] as const

function parse(search: string) {
  return parseLaunchParams(search, LANGUAGES)
}

describe('core/url', () => {
  describe('parseLaunchParams', () => {
    it('reads a full link', () => {
      const { params, notices } = parse(
        '?tour=scenes/tay-bac/tour.json&scene=market&view=30,-5,75&lang=en&mode=kiosk',
      )
      expect(params).toEqual({
        tour: 'scenes/tay-bac/tour.json',
        scene: 'market',
        view: { yaw: 30, pitch: -5, fov: 75 },
        lang: 'en',
        mode: 'kiosk',
        utm: {},
      })
      expect(notices).toEqual([])
    })

    it('defaults with empty search', () => {
      expect(parse('')).toEqual({ params: { mode: 'web', utm: {} }, notices: [] })
    })

    it('ignores unknown params silently', () => {
      const { params, notices } = parse('?scene=market&fbclid=IwAR0abc&gclid=xyz&ref=home')
      expect(notices).toEqual([])
      expect(params).toEqual({ scene: 'market', mode: 'web', utm: {} })
    })

    it('reports bad view', () => {
      const { params, notices } = parse('?scene=market&view=abc&fbclid=IwAR0abc')
      expect(notices).toEqual([{ param: 'view', value: 'abc', reason: 'invalid' }])
      expect(params.view).toBeUndefined()
      expect(params.scene).toBe('market')
    })

    it('reports out-of-range view', () => {
      const { notices } = parse('?view=0,0,200')
      expect(notices).toEqual([{ param: 'view', value: '0,0,200', reason: 'invalid' }])
    })

    it('reports unsupported lang', () => {
      const { params, notices } = parse('?lang=fr')
      expect(notices).toEqual([{ param: 'lang', value: 'fr', reason: 'unsupported' }])
      expect(params.lang).toBeUndefined()
    })

    it('normalises lang case', () => {
      expect(parse('?lang=EN').params.lang).toBe('en')
    })

    it.each(['web', 'kiosk', 'embed', 'edit'] as const)('reads mode %s', (mode) => {
      expect(parse(`?mode=${mode}`).params.mode).toBe(mode)
    })

    it('reports unknown mode', () => {
      const { params, notices } = parse('?mode=vr')
      expect(notices).toEqual([{ param: 'mode', value: 'vr', reason: 'invalid' }])
      expect(params.mode).toBe('web')
    })

    it('reads utm params', () => {
      const { params } = parse(
        '?utm_source=facebook&utm_medium=social&utm_campaign=tet-2026&utm_content=banner',
      )
      expect(params.utm).toEqual({
        utm_source: 'facebook',
        utm_medium: 'social',
        utm_campaign: 'tet-2026',
      })
    })

    it('skips empty utm values', () => {
      expect(parse('?utm_source=&utm_medium=%20').params.utm).toEqual({})
    })

    it('reports empty scene', () => {
      const { params, notices } = parse('?scene=')
      expect(notices).toEqual([{ param: 'scene', value: '', reason: 'invalid' }])
      expect(params.scene).toBeUndefined()
    })

    it('reports overlong scene', () => {
      const scene = 'a'.repeat(201)
      expect(parse(`?scene=${scene}`).notices).toEqual([
        { param: 'scene', value: scene, reason: 'invalid' },
      ])
    })

    it('ignores blank tour', () => {
      const { params, notices } = parse('?tour=%20')
      expect(params.tour).toBeUndefined()
      expect(notices).toEqual([])
    })

    it('reports several bad params', () => {
      const { notices } = parse('?view=1,2&lang=de&mode=x')
      expect(notices.map((notice) => notice.param)).toEqual(['view', 'lang', 'mode'])
    })
  })

  describe('resolveTourUrl', () => {
    const page = 'https://app.example.com/showcase/?scene=market'

    it('accepts same-origin path', () => {
      expect(resolveTourUrl('scenes/tay-bac/tour.json', page)).toEqual({
        url: 'https://app.example.com/showcase/scenes/tay-bac/tour.json',
      })
    })

    it('accepts root-relative path', () => {
      expect(resolveTourUrl('/tours/a.json', page)).toEqual({
        url: 'https://app.example.com/tours/a.json',
      })
    })

    it('rejects other origin', () => {
      expect(resolveTourUrl('https://evil.example.net/tour.json', page)).toEqual({
        notice: {
          param: 'tour',
          value: 'https://evil.example.net/tour.json',
          reason: 'other-origin',
        },
      })
    })

    it('rejects protocol-relative other host', () => {
      const result = resolveTourUrl('//evil.example.net/tour.json', page)
      expect(result).toEqual({
        notice: { param: 'tour', value: '//evil.example.net/tour.json', reason: 'other-origin' },
      })
    })

    it('rejects same host on http', () => {
      const result = resolveTourUrl('http://app.example.com/tour.json', page)
      expect(result).toEqual({
        notice: {
          param: 'tour',
          value: 'http://app.example.com/tour.json',
          reason: 'other-origin',
        },
      })
    })

    it('accepts allow-listed origin', () => {
      const result = resolveTourUrl('https://tours.example.org/tay-bac/tour.json', page, [
        'https://tours.example.org',
      ])
      expect(result).toEqual({ url: 'https://tours.example.org/tay-bac/tour.json' })
    })

    it.each(['javascript:alert(1)', 'data:application/json,{}', 'file:///etc/passwd'])(
      'rejects %s',
      (raw) => {
        expect(resolveTourUrl(raw, page)).toEqual({
          notice: { param: 'tour', value: raw, reason: 'invalid' },
        })
      },
    )

    it('rejects javascript even if allow-listed', () => {
      const result = resolveTourUrl('javascript:alert(1)', page, ['null'])
      expect(result).toEqual({
        notice: { param: 'tour', value: 'javascript:alert(1)', reason: 'invalid' },
      })
    })

    it('rejects unparsable URL', () => {
      expect(resolveTourUrl('https://[broken/tour.json', page)).toEqual({
        notice: { param: 'tour', value: 'https://[broken/tour.json', reason: 'invalid' },
      })
    })
  })

  describe('updateLaunchSearch', () => {
    it('keeps unknown params', () => {
      const search = updateLaunchSearch('?tour=a.json&fbclid=IwAR0abc&utm_source=fb', {
        scene: 'market',
        lang: 'en',
      })
      const query = new URLSearchParams(search)
      expect(query.get('tour')).toBe('a.json')
      expect(query.get('fbclid')).toBe('IwAR0abc')
      expect(query.get('utm_source')).toBe('fb')
      expect(query.get('scene')).toBe('market')
      expect(query.get('lang')).toBe('en')
    })

    it('drops view when not given', () => {
      const search = updateLaunchSearch('?scene=a&view=30,-5,75', { scene: 'b' })
      expect(search).toBe('?scene=b')
    })

    it('writes given view', () => {
      const search = updateLaunchSearch('?scene=a', {
        scene: 'a',
        view: { yaw: 30.04, pitch: -5, fov: 75 },
      })
      expect(new URLSearchParams(search).get('view')).toBe('30,-5,75')
    })

    it('replaces scene in place', () => {
      expect(updateLaunchSearch('?scene=a&lang=vi', { scene: 'b' })).toBe('?scene=b&lang=vi')
    })

    it('returns empty string without params', () => {
      expect(updateLaunchSearch('?view=1,2,75', {})).toBe('')
    })
  })
})
