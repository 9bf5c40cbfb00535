import { events } from '../analytics/bus.ts'
import { EMBED_COMMAND_ORIGINS } from '../config.ts'
import { isUiLanguage } from '../i18n/translate.ts'
import { findScene, goToScene, setLanguage } from '../state/actions.ts'
import { requestFrame } from '../state/anchors.ts'
import { useAppStore } from '../state/store.ts'
import { setLiveView } from '../state/view.ts'
import type { CommandFailure, HostBridge } from './bridge.ts'
import { eventMessage, type HostCommand, readyMessage } from './protocol.ts'

/**
 * Connects the running app to its host page: every app event is posted to the host, and host
 * commands from allowed origins move to a scene or switch the language.
 */
export function connectApp(bridge: HostBridge): void {
  events.onAny((event) => bridge.post(eventMessage(event.type, event.payload)))
  bridge.setHandler(runCommand, () => [
    ...EMBED_COMMAND_ORIGINS,
    ...(useAppStore.getState().tour?.embed?.allowedOrigins ?? []),
  ])
  const unsubscribe = useAppStore.subscribe((state) => {
    if (state.tourStatus === 'loading') return
    unsubscribe()
    if (state.tourStatus === 'ready') bridge.post(readyMessage('viewer'))
  })
}

function runCommand(command: HostCommand): CommandFailure | null {
  const { tour, sceneId, tourStatus } = useAppStore.getState()
  if (tourStatus !== 'ready' || !tour) return 'not-ready'
  if (command.name === 'set-language') {
    if (!isUiLanguage(command.lang)) return 'unsupported-language'
    setLanguage(command.lang)
    return null
  }
  if (!findScene(tour, command.sceneId)) return 'unknown-scene'
  if (command.sceneId === sceneId) {
    if (command.view) {
      setLiveView(command.view)
      requestFrame()
    }
    return null
  }
  return goToScene(command.sceneId, 'host', command.view) ? null : 'busy'
}

/** Resolves once the first scene has drawn (or shown its error), or the tour failed to load. */
export function whenFirstSceneShown(): Promise<void> {
  return new Promise((resolve) => {
    const check = (state: ReturnType<typeof useAppStore.getState>): boolean => {
      if (state.tourStatus === 'failed') return true
      if (state.tourStatus !== 'ready' || state.sceneId === null) return false
      const load = state.sceneLoads[state.sceneId]?.status
      return load === 'ready' || load === 'error'
    }
    if (check(useAppStore.getState())) {
      resolve()
      return
    }
    const unsubscribe = useAppStore.subscribe((state) => {
      if (!check(state)) return
      unsubscribe()
      resolve()
    })
  })
}
