import type { TourProblem } from './problems.ts'
import type { CubeFaces, PanoramaSource, Scene, Tour } from './schema.ts'
import { resolveAssetUrl, validateTour } from './validate.ts'

/** Reason a tour could not be opened. */
export type TourLoadError =
  | { kind: 'http'; url: string; status: number }
  | { kind: 'network'; url: string; detail: string }
  | { kind: 'json'; url: string; detail: string; line?: number; column?: number }
  | { kind: 'invalid'; url: string; problems: TourProblem[] }

export type TourLoadResult =
  | { ok: true; tour: Tour; url: string; warnings: TourProblem[] }
  | { ok: false; error: TourLoadError }

/**
 * Downloads, parses and validates a tour file, then resolves every asset path in it against the
 * file's URL so the rest of the app deals only in absolute URLs.
 */
export async function loadTour(
  url: string,
  options: { fetch?: typeof fetch; signal?: AbortSignal } = {},
): Promise<TourLoadResult> {
  const fetchImpl = options.fetch ?? fetch
  let response: Response
  try {
    response = await fetchImpl(url, { signal: options.signal, credentials: 'same-origin' })
  } catch (error) {
    return { ok: false, error: { kind: 'network', url, detail: String(error) } }
  }
  if (!response.ok) return { ok: false, error: { kind: 'http', url, status: response.status } }

  let json: unknown
  const text = await response.text()
  try {
    json = JSON.parse(text)
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error)
    const position = jsonErrorPosition(text, detail)
    return { ok: false, error: { kind: 'json', url, detail, ...position } }
  }

  const finalUrl = response.url || url
  const { tour, problems } = validateTour(json, { tourUrl: finalUrl })
  if (!tour) return { ok: false, error: { kind: 'invalid', url: finalUrl, problems } }
  return { ok: true, tour: resolveTourAssets(tour, finalUrl), url: finalUrl, warnings: problems }
}

/**
 * Returns the line and column of a `JSON.parse` error, read from the offset that V8 and
 * SpiderMonkey put in their messages ("at position 27", "at line 1 column 28"), or nothing when the
 * message has no position.
 */
export function jsonErrorPosition(
  text: string,
  message: string,
): { line: number; column: number } | Record<string, never> {
  const lineColumn = /line (\d+) column (\d+)/.exec(message)
  if (lineColumn?.[1] && lineColumn[2]) {
    return { line: Number(lineColumn[1]), column: Number(lineColumn[2]) }
  }
  const position = /at position (\d+)/.exec(message)
  let offset: number | undefined = position?.[1] ? Number(position[1]) : undefined
  if (offset === undefined && /unexpected end/i.test(message)) offset = text.length
  if (offset === undefined) return {}
  const before = text.slice(0, offset)
  const line = before.split(/\r\n|\r|\n/).length
  const lastBreak = Math.max(before.lastIndexOf('\n'), before.lastIndexOf('\r'))
  return { line, column: offset - lastBreak }
}

/** Returns a copy of the tour with every asset path replaced by its absolute URL. */
export function resolveTourAssets(tour: Tour, tourUrl: string): Tour {
  const resolve = (path: string) => resolveAssetUrl(path, tourUrl)?.href ?? path
  return {
    ...tour,
    offers: tour.offers.map((offer) =>
      offer.image ? { ...offer, image: { ...offer.image, src: resolve(offer.image.src) } } : offer,
    ),
    scenes: tour.scenes.map((scene): Scene => {
      const hotspots = scene.hotspots.map((hotspot) =>
        hotspot.kind === 'info' && hotspot.image
          ? { ...hotspot, image: { ...hotspot.image, src: resolve(hotspot.image.src) } }
          : hotspot,
      )
      if (scene.kind === 'panorama') {
        return {
          ...scene,
          panorama: resolvePanoramaSource(scene.panorama, resolve),
          hotspots: hotspots as typeof scene.hotspots,
        }
      }
      return {
        ...scene,
        model: { ...scene.model, src: resolve(scene.model.src) },
        hotspots: hotspots as typeof scene.hotspots,
      }
    }),
  }
}

function resolvePanoramaSource(
  source: PanoramaSource,
  resolve: (path: string) => string,
): PanoramaSource {
  if (source.type !== 'cube') return { ...source, src: resolve(source.src) }
  const faces = Object.fromEntries(
    Object.entries(source.faces).map(([face, path]) => [face, resolve(path)]),
  ) as CubeFaces
  return { ...source, faces }
}
