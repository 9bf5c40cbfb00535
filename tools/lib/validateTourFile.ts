import { readFileSync, statSync } from 'node:fs'
import type { TourProblem } from '../../src/tour/problems.ts'
import { TOUR_VERSION } from '../../src/tour/schema.ts'
import { locate, validateTour } from '../../src/tour/validate.ts'
import { offsetOfPath, positionAt, scanJson } from './jsonPositions.ts'
import { type TourSite, tourSiteFor } from './tourSite.ts'

/** A tour problem with the place in the file it refers to, when that place is known. */
export interface FileProblem extends TourProblem {
  /** 1-based line of the bad value, or of the object that a missing field belongs in. */
  line?: number
  /** 1-based column on that line, in UTF-16 code units. */
  column?: number
}

/**
 * Validates a tour file on disk and returns every problem found, each with its line and column
 * where known. Besides a missing file, invalid JSON and the rules of `validateTour`, it reports
 * each panorama, model or image that the tour names but that is not on disk. `tourSiteFor`
 * describes how asset paths map to files.
 */
export function validateTourFile(file: string): FileProblem[] {
  const text = readTourText(file)
  if (text === null) {
    return [{ severity: 'error', code: 'file-not-found', path: [], where: {}, value: file }]
  }

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
  const allProblems = isVersion1 ? [...problems, ...missingAssetProblems(json, site)] : problems

  const scan = scanJson(text)
  return allProblems.map((problem) => {
    const offset = offsetOfPath(scan, problem.path)
    return offset === undefined ? problem : { ...problem, ...positionAt(text, offset) }
  })
}

/** Returns the file's text without a byte order mark, or null when there is no such file. */
function readTourText(file: string): string | null {
  let text: string
  try {
    text = readFileSync(file, 'utf8')
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code
    if (code === 'ENOENT' || code === 'EISDIR' || code === 'ENOTDIR') return null
    throw error
  }
  // The app reads tour files with `Response.text()`, which drops a UTF-8 byte order mark, so a
  // file saved with one (as some Windows editors do) is valid there and must be valid here.
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text
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

/** An asset path found in a tour and its JSON path. */
interface AssetReference {
  src: string
  path: (string | number)[]
}

/**
 * Lists the asset paths of a tour: each panorama and model source and the image of each offer and
 * info hotspot. It reads the raw JSON, so files are checked even where other fields are invalid.
 */
function assetReferences(tour: unknown): AssetReference[] {
  if (!isObject(tour)) return []
  const references: AssetReference[] = []
  const add = (owner: unknown, key: string, path: (string | number)[]) => {
    const src = isObject(owner) ? owner[key] : undefined
    if (typeof src === 'string' && src !== '') references.push({ src, path: [...path, key] })
  }

  asArray(tour.offers).forEach((offer, offerIndex) => {
    if (isObject(offer)) add(offer.image, 'src', ['offers', offerIndex, 'image'])
  })
  asArray(tour.scenes).forEach((scene, sceneIndex) => {
    if (!isObject(scene)) return
    add(scene.panorama, 'src', ['scenes', sceneIndex, 'panorama'])
    add(scene.model, 'src', ['scenes', sceneIndex, 'model'])
    asArray(scene.hotspots).forEach((hotspot, hotspotIndex) => {
      if (!isObject(hotspot)) return
      add(hotspot.image, 'src', ['scenes', sceneIndex, 'hotspots', hotspotIndex, 'image'])
    })
  })
  return references
}

function missingAssetProblems(tour: unknown, site: TourSite): TourProblem[] {
  const problems: TourProblem[] = []
  for (const { src, path } of assetReferences(tour)) {
    const target = site.assetFile(src)
    if (target.kind === 'unchecked') continue
    if (target.kind === 'file' && isFile(target.path)) continue
    // NOTE: on a case-insensitive file system (the macOS and Windows defaults) a path that differs
    // from the file's name only in letter case passes here, but a case-sensitive host returns 404.
    const { where, field } = locate(tour, path)
    problems.push({ severity: 'error', code: 'file-not-found', path, where, field, value: src })
  }
  return problems
}

function isFile(path: string): boolean {
  try {
    return statSync(path).isFile()
  } catch {
    // Not found, or not reachable (a file used as a folder, a name too long, no permission).
    return false
  }
}
