import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import sharp from 'sharp'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { CommandOutput } from '../../../tools/lib/cli.ts'
import { assetPathFor, sceneTitle } from '../../../tools/lib/importScene.ts'
import { panoTileCommand } from '../../../tools/pano-tile.ts'
import { fixturePath, hasFixtures, MISSING_FIXTURES_REASON } from '../../support/fixtures.ts'

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
}

const VESTE = 'panoramas/egjs-veste-gpano-2000x1000.jpg'

const TOUR = {
  version: 1,
  id: 'demo',
  title: 'Demo',
  locales: ['vi', 'en'],
  start: 'a',
  scenes: [
    {
      id: 'a',
      kind: 'panorama',
      title: 'A',
      panorama: { type: 'equirect', src: '../../panoramas/a.jpg' },
      hotspots: [],
    },
  ],
}

function capture(): CommandOutput & { out: string[]; err: string[] } {
  const out: string[] = []
  const err: string[] = []
  return {
    out,
    err,
    log: (text) => out.push(...text.split('\n')),
    error: (text) => err.push(...text.split('\n')),
  }
}

const work = mkdtempSync(join(tmpdir(), 'pano-tile-'))
afterAll(() => rmSync(work, { recursive: true, force: true }))

/** Makes a project folder with public/ and a one-scene tour, and returns the tour file. */
async function makeProject(name: string, tourText = `${JSON.stringify(TOUR, null, 4)}\n`) {
  const root = join(work, name)
  mkdirSync(join(root, 'scenes', 'demo'), { recursive: true })
  mkdirSync(join(root, 'public', 'panoramas'), { recursive: true })
  await sharp({ create: { width: 512, height: 256, channels: 3, background: '#777777' } })
    .jpeg()
    .toFile(join(root, 'public', 'panoramas', 'a.jpg'))
  const tour = join(root, 'scenes', 'demo', 'tour.json')
  writeFileSync(tour, tourText)
  return { root, tour }
}

describe('pano-tile command line', () => {
  it('requires an output folder', async () => {
    const output = capture()
    expect(await panoTileCommand(['image.jpg'], output)).toBe(2)
    expect(output.err[0]).toBe('Missing --out <folder>.')
  })

  it('rejects a bad tile size', async () => {
    const output = capture()
    expect(await panoTileCommand(['a.jpg', '--out', 'x', '--tile-size', 'big'], output)).toBe(2)
    expect(output.err[0]).toBe('Invalid value for --tile-size: "big".')
  })

  it('import needs a title', async () => {
    const output = capture()
    expect(await panoTileCommand(['a.jpg', '--tour', 't.json', '--id', 'x'], output)).toBe(2)
    expect(output.err[0]).toBe('Missing --title <text> for the new scene.')
  })

  it('reports a missing image', async () => {
    const output = capture()
    const missing = join(work, 'missing.jpg')
    expect(await panoTileCommand([missing, '--out', join(work, 'm')], output)).toBe(1)
    expect(output.err).toEqual([`Error: input image not found: ${missing}`])
  })
})

describe('scene title', () => {
  it('plain text is one string', () => {
    expect(sceneTitle(['Market'], ['vi', 'en'])).toBe('Market')
  })

  it('localized values fill an object', () => {
    expect(sceneTitle(['vi=Chợ', 'en=Market'], ['vi', 'en'])).toEqual({ vi: 'Chợ', en: 'Market' })
  })

  it('plain text fills missing locales', () => {
    expect(sceneTitle(['vi=Chợ', 'Market'], ['vi', 'en'])).toEqual({ vi: 'Chợ', en: 'Market' })
  })

  it('unknown locale prefix stays text', () => {
    expect(sceneTitle(['fr=Marché'], ['vi', 'en'])).toBe('fr=Marché')
  })
})

describe('asset path for tour', () => {
  it('maps public/ to the site root', async () => {
    const { root, tour } = await makeProject('paths')
    const target = join(root, 'public', 'panoramas', 'x', 'tiles.json')
    expect(assetPathFor(tour, target)).toBe('../../panoramas/x/tiles.json')
  })

  it('rejects a folder the site does not serve', async () => {
    const { root, tour } = await makeProject('paths-outside')
    expect(() => assetPathFor(tour, join(root, 'tiles', 'tiles.json'))).toThrow(
      /so the site would not serve it/,
    )
  })
})

const fixturesTitle = hasFixtures
  ? 'pano-tile on veste'
  : `pano-tile on veste: skipped, ${MISSING_FIXTURES_REASON}`

describe.skipIf(!hasFixtures)(fixturesTitle, () => {
  it('prints sizes, heading and notes', async () => {
    const output = capture()
    const out = join(work, 'veste-only')
    expect(await panoTileCommand([fixturePath(VESTE), '--out', out], output)).toBe(0)
    const summary = output.out.find((line) => line.startsWith('Tiled'))
    expect(summary).toMatch(
      new RegExp(
        `^Tiled egjs-veste-gpano-2000x1000\\.jpg \\(2000×1000, equirectangular\\) into ${escapeRegExp(out)} in \\d+\\.\\d s$`,
      ),
    )
    expect(output.out).toContain('  levels (face edge): 512 px (6 tiles)')
    expect(output.out.some((line) => /^ {2}written: 6 tiles, [\d.]+ KB in all/.test(line))).toBe(
      true,
    )
    expect(output.out).toContain(
      '  heading: 295° (GPano PoseHeadingDegrees, recorded in tiles.json; the image is not turned)',
    )
    expect(output.out.some((line) => line.includes('scaled by 0.2'))).toBe(true)
    expect(existsSync(join(out, 'tiles.json'))).toBe(true)
  }, 30_000)

  describe('import into a tour', () => {
    let project: { root: string; tour: string }
    let output: ReturnType<typeof capture>
    let status: number

    beforeAll(async () => {
      project = await makeProject('import')
      output = capture()
      status = await panoTileCommand(
        [
          fixturePath(VESTE),
          '--tour',
          project.tour,
          '--id',
          'veste',
          '--title',
          'vi=Núi',
          '--title',
          'en=Mountain',
          '--out',
          join(project.root, 'public', 'panoramas', 'veste'),
        ],
        output,
        'import',
      )
    }, 60_000)

    it('adds the scene', () => {
      expect(status).toBe(0)
      const tour = JSON.parse(readFileSync(project.tour, 'utf8'))
      expect(tour.scenes.at(-1)).toEqual({
        id: 'veste',
        kind: 'panorama',
        title: { vi: 'Núi', en: 'Mountain' },
        panorama: { type: 'tiles', src: '../../panoramas/veste/tiles.json' },
        hotspots: [],
      })
      expect(tour.scenes).toHaveLength(2)
    })

    it('writes with 2-space indentation', () => {
      const text = readFileSync(project.tour, 'utf8')
      expect(text).toBe(`${JSON.stringify(JSON.parse(text), null, 2)}\n`)
    })

    it('runs the validator', () => {
      expect(output.out).toContain('0 errors and 1 warning in 1 file.')
      expect(output.out.some((line) => line.includes('no scene links to this scene'))).toBe(true)
      expect(output.out.at(-1)).toBe(
        `Added scene "veste" to ${project.tour} with panorama ../../panoramas/veste/tiles.json`,
      )
    })

    it('rejects a taken id before tiling', async () => {
      const again = capture()
      const out = join(project.root, 'public', 'panoramas', 'again')
      const args = [fixturePath(VESTE), '--tour', project.tour, '--id', 'veste', '--title', 'X']
      expect(await panoTileCommand([...args, '--out', out], again, 'import')).toBe(1)
      expect(again.err[0]).toBe(
        `Error: tour file ${project.tour} already has a scene "veste"; choose another --id`,
      )
      expect(existsSync(out)).toBe(false)
    }, 30_000)
  })

  it('leaves the tour unchanged on errors', async () => {
    const original = `${JSON.stringify(TOUR, null, 4)}\n`
    const { root, tour } = await makeProject('invalid-id', original)
    const output = capture()
    const args = [fixturePath(VESTE), '--tour', tour, '--id', 'Not An Id!', '--title', 'X']
    const out = join(root, 'public', 'panoramas', 'bad')
    expect(await panoTileCommand([...args, '--out', out], output, 'import')).toBe(1)
    expect(readFileSync(tour, 'utf8')).toBe(original)
    expect(output.err.at(-1)).toContain(`so ${tour} was left unchanged`)
  }, 30_000)
})
