import type { LocalizedString } from '../tour/schema.ts'
import { normalizeOrigins } from './protocol.ts'

/**
 * The few facts of a tour file the embed poster shows, read without the tour schema so the poster
 * does not load zod. The full app validates the file when the visitor starts the tour, and shows
 * any problem then.
 */
export interface PosterTour {
  id: string
  title: LocalizedString | undefined
  defaultLocale: string
  start: string
  scenes: PosterScene[]
  allowedOrigins: string[]
}

export interface PosterScene {
  id: string
  kind: 'panorama' | 'model'
  title: LocalizedString | undefined
  /** Panorama image path relative to the tour file; absent for a model scene. */
  panorama?: string
  view?: { yaw: number; pitch: number }
}

type JsonObject = Record<string, unknown>

function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

function asLocalized(value: unknown): LocalizedString | undefined {
  if (typeof value === 'string') return value
  if (!isObject(value)) return undefined
  const entries = Object.entries(value).filter(
    (entry): entry is [string, string] => typeof entry[1] === 'string',
  )
  return entries.length > 0 ? Object.fromEntries(entries) : undefined
}

/**
 * Returns an image path that stands for a panorama source: the image itself, the preview that the
 * tiling tool always writes beside tiles.json, or the front face of a cube.
 */
function posterImagePath(source: JsonObject): string | undefined {
  if (typeof source.src === 'string') {
    return source.type === 'tiles' ? source.src.replace(/[^/]*$/, 'preview.jpg') : source.src
  }
  if (isObject(source.faces) && typeof source.faces.f === 'string') return source.faces.f
  return undefined
}

/** Reads the poster facts from a parsed tour file, or returns null when it is not a tour. */
export function readPosterTour(input: unknown): PosterTour | null {
  if (!isObject(input) || typeof input.id !== 'string' || !Array.isArray(input.scenes)) return null
  const scenes: PosterScene[] = []
  for (const raw of input.scenes) {
    if (!isObject(raw) || typeof raw.id !== 'string') continue
    if (raw.kind !== 'panorama' && raw.kind !== 'model') continue
    const scene: PosterScene = { id: raw.id, kind: raw.kind, title: asLocalized(raw.title) }
    if (raw.kind === 'panorama' && isObject(raw.panorama)) {
      scene.panorama = posterImagePath(raw.panorama)
    }
    if (
      isObject(raw.view) &&
      typeof raw.view.yaw === 'number' &&
      typeof raw.view.pitch === 'number'
    ) {
      scene.view = { yaw: raw.view.yaw, pitch: raw.view.pitch }
    }
    scenes.push(scene)
  }
  const locales = Array.isArray(input.locales) ? input.locales : []
  const embed = isObject(input.embed) ? input.embed : {}
  return {
    id: input.id,
    title: asLocalized(input.title),
    defaultLocale: typeof locales[0] === 'string' ? locales[0] : 'vi',
    start: typeof input.start === 'string' ? input.start : (scenes[0]?.id ?? ''),
    scenes,
    allowedOrigins: normalizeOrigins(
      Array.isArray(embed.allowedOrigins) ? embed.allowedOrigins : [],
    ),
  }
}

/** Returns the scene the poster shows: the one the link names, else the start scene. */
export function posterScene(
  tour: PosterTour,
  sceneId: string | undefined,
): PosterScene | undefined {
  return (
    tour.scenes.find((scene) => scene.id === sceneId) ??
    tour.scenes.find((scene) => scene.id === tour.start) ??
    tour.scenes[0]
  )
}

/**
 * Returns the panorama to show scaled down when the tour has no generated preview: the scene's own
 * image, or for a model scene the tour's first panorama.
 */
export function fallbackPanorama(tour: PosterTour, scene: PosterScene): PosterScene | undefined {
  if (scene.panorama !== undefined) return scene
  return tour.scenes.find((candidate) => candidate.panorama !== undefined)
}

/** Path of a scene's generated preview image, relative to the app page (see tools/lib/sharePages.ts). */
export function previewImagePath(tourId: string, sceneId: string): string {
  return `share/${encodeURIComponent(tourId)}/${encodeURIComponent(sceneId)}.jpg`
}

/**
 * True when the tour is one of the app's bundled tours, served at `scenes/<id>/tour.json` beside the
 * page, for which the build wrote preview images.
 */
export function isBundledTour(tour: PosterTour, tourUrl: string, pageBase: string): boolean {
  return new URL(`scenes/${encodeURIComponent(tour.id)}/tour.json`, pageBase).href === tourUrl
}
