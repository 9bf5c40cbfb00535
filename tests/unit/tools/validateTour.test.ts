import { mkdirSync, mkdtempSync, readFileSync, rmSync, unlinkSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import type { CommandOutput } from '../../../tools/lib/cli.ts'
import { validateTourCommand } from '../../../tools/validate-tour.ts'
import { fixturePath, hasFixtures, MISSING_FIXTURES_REASON } from '../../support/fixtures.ts'
import {
  greyJpeg,
  MINIMAL_GLTF_JSON,
  minimalGlb,
  withLargeMetadata,
} from '../support/assetFiles.ts'
import {
  type JsonPath,
  minimalTour,
  PATHS,
  REMOVE,
  SAMPLE_ASSETS,
  sampleTour,
  tourWith,
} from '../support/tours.ts'

interface CommandRun {
  status: number
  stdout: string[]
  stderr: string[]
}

function run(...args: string[]): CommandRun {
  const stdout: string[] = []
  const stderr: string[] = []
  const output: CommandOutput = {
    log: (text) => stdout.push(...text.split('\n')),
    error: (text) => stderr.push(...text.split('\n')),
  }
  const status = validateTourCommand(args, output)
  return { status, stdout, stderr }
}

let root: string
/** A real 2:1 JPEG, written wherever a test needs a valid panorama or image. */
let panoramaJpeg: Buffer

beforeAll(async () => {
  panoramaJpeg = await greyJpeg(64, 32)
})

beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'validate-tour-'))
})

afterEach(() => {
  rmSync(root, { recursive: true, force: true })
})

function writeFile(relativePath: string, content: string | Uint8Array = ''): string {
  const path = join(root, relativePath)
  mkdirSync(dirname(path), { recursive: true })
  writeFileSync(path, content)
  return path
}

/** Writes a valid 2:1 JPEG image at `relativePath`. */
function writeImage(relativePath: string): string {
  return writeFile(relativePath, panoramaJpeg)
}

/**
 * Lays out a project in the temporary folder (`public/` with the sample assets, and the tour at
 * `scenes/tay-bac/tour.json`) and returns the tour file's path.
 */
function writeProject(tour: unknown = sampleTour()): string {
  for (const asset of SAMPLE_ASSETS) {
    const path = join('public', asset)
    if (asset.endsWith('.glb')) writeFile(path, minimalGlb())
    else writeImage(path)
  }
  return writeFile('scenes/tay-bac/tour.json', JSON.stringify(tour, null, 2))
}

/** Returns the 1-based `line:column` of the first occurrence of `needle` in `text`. */
function placeOf(text: string, needle: string): string {
  const lines = text.split('\n')
  const index = lines.findIndex((line) => line.includes(needle))
  expect(index, `${needle} in the tour text`).toBeGreaterThanOrEqual(0)
  return `${index + 1}:${(lines[index] ?? '').indexOf(needle) + 1}`
}

const at = (base: JsonPath, ...rest: (string | number)[]): JsonPath => [...base, ...rest]
const panoramaSrc = at(PATHS.panoramaScene, 'panorama', 'src')

describe('tools/validate-tour', () => {
  describe('exit status', () => {
    it('passes valid project tour', () => {
      const result = run(writeProject())
      expect(result.status).toBe(0)
      expect(result.stdout).toEqual(['No problems found in 1 file.'])
      expect(result.stderr).toEqual([])
    })

    it('fails with an error', () => {
      const tour = tourWith([[at(PATHS.sceneHotspot, 'yaw'), 200]])
      const file = writeProject(tour)
      const place = placeOf(JSON.stringify(tour, null, 2), '200')
      const result = run(file)
      expect(result.status).toBe(1)
      expect(result.stdout).toEqual([
        `error    ${file}:${place}  Scene “huoi-nha”, hotspot “to-stilt-house”: the field “yaw” is 200, outside the range [-180, 180].`,
        '1 error and 0 warnings in 1 file.',
      ])
    })

    it('passes with only warnings', () => {
      const tour = tourWith([[['guide'], 'audio']])
      const file = writeProject(tour)
      const place = placeOf(JSON.stringify(tour, null, 2), '"guide"')
      const result = run(file)
      expect(result.status).toBe(0)
      expect(result.stdout).toEqual([
        `warning  ${file}:${place}  Tour: the field “guide” is not part of the tour format and is ignored.`,
        '0 errors and 1 warning in 1 file.',
      ])
    })

    it('fails when any file has an error', () => {
      const valid = writeProject()
      const invalid = writeFile('scenes/other/tour.json', JSON.stringify({ version: 2 }))
      const result = run(valid, invalid)
      expect(result.status).toBe(1)
      expect(result.stdout.at(-1)).toBe('1 error and 0 warnings in 2 files.')
    })
  })

  describe('asset files', () => {
    it('reports missing panorama', () => {
      const file = writeProject()
      unlinkSync(join(root, 'public/panoramas/huoi-nha.jpg'))
      const result = run(file)
      expect(result.status).toBe(1)
      expect(result.stdout[0]).toMatch(
        /^error {4}\S+:\d+:\d+ {2}Scene “huoi-nha”: the file "\.\.\/\.\.\/panoramas\/huoi-nha\.jpg" was not found\.$/,
      )
      expect(result.stdout).toHaveLength(2)
    })

    it('reports missing cube face', () => {
      const faces = Object.fromEntries(
        ['f', 'r', 'b', 'l', 'u', 'd'].map((face) => [face, `../../panoramas/cube/${face}.jpg`]),
      )
      const tour = tourWith([[at(PATHS.panoramaScene, 'panorama'), { type: 'cube', faces }]])
      const file = writeProject(tour)
      for (const face of ['f', 'r', 'b', 'l', 'd']) writeImage(`public/panoramas/cube/${face}.jpg`)
      const result = run(file)
      expect(result.status).toBe(1)
      expect(result.stdout[0]).toMatch(
        /^error {4}\S+:\d+:\d+ {2}Scene “huoi-nha”: the file "\.\.\/\.\.\/panoramas\/cube\/u\.jpg" was not found\.$/,
      )
      expect(result.stdout).toHaveLength(2)
    })

    it('reports every missing asset kind', () => {
      const file = writeFile('scenes/tay-bac/tour.json', JSON.stringify(sampleTour()))
      mkdirSync(join(root, 'public'))
      const messages = run(file).stdout.slice(0, -1)
      expect(messages).toHaveLength(4)
      expect(messages.join('\n')).toContain(
        'Offer “dien-bien-3n2d”: the file "../../panoramas/offer.jpg"',
      )
      expect(messages.join('\n')).toContain('Scene “huoi-nha”, hotspot “weaving”: the file')
      expect(messages.join('\n')).toContain(
        'Scene “stilt-house”: the file "../../models/stilt-house.glb"',
      )
    })

    it('points at the missing path', () => {
      const tour = tourWith([[panoramaSrc, '../../panoramas/missing.jpg']])
      const file = writeProject(tour)
      const place = placeOf(JSON.stringify(tour, null, 2), '"../../panoramas/missing.jpg"')
      expect(run(file).stdout[0]).toContain(`${file}:${place}  `)
    })

    it('maps root-relative path to public', () => {
      const file = writeProject(tourWith([[panoramaSrc, '/panoramas/huoi-nha.jpg']]))
      const result = run(file)
      expect(result.status).toBe(0)
      expect(result.stdout[0]).toContain(
        'Scene “huoi-nha”: the path "/panoramas/huoi-nha.jpg" starts at the site root',
      )
      expect(result.stdout[1]).toBe('0 errors and 1 warning in 1 file.')
    })

    it('checks root-relative path exists', () => {
      const file = writeProject(tourWith([[panoramaSrc, '/panoramas/missing.jpg']]))
      const result = run(file)
      expect(result.status).toBe(1)
      expect(result.stdout.join('\n')).toContain('the file "/panoramas/missing.jpg" was not found.')
      expect(result.stdout.at(-1)).toBe('1 error and 1 warning in 1 file.')
    })

    it('maps /scenes path to scenes folder', () => {
      writeImage('scenes/tay-bac/preview.jpg')
      const file = writeProject(tourWith([[panoramaSrc, '/scenes/tay-bac/preview.jpg']]))
      const result = run(file)
      expect(result.status).toBe(0)
      expect(result.stdout[0]).toContain('such as "preview.jpg".')
    })

    it('finds file beside the tour', () => {
      writeImage('scenes/tay-bac/preview.jpg')
      const file = writeProject(tourWith([[panoramaSrc, 'preview.jpg']]))
      expect(run(file).status).toBe(0)
    })

    it('does not look in public for scenes paths', () => {
      writeImage('public/scenes/tay-bac/preview.jpg')
      const file = writeProject(tourWith([[panoramaSrc, 'preview.jpg']]))
      expect(run(file).status).toBe(1)
    })

    it('clamps parent steps at site root', () => {
      const file = writeProject(tourWith([[panoramaSrc, '../../../../panoramas/huoi-nha.jpg']]))
      expect(run(file).status).toBe(0)
    })

    it('decodes percent-escapes', () => {
      writeImage('public/panoramas/chợ phiên.jpg')
      const file = writeProject(
        tourWith([
          [panoramaSrc, '../../panoramas/ch%E1%BB%A3%20phi%C3%AAn.jpg'],
          [at(PATHS.infoHotspot, 'image', 'src'), '../../panoramas/chợ phiên.jpg'],
        ]),
      )
      expect(run(file).stdout).toEqual(['No problems found in 1 file.'])
    })

    it('ignores query and fragment', () => {
      const file = writeProject(tourWith([[panoramaSrc, '../../panoramas/huoi-nha.jpg?v=2#top']]))
      expect(run(file).status).toBe(0)
    })

    it.each([
      ['encoded slash', '../../panoramas%2Fhuoi-nha.jpg'],
      ['malformed escape', '../../panoramas/%E0%A4%A.jpg'],
      ['folder', '../../panoramas/'],
      ['file used as folder', '../../panoramas/huoi-nha.jpg/x.jpg'],
    ])('reports %s as not found', (_name, src) => {
      const file = writeProject(tourWith([[panoramaSrc, src]]))
      const result = run(file)
      expect(result.status).toBe(1)
      expect(result.stdout[0]).toContain(`the file ${JSON.stringify(src)} was not found.`)
    })

    it('skips files of another version', () => {
      const file = writeFile(
        'scenes/tay-bac/tour.json',
        JSON.stringify({ ...sampleTour(), version: 2 }),
      )
      const result = run(file)
      expect(result.stdout).toHaveLength(2)
      expect(result.stdout[0]).toContain('version 2 is not supported')
    })

    it('leaves other sites to the validator', () => {
      const file = writeProject(tourWith([[panoramaSrc, 'https://cdn.example.com/huoi-nha.jpg']]))
      const result = run(file)
      expect(result.stdout).toHaveLength(2)
      expect(result.stdout[0]).toContain('leaves the tour’s site')
    })

    it('resolves against own folder without public/', () => {
      writeImage('panoramas/huoi-nha.jpg')
      const tour = tourWith([[panoramaSrc, '../../panoramas/huoi-nha.jpg']], minimalTour())
      const file = writeFile('scenes/tay-bac/tour.json', JSON.stringify(tour))
      expect(run(file).status).toBe(0)
    })

    it('resolves loose file against its folder', () => {
      writeImage('drafts/pano/a.jpg')
      writeImage('shared/b.jpg')
      const tour = tourWith(
        [
          [panoramaSrc, 'pano/a.jpg'],
          [
            ['scenes', 1],
            {
              id: 'b',
              kind: 'panorama',
              title: 'B',
              panorama: { type: 'equirect', src: '../shared/b.jpg' },
            },
          ],
          [
            ['scenes', 2],
            {
              id: 'c',
              kind: 'panorama',
              title: 'C',
              panorama: { type: 'equirect', src: 'pano/c.jpg' },
            },
          ],
        ],
        minimalTour(),
      )
      const file = writeFile('drafts/my-tour.json', JSON.stringify(tour))
      const errors = run(file).stdout.filter((line) => line.startsWith('error'))
      expect(errors).toHaveLength(1)
      expect(errors[0]).toContain('Scene “c”: the file "pano/c.jpg" was not found.')
    })

    it('skips root-relative path of loose file', () => {
      const tour = tourWith([[panoramaSrc, '/panoramas/anything.jpg']], minimalTour())
      const file = writeFile('drafts/my-tour.json', JSON.stringify(tour))
      const result = run(file)
      expect(result.status).toBe(0)
      expect(result.stdout.at(-1)).toBe('0 errors and 1 warning in 1 file.')
    })
  })

  describe('asset content', () => {
    const modelSrc = at(PATHS.modelScene, 'model', 'src')

    /** Copies `content` into public/ under `name` and runs the sample tour pointing `path` at it. */
    function runWithAsset(path: JsonPath, name: string, content: string | Uint8Array): CommandRun {
      writeFile(join('public', name), content)
      return run(writeProject(tourWith([[path, `../../${name}`]])))
    }

    function problemLines(result: CommandRun): string[] {
      return result.stdout.slice(0, -1)
    }

    const fixturesTitle = hasFixtures
      ? 'with shared fixtures'
      : `with shared fixtures: skipped, ${MISSING_FIXTURES_REASON}`

    describe.skipIf(!hasFixtures)(fixturesTitle, () => {
      const fixture = (path: string) => readFileSync(fixturePath(path))

      it('reports cylindrical phone panorama', () => {
        const name = 'egjs-smartphone-partial-gpano-cylindrical.jpg'
        const result = runWithAsset(panoramaSrc, `panoramas/${name}`, fixture(`panoramas/${name}`))
        expect(result.status).toBe(0)
        expect(problemLines(result)).toEqual([
          expect.stringMatching(
            new RegExp(
              `^warning {2}\\S+:\\d+:\\d+ {2}Scene “huoi-nha”: the panorama "\\.\\./\\.\\./panoramas/${escapeRegExp(name)}" is a cylindrical panorama \\(GPano XMP\\) that covers yaw -180\\.\\.180°, pitch -27\\.\\.27°, not the whole sphere\\.`,
            ),
          ),
        ])
      })

      it('warns about cube-map sheet', () => {
        const name = 'egjs-cubemap-3x2.jpg'
        const result = runWithAsset(panoramaSrc, `panoramas/${name}`, fixture(`panoramas/${name}`))
        expect(result.status).toBe(0)
        expect(problemLines(result)).toEqual([
          expect.stringMatching(
            new RegExp(
              `^warning {2}\\S+:\\d+:\\d+ {2}Scene “huoi-nha”: the panorama "\\.\\./\\.\\./panoramas/${escapeRegExp(name)}" is 4608×3072 pixels, not 2:1: an equirectangular panorama of this width is 4608×2304\\.`,
            ),
          ),
          expect.stringContaining('is 4608×3072 pixels, wider than 4096, the largest texture'),
        ])
      })

      it.each([
        'egjs-veste-gpano-2000x1000.jpg',
        'egjs-equi_4096-labeled-grid.jpg',
        'polyhaven-potsdamer_platz_1k-gainmap.jpg',
      ])('accepts 2:1 panorama %s', (name) => {
        const result = runWithAsset(panoramaSrc, `panoramas/${name}`, fixture(`panoramas/${name}`))
        expect(result.stdout).toEqual(['No problems found in 1 file.'])
      })

      it('warns about 6144 px panorama on phones', () => {
        const name = 'egjs-test_equi-6144x3072-rgba.png'
        const result = runWithAsset(panoramaSrc, `panoramas/${name}`, fixture(`panoramas/${name}`))
        expect(result.status).toBe(0)
        expect(problemLines(result)).toEqual([
          expect.stringContaining(
            'is 6144×3072 pixels, wider than 4096, the largest texture many phones load, so phones show it scaled down. To keep it sharp on phones, cut it into tiles with npm run pano:tile',
          ),
        ])
      })

      it('rejects damaged JPEG panorama', () => {
        const content = fixture('panoramas/broken/invalid_image_data.jpg')
        const result = runWithAsset(panoramaSrc, 'panoramas/broken.jpg', content)
        expect(result.status).toBe(1)
        expect(problemLines(result)).toEqual([
          expect.stringContaining(
            'Scene “huoi-nha”: the panorama "../../panoramas/broken.jpg" is not a valid JPEG, PNG or WebP image.',
          ),
        ])
      })

      it('rejects GLB as panorama', () => {
        const content = fixture('models/box-textured-ktx2-meshopt.glb')
        const result = runWithAsset(panoramaSrc, 'panoramas/box.glb', content)
        expect(problemLines(result)).toEqual([expect.stringContaining('is not a valid JPEG')])
      })

      it.each([
        'LittlestTokyo-draco-animated.glb',
        'box-textured-ktx2-meshopt.glb',
        'MultipleScenes.gltf',
        'AnimatedTriangle.gltf',
      ])('accepts model %s', (name) => {
        const result = runWithAsset(modelSrc, `models/${name}`, fixture(`models/${name}`))
        expect(result.stdout).toEqual(['No problems found in 1 file.'])
      })

      it('reports truncated GLB', () => {
        const content = fixture('models/broken/truncated_chunk_data.glb')
        const result = runWithAsset(modelSrc, 'models/cut.glb', content)
        expect(result.status).toBe(1)
        expect(problemLines(result)).toEqual([
          expect.stringContaining(
            'Scene “stilt-house”: the model "../../models/cut.glb" is cut short: its header gives a length of 48 bytes, but the file has 47 bytes. Copy or export it again.',
          ),
        ])
      })

      it('rejects JPEG as model', () => {
        const content = fixture('panoramas/egjs-veste-gpano-2000x1000.jpg')
        const result = runWithAsset(modelSrc, 'models/house.jpg', content)
        expect(result.status).toBe(1)
        expect(problemLines(result)).toEqual([
          expect.stringContaining(
            'Scene “stilt-house”: the model "../../models/house.jpg" is not a glTF 2.0 file: a .glb file must start with “glTF”, and a .gltf file must be JSON with an “asset” object.',
          ),
        ])
      })
    })

    it('rejects SVG panorama', () => {
      const svg = '<svg xmlns="http://www.w3.org/2000/svg" width="200" height="100"></svg>'
      const result = runWithAsset(panoramaSrc, 'panoramas/gate.svg', svg)
      expect(result.status).toBe(1)
      expect(problemLines(result)).toEqual([
        expect.stringContaining(
          'Scene “huoi-nha”: the panorama "../../panoramas/gate.svg" is not a valid JPEG, PNG or WebP image.',
        ),
      ])
    })

    it('rejects empty panorama', () => {
      const result = runWithAsset(panoramaSrc, 'panoramas/empty.jpg', '')
      expect(problemLines(result)).toEqual([expect.stringContaining('is not a valid JPEG')])
    })

    it('reports panorama in Vietnamese', async () => {
      const jpeg = await greyJpeg(300, 200)
      writeFile('public/panoramas/wide.jpg', jpeg)
      const file = writeProject(tourWith([[panoramaSrc, '../../panoramas/wide.jpg']]))
      expect(run('--lang', 'vi', file).stdout[0]).toContain(
        'Cảnh “huoi-nha”: ảnh toàn cảnh "../../panoramas/wide.jpg" có kích thước 300×200 điểm ảnh, không theo tỉ lệ 2:1: ảnh equirectangular có chiều rộng này phải là 300×150.',
      )
    })

    it.each([
      ['1% narrow', 2000, 1010, []],
      ['1% wide', 2020, 1000, []],
      ['too narrow', 2000, 1030, ['2000×1030']],
      ['square', 512, 512, ['512×512']],
    ])('aspect ratio %s', async (_name, width, height, sizes) => {
      const result = runWithAsset(panoramaSrc, 'panoramas/p.jpg', await greyJpeg(width, height))
      const reported = problemLines(result).map((line) => /is (\d+×\d+) pixels/.exec(line)?.[1])
      expect(reported).toEqual(sizes)
    })

    it('applies EXIF orientation', async () => {
      // Stored 32×64 and turned a quarter by orientation 6, so it shows as 64×32.
      const turned = await greyJpeg(32, 64, 6)
      expect(runWithAsset(panoramaSrc, 'panoramas/turned.jpg', turned).stdout).toEqual([
        'No problems found in 1 file.',
      ])
      // Stored 64×32 and turned, so it shows as 32×64.
      const upright = await greyJpeg(64, 32, 6)
      const lines = problemLines(runWithAsset(panoramaSrc, 'panoramas/upright.jpg', upright))
      expect(lines).toEqual([expect.stringContaining('is 32×64 pixels')])
    })

    it('reads JPEG frame after large metadata', async () => {
      const jpeg = withLargeMetadata(await greyJpeg(64, 32), 300_000)
      expect(runWithAsset(panoramaSrc, 'panoramas/tagged.jpg', jpeg).stdout).toEqual([
        'No problems found in 1 file.',
      ])
    })

    it('leaves hotspot image content alone', () => {
      const svg = '<svg xmlns="http://www.w3.org/2000/svg"></svg>'
      const result = runWithAsset(at(PATHS.infoHotspot, 'image', 'src'), 'panoramas/loom.svg', svg)
      expect(result.stdout).toEqual(['No problems found in 1 file.'])
    })

    it('skips aspect check for unknown type', async () => {
      writeFile('public/panoramas/fisheye.jpg', await greyJpeg(300, 200))
      const tour = tourWith([
        [panoramaSrc, '../../panoramas/fisheye.jpg'],
        [at(PATHS.panoramaScene, 'panorama', 'type'), 'fisheye'],
      ])
      const lines = run(writeProject(tour)).stdout
      expect(lines.join('\n')).toContain('the field “panorama.type” is "fisheye"')
      expect(lines.join('\n')).not.toContain('pixels')
    })

    // Contents are functions because the JPEG is made in `beforeAll`, after this table is built.
    it.each<[string, string, () => string | Uint8Array]>([
      ['text named .glb', 'models/house.glb', () => 'version https://git-lfs.github.com/spec/v1\n'],
      ['JPEG named .glb', 'models/house.glb', () => panoramaJpeg],
      ['GLB named .gltf', 'models/house.gltf', () => minimalGlb()],
      ['glTF JSON named .glb', 'models/house.glb', () => JSON.stringify(MINIMAL_GLTF_JSON)],
      ['.gltf without asset', 'models/house.gltf', () => '{"scenes": []}'],
      ['.gltf of glTF 1.0', 'models/house.gltf', () => '{"asset": {"version": "1.0"}}'],
      ['invalid .gltf JSON', 'models/house.gltf', () => '{"asset": {"version": "2.0"}'],
      ['empty .glb', 'models/house.glb', () => ''],
      ['text with other extension', 'models/house.obj', () => 'o house\nv 0 0 0\n'],
    ])('rejects %s as model', (_name, name, content) => {
      const result = runWithAsset(modelSrc, name, content())
      expect(result.status).toBe(1)
      expect(problemLines(result)).toEqual([
        expect.stringContaining(`the model "../../${name}" is not a glTF 2.0 file`),
      ])
    })

    it('rejects glTF 1.0 binary', () => {
      const result = runWithAsset(modelSrc, 'models/old.glb', minimalGlb({ version: 1 }))
      expect(problemLines(result)).toEqual([expect.stringContaining('is not a glTF 2.0 file')])
    })

    it('reports GLB shorter than its header says', () => {
      const glb = minimalGlb()
      const result = runWithAsset(modelSrc, 'models/cut.glb', glb.subarray(0, glb.length - 4))
      expect(problemLines(result)).toEqual([
        expect.stringContaining(
          `its header gives a length of ${glb.length} bytes, but the file has ${glb.length - 4} bytes.`,
        ),
      ])
    })

    it.each([
      [
        '.gltf with byte order mark',
        'models/house.gltf',
        `\ufeff${JSON.stringify(MINIMAL_GLTF_JSON)}`,
      ],
      ['GLB with other extension', 'models/house.bin', minimalGlb()],
      ['glTF JSON with other extension', 'models/house.json', JSON.stringify(MINIMAL_GLTF_JSON)],
      ['upper-case extension', 'models/house.GLB', minimalGlb()],
    ])('accepts %s', (_name, name, content) => {
      expect(runWithAsset(modelSrc, name, content).stdout).toEqual(['No problems found in 1 file.'])
    })

    it('reports model in Vietnamese', () => {
      writeFile('public/models/house.glb', 'not a model')
      const file = writeProject(tourWith([[modelSrc, '../../models/house.glb']]))
      expect(run('--lang', 'vi', file).stdout[0]).toContain(
        'Cảnh “stilt-house”: mô hình "../../models/house.glb" không phải tệp glTF 2.0: tệp .glb phải bắt đầu bằng “glTF”, còn tệp .gltf phải là JSON có đối tượng “asset”.',
      )
    })

    it('includes measured size in JSON', async () => {
      writeFile('public/panoramas/wide.jpg', await greyJpeg(300, 200))
      const file = writeProject(tourWith([[panoramaSrc, '../../panoramas/wide.jpg']]))
      const result = run('--json', file)
      const problem = JSON.parse(result.stdout.join('\n')).files[0].problems[0]
      expect(problem.code).toBe('not-equirectangular')
      expect(problem.actual).toBe('300×200')
      expect(problem.value).toBe('../../panoramas/wide.jpg')
    })
  })

  describe('file errors', () => {
    it('reports invalid JSON with line and column', () => {
      const file = writeFile(
        'scenes/tay-bac/tour.json',
        '{\n  "version": 1,\n  "id": "x",\n  "title": }\n',
      )
      const result = run(file)
      expect(result.status).toBe(1)
      expect(result.stdout[0]).toMatch(
        new RegExp(
          `^error {4}${escapeRegExp(file)}:4:12 {2}Tour: the file is not valid JSON: "[^"]+"\\.$`,
        ),
      )
    })

    it('reports trailing comma position', () => {
      const file = writeFile('tour.json', '{\r\n  "version": 1,\r\n}')
      expect(run(file).stdout[0]).toContain(`${file}:3:1  `)
    })

    it('reports empty file', () => {
      const file = writeFile('tour.json', '')
      const result = run(file)
      expect(result.stdout[0]).toContain(`${file}:1:1  Tour: the file is not valid JSON`)
    })

    it('accepts byte order mark', () => {
      const file = writeProject()
      writeFileSync(file, `\ufeff${JSON.stringify(sampleTour())}`)
      expect(run(file).status).toBe(0)
    })

    it('reports missing tour file', () => {
      const missing = join(root, 'nowhere.json')
      const result = run(missing)
      expect(result.status).toBe(1)
      expect(result.stdout[0]).toBe(
        `error    ${missing}  Tour: the file ${JSON.stringify(missing)} was not found.`,
      )
    })

    it('reports folder given as tour file', () => {
      writeProject()
      const folder = join(root, 'scenes', 'tay-bac')
      const expected = JSON.stringify(join(folder, 'tour.json'))
      const result = run(folder)
      expect(result.status).toBe(1)
      expect(result.stdout).toEqual([
        `error    ${folder}  Tour: the path ${JSON.stringify(folder)} is a folder; expected a tour file, such as ${expected}.`,
        '1 error and 0 warnings in 1 file.',
      ])
    })

    it('suggests tour file in sub-folder', () => {
      const tourFile = writeProject()
      const folder = join(root, 'scenes')
      expect(run(folder).stdout[0]).toContain(`such as ${JSON.stringify(tourFile)}.`)
    })

    it('reports folder in Vietnamese', () => {
      const result = run('--lang', 'vi', root)
      expect(result.stdout[0]).toBe(
        `lỗi       ${root}  Tour: đường dẫn ${JSON.stringify(root)} là một thư mục; cần đường dẫn tới tệp tour, ví dụ ${JSON.stringify(join(root, 'tour.json'))}.`,
      )
    })
  })

  describe('unknown keys', () => {
    it('points at misspelt key beside missing field', () => {
      const tour = tourWith([
        [at(PATHS.sceneHotspot, 'target'), REMOVE],
        [at(PATHS.sceneHotspot, 'tagret'), 'stilt-house'],
      ])
      const text = JSON.stringify(tour, null, 2)
      const file = writeProject(tour)
      const hotspot = 'Scene “huoi-nha”, hotspot “to-stilt-house”'
      const lines = run(file).stdout
      expect(lines).toContain(
        `warning  ${file}:${placeOf(text, '"tagret"')}  ${hotspot}: the field “tagret” is not part of the tour format and is ignored.`,
      )
      expect(lines).toContain(
        `error    ${file}:${hotspotPlace(text, 'to-stilt-house')}  ${hotspot}: the field “target” is missing.`,
      )
    })

    it('points at top-level typo', () => {
      const tour = tourWith([
        [['start'], REMOVE],
        [['strat'], 'huoi-nha'],
      ])
      const text = JSON.stringify(tour, null, 2)
      const file = writeProject(tour)
      const result = run(file)
      expect(result.status).toBe(1)
      expect(result.stdout).toContain(
        `warning  ${file}:${placeOf(text, '"strat"')}  Tour: the field “strat” is not part of the tour format and is ignored.`,
      )
      expect(result.stdout).toContain(`error    ${file}:1:1  Tour: the field “start” is missing.`)
    })

    it('points at unlisted locale key', () => {
      const tour = tourWith([[['title'], { vi: 'Tây Bắc', en: 'Northwest', fr: 'Nord-Ouest' }]])
      const text = JSON.stringify(tour, null, 2)
      const file = writeProject(tour)
      expect(run(file).stdout[0]).toContain(`${file}:${placeOf(text, '"fr"')}  `)
    })
  })

  describe('output', () => {
    it('prints Vietnamese with --lang vi', () => {
      const file = writeProject(tourWith([[at(PATHS.modelHotspot, 'target'), 'tea-hill']]))
      const result = run('--lang', 'vi', file)
      expect(result.status).toBe(1)
      expect(result.stdout[0]).toMatch(
        /^lỗi {7}\S+:\d+:\d+ {2}Cảnh “stilt-house”, điểm “back”: điểm này dẫn tới cảnh "tea-hill", nhưng cảnh đó không tồn tại\.$/,
      )
      expect(result.stdout[1]).toBe('1 lỗi và 0 cảnh báo trong 1 tệp.')
    })

    it('prints Vietnamese warnings', () => {
      const file = writeProject(tourWith([[['guide'], {}]]))
      const result = run(`--lang=vi`, file)
      expect(result.stdout[0]).toMatch(/^cảnh báo {2}/)
      expect(result.stdout[1]).toBe('0 lỗi và 1 cảnh báo trong 1 tệp.')
    })

    it('prints Vietnamese clean summary', () => {
      expect(run('--lang', 'vi', writeProject()).stdout).toEqual([
        'Không tìm thấy vấn đề nào trong 1 tệp.',
      ])
    })

    it('prints JSON with --json', () => {
      const tour = tourWith([[['start'], 'ban-lac']])
      const file = writeProject(tour)
      const [line, column] = placeOf(JSON.stringify(tour, null, 2), '"ban-lac"').split(':')
      const result = run('--json', file)
      expect(result.status).toBe(1)
      const report = JSON.parse(result.stdout.join('\n'))
      expect(report.errors).toBe(1)
      expect(report.warnings).toBe(0)
      expect(report.files[0].file).toBe(file)
      expect(report.files[0].problems[0]).toEqual({
        severity: 'error',
        code: 'unknown-start',
        message: 'Tour: the start scene "ban-lac" is not in the list of scenes.',
        line: Number(line),
        column: Number(column),
        path: ['start'],
        where: {},
        field: 'start',
        value: 'ban-lac',
      })
    })

    it('prints help', () => {
      const result = run('--help')
      expect(result.status).toBe(0)
      expect(result.stdout.join('\n')).toContain('--lang <vi|en>  language of the messages')
      expect(result.stdout.join('\n')).toContain('--json')
    })
  })

  describe('command line', () => {
    it('requires a file', () => {
      const result = run()
      expect(result.status).toBe(2)
      expect(result.stderr[0]).toBe('No tour file given.')
    })

    it('rejects unknown language', () => {
      const result = run('--lang', 'fr', 'tour.json')
      expect(result.status).toBe(2)
      expect(result.stderr[0]).toBe('Invalid value for --lang: "fr". Use vi or en.')
    })

    it('rejects unknown option', () => {
      const result = run('--strict', 'tour.json')
      expect(result.status).toBe(2)
      expect(result.stderr[0]).toContain("'--strict'")
    })
  })
})

/** Returns the 1-based `line:column` of the object of the hotspot with `id` in `text`. */
function hotspotPlace(text: string, id: string): string {
  const lines = text.split('\n')
  const idLine = lines.findIndex((line) => line.includes(`"id": "${id}"`))
  const line = lines[idLine - 1] ?? ''
  expect(line.trim(), `line before the id of ${id}`).toBe('{')
  return `${idLine}:${line.indexOf('{') + 1}`
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
}
