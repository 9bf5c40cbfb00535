import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { isOfflineExtra, offlineListing } from '../../../tools/lib/offlineFiles.ts'

describe('offline file listing', () => {
  const root = mkdtempSync(join(tmpdir(), 'offline-listing-'))
  const files: Record<string, string> = {
    'index.html': '<!doctype html>',
    'assets/index-abc.js': 'app',
    'assets/index-abc.js.map': '{}',
    'assets/draco_decoder-abc.wasm': 'wasm',
    'assets/basis_transcoder-abc.js': 'basis',
    'panoramas/gate.jpg': 'jpeg bytes',
    'panoramas/village/tiles.json': '{}',
    'panoramas/village/0/f/0_0.jpg': 'tile',
    'models/house.glb': 'glb',
    'xr-profiles/profilesList.json': '{}',
    'scenes/tay-bac/tour.json': '{}',
    'scenes/tay-bac/notes.txt': 'not a tour',
    'schema/tour.v1.json': '{}',
  }
  for (const [path, contents] of Object.entries(files)) {
    mkdirSync(join(root, path, '..'), { recursive: true })
    writeFileSync(join(root, path), contents)
  }
  afterAll(() => rmSync(root, { recursive: true, force: true }))

  it('selects tour files, decoders and profiles', () => {
    expect(isOfflineExtra('panoramas/village/0/f/0_0.jpg')).toBe(true)
    expect(isOfflineExtra('assets/draco_decoder-abc.wasm')).toBe(true)
    expect(isOfflineExtra('assets/index-abc.js')).toBe(false)
    expect(isOfflineExtra('panoramas/gate.jpg.map')).toBe(false)
    expect(isOfflineExtra('schema/tour.v1.json')).toBe(false)
  })

  it('lists files with sizes and the bundled tours', () => {
    const listing = offlineListing(root)
    expect(listing.files).toEqual([
      { path: 'assets/basis_transcoder-abc.js', bytes: 5 },
      { path: 'assets/draco_decoder-abc.wasm', bytes: 4 },
      { path: 'models/house.glb', bytes: 3 },
      { path: 'panoramas/gate.jpg', bytes: 10 },
      { path: 'panoramas/village/0/f/0_0.jpg', bytes: 4 },
      { path: 'panoramas/village/tiles.json', bytes: 2 },
      { path: 'xr-profiles/profilesList.json', bytes: 2 },
    ])
    expect(listing.tours).toEqual(['scenes/tay-bac/tour.json'])
  })
})
