import { describe, expect, it } from 'vitest'
import { type Tour, TourSchema } from '../../../src/tour/schema.ts'
import { previewSource, publicUrlFromEnv, sharePageHtml } from '../../../tools/lib/sharePages.ts'

const TOUR: Tour = TourSchema.parse({
  version: 1,
  id: 'my-village',
  title: { vi: 'Bản của tôi', en: 'My village' },
  description: { vi: 'Một bản "đẹp" <ở> Điện Biên.\n\nĐoạn hai.', en: 'A village.' },
  locales: ['vi', 'en'],
  start: 'gate',
  scenes: [
    {
      id: 'house',
      kind: 'model',
      title: { vi: 'Nhà sàn', en: 'Stilt house' },
      model: { src: '../../models/house.glb' },
      camera: { position: [6, 3, 6], target: [0, 1, 0] },
    },
    {
      id: 'gate',
      kind: 'panorama',
      title: { vi: 'Cổng bản', en: 'Village gate' },
      panorama: { type: 'equirect', src: '../../panoramas/gate.jpg' },
      view: { yaw: 20, pitch: -3, fov: 80 },
    },
  ],
})

function meta(html: string, key: string): string | undefined {
  return new RegExp(`<meta (?:property|name)="${key}" content="([^"]*)"`).exec(html)?.[1]
}

describe('tools/sharePages', () => {
  const gate = TOUR.scenes[1]
  const house = TOUR.scenes[0]
  if (!gate || !house) throw new Error('test tour without scenes')

  it('titles the page in the first language', () => {
    const html = sharePageHtml({ tour: TOUR, scene: gate })
    expect(meta(html, 'og:title')).toBe('Cổng bản – Bản của tôi')
    expect(meta(html, 'og:description')).toBe('Một bản &quot;đẹp&quot; &lt;ở&gt; Điện Biên.')
    expect(html).toContain('<html lang="vi">')
  })

  it('uses absolute image URLs with a public address', () => {
    const html = sharePageHtml({
      tour: TOUR,
      scene: gate,
      publicUrl: 'https://tour.example.org/app/',
    })
    expect(meta(html, 'og:image')).toBe('https://tour.example.org/app/share/my-village/gate.jpg')
    expect(meta(html, 'og:url')).toBe('https://tour.example.org/app/share/my-village/gate.html')
    expect(meta(html, 'twitter:image')).toBe(meta(html, 'og:image'))
  })

  it('falls back to relative image URLs', () => {
    const html = sharePageHtml({ tour: TOUR, scene: gate })
    expect(meta(html, 'og:image')).toBe('../../share/my-village/gate.jpg')
    expect(meta(html, 'og:url')).toBeUndefined()
  })

  it('opens the app at the scene of its tour', () => {
    const html = sharePageHtml({ tour: TOUR, scene: gate })
    const href = '../../?tour=scenes%2Fmy-village%2Ftour.json&amp;scene=gate'
    expect(html).toContain(`<a href="${href}">`)
    expect(html).toContain(
      'location.replace("../../?tour=scenes%2Fmy-village%2Ftour.json&scene=gate")',
    )
  })

  it('previews a model scene with the first panorama', () => {
    expect(previewSource(TOUR, house)).toEqual({
      src: '../../panoramas/gate.jpg',
      view: { yaw: 20, pitch: -3, fov: 80 },
    })
  })

  it('reads the public address', () => {
    expect(publicUrlFromEnv('https://tour.example.org/app')).toBe('https://tour.example.org/app/')
    expect(publicUrlFromEnv(' ')).toBeUndefined()
    expect(publicUrlFromEnv('tour.example.org')).toBeUndefined()
    expect(publicUrlFromEnv('ftp://tour.example.org/')).toBeUndefined()
  })
})
