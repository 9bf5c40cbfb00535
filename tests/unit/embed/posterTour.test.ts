import { describe, expect, it } from 'vitest'
import {
  fallbackPanorama,
  isBundledTour,
  posterScene,
  readPosterTour,
} from '../../../src/embed/posterTour.ts'

const RAW = {
  version: 1,
  id: 'tay-bac',
  title: { vi: 'Tây Bắc', en: 'Northwest', bad: 3 },
  locales: ['vi', 'en'],
  start: 'village',
  embed: { allowedOrigins: ['https://portal.example.org/', 'not an origin'] },
  scenes: [
    { id: 'house', kind: 'model', title: 'Nhà sàn', model: { src: 'h.glb' } },
    {
      id: 'village',
      kind: 'panorama',
      title: { vi: 'Bản' },
      panorama: { type: 'equirect', src: '../../panoramas/v.jpg' },
      view: { yaw: 30, pitch: 0 },
    },
    { id: 'broken', kind: 'video' },
    'not a scene',
  ],
}

describe('embed/posterTour', () => {
  const tour = readPosterTour(RAW)
  if (!tour) throw new Error('the raw tour was not read')

  it('reads what the poster shows', () => {
    expect(tour.title).toEqual({ vi: 'Tây Bắc', en: 'Northwest' })
    expect(tour.scenes.map((scene) => scene.id)).toEqual(['house', 'village'])
    expect(tour.allowedOrigins).toEqual(['https://portal.example.org'])
    expect(tour.defaultLocale).toBe('vi')
  })

  it('picks the linked scene, else the start', () => {
    expect(posterScene(tour, 'house')?.id).toBe('house')
    expect(posterScene(tour, 'missing')?.id).toBe('village')
    expect(posterScene(tour, undefined)?.id).toBe('village')
  })

  it('falls back to the first panorama for a model', () => {
    const house = posterScene(tour, 'house')
    if (!house) throw new Error('no house scene')
    expect(fallbackPanorama(tour, house)?.panorama).toBe('../../panoramas/v.jpg')
  })

  it('knows a bundled tour by its address', () => {
    const base = 'https://site.example/app/'
    expect(isBundledTour(tour, 'https://site.example/app/scenes/tay-bac/tour.json', base)).toBe(
      true,
    )
    expect(isBundledTour(tour, 'https://site.example/tours/tay-bac/tour.json', base)).toBe(false)
  })

  it('rejects what is not a tour', () => {
    expect(readPosterTour(null)).toBeNull()
    expect(readPosterTour({ id: 'x' })).toBeNull()
  })
})
