import { describe, expect, it } from 'vitest'
import {
  gltfDependencyUrls,
  isOfflineListing,
  type OfflineListing,
  sharedAssetUrls,
  tourAssetUrls,
} from '../../../src/core/offlineAssets.ts'

const APP = 'https://booth.test/app/'
const TOUR = 'https://booth.test/app/scenes/demo/tour.json'

const LISTING: OfflineListing = {
  files: [
    { path: 'panoramas/village/tiles.json', bytes: 300 },
    { path: 'panoramas/village/0/f/0_0.jpg', bytes: 1000 },
    { path: 'panoramas/village/1/f/0_1.jpg', bytes: 1000 },
    { path: 'panoramas/village-2/tiles.json', bytes: 300 },
    { path: 'panoramas/gate.jpg', bytes: 5000 },
    { path: 'assets/draco_decoder-abc.wasm', bytes: 200 },
    { path: 'xr-profiles/profilesList.json', bytes: 20 },
  ],
  tours: ['scenes/demo/tour.json'],
}

describe('offline asset list', () => {
  it('lists the tour file and every src', () => {
    const tour = {
      scenes: [
        {
          kind: 'panorama',
          panorama: { type: 'equirect', src: '../../panoramas/gate.jpg' },
          hotspots: [{ kind: 'info', image: { src: '../../panoramas/detail.jpg' } }],
        },
        { kind: 'model', model: { src: '../../models/house.glb' } },
      ],
      offers: [{ image: { src: 'offer.jpg' } }],
    }
    expect(tourAssetUrls(tour, TOUR, LISTING, APP)).toEqual([
      TOUR,
      'https://booth.test/app/panoramas/gate.jpg',
      'https://booth.test/app/panoramas/detail.jpg',
      'https://booth.test/app/models/house.glb',
      'https://booth.test/app/scenes/demo/offer.jpg',
    ])
  })

  it('lists a tile folder from the build listing', () => {
    const tour = {
      scenes: [{ kind: 'panorama', panorama: { type: 'tiles', src: '../../panoramas/village/' } }],
    }
    const urls = tourAssetUrls(tour, TOUR, LISTING, APP)
    expect(urls).toContain('https://booth.test/app/panoramas/village/tiles.json')
    expect(urls).toContain('https://booth.test/app/panoramas/village/0/f/0_0.jpg')
    expect(urls).toContain('https://booth.test/app/panoramas/village/1/f/0_1.jpg')
    expect(urls.some((url) => url.includes('village-2'))).toBe(false)
    expect(new Set(urls).size).toBe(urls.length)
  })

  it('tile descriptor path names its folder', () => {
    const tour = {
      scenes: [{ panorama: { type: 'tiles', src: '../../panoramas/village/tiles.json' } }],
    }
    expect(tourAssetUrls(tour, TOUR, LISTING, APP)).toHaveLength(4)
    expect(tourAssetUrls(tour, TOUR, null, APP)).toEqual([
      TOUR,
      'https://booth.test/app/panoramas/village/tiles.json',
    ])
  })

  it('skips paths that are not http URLs', () => {
    const tour = { scenes: [{ panorama: { src: 'javascript:alert(1)' } }] }
    expect(tourAssetUrls(tour, TOUR, null, APP)).toEqual([TOUR])
  })

  it('shared files are decoders and XR profiles', () => {
    expect(sharedAssetUrls(LISTING, APP)).toEqual([
      'https://booth.test/app/assets/draco_decoder-abc.wasm',
      'https://booth.test/app/xr-profiles/profilesList.json',
    ])
  })

  it('gltf dependencies skip data URIs', () => {
    const gltf = {
      buffers: [{ uri: 'scene.bin' }, { uri: 'data:application/octet-stream;base64,AAAA' }],
      images: [{ uri: 'textures/wood.png' }, { bufferView: 3 }],
    }
    expect(gltfDependencyUrls(gltf, 'https://booth.test/app/models/house.gltf')).toEqual([
      'https://booth.test/app/models/scene.bin',
      'https://booth.test/app/models/textures/wood.png',
    ])
  })

  it('listing shape is checked', () => {
    expect(isOfflineListing(LISTING)).toBe(true)
    expect(isOfflineListing({ files: [{ path: 1 }], tours: [] })).toBe(false)
    expect(isOfflineListing(null)).toBe(false)
  })
})
