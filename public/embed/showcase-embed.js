// Helper for pages that embed a Tây Bắc 360 tour in an iframe. An ES module with no
// dependencies; its types are in showcase-embed.d.ts beside it.
//
//   import { connectShowcase } from './showcase-embed.js'
//   const tour = connectShowcase(document.querySelector('iframe'))
//   tour.on('scene-enter', (detail) => console.log(detail.sceneId))
//   await tour.goToScene('market', { yaw: 30, pitch: -5, fov: 75 })

/** `source` of every message of the protocol. */
export const SHOWCASE_SOURCE = 'tay-bac-showcase'
/** Protocol version this helper speaks. */
export const SHOWCASE_PROTOCOL_VERSION = 1
/** Time a command waits for its `command-result` before it resolves with `timeout`, in ms. */
export const DEFAULT_COMMAND_TIMEOUT_MS = 5000

/**
 * Returns a message from the tour as `{ type, name, detail }`, or null when `data` is not a
 * message of this protocol version.
 */
export function parseShowcaseMessage(data) {
  if (typeof data !== 'object' || data === null) return null
  if (data.source !== SHOWCASE_SOURCE || data.version !== SHOWCASE_PROTOCOL_VERSION) return null
  if (data.type === 'event' && typeof data.name === 'string') {
    return { type: 'event', name: data.name, detail: data.detail }
  }
  if (data.type === 'ready' || data.type === 'command-result') {
    return { type: data.type, name: null, detail: data.detail }
  }
  return null
}

/** Returns the envelope of a command, as the tour expects it. */
export function commandMessage(name, detail, id) {
  return {
    source: SHOWCASE_SOURCE,
    version: SHOWCASE_PROTOCOL_VERSION,
    type: 'command',
    name,
    detail,
    ...(id === undefined ? {} : { id }),
  }
}

/**
 * Connects to the tour in `iframe`. Messages are accepted only from that iframe's window and
 * origin, and commands are sent only to that origin. The tour carries out a command only when
 * this page's origin is on its allow-list (`embed.allowedOrigins` in the tour file).
 */
export function connectShowcase(iframe, options = {}) {
  const origin = new URL(iframe.src, location.href).origin
  const timeoutMs = options.commandTimeoutMs ?? DEFAULT_COMMAND_TIMEOUT_MS
  const handlers = new Map()
  const pending = new Map()
  let nextId = 1

  const emit = (key, detail, message) => {
    for (const handler of handlers.get(key) ?? []) {
      try {
        handler(detail, message)
      } catch (error) {
        console.error('[showcase-embed] handler failed', error)
      }
    }
  }

  const onMessage = (event) => {
    if (event.source !== iframe.contentWindow || event.origin !== origin) return
    const message = parseShowcaseMessage(event.data)
    if (!message) return
    if (message.type === 'command-result') {
      const waiting = pending.get(message.detail?.id)
      if (waiting) {
        pending.delete(message.detail.id)
        clearTimeout(waiting.timer)
        waiting.resolve(message.detail)
      }
      return
    }
    if (message.type === 'ready') {
      emit('ready', message.detail, message)
      return
    }
    emit(message.name, message.detail, message)
    emit('*', message.detail, message)
  }
  window.addEventListener('message', onMessage)

  const send = (name, detail) =>
    new Promise((resolve) => {
      const id = nextId++
      const timer = setTimeout(() => {
        pending.delete(id)
        resolve({ name, id, ok: false, reason: 'timeout' })
      }, timeoutMs)
      pending.set(id, { resolve, timer })
      iframe.contentWindow?.postMessage(commandMessage(name, detail, id), origin)
    })

  return {
    on(name, handler) {
      const set = handlers.get(name) ?? new Set()
      set.add(handler)
      handlers.set(name, set)
      return () => set.delete(handler)
    },
    goToScene(sceneId, view) {
      return send('go-to-scene', view === undefined ? { sceneId } : { sceneId, view })
    },
    setLanguage(lang) {
      return send('set-language', { lang })
    },
    disconnect() {
      window.removeEventListener('message', onMessage)
      for (const { resolve, timer } of pending.values()) {
        clearTimeout(timer)
        resolve({ name: null, ok: false, reason: 'disconnected' })
      }
      pending.clear()
      handlers.clear()
    },
  }
}
