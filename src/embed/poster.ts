import { formatViewTriple, type View } from '../core/view.ts'
import { isUiLanguage, localize, translate, type UiLanguage } from '../i18n/translate.ts'
import type { HostBridge } from './bridge.ts'
import {
  fallbackPanorama,
  isBundledTour,
  type PosterScene,
  type PosterTour,
  posterScene,
  previewImagePath,
  readPosterTour,
} from './posterTour.ts'
import { readyMessage } from './protocol.ts'
import './poster.css'

/**
 * Maximum size in bytes of a panorama that the poster shows scaled down when the tour has no
 * generated preview. A bigger file would cost the host page about as much as the viewer itself.
 */
const MAX_FALLBACK_BYTES = 1_500_000

export interface PosterOptions {
  tourUrl: string
  sceneId: string | undefined
  lang: UiLanguage
  bridge: HostBridge
  allowedOrigins: readonly string[]
  /** Starts the full app; the poster stays, busy, until `remove` is called. */
  onStart: () => void
}

export interface Poster {
  remove(): void
}

/**
 * Shows the embed poster: the scene's preview image, its title and an "Explore in 360°" button. It
 * is plain DOM, so a host page pays for neither React nor three.js until the visitor starts the
 * tour. While it shows, host commands change the scene and language it will open with.
 */
export function showPoster(options: PosterOptions): Poster {
  const root = document.createElement('div')
  root.className = 'embed-poster'
  root.id = 'embed-poster'
  const image = document.createElement('img')
  image.className = 'embed-poster-image'
  image.alt = ''
  image.decoding = 'async'
  image.hidden = true
  const shade = document.createElement('div')
  shade.className = 'embed-poster-shade'
  const tourTitle = document.createElement('p')
  tourTitle.className = 'embed-poster-tour'
  const sceneTitle = document.createElement('h1')
  sceneTitle.className = 'embed-poster-title'
  const button = document.createElement('button')
  button.type = 'button'
  button.className = 'embed-poster-start'
  shade.append(tourTitle, sceneTitle, button)
  root.append(image, shade)
  document.body.append(root)

  let lang = options.lang
  let sceneId = options.sceneId
  let tour: PosterTour | null = null
  let started = false
  let shownImage = ''

  const render = () => {
    button.textContent = translate(lang, started ? 'embed.starting' : 'embed.start')
    button.disabled = started
    root.setAttribute('aria-busy', String(started))
    document.documentElement.lang = lang
    if (!tour) {
      tourTitle.textContent = ''
      sceneTitle.textContent = translate(lang, 'app.name')
      return
    }
    const scene = posterScene(tour, sceneId)
    tourTitle.textContent = localize(tour.title, lang, tour.defaultLocale)
    sceneTitle.textContent = scene ? localize(scene.title, lang, tour.defaultLocale) : ''
    if (scene) void showImage(tour, scene)
  }

  const showImage = async (current: PosterTour, scene: PosterScene) => {
    const key = `${current.id}/${scene.id}`
    if (shownImage === key) return
    shownImage = key
    const generated = isBundledTour(current, options.tourUrl, document.baseURI)
      ? new URL(previewImagePath(current.id, scene.id), document.baseURI).href
      : null
    if (generated && (await loadImage(image, generated))) return
    const fallback = fallbackPanorama(current, scene)
    if (fallback?.panorama === undefined || shownImage !== key) return
    const src = new URL(fallback.panorama, options.tourUrl).href
    if (!(await isSmallEnough(src)) || shownImage !== key) return
    // The centre of a 2:1 panorama is yaw 0, so the start yaw sets where the crop sits.
    const yaw = fallback.view?.yaw ?? 0
    image.style.objectPosition = `${((yaw + 180) / 360) * 100}% 50%`
    await loadImage(image, src)
  }

  button.addEventListener('click', () => {
    if (started) return
    started = true
    render()
    options.onStart()
  })

  options.bridge.setHandler(
    (command) => {
      if (!tour) return 'not-ready'
      if (command.name === 'set-language') {
        if (!isUiLanguage(command.lang)) return 'unsupported-language'
        lang = command.lang
        writeLaunch({ lang })
      } else {
        if (!tour.scenes.some((scene) => scene.id === command.sceneId)) return 'unknown-scene'
        sceneId = command.sceneId
        writeLaunch({ scene: sceneId, ...(command.view ? { view: command.view } : {}) })
      }
      render()
      return null
    },
    () => [...options.allowedOrigins, ...(tour?.allowedOrigins ?? [])],
  )

  render()
  void fetchPosterTour(options.tourUrl).then((result) => {
    tour = result
    render()
    options.bridge.post(readyMessage('poster'))
  })

  return { remove: () => root.remove() }
}

/**
 * Writes a command's scene, view or language into the address, where the app reads its launch
 * parameters when the visitor starts it. A new scene drops the old view unless one is given.
 */
function writeLaunch(place: { scene?: string; lang?: string; view?: View }): void {
  const query = new URLSearchParams(location.search)
  if (place.scene !== undefined) query.set('scene', place.scene)
  if (place.lang !== undefined) query.set('lang', place.lang)
  if (place.view) query.set('view', formatViewTriple(place.view))
  else if (place.scene !== undefined) query.delete('view')
  history.replaceState(history.state, '', `${location.pathname}?${query}${location.hash}`)
}

async function fetchPosterTour(url: string): Promise<PosterTour | null> {
  try {
    const response = await fetch(url)
    if (!response.ok) return null
    return readPosterTour(await response.json())
  } catch {
    // The full app reports a missing or broken tour with its message once started.
    return null
  }
}

function loadImage(image: HTMLImageElement, src: string): Promise<boolean> {
  return new Promise((resolve) => {
    image.onload = () => {
      image.hidden = false
      resolve(true)
    }
    image.onerror = () => resolve(false)
    image.src = src
  })
}

/** True when the server reports a size below `MAX_FALLBACK_BYTES`; false when unsure. */
async function isSmallEnough(src: string): Promise<boolean> {
  try {
    const response = await fetch(src, { method: 'HEAD' })
    const length = Number(response.headers.get('content-length'))
    return response.ok && Number.isFinite(length) && length > 0 && length <= MAX_FALLBACK_BYTES
  } catch {
    return false
  }
}
