import { describe, expect, it } from 'vitest'
import {
  EMBED_PROTOCOL_VERSION,
  EMBED_SOURCE,
  eventMessage,
  isCommandOriginAllowed,
  normalizeOrigins,
  parseHostCommand,
  parseOrigin,
  readyMessage,
} from '../../../src/embed/protocol.ts'

function command(name: unknown, detail: unknown, extra: Record<string, unknown> = {}) {
  return {
    source: EMBED_SOURCE,
    version: EMBED_PROTOCOL_VERSION,
    type: 'command',
    name,
    detail,
    ...extra,
  }
}

describe('embed/protocol', () => {
  describe('parseHostCommand', () => {
    it('reads go-to-scene', () => {
      expect(parseHostCommand(command('go-to-scene', { sceneId: 'market' }))).toEqual({
        command: { name: 'go-to-scene', sceneId: 'market' },
      })
    })

    it('reads a view object', () => {
      const parsed = parseHostCommand(
        command('go-to-scene', { sceneId: 'market', view: { yaw: 30, pitch: -5, fov: 70 } }),
      )
      expect(parsed).toEqual({
        command: { name: 'go-to-scene', sceneId: 'market', view: { yaw: 30, pitch: -5, fov: 70 } },
      })
    })

    it('reads a view text as in the URL', () => {
      const parsed = parseHostCommand(command('go-to-scene', { sceneId: 'a', view: '30,-5,70' }))
      expect(parsed).toEqual({
        command: { name: 'go-to-scene', sceneId: 'a', view: { yaw: 30, pitch: -5, fov: 70 } },
      })
    })

    it('defaults a missing fov to 75', () => {
      const parsed = parseHostCommand(
        command('go-to-scene', { sceneId: 'a', view: { yaw: 1, pitch: 2 } }),
      )
      expect(parsed).toEqual({
        command: { name: 'go-to-scene', sceneId: 'a', view: { yaw: 1, pitch: 2, fov: 75 } },
      })
    })

    it.each([
      ['yaw out of range', { yaw: 200, pitch: 0, fov: 75 }],
      ['pitch out of range', { yaw: 0, pitch: 95, fov: 75 }],
      ['fov out of range', { yaw: 0, pitch: 0, fov: 5 }],
      ['yaw not a number', { yaw: '30', pitch: 0 }],
      ['NaN', { yaw: Number.NaN, pitch: 0 }],
      ['Infinity', { yaw: Number.POSITIVE_INFINITY, pitch: 0 }],
      ['bad text', 'abc'],
    ])('rejects a view with %s', (_case, view) => {
      expect(parseHostCommand(command('go-to-scene', { sceneId: 'a', view }))).toEqual({
        rejected: 'invalid-detail',
      })
    })

    it('reads set-language, lower-cased', () => {
      expect(parseHostCommand(command('set-language', { lang: ' EN ' }))).toEqual({
        command: { name: 'set-language', lang: 'en' },
      })
    })

    it.each([
      ['null', null],
      ['a string', 'go'],
      ['another source', { ...command('go-to-scene', { sceneId: 'a' }), source: 'other-app' }],
    ])('ignores %s as not ours', (_case, data) => {
      expect(parseHostCommand(data)).toEqual({ rejected: 'not-ours' })
    })

    it('rejects another version', () => {
      const data = { ...command('go-to-scene', { sceneId: 'a' }), version: 2 }
      expect(parseHostCommand(data)).toEqual({ rejected: 'unsupported-version' })
    })

    it('rejects an event echoed back', () => {
      expect(parseHostCommand(eventMessage('scene-enter', {}))).toEqual({
        rejected: 'not-a-command',
      })
    })

    it('rejects an unknown command', () => {
      expect(parseHostCommand(command('reload', {}))).toEqual({ rejected: 'unknown-command' })
    })

    it.each([
      ['no detail', undefined],
      ['empty scene id', { sceneId: ' ' }],
      ['numeric scene id', { sceneId: 3 }],
      ['long scene id', { sceneId: 'x'.repeat(201) }],
    ])('rejects go-to-scene with %s', (_case, detail) => {
      expect(parseHostCommand(command('go-to-scene', detail))).toEqual({
        rejected: 'invalid-detail',
      })
    })
  })

  describe('messages', () => {
    it('wraps an event in the envelope', () => {
      expect(eventMessage('scene-enter', { sceneId: 'a' })).toEqual({
        source: 'tay-bac-showcase',
        version: 1,
        type: 'event',
        name: 'scene-enter',
        detail: { sceneId: 'a' },
      })
    })

    it('announces a phase', () => {
      expect(readyMessage('poster')).toEqual({
        source: 'tay-bac-showcase',
        version: 1,
        type: 'ready',
        detail: { phase: 'poster' },
      })
    })
  })

  describe('origins', () => {
    it.each([
      ['https://portal.example.org', 'https://portal.example.org'],
      ['https://portal.example.org/', 'https://portal.example.org'],
      ['http://127.0.0.1:4372', 'http://127.0.0.1:4372'],
      ['HTTPS://Portal.Example.org', 'https://portal.example.org'],
    ])('accepts %s', (entry, origin) => {
      expect(parseOrigin(entry)).toBe(origin)
    })

    it.each([
      'https://portal.example.org/page',
      'https://portal.example.org?x=1',
      'ftp://portal.example.org',
      'portal.example.org',
      '*',
      '',
    ])('rejects %s', (entry) => {
      expect(parseOrigin(entry)).toBeNull()
    })

    it('normalizes and deduplicates a list', () => {
      expect(
        normalizeOrigins([
          'https://a.example/',
          'https://a.example',
          'nope',
          42,
          ' https://b.example ',
        ]),
      ).toEqual(['https://a.example', 'https://b.example'])
    })

    it('allows only listed origins', () => {
      const allowed = ['https://a.example']
      expect(isCommandOriginAllowed('https://a.example', allowed)).toBe(true)
      expect(isCommandOriginAllowed('https://b.example', allowed)).toBe(false)
      expect(isCommandOriginAllowed('null', ['null'])).toBe(false)
    })
  })
})
