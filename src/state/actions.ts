import { events } from '../analytics/bus.ts'
import { prefetchBytes } from '../core/download.ts'
import { DEFAULT_VIEW, type View } from '../core/view.ts'
import { describeAssetError } from '../i18n/assetErrors.ts'
import type { MessageKey, MessageParams, UiLanguage } from '../i18n/translate.ts'
import type { TourProblem } from '../tour/problems.ts'
import type { Hotspot, Scene, Tour } from '../tour/schema.ts'
import { requestFrame } from './anchors.ts'
import { type AssetError, type SceneLoadState, useAppStore } from './store.ts'
import { setLiveView } from './view.ts'

/** Length of the crossfade between two scenes, in milliseconds. */
export const CROSSFADE_MS = 400

/** Set by the viewer: copies the current frame so it can fade out over the next scene. */
let snapshotHook: (() => void) | null = null
export function setSnapshotHook(hook: (() => void) | null): void {
  snapshotHook = hook
}

let noticeCounter = 0
let cardOpenings = 0
let fadeTimer: ReturnType<typeof setTimeout> | undefined

export function findScene(tour: Tour | null, sceneId: string | null): Scene | undefined {
  if (!tour || sceneId === null) return undefined
  return tour.scenes.find((scene) => scene.id === sceneId)
}

/**
 * Returns the URL of the file a scene needs first: its panorama image, tile descriptor or front
 * cube face, or its model.
 */
export function sceneAssetUrl(scene: Scene): string {
  if (scene.kind === 'model') return scene.model.src
  return scene.panorama.type === 'cube' ? scene.panorama.faces.f : scene.panorama.src
}

/**
 * Starts downloading the files of the scenes the given scene links to, so following a link shows
 * the next scene sooner. Skipped when the visitor's browser requests reduced data use.
 */
export function prefetchLinkedScenes(sceneId: string): void {
  const { tour } = useAppStore.getState()
  const scene = findScene(tour, sceneId)
  if (!scene || saveDataRequested()) return
  for (const hotspot of scene.hotspots) {
    if (hotspot.kind !== 'scene') continue
    const target = findScene(tour, hotspot.target)
    if (target) prefetchBytes(sceneAssetUrl(target))
  }
}

function saveDataRequested(): boolean {
  const connection = (navigator as Navigator & { connection?: { saveData?: boolean } }).connection
  return connection?.saveData === true
}

function arrivalView(scene: Scene, requested: View | undefined): View {
  if (requested) return requested
  if (scene.kind === 'panorama') return scene.view ?? DEFAULT_VIEW
  return DEFAULT_VIEW
}

/**
 * Opens a validated tour at the scene and view the URL asked for, or at its start scene. An
 * unknown scene id in the URL becomes a notice.
 */
export function startTour(
  tour: Tour,
  url: string,
  warnings: TourProblem[],
  launch: { scene?: string; view?: View },
): void {
  let scene = findScene(tour, launch.scene ?? null)
  if (launch.scene !== undefined && !scene) {
    addNotice('notice.scene.not-found', { value: launch.scene })
  }
  const fromLink = scene !== undefined
  scene ??= findScene(tour, tour.start) ?? tour.scenes[0]
  if (!scene) return

  // A `view` in the link belongs to the scene it names, or to the start scene when it names none.
  const linkView = fromLink || launch.scene === undefined ? launch.view : undefined
  setLiveView(arrivalView(scene, linkView))
  useAppStore.setState({
    tourStatus: 'ready',
    tour,
    tourUrl: url,
    tourError: null,
    tourWarnings: warnings,
    sceneId: scene.id,
    transition: { from: null, to: scene.id, phase: 'loading' },
    sceneEnteredAt: Date.now(),
    sceneLoads: { [scene.id]: { status: 'loading', progress: null } },
  })
  events.emit('tour-load', { tourId: tour.id, url, sceneCount: tour.scenes.length })
  events.emit('scene-enter', {
    tourId: tour.id,
    sceneId: scene.id,
    kind: scene.kind,
    via: fromLink || linkView ? 'link' : 'start',
  })
}

/**
 * Moves to another scene. Returns false and does nothing while a transition is running, so a
 * double click cannot start two transitions. The scene list and an embedding page's command are
 * the exceptions: they may interrupt a scene that is still loading.
 */
export function goToScene(
  targetId: string,
  via: 'hotspot' | 'list' | 'host' | 'attract',
  targetView?: View,
): boolean {
  const state = useAppStore.getState()
  const { tour, sceneId, transition } = state
  const target = findScene(tour, targetId)
  if (!tour || !target || targetId === sceneId) return false
  if (transition && (via === 'hotspot' || transition.phase === 'fading')) return false

  snapshotHook?.()
  const now = Date.now()
  if (sceneId !== null) {
    events.emit('scene-leave', { tourId: tour.id, sceneId, dwellMs: now - state.sceneEnteredAt })
  }
  setLiveView(arrivalView(target, targetView))
  clearTimeout(fadeTimer)
  useAppStore.setState((current) => ({
    sceneId: targetId,
    transition: { from: sceneId, to: targetId, phase: 'loading' },
    sceneEnteredAt: now,
    hasNavigated: true,
    card: null,
    sceneListOpen: false,
    sceneLoads: { ...current.sceneLoads, [targetId]: { status: 'loading', progress: null } },
  }))
  events.emit('scene-enter', {
    tourId: tour.id,
    sceneId: targetId,
    kind: target.kind,
    via,
    ...(sceneId !== null ? { from: sceneId } : {}),
  })
  return true
}

/**
 * Takes the app back to the tour's start scene at its first view, with every card and list closed
 * and the given language, as a booth does between visitors. Returns false when a scene change is
 * fading in and the caller should try again after `CROSSFADE_MS`.
 */
export function returnToStart(lang: UiLanguage): boolean {
  const { tour, sceneId } = useAppStore.getState()
  const start = findScene(tour, tour?.start ?? null) ?? tour?.scenes[0]
  if (!tour || !start) return true
  setLanguage(lang)
  useAppStore.setState({ card: null, sceneListOpen: false })
  if (sceneId !== start.id) return goToScene(start.id, 'attract')
  setLiveView(arrivalView(start, undefined))
  requestFrame()
  return true
}

/** Called by the viewer once a scene has drawn its first frame, or has shown its error. */
export function finishSceneLoad(sceneId: string): void {
  const { transition, sceneLoads } = useAppStore.getState()
  if (sceneLoads[sceneId]?.status === 'ready') prefetchLinkedScenes(sceneId)
  if (!transition || transition.to !== sceneId || transition.phase !== 'loading') return
  useAppStore.setState({ transition: { ...transition, phase: 'fading' } })
  clearTimeout(fadeTimer)
  fadeTimer = setTimeout(() => {
    const current = useAppStore.getState().transition
    if (current?.to === sceneId) useAppStore.setState({ transition: null })
  }, CROSSFADE_MS)
}

export function setSceneLoad(sceneId: string, update: SceneLoadState): void {
  useAppStore.setState((state) => ({ sceneLoads: { ...state.sceneLoads, [sceneId]: update } }))
}

/** Records that a scene's asset failed: the scene shows the error and an `error` event is sent. */
export function failSceneLoad(sceneId: string, error: AssetError): void {
  setSceneLoad(sceneId, { status: 'error', progress: null, error })
  const tourId = useAppStore.getState().tour?.id
  const detail = error.kind === 'model' ? ` (${error.detail})` : ''
  events.emit('error', {
    code: `asset-${error.kind}`,
    message: `${describeAssetError(error, 'en')}${detail}`,
    url: error.url,
    sceneId,
    ...(tourId !== undefined ? { tourId } : {}),
  })
  finishSceneLoad(sceneId)
}

/** Acts on a hotspot the visitor selected: follows a link or opens a card. */
export function selectHotspot(sceneId: string, hotspot: Hotspot): void {
  const { tour } = useAppStore.getState()
  if (!tour) return
  if (hotspot.kind === 'scene') {
    // A hotspot that is ignored during a transition sends no event either.
    const { transition } = useAppStore.getState()
    if (transition) return
    events.emit('hotspot-select', {
      tourId: tour.id,
      sceneId,
      hotspotId: hotspot.id,
      kind: 'scene',
    })
    goToScene(hotspot.target, 'hotspot', hotspot.targetView)
    return
  }
  events.emit('hotspot-select', {
    tourId: tour.id,
    sceneId,
    hotspotId: hotspot.id,
    kind: hotspot.kind,
  })
  if (hotspot.kind === 'info') {
    useAppStore.setState({
      card: { kind: 'info', sceneId, hotspotId: hotspot.id, opening: ++cardOpenings },
    })
    return
  }
  useAppStore.setState({
    card: {
      kind: 'offer',
      sceneId,
      hotspotId: hotspot.id,
      offerId: hotspot.offer,
      opening: ++cardOpenings,
    },
  })
  events.emit('offer-open', {
    tourId: tour.id,
    sceneId,
    offerId: hotspot.offer,
    hotspotId: hotspot.id,
  })
}

export function closeCard(): void {
  useAppStore.setState({ card: null })
}

export function setSceneListOpen(open: boolean): void {
  useAppStore.setState({ sceneListOpen: open })
}

export function setLanguage(lang: UiLanguage): void {
  // A notice that the URL's language was not supported is moot once the visitor picks one.
  useAppStore.setState((state) => ({
    lang,
    notices: state.notices.filter((notice) => notice.key !== 'notice.lang.unsupported'),
  }))
}

/** Records that the visitor followed an offer's booking link or phone number. */
export function recordOfferLink(offerId: string, action: 'book' | 'call', url: string): void {
  const { tour, mode } = useAppStore.getState()
  if (!tour) return
  let channel: 'web' | 'embed' | 'kiosk-qr' = 'web'
  if (mode === 'embed') channel = 'embed'
  if (mode === 'kiosk') channel = 'kiosk-qr'
  events.emit('offer-link', { tourId: tour.id, offerId, channel, action, url })
}

/** Auto-dismiss delay of a notice, in milliseconds. */
const NOTICE_MS = 15_000

export function addNotice(key: MessageKey, params: MessageParams = {}): void {
  const id = ++noticeCounter
  useAppStore.setState((state) => ({ notices: [...state.notices, { id, key, params }] }))
  setTimeout(() => dismissNotice(id), NOTICE_MS)
}

export function dismissNotice(id: number): void {
  useAppStore.setState((state) => ({ notices: state.notices.filter((notice) => notice.id !== id) }))
}
