import { mkdirSync, mkdtempSync, rmSync, unlinkSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { CommandOutput } from '../../../tools/lib/cli.ts'
import { validateTourCommand } from '../../../tools/validate-tour.ts'
import {
  type JsonPath,
  minimalTour,
  PATHS,
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

beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'validate-tour-'))
})

afterEach(() => {
  rmSync(root, { recursive: true, force: true })
})

function writeFile(relativePath: string, text = ''): string {
  const path = join(root, relativePath)
  mkdirSync(dirname(path), { recursive: true })
  writeFileSync(path, text)
  return path
}

/**
 * Lays out a project in the temporary folder (`public/` with the sample assets, and the tour at
 * `scenes/tay-bac/tour.json`) and returns the tour file's path.
 */
function writeProject(tour: unknown = sampleTour()): string {
  for (const asset of SAMPLE_ASSETS) writeFile(join('public', asset))
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
      const tour = tourWith([[['kiosk'], 'attract-loop']])
      const file = writeProject(tour)
      const place = placeOf(JSON.stringify(tour, null, 2), '"attract-loop"')
      const result = run(file)
      expect(result.status).toBe(0)
      expect(result.stdout).toEqual([
        `warning  ${file}:${place}  Tour: the field “kiosk” is not part of the tour format and is ignored.`,
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
      expect(run(file).status).toBe(0)
    })

    it('maps /scenes path to scenes folder', () => {
      writeFile('scenes/tay-bac/preview.jpg')
      const file = writeProject(tourWith([[panoramaSrc, '/scenes/tay-bac/preview.jpg']]))
      expect(run(file).status).toBe(0)
    })

    it('finds file beside the tour', () => {
      writeFile('scenes/tay-bac/preview.jpg')
      const file = writeProject(tourWith([[panoramaSrc, 'preview.jpg']]))
      expect(run(file).status).toBe(0)
    })

    it('does not look in public for scenes paths', () => {
      writeFile('public/scenes/tay-bac/preview.jpg')
      const file = writeProject(tourWith([[panoramaSrc, 'preview.jpg']]))
      expect(run(file).status).toBe(1)
    })

    it('clamps parent steps at site root', () => {
      const file = writeProject(tourWith([[panoramaSrc, '../../../../panoramas/huoi-nha.jpg']]))
      expect(run(file).status).toBe(0)
    })

    it('decodes percent-escapes', () => {
      writeFile('public/panoramas/chợ phiên.jpg')
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
      writeFile('panoramas/huoi-nha.jpg')
      const tour = tourWith([[panoramaSrc, '../../panoramas/huoi-nha.jpg']], minimalTour())
      const file = writeFile('scenes/tay-bac/tour.json', JSON.stringify(tour))
      expect(run(file).status).toBe(0)
    })

    it('resolves loose file against its folder', () => {
      writeFile('drafts/pano/a.jpg')
      writeFile('shared/b.jpg')
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
      expect(run(file).status).toBe(0)
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
      const file = writeProject(tourWith([[['kiosk'], {}]]))
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

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
}
