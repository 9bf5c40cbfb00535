import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join } from 'node:path'
import type { ProblemCode, TourProblem } from '../../src/tour/problems.ts'
import { TOUR_VERSION } from '../../src/tour/schema.ts'
import { locate, validateTour } from '../../src/tour/validate.ts'
import { type ContentProblem, checkModelFile, checkPanoramaFile } from './assetContent.ts'
import { type JsonScan, offsetOfKey, offsetOfPath, positionAt, scanJson } from './jsonPositions.ts'
import { type TourSite, tourSiteFor } from './tourSite.ts'

/** A tour problem with the place in the file it refers to, when that place is known. */
export interface FileProblem extends TourProblem {
  /** 1-based line of the bad value, or of the object that a missing field belongs in. */
  line?: number
  /** 1-based column on that line, in UTF-16 code units. */
  column?: number
}

/** Problems about a key itself, such as a misspelt field name, which point at the key. */
const KEY_PROBLEMS: ReadonlySet<ProblemCode> = new Set(['unknown-key', 'unlisted-locale'])

/**
 * Validates a tour file on disk and returns every problem found, each with its line and column
 * where known. Besides a missing file, invalid JSON and the rules of `validateTour`, it reports
 * each panorama, model or image that the tour names but that is not on disk, and each panorama or
 * model file whose content the app cannot show. `tourSiteFor` describes how asset paths map to
 * files.
 */
export function validateTourFile(file: string): FileProblem[] {
  const source = readTourText(file)
  if (source.kind === 'missing') {
    return [{ severity: 'error', code: 'file-not-found', path: [], where: {}, value: file }]
  }
  if (source.kind === 'folder') {
    return [
      {
        severity: 'error',
        code: 'path-is-folder',
        path: [],
        where: {},
        value: file,
        expected: JSON.stringify(tourFileIn(file)),
      },
    ]
  }
  const { text } = source

  let json: unknown
  try {
    json = JSON.parse(text)
  } catch (error) {
    return [invalidJsonProblem(text, error)]
  }

  const site = tourSiteFor(file)
  const { problems } = validateTour(json, { tourUrl: site.tourUrl })
  // Like `validateTour`, report nothing else for a file of another or no version, because the
  // asset fields of another version may differ.
  const isVersion1 = isObject(json) && json.version === TOUR_VERSION
  const allProblems = isVersion1 ? [...problems, ...assetFileProblems(json, site)] : problems

  const scan = scanJson(text)
  return allProblems.map((problem) => {
    const offset = offsetOfProblem(scan, problem)
    return offset === undefined ? problem : { ...problem, ...positionAt(text, offset) }
  })
}

function offsetOfProblem(scan: JsonScan, problem: TourProblem): number | undefined {
  const keyOffset = KEY_PROBLEMS.has(problem.code) ? offsetOfKey(scan, problem.path) : undefined
  return keyOffset ?? offsetOfPath(scan, problem.path)
}

/**
 * Returns a tour file to suggest for a folder: its own `tour.json`, else the first
 * `<sub-folder>/tour.json` (as in `scenes/`), else `tour.json` in it as an example.
 */
function tourFileIn(folder: string): string {
  const own = join(folder, 'tour.json')
  if (isFile(own)) return own
  let names: string[]
  try {
    names = readdirSync(folder).sort()
  } catch {
    return own
  }
  const nested = names.map((name) => join(folder, name, 'tour.json')).find(isFile)
  return nested ?? own
}

type TourSource = { kind: 'text'; text: string } | { kind: 'missing' } | { kind: 'folder' }

/** Returns the file's text without a byte order mark, or why there is no text to read. */
function readTourText(file: string): TourSource {
  let text: string
  try {
    text = readFileSync(file, 'utf8')
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code
    if (code === 'EISDIR') return { kind: 'folder' }
    if (code === 'ENOENT' || code === 'ENOTDIR') return { kind: 'missing' }
    throw error
  }
  // The app reads tour files with `Response.text()`, which drops a UTF-8 byte order mark, so a
  // file saved with one (as some Windows editors do) is valid there and must be valid here.
  return { kind: 'text', text: text.charCodeAt(0) === 0xfeff ? text.slice(1) : text }
}

function invalidJsonProblem(text: string, error: unknown): FileProblem {
  const message = error instanceof Error ? error.message : String(error)
  const offset = scanJson(text).errorOffset ?? offsetInMessage(message) ?? text.length
  return {
    severity: 'error',
    code: 'invalid-json',
    path: [],
    where: {},
    value: parserReason(message),
    ...positionAt(text, offset),
  }
}

/**
 * Returns the reason from a `JSON.parse` message without the position and the quoted source that
 * V8 adds, because the problem carries its own line and column.
 */
function parserReason(message: string): string {
  const reason = message
    .replace(/ in JSON at position \d+.*$/s, '')
    .replace(/^(Unexpected token '.+?'), .* is not valid JSON$/s, '$1')
    .trim()
  return reason === '' ? message : reason
}

function offsetInMessage(message: string): number | undefined {
  const match = /at position (\d+)/.exec(message)
  return match?.[1] === undefined ? undefined : Number(match[1])
}

type JsonObject = Record<string, unknown>

function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

function asArray(value: unknown): unknown[] {
  return Array.isArray(value) ? value : []
}

/** An asset path found in a tour, its JSON path and what the tour uses the file for. */
interface AssetReference {
  src: string
  path: (string | number)[]
  use: AssetUse
}

/** Purpose of an asset file in a tour. A panorama's entry carries its `type`, such as `equirect`. */
type AssetUse = { kind: 'panorama'; type: unknown } | { kind: 'model' } | { kind: 'image' }

/**
 * Lists the asset paths of a tour: each panorama source or cube face, each model source and the
 * image of each offer and info hotspot. It reads the raw JSON, so files are checked even where other fields are invalid.
 */
function assetReferences(tour: unknown): AssetReference[] {
  if (!isObject(tour)) return []
  const references: AssetReference[] = []
  const add = (owner: unknown, path: (string | number)[], use: AssetUse) => {
    const src = isObject(owner) ? owner.src : undefined
    if (typeof src === 'string' && src !== '') references.push({ src, path: [...path, 'src'], use })
  }

  asArray(tour.offers).forEach((offer, offerIndex) => {
    if (isObject(offer)) add(offer.image, ['offers', offerIndex, 'image'], { kind: 'image' })
  })
  asArray(tour.scenes).forEach((scene, sceneIndex) => {
    if (!isObject(scene)) return
    const panorama = scene.panorama
    const type = isObject(panorama) ? panorama.type : undefined
    add(panorama, ['scenes', sceneIndex, 'panorama'], { kind: 'panorama', type })
    if (isObject(panorama) && isObject(panorama.faces)) {
      for (const [face, src] of Object.entries(panorama.faces)) {
        if (typeof src !== 'string' || src === '') continue
        const path = ['scenes', sceneIndex, 'panorama', 'faces', face]
        references.push({ src, path, use: { kind: 'panorama', type } })
      }
    }
    add(scene.model, ['scenes', sceneIndex, 'model'], { kind: 'model' })
    asArray(scene.hotspots).forEach((hotspot, hotspotIndex) => {
      if (!isObject(hotspot)) return
      const path = ['scenes', sceneIndex, 'hotspots', hotspotIndex, 'image']
      add(hotspot.image, path, { kind: 'image' })
    })
  })
  return references
}

/** Reports each asset file that is not on disk, and each panorama or model the app cannot use. */
function assetFileProblems(tour: unknown, site: TourSite): TourProblem[] {
  const problems: TourProblem[] = []
  for (const { src, path, use } of assetReferences(tour)) {
    const target = site.assetFile(src)
    if (target.kind === 'unchecked') continue
    const { where, field } = locate(tour, path)
    // NOTE: on a case-insensitive file system (the macOS and Windows defaults) a path that differs
    // from the file's name only in letter case passes here, but a case-sensitive host returns 404.
    if (target.kind !== 'file' || !isFile(target.path)) {
      problems.push({ severity: 'error', code: 'file-not-found', path, where, field, value: src })
      continue
    }
    for (const problem of contentProblems(target.path, use)) {
      problems.push({ ...problem, path, where, field, value: src })
    }
  }
  return problems
}

function contentProblems(file: string, use: AssetUse): ContentProblem[] {
  switch (use.kind) {
    case 'panorama':
      return checkPanoramaFile(file, use.type)
    case 'model': {
      const problem = checkModelFile(file)
      return problem ? [problem] : []
    }
    case 'image':
      // Hotspot and offer images are shown by the browser's own image decoder, which also reads
      // formats such as SVG, GIF and AVIF, so their content is not checked.
      return []
  }
}

function isFile(path: string): boolean {
  try {
    return statSync(path).isFile()
  } catch {
    // Not found, or not reachable (a file used as a folder, a name too long, no permission).
    return false
  }
}
