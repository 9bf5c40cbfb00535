import { ALLOWED_TOUR_ORIGINS, DEFAULT_TOUR_PATH, EMBED_COMMAND_ORIGINS } from '../config.ts'
import { type LaunchParams, resolveTourUrl } from '../core/url.ts'
import { DEFAULT_LANGUAGE, isUiLanguage } from '../i18n/translate.ts'
import { createHostBridge, type HostBridge } from './bridge.ts'
import { type Poster, showPoster } from './poster.ts'

/**
 * Starts the app in embed mode. Without `autostart=1` it shows the poster and loads the app only
 * when the visitor presses its button. The poster then stays, busy, until the first scene is on
 * screen.
 */
export function startEmbed(params: LaunchParams, search: string): void {
  const bridge = createHostBridge(window)
  if (new URLSearchParams(search).get('autostart') === '1') {
    void startApp(bridge, null)
    return
  }

  // The tour is resolved as boot.ts does; a refused `tour` is reported by the app once started.
  let tourUrl = new URL(DEFAULT_TOUR_PATH, document.baseURI).href
  if (params.tour !== undefined) {
    const resolved = resolveTourUrl(params.tour, location.href, ALLOWED_TOUR_ORIGINS)
    if ('url' in resolved) tourUrl = resolved.url
  }
  const poster: Poster = showPoster({
    tourUrl,
    sceneId: params.scene,
    lang: params.lang !== undefined && isUiLanguage(params.lang) ? params.lang : DEFAULT_LANGUAGE,
    bridge,
    allowedOrigins: EMBED_COMMAND_ORIGINS,
    onStart: () => void startApp(bridge, poster),
  })
}

async function startApp(bridge: HostBridge, poster: Poster | null): Promise<void> {
  // The bridge listens before the app boots, so the host receives `tour-load` and the first
  // `scene-enter` too.
  const { connectApp, whenFirstSceneShown } = await import('./appBridge.ts')
  connectApp(bridge)
  await import('../main.tsx')
  if (!poster) return
  await whenFirstSceneShown()
  poster.remove()
  document.querySelector<HTMLElement>('.stage')?.focus({ preventScroll: true })
}
