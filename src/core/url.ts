import { formatViewTriple, parseViewTriple, type View } from './view.ts'

/** Mode the app was opened in, from the `mode` URL parameter. */
export type AppMode = 'web' | 'kiosk' | 'embed' | 'edit'
export const APP_MODES: readonly AppMode[] = ['web', 'kiosk', 'embed', 'edit']

export const UTM_KEYS = ['utm_source', 'utm_medium', 'utm_campaign'] as const
export type UtmKey = (typeof UTM_KEYS)[number]
export type UtmParams = Partial<Record<UtmKey, string>>

/** A URL parameter that was present but invalid, and so ignored. */
export interface ParamNotice {
  param: 'view' | 'lang' | 'mode' | 'scene' | 'tour'
  value: string
  reason: 'invalid' | 'unsupported' | 'not-found' | 'other-origin'
}

/** The launch parameters the app reads from its URL; absent or invalid ones are undefined. */
export interface LaunchParams {
  tour?: string
  scene?: string
  view?: View
  lang?: string
  mode: AppMode
  utm: UtmParams
}

/** Maximum length of a scene id taken from a URL; a longer value is reported as invalid. */
const MAX_ID_LENGTH = 200

/**
 * Parses the app's URL parameters. Unknown parameters (`fbclid` and the like) are ignored without a
 * notice. Known ones that are invalid produce a notice and are left out of the result.
 */
export function parseLaunchParams(
  search: string,
  supportedLanguages: readonly string[],
): { params: LaunchParams; notices: ParamNotice[] } {
  const query = new URLSearchParams(search)
  const notices: ParamNotice[] = []
  const params: LaunchParams = { mode: 'web', utm: {} }

  const tour = query.get('tour')
  if (tour !== null && tour.trim() !== '') params.tour = tour.trim()

  const scene = query.get('scene')
  if (scene !== null) {
    if (scene.trim() === '' || scene.length > MAX_ID_LENGTH) {
      notices.push({ param: 'scene', value: scene, reason: 'invalid' })
    } else {
      params.scene = scene.trim()
    }
  }

  const view = query.get('view')
  if (view !== null) {
    const parsed = parseViewTriple(view)
    if (parsed) params.view = parsed
    else notices.push({ param: 'view', value: view, reason: 'invalid' })
  }

  const lang = query.get('lang')
  if (lang !== null) {
    const normalized = lang.trim().toLowerCase()
    if (supportedLanguages.includes(normalized)) params.lang = normalized
    else notices.push({ param: 'lang', value: lang, reason: 'unsupported' })
  }

  const mode = query.get('mode')
  if (mode !== null) {
    const match = APP_MODES.find((candidate) => candidate === mode.trim().toLowerCase())
    if (match) params.mode = match
    else notices.push({ param: 'mode', value: mode, reason: 'invalid' })
  }

  for (const key of UTM_KEYS) {
    const value = query.get(key)
    if (value !== null && value.trim() !== '') params.utm[key] = value.trim()
  }

  return { params, notices }
}

/**
 * Resolves the `tour` parameter against the page URL. Only http(s) URLs on the page's origin, or on
 * an origin in `allowedOrigins`, are accepted.
 */
export function resolveTourUrl(
  raw: string,
  pageUrl: string,
  allowedOrigins: readonly string[] = [],
): { url: string } | { notice: ParamNotice } {
  let resolved: URL
  try {
    resolved = new URL(raw, pageUrl)
  } catch {
    return { notice: { param: 'tour', value: raw, reason: 'invalid' } }
  }
  if (resolved.protocol !== 'https:' && resolved.protocol !== 'http:') {
    return { notice: { param: 'tour', value: raw, reason: 'invalid' } }
  }
  const pageOrigin = new URL(pageUrl).origin
  if (resolved.origin !== pageOrigin && !allowedOrigins.includes(resolved.origin)) {
    return { notice: { param: 'tour', value: raw, reason: 'other-origin' } }
  }
  return { url: resolved.href }
}

/**
 * Returns the query string for the visitor's current place: `scene` and `lang` are set, `view` is
 * written only when given and removed otherwise, and every other parameter is kept as it was.
 */
export function updateLaunchSearch(
  search: string,
  place: { scene?: string; lang?: string; view?: View },
): string {
  const query = new URLSearchParams(search)
  if (place.scene !== undefined) query.set('scene', place.scene)
  if (place.lang !== undefined) query.set('lang', place.lang)
  if (place.view) query.set('view', formatViewTriple(place.view))
  else query.delete('view')
  const text = query.toString()
  return text === '' ? '' : `?${text}`
}
