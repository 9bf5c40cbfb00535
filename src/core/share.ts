import { UTM_KEYS, type UtmParams } from './url.ts'
import { formatViewTriple, type View } from './view.ts'

/** A place in a tour that a link opens: a scene, optionally a view, and the interface language. */
export interface SharePlace {
  scene: string
  view?: View
  lang: string
}

/** Permissions an embedding page grants the iframe, so VR, fullscreen and the gyroscope can work. */
export const EMBED_ALLOW = 'xr-spatial-tracking; fullscreen; gyroscope; accelerometer'

/** Maximum length of a campaign value in a link; longer text is cut. */
export const MAX_UTM_LENGTH = 100

/**
 * Returns the deep link to a place: the page's address with `tour` kept (when the page has one) and
 * `scene`, `view` and `lang` set. Every other parameter is dropped, so a shared link carries
 * neither this visit's campaign tags nor the embed mode nor click ids such as `fbclid`.
 */
export function shareLink(pageUrl: string, place: SharePlace): string {
  const page = new URL(pageUrl)
  const query = new URLSearchParams()
  const tour = page.searchParams.get('tour')
  if (tour !== null && tour.trim() !== '') query.set('tour', tour)
  query.set('scene', place.scene)
  if (place.view) query.set('view', formatViewTriple(place.view))
  query.set('lang', place.lang)
  return `${page.origin}${page.pathname}?${readableQuery(query)}`
}

/** Returns the query text with the commas of `view` left as they are, which is valid in a query. */
function readableQuery(query: URLSearchParams): string {
  return query.toString().replaceAll('%2C', ',')
}

/** Options of an embed snippet: the place it opens and the tags of its booking links. */
export interface EmbedOptions {
  /** Address of the app page, such as `https://tour.example.org/`; its query is ignored. */
  appUrl: string
  /** The `tour` parameter of the app page, when it opens another tour than the bundled one. */
  tour?: string
  place: SharePlace
  utm: UtmParams
  /** Accessible name of the iframe, such as the tour's title. */
  title: string
}

/** Returns campaign values trimmed and cut to `MAX_UTM_LENGTH`; empty ones are left out. */
export function cleanUtm(utm: UtmParams): UtmParams {
  const clean: UtmParams = {}
  for (const key of UTM_KEYS) {
    const value = utm[key]?.trim().slice(0, MAX_UTM_LENGTH)
    if (value) clean[key] = value
  }
  return clean
}

/** Returns the iframe address of an embed: the place in `mode=embed` with the campaign values. */
export function embedUrl(options: EmbedOptions): string {
  const page = new URL(options.appUrl)
  const query = new URLSearchParams()
  query.set('mode', 'embed')
  if (options.tour !== undefined && options.tour.trim() !== '') query.set('tour', options.tour)
  query.set('scene', options.place.scene)
  if (options.place.view) query.set('view', formatViewTriple(options.place.view))
  query.set('lang', options.place.lang)
  const utm = cleanUtm(options.utm)
  for (const key of UTM_KEYS) {
    const value = utm[key]
    if (value !== undefined) query.set(key, value)
  }
  return `${page.origin}${page.pathname}?${readableQuery(query)}`
}

/**
 * Returns an HTML snippet that embeds the tour: a 16:9 box that follows the width of its column,
 * holding a lazily loaded iframe that may use VR, fullscreen and the motion sensors.
 */
export function embedSnippet(options: EmbedOptions): string {
  const src = escapeAttribute(embedUrl(options))
  const title = escapeAttribute(options.title)
  return [
    '<div style="position:relative;width:100%;aspect-ratio:16/9;min-height:280px">',
    `  <iframe src="${src}" title="${title}" loading="lazy" allow="${EMBED_ALLOW}" allowfullscreen`,
    '    style="position:absolute;inset:0;width:100%;height:100%;border:0"></iframe>',
    '</div>',
  ].join('\n')
}

/** Escapes text for a double-quoted HTML attribute. */
export function escapeAttribute(text: string): string {
  return text
    .replaceAll('&', '&amp;')
    .replaceAll('"', '&quot;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
}
