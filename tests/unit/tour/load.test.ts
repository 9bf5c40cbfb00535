import { describe, expect, it } from 'vitest'
import { jsonErrorPosition, loadTour } from '../../../src/tour/load.ts'

/** Returns the message that this Node's JSON.parse gives for `text`. */
function parseMessage(text: string): string {
  try {
    JSON.parse(text)
  } catch (error) {
    return (error as Error).message
  }
  throw new Error(`expected invalid JSON: ${text}`)
}

function respondWith(body: string, status = 200): typeof fetch {
  return async () => new Response(body, { status })
}

describe('tour/load', () => {
  describe('jsonErrorPosition', () => {
    it('reads a V8 offset', () => {
      const text = '{ "version": 1, "id": "half'
      expect(jsonErrorPosition(text, parseMessage(text))).toEqual({ line: 1, column: 28 })
    })

    it('counts lines before the offset', () => {
      const text = '{\n  "a": 1,\n}'
      expect(jsonErrorPosition(text, parseMessage(text))).toEqual({ line: 3, column: 1 })
    })

    it('reads a line and column message', () => {
      const message = 'JSON.parse: unterminated string at line 4 column 9 of the JSON data'
      expect(jsonErrorPosition('', message)).toEqual({ line: 4, column: 9 })
    })

    it('puts an early end at the end', () => {
      const text = '{\n"a": ['
      expect(jsonErrorPosition(text, parseMessage(text))).toEqual({ line: 2, column: 7 })
    })

    it('returns nothing without a position', () => {
      expect(jsonErrorPosition('x', 'Something went wrong')).toEqual({})
    })
  })

  describe('loadTour', () => {
    const url = 'https://site.invalid/scenes/t/tour.json'

    it('reports invalid JSON with its place', async () => {
      const result = await loadTour(url, { fetch: respondWith('{\n  "version": 1,\n  oops\n}') })
      expect(result.ok).toBe(false)
      if (result.ok) return
      expect(result.error).toMatchObject({ kind: 'json', line: 3, column: 3 })
    })

    it('reports the HTTP status', async () => {
      const result = await loadTour(url, { fetch: respondWith('', 404) })
      expect(result).toEqual({ ok: false, error: { kind: 'http', url, status: 404 } })
    })

    it('resolves asset paths against the file', async () => {
      const tour = {
        version: 1,
        id: 't',
        title: 'T',
        locales: ['vi'],
        start: 'a',
        scenes: [
          {
            id: 'a',
            kind: 'panorama',
            title: 'A',
            panorama: { type: 'equirect', src: '../../panoramas/a.jpg' },
          },
        ],
      }
      const result = await loadTour(url, { fetch: respondWith(JSON.stringify(tour)) })
      expect(result.ok).toBe(true)
      if (!result.ok) return
      const scene = result.tour.scenes[0]
      expect(scene?.kind, 'first scene kind').toBe('panorama')
      if (scene?.kind !== 'panorama' || scene.panorama.type !== 'equirect') return
      expect(scene.panorama.src, 'resolved panorama URL').toBe(
        'https://site.invalid/panoramas/a.jpg',
      )
    })

    it('resolves every cube face', async () => {
      const faces = { f: 'f.jpg', r: 'r.jpg', b: 'b.jpg', l: 'l.jpg', u: 'u.jpg', d: 'd.jpg' }
      const tour = {
        version: 1,
        id: 't',
        title: 'T',
        locales: ['vi'],
        start: 'a',
        scenes: [
          {
            id: 'a',
            kind: 'panorama',
            title: 'A',
            panorama: { type: 'cube', faces },
          },
        ],
      }
      const result = await loadTour(url, { fetch: respondWith(JSON.stringify(tour)) })
      expect(result.ok, 'a cube tour loads').toBe(true)
      if (!result.ok) return
      const scene = result.tour.scenes[0]
      if (scene?.kind !== 'panorama' || scene.panorama.type !== 'cube') {
        throw new Error('the scene is not a cube panorama')
      }
      for (const face of Object.keys(faces) as (keyof typeof faces)[]) {
        expect(scene.panorama.faces[face], `face ${face}`).toBe(new URL(faces[face], url).href)
      }
    })
  })
})
