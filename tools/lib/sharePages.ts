import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { escapeAttribute } from '../../src/core/share.ts'
import { type LocalizedString, type Scene, type Tour, TourSchema } from '../../src/tour/schema.ts'
import { brandedCard, PREVIEW_HEIGHT, PREVIEW_WIDTH, panoramaPreview } from './sharePreview.ts'

/** The bundled tour the app opens without a `tour` parameter (see DEFAULT_TOUR_PATH). */
const DEFAULT_TOUR_ID = 'tay-bac'
/** Maximum length of og:description; a longer tour description is cut at a word. */
const MAX_DESCRIPTION_LENGTH = 200
/** Stand-in origin for resolving a tour's paths to site paths. */
const SITE = 'https://site.invalid/'

/** One file of the share pages, relative to the site root. */
export interface ShareFile {
  fileName: string
  source: string | Buffer
}

export interface SharePageInput {
  tour: Tour
  scene: Scene
  /** Public origin and path of the site, such as `https://tour.example.org/`; absent: relative. */
  publicUrl?: string
}

/** Path of a scene's share page, relative to the site root. */
export function sharePagePath(tourId: string, sceneId: string): string {
  return `share/${tourId}/${sceneId}.html`
}

/** Path of a scene's preview image; the embed poster reads the same (see posterTour.ts). */
export function sharePreviewPath(tourId: string, sceneId: string): string {
  return `share/${tourId}/${sceneId}.jpg`
}

function textIn(text: LocalizedString | undefined, locale: string): string {
  if (text === undefined) return ''
  if (typeof text === 'string') return text
  return text[locale] ?? Object.values(text)[0] ?? ''
}

function shorten(text: string, max: number): string {
  const flat = text.replace(/\s+/g, ' ').trim()
  if (flat.length <= max) return flat
  const cut = flat.slice(0, max - 1)
  return `${cut.slice(0, Math.max(cut.lastIndexOf(' '), max / 2))}…`
}

/**
 * Returns the HTML of a scene's share page: Open Graph and Twitter card tags in the tour's first
 * language, and a script that opens the app at the scene, with a plain link for visitors without
 * JavaScript. Crawlers do not run scripts, so they stay on this page and read its tags.
 */
export function sharePageHtml({ tour, scene, publicUrl }: SharePageInput): string {
  const locale = tour.locales[0] ?? 'vi'
  const sceneTitle = textIn(scene.title, locale)
  const tourTitle = textIn(tour.title, locale)
  const title = `${sceneTitle} – ${tourTitle}`
  const description = shorten(
    textIn(tour.description, locale).split('\n')[0] || tourTitle,
    MAX_DESCRIPTION_LENGTH,
  )
  const query = new URLSearchParams()
  if (tour.id !== DEFAULT_TOUR_ID) query.set('tour', `scenes/${tour.id}/tour.json`)
  query.set('scene', scene.id)
  const appHref = `../../?${query}`
  const image = sharePreviewPath(tour.id, scene.id)
  const imageUrl = publicUrl ? new URL(image, publicUrl).href : `../../${image}`
  const pageUrl = publicUrl ? new URL(sharePagePath(tour.id, scene.id), publicUrl).href : null
  const attr = escapeAttribute

  return `<!doctype html>
<html lang="${attr(locale)}">
  <head>
    <meta charset="UTF-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <title>${attr(title)}</title>
    <meta name="description" content="${attr(description)}" />
    <meta property="og:type" content="website" />
    <meta property="og:site_name" content="${attr(tourTitle)}" />
    <meta property="og:title" content="${attr(title)}" />
    <meta property="og:description" content="${attr(description)}" />
    <meta property="og:locale" content="${attr(locale.replace('-', '_'))}" />
    <meta property="og:image" content="${attr(imageUrl)}" />
    <meta property="og:image:width" content="${PREVIEW_WIDTH}" />
    <meta property="og:image:height" content="${PREVIEW_HEIGHT}" />
    <meta property="og:image:alt" content="${attr(sceneTitle)}" />
${pageUrl ? `    <meta property="og:url" content="${attr(pageUrl)}" />\n` : ''}    <meta name="twitter:card" content="summary_large_image" />
    <meta name="twitter:title" content="${attr(title)}" />
    <meta name="twitter:description" content="${attr(description)}" />
    <meta name="twitter:image" content="${attr(imageUrl)}" />
    <script>location.replace(${JSON.stringify(appHref)})</script>
  </head>
  <body>
    <p><a href="${attr(appHref)}">${attr(title)}</a></p>
  </body>
</html>
`
}

/**
 * Returns the image and view a preview shows: a panorama scene at its start view (a tiled one
 * through its preview image), and for a model or cube scene the tour's first panorama with one
 * equirectangular image (no 3D still is rendered at build time).
 * Returns null when the tour has no panorama at all, for which the branded card is used.
 */
export function previewSource(
  tour: Tour,
  scene: Scene,
): { src: string; view: { yaw: number; pitch: number; fov: number } } | null {
  const hasImage = (candidate: Scene) =>
    candidate.kind === 'panorama' && candidate.panorama.type !== 'cube'
  const panorama = hasImage(scene) ? scene : tour.scenes.find(hasImage)
  if (panorama?.kind !== 'panorama' || panorama.panorama.type === 'cube') return null
  // The tiling tool always writes an equirectangular preview.jpg beside tiles.json.
  const src =
    panorama.panorama.type === 'tiles'
      ? panorama.panorama.src.replace(/[^/]*$/, 'preview.jpg')
      : panorama.panorama.src
  return { src, view: panorama.view ?? { yaw: 0, pitch: 0, fov: 75 } }
}

/**
 * Makes the share pages and preview images of one bundled tour. `tourSitePath` is where the site
 * serves the tour file (`scenes/<id>/tour.json`). Image paths inside the tour are resolved against
 * it to files under `publicDirectory`, where the site's panoramas live.
 */
export async function buildSharePages(options: {
  tourJson: string
  tourSitePath: string
  publicDirectory: string
  publicUrl?: string
}): Promise<ShareFile[]> {
  const tour = TourSchema.parse(JSON.parse(options.tourJson))
  const tourUrl = new URL(options.tourSitePath, SITE)
  const files: ShareFile[] = []
  const previews = new Map<string, Buffer>()
  for (const scene of tour.scenes) {
    const source = previewSource(tour, scene)
    let image: Buffer
    if (source) {
      const sitePath = decodeURIComponent(new URL(source.src, tourUrl).pathname).slice(1)
      const key = `${sitePath}@${source.view.yaw},${source.view.pitch},${source.view.fov}`
      image =
        previews.get(key) ??
        (await panoramaPreview(readFileSync(join(options.publicDirectory, sitePath)), source.view))
      previews.set(key, image)
    } else {
      image = await brandedCard()
    }
    files.push({ fileName: sharePreviewPath(tour.id, scene.id), source: image })
    files.push({
      fileName: sharePagePath(tour.id, scene.id),
      source: sharePageHtml({
        tour,
        scene,
        ...(options.publicUrl ? { publicUrl: options.publicUrl } : {}),
      }),
    })
  }
  return files
}

/**
 * Reads the site's public address from `SHOWCASE_PUBLIC_URL`, with a trailing slash added. Returns
 * undefined when it is unset or not an http(s) URL, in which case og:image stays relative.
 */
export function publicUrlFromEnv(value: string | undefined): string | undefined {
  if (value === undefined || value.trim() === '') return undefined
  try {
    const url = new URL(value.trim())
    if (url.protocol !== 'https:' && url.protocol !== 'http:') return undefined
    if (!url.pathname.endsWith('/')) url.pathname = `${url.pathname}/`
    return url.href
  } catch {
    return undefined
  }
}
