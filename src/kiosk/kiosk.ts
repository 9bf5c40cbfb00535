import { events } from '../analytics/bus.ts'
import { createIdleTimer, type IdleTimer } from '../core/idleTimer.ts'
import { DEFAULT_LANGUAGE, type UiLanguage } from '../i18n/translate.ts'
import { CROSSFADE_MS, returnToStart } from '../state/actions.ts'
import { useAppStore } from '../state/store.ts'
import { DEFAULT_KIOSK_IDLE_SECONDS } from '../tour/schema.ts'
import { xrStore } from '../xr/store.ts'
import { startAttractLoop, stopAttractLoop } from './attract.ts'
import { applyPendingUpdate, keepToursOffline } from './offline.ts'
import { countVisit, storedLanguage, visitsToday } from './settings.ts'
import { useKioskStore } from './store.ts'

/**
 * Booth mode (`?mode=kiosk`): an idle timer that takes the booth back to its start and attract
 * loop, visitor counting, fullscreen, and guards against leaving the app.
 */

/** Marks elements whose input is staff input: it keeps the booth awake but starts no visit. */
export const STAFF_ATTRIBUTE = 'data-kiosk-staff'

let timer: IdleTimer | null = null

/** Returns the language a reset switches to: the staff's choice, else the app's default. */
export function boothLanguage(): UiLanguage {
  return storedLanguage() ?? DEFAULT_LANGUAGE
}

/**
 * Reports visitor input. Ends the attract loop and counts a new visit unless the input came from
 * the staff corner or menu.
 */
export function reportActivity(target?: EventTarget | null): void {
  timer?.activity()
  if (!useKioskStore.getState().attract) return
  if (target instanceof Element && target.closest(`[${STAFF_ATTRIBUTE}], .card--staff`)) return
  stopAttractLoop()
  useKioskStore.setState({ attract: false, visitsToday: countVisit() })
}

/**
 * Ends the visit: closes everything, returns to the start scene in the booth's language and starts
 * the attract loop. A tour or app update downloaded during the visit is applied here by reloading.
 */
export async function resetBooth(): Promise<void> {
  useKioskStore.setState({ staffMenu: 'closed' })
  const session = xrStore.getState().session
  if (session) await session.end().catch(() => {})
  if (await applyPendingUpdate()) {
    reloadAtStart()
    return
  }
  if (!returnToStart(boothLanguage())) {
    setTimeout(() => returnToStart(boothLanguage()), CROSSFADE_MS)
  }
  useKioskStore.setState({ attract: true })
  startAttractLoop()
}

/** Reloads the page at the booth's start: the scene, view and language leave the address. */
function reloadAtStart(): void {
  const url = new URL(location.href)
  for (const key of ['scene', 'view', 'lang']) url.searchParams.delete(key)
  location.replace(url.href)
}

function requestFullscreen(): void {
  if (document.fullscreenElement || !document.fullscreenEnabled) return
  // Browsers allow this only during a user gesture and may still refuse; the booth works either way.
  document.documentElement.requestFullscreen({ navigationUI: 'hide' }).catch(() => {})
}

/** Polls connected gamepads, since the Gamepad API sends no events for button presses. */
function watchGamepads(): void {
  let lastSignature = ''
  let polling = false
  const poll = () => {
    let signature = ''
    for (const pad of navigator.getGamepads()) {
      if (!pad) continue
      for (const button of pad.buttons) signature += button.pressed ? '1' : '0'
      for (const axis of pad.axes) signature += Math.abs(axis) > 0.3 ? 'x' : '.'
    }
    if (signature !== lastSignature && /[1x]/.test(signature)) reportActivity()
    lastSignature = signature
  }
  window.addEventListener('gamepadconnected', () => {
    if (polling) return
    polling = true
    setInterval(poll, 250)
  })
}

/** Keeps the booth awake during a headset session: controller and hand input count as input. */
function watchXrInput(): void {
  let watched: XRSession | null = null
  const onInput = () => reportActivity()
  xrStore.subscribe((state) => {
    const session = state.session ?? null
    if (session === watched) return
    watched?.removeEventListener('selectstart', onInput)
    watched?.removeEventListener('squeezestart', onInput)
    watched = session
    session?.addEventListener('selectstart', onInput)
    session?.addEventListener('squeezestart', onInput)
  })
  events.on('xr-start', () => reportActivity())
  // The end of a headset session ends the visit at once, without waiting for the idle period.
  events.on('xr-end', () => void resetBooth())
}

/** Stops visitors from leaving the app: links to other pages and the context menu do nothing. */
function guardNavigation(): void {
  document.addEventListener(
    'click',
    (event) => {
      const link = event.target instanceof Element ? event.target.closest('a[href]') : null
      if (!link) return
      const url = new URL((link as HTMLAnchorElement).href, location.href)
      const samePage = url.origin === location.origin && url.pathname === location.pathname
      if (!samePage || (link as HTMLAnchorElement).target === '_blank') event.preventDefault()
    },
    true,
  )
  document.addEventListener('contextmenu', (event) => event.preventDefault())
  document.addEventListener('selectstart', (event) => {
    const target = event.target
    if (!(target instanceof Element && target.closest('input, textarea'))) event.preventDefault()
  })
}

/** Starts booth mode once the tour has opened. */
export function startKiosk(tourUrl: string): void {
  document.documentElement.dataset.mode = 'kiosk'
  const idleSeconds = useAppStore.getState().tour?.kiosk?.idleSeconds ?? DEFAULT_KIOSK_IDLE_SECONDS
  timer = createIdleTimer({
    idleMs: idleSeconds * 1000,
    host: {
      now: () => Date.now(),
      setTimeout: (callback, delayMs) => setTimeout(callback, delayMs),
      clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
    },
    onIdle: () => void resetBooth(),
  })
  const onInput = (event: Event) => {
    // Only a press, a key or the wheel starts a visit. A hovering mouse, or the release of a press
    // that opened the staff menu, keeps the booth awake and nothing more.
    if (event.type === 'pointerdown' || event.type === 'keydown' || event.type === 'wheel') {
      reportActivity(event.target)
    } else {
      timer?.activity()
    }
    // Fullscreen needs a user gesture, which pointerdown is only for a mouse.
    if (event.type !== 'pointermove' && event.type !== 'wheel') requestFullscreen()
  }
  for (const type of ['pointerdown', 'pointerup', 'pointermove', 'keydown', 'wheel', 'touchend']) {
    window.addEventListener(type, onInput, { capture: true, passive: true })
  }
  watchGamepads()
  watchXrInput()
  guardNavigation()
  useKioskStore.setState({ visitsToday: visitsToday(), attract: true })
  startAttractLoop()
  // An update downloaded while the booth is idle is applied at once, by a reset.
  keepToursOffline(tourUrl, () => {
    if (useKioskStore.getState().attract) void resetBooth()
  })
}
