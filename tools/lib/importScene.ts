import { readFileSync, writeFileSync } from 'node:fs'
import { basename, dirname, isAbsolute, join, relative, resolve, sep } from 'node:path'
import { tourSiteFor } from './tourSite.ts'

/** A problem with the tour file or the scene to add, with a message that names the file and value. */
export class ImportError extends Error {
  override name = 'ImportError'
}

/** A tour file read for editing. */
export interface TourDocument {
  file: string
  /** The file's text as read, to restore it when the edited tour does not validate. */
  text: string
  json: Record<string, unknown>
}

/** Reads a tour file and checks that a scene can be added under `sceneId`. */
export function readTourForImport(file: string, sceneId: string): TourDocument {
  let text: string
  try {
    text = readFileSync(file, 'utf8')
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error)
    throw new ImportError(`tour file not readable: ${file} (${reason})`)
  }
  let json: unknown
  try {
    json = JSON.parse(text)
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error)
    throw new ImportError(`tour file ${file} is not valid JSON (${reason}); fix it first`)
  }
  if (typeof json !== 'object' || json === null || Array.isArray(json)) {
    throw new ImportError(`tour file ${file} does not contain a JSON object`)
  }
  const tour = json as Record<string, unknown>
  if (!Array.isArray(tour.scenes)) {
    throw new ImportError(`tour file ${file} has no "scenes" list`)
  }
  const taken = tour.scenes.some(
    (scene) =>
      typeof scene === 'object' && scene !== null && (scene as { id?: unknown }).id === sceneId,
  )
  if (taken) {
    throw new ImportError(`tour file ${file} already has a scene "${sceneId}"; choose another --id`)
  }
  return { file, text, json: tour }
}

/**
 * Returns the path a tour file uses for `target`, relative to the tour file as the site serves
 * both. Inside a project (`<project>/scenes/<id>/tour.json`) the target must be under `public/` or
 * `scenes/`.
 *
 * @throws ImportError when the site would not serve the target at any path
 */
export function assetPathFor(tourFile: string, target: string): string {
  const absoluteTour = resolve(tourFile)
  const absoluteTarget = resolve(target)
  const tourFolder = dirname(absoluteTour)
  const scenesFolder = dirname(tourFolder)
  const projectRoot = dirname(scenesFolder)
  const site = tourSiteFor(absoluteTour)

  let path: string
  if (new URL(site.tourUrl).pathname.startsWith('/scenes/')) {
    // Site paths: /scenes/... from <project>/scenes, everything else from <project>/public.
    const underPublic = relative(join(projectRoot, 'public'), absoluteTarget)
    const underScenes = relative(scenesFolder, absoluteTarget)
    let sitePath: string
    if (isInside(underScenes)) sitePath = `scenes/${toPosix(underScenes)}`
    else if (isInside(underPublic)) sitePath = toPosix(underPublic)
    else {
      throw new ImportError(
        `${target} is outside ${join(projectRoot, 'public')}, so the site would not serve it; write the tiles under public/ (for example public/panoramas/<id>)`,
      )
    }
    path = toPosix(relative(`/scenes/${basename(tourFolder)}`, `/${sitePath}`))
  } else {
    path = toPosix(relative(tourFolder, absoluteTarget))
  }

  // Check the path against the validator's own mapping from tour paths to files.
  const mapped = site.assetFile(path)
  if (mapped.kind !== 'file' || resolve(mapped.path) !== absoluteTarget) {
    throw new ImportError(`could not express ${target} as a path in ${tourFile}`)
  }
  return path
}

/**
 * Builds a scene title from `--title` values. Each is plain text for every language, or
 * `<locale>=<text>` for one of the tour's locales. Plain text fills the locales not given.
 */
export function sceneTitle(values: readonly string[], locales: readonly string[]): unknown {
  let plain: string | undefined
  const localized: Record<string, string> = {}
  for (const value of values) {
    const match = /^([a-z]{2,3}(?:-[A-Za-z0-9]+)*)=(.*)$/s.exec(value)
    if (match && locales.includes(match[1] as string))
      localized[match[1] as string] = match[2] as string
    else plain = value
  }
  if (Object.keys(localized).length === 0) return plain ?? ''
  if (plain !== undefined) {
    for (const locale of locales) localized[locale] ??= plain
  }
  return localized
}

/** Appends a tiled panorama scene and writes the tour with 2-space indentation. */
export function writeTourWithScene(
  document: TourDocument,
  scene: { id: string; title: unknown; src: string },
): void {
  const scenes = document.json.scenes as unknown[]
  scenes.push({
    id: scene.id,
    kind: 'panorama',
    title: scene.title,
    panorama: { type: 'tiles', src: scene.src },
    hotspots: [],
  })
  writeFileSync(document.file, `${JSON.stringify(document.json, null, 2)}\n`)
}

/** Puts back the tour file's text as it was read. */
export function restoreTour(document: TourDocument): void {
  writeFileSync(document.file, document.text)
}

function isInside(relativePath: string): boolean {
  return relativePath !== '' && !relativePath.startsWith('..') && !isAbsolute(relativePath)
}

function toPosix(path: string): string {
  return path.split(sep).join('/')
}
