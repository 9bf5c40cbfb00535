import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join, relative } from 'node:path'
import type { Plugin } from 'vite'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { tourFiles } from '../../../tools/lib/vitePlugins.ts'
import { greyJpeg } from '../support/assetFiles.ts'
import { minimalTour, REMOVE, tourWith } from '../support/tours.ts'

/** What the `generateBundle` hook asked the bundler to do. */
interface HookRun {
  emitted: { fileName: string; source: Uint8Array }[]
  warnings: string[]
  errors: { message: string; stack?: string }[]
}

/** Thrown by the stand-in `this.error`, which, like the bundler's, never returns. */
class BuildFailure extends Error {}

/** Runs the plugin's `generateBundle` hook with a stand-in for the bundler's plugin context. */
function generateBundle(plugin: Plugin): HookRun {
  const run: HookRun = { emitted: [], warnings: [], errors: [] }
  const context = {
    emitFile(file: { fileName: string; source: Uint8Array }) {
      run.emitted.push(file)
      return file.fileName
    },
    warn(message: string) {
      run.warnings.push(message)
    },
    error(log: string | { message: string; stack?: string }) {
      run.errors.push(typeof log === 'string' ? { message: log } : log)
      throw new BuildFailure(typeof log === 'string' ? log : log.message)
    },
  }
  const hook = plugin.generateBundle as unknown as (this: typeof context) => void
  try {
    hook.call(context)
  } catch (error) {
    if (!(error instanceof BuildFailure)) throw error
  }
  return run
}

let root: string

beforeEach(async () => {
  root = mkdtempSync(join(tmpdir(), 'tour-files-'))
  writeFile('public/panoramas/huoi-nha.jpg', await greyJpeg(64, 32))
})

afterEach(() => {
  rmSync(root, { recursive: true, force: true })
})

function writeFile(relativePath: string, content: string | Uint8Array): string {
  const path = join(root, relativePath)
  mkdirSync(dirname(path), { recursive: true })
  writeFileSync(path, content)
  return path
}

function writeTour(id: string, tour: unknown): string {
  return writeFile(`scenes/${id}/tour.json`, JSON.stringify(tour, null, 2))
}

/** Returns the tour file's name as the build prints it: relative to the working folder. */
const displayedName = (file: string) => relative(process.cwd(), file)

/** Returns the 1-based `line:column` of the first occurrence of `needle` in the file. */
function placeOf(file: string, needle: string): string {
  const lines = readFileSync(file, 'utf8').split('\n')
  const index = lines.findIndex((line) => line.includes(needle))
  expect(index, `${needle} in ${file}`).toBeGreaterThanOrEqual(0)
  return `${index + 1}:${(lines[index] ?? '').indexOf(needle) + 1}`
}

/** Returns the `line:column` of the `{` that opens the object whose first line is `needle`. */
function placeOfObjectWith(file: string, needle: string): string {
  const [line = 0] = placeOf(file, needle).split(':').map(Number)
  const opening = readFileSync(file, 'utf8').split('\n')[line - 2] ?? ''
  expect(opening.trim(), `line before ${needle}`).toBe('{')
  return `${line - 1}:${opening.indexOf('{') + 1}`
}

describe('tools/lib/vitePlugins tourFiles', () => {
  it('passes valid tours silently', () => {
    writeTour('a', minimalTour())
    const run = generateBundle(tourFiles(join(root, 'scenes')))
    expect(run.errors).toEqual([])
    expect(run.warnings).toEqual([])
    expect(run.emitted.map((file) => file.fileName)).toEqual(['scenes/a/tour.json'])
  })

  it('reports every invalid tour once', () => {
    const first = writeTour(
      'a',
      tourWith(
        [
          [['start'], REMOVE],
          [['strat'], 'only'],
        ],
        minimalTour(),
      ),
    )
    const second = writeTour(
      'b',
      tourWith([[['scenes', 0, 'panorama', 'src'], '../../panoramas/gate.jpg']], minimalTour()),
    )
    writeTour('c', minimalTour())

    const run = generateBundle(tourFiles(join(root, 'scenes')))

    expect(run.errors).toHaveLength(1)
    expect(run.errors[0]?.stack).toBe('')
    expect(run.errors[0]?.message.split('\n')).toEqual([
      'Invalid bundled tours (check one with npm run tour:validate -- <file>):',
      `warning  ${displayedName(first)}:${placeOfObjectWith(first, '"id": "only"')}  Scene “only”: no scene links to this scene; it opens only from the scene list.`,
      `warning  ${displayedName(first)}:${placeOf(first, '"strat"')}  Tour: the field “strat” is not part of the tour format and is ignored.`,
      `error    ${displayedName(first)}:1:1  Tour: the field “start” is missing.`,
      `error    ${displayedName(second)}:${placeOf(second, '"../../panoramas/gate.jpg"')}  Scene “only”: the file "../../panoramas/gate.jpg" was not found.`,
      '2 errors and 2 warnings in 2 files.',
    ])
    expect(run.warnings).toEqual([])
  })

  it('copies every file unchanged', () => {
    writeTour('a', tourWith([[['start'], 'nowhere']], minimalTour()))
    const notes = writeFile('scenes/a/notes/credits.txt', 'Photo: Lò Văn A')
    const run = generateBundle(tourFiles(join(root, 'scenes')))
    expect(run.errors).toHaveLength(1)
    const emitted = Object.fromEntries(run.emitted.map((file) => [file.fileName, file.source]))
    expect(Object.keys(emitted).sort()).toEqual([
      'scenes/a/notes/credits.txt',
      'scenes/a/tour.json',
    ])
    expect(emitted['scenes/a/notes/credits.txt']).toEqual(readFileSync(notes))
  })

  it('prints warnings of valid tours', () => {
    const file = writeTour(
      'a',
      tourWith([[['scenes', 0, 'panorama', 'src'], '/panoramas/huoi-nha.jpg']], minimalTour()),
    )
    const run = generateBundle(tourFiles(join(root, 'scenes')))
    expect(run.errors).toEqual([])
    expect(run.warnings).toHaveLength(1)
    expect(run.warnings[0]?.split('\n')).toEqual([
      'Warnings in bundled tours (check one with npm run tour:validate -- <file>):',
      `warning  ${displayedName(file)}:${placeOf(file, '"/panoramas/huoi-nha.jpg"')}  Scene “only”: the path "/panoramas/huoi-nha.jpg" starts at the site root, so it breaks when the site is served from a sub-folder; write it relative to the tour file, such as "../../panoramas/huoi-nha.jpg".`,
      '0 errors and 1 warning in 1 file.',
    ])
  })
})
