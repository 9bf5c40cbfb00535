import { events } from './analytics/bus.ts'
import { ALLOWED_TOUR_ORIGINS, DEFAULT_TOUR_PATH } from './config.ts'
import { prefetchBytes } from './core/download.ts'
import { parseLaunchParams, resolveTourUrl, updateLaunchSearch } from './core/url.ts'
import { installShowcaseHandle } from './debug.ts'
import { formatProblem } from './i18n/problems.ts'
import { isUiLanguage, UI_LANGUAGES } from './i18n/translate.ts'
import { storedLanguage, storedTour } from './kiosk/settings.ts'
import { addNotice, findScene, sceneAssetUrl, startTour } from './state/actions.ts'
import { useAppStore } from './state/store.ts'
import { loadTour } from './tour/load.ts'

/**
 * Starts the app: reads the URL, loads and validates the tour, opens the first scene and keeps the
 * address bar in step with the visitor's scene and language.
 */
export async function boot(): Promise<void> {
  installShowcaseHandle()
  const { params, notices } = parseLaunchParams(location.search, UI_LANGUAGES)
  // A booth opens the tour and language its staff chose unless its URL names others.
  if (params.mode === 'kiosk') {
    params.tour ??= storedTour() ?? undefined
    params.lang ??= storedLanguage() ?? undefined
  }
  const lang = params.lang !== undefined && isUiLanguage(params.lang) ? params.lang : undefined
  useAppStore.setState({ mode: params.mode, utm: params.utm, ...(lang ? { lang } : {}) })
  for (const notice of notices) {
    addNotice(`notice.${notice.param}.${notice.reason}` as Parameters<typeof addNotice>[0], {
      value: notice.value,
    })
  }

  let tourUrl = new URL(DEFAULT_TOUR_PATH, document.baseURI).href
  if (params.tour !== undefined) {
    const resolved = resolveTourUrl(params.tour, location.href, ALLOWED_TOUR_ORIGINS)
    if ('url' in resolved) tourUrl = resolved.url
    else {
      addNotice(`notice.tour.${resolved.notice.reason}` as Parameters<typeof addNotice>[0], {
        value: resolved.notice.value,
      })
    }
  }

  const result = await loadTour(tourUrl)
  if (!result.ok) {
    useAppStore.setState({ tourStatus: 'failed', tourError: result.error, tourUrl })
    if (result.error.kind === 'json') console.warn('[tour] invalid JSON:', result.error.detail)
    events.emit('error', {
      code: `tour-${result.error.kind}`,
      message: result.error.kind,
      url: tourUrl,
    })
    return
  }
  if (result.warnings.length > 0) {
    for (const warning of result.warnings) console.warn('[tour]', formatProblem(warning, 'en'))
  }
  startTour(result.tour, result.url, result.warnings, {
    ...(params.scene !== undefined ? { scene: params.scene } : {}),
    ...(params.view !== undefined ? { view: params.view } : {}),
  })
  // Download the first scene's file while the 3D code is still loading, not after it.
  const first = findScene(result.tour, useAppStore.getState().sceneId)
  if (first) prefetchBytes(sceneAssetUrl(first))
  // A view meant for a scene the tour does not have was not applied, so it leaves the address too.
  const sceneFound =
    params.scene === undefined || findScene(result.tour, params.scene) !== undefined
  followInAddressBar(sceneFound ? params.view : undefined)
  if (params.mode === 'kiosk') {
    // Booth code, with the XR store it watches, loads only in booth mode.
    const { startKiosk } = await import('./kiosk/kiosk.ts')
    startKiosk(result.url)
  }
}

/**
 * Writes the current scene and language into the address bar with `replaceState`, so a copied
 * link opens the same place. The `view` from the launch URL stays until the first scene change.
 */
function followInAddressBar(launchView: Parameters<typeof updateLaunchSearch>[1]['view']): void {
  const write = () => {
    const { sceneId, lang, hasNavigated } = useAppStore.getState()
    if (sceneId === null) return
    const search = updateLaunchSearch(location.search, {
      scene: sceneId,
      lang,
      ...(!hasNavigated && launchView ? { view: launchView } : {}),
    })
    if (search !== location.search) {
      history.replaceState(history.state, '', `${location.pathname}${search}${location.hash}`)
    }
  }
  write()
  useAppStore.subscribe((state, previous) => {
    if (state.sceneId !== previous.sceneId || state.lang !== previous.lang) write()
  })
}
