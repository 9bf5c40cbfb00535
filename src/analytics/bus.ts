/**
 * The typed event map shared by analytics, the embed API and tests. Event names are kebab-case and
 * every payload names the tour, so a sink can forward events without extra context.
 */
export interface ShowcaseEvents {
  'tour-load': { tourId: string; url: string; sceneCount: number }
  'scene-enter': {
    tourId: string
    sceneId: string
    kind: 'panorama' | 'model'
    /** The scene the visitor came from; absent for the first scene. */
    from?: string
    /**
     * `host`: a command from the page that embeds the tour. `attract`: a booth's attract loop or
     * its reset to the start scene, not a visitor.
     */
    via: 'start' | 'link' | 'hotspot' | 'list' | 'host' | 'attract'
  }
  'scene-leave': { tourId: string; sceneId: string; dwellMs: number }
  'hotspot-select': {
    tourId: string
    sceneId: string
    hotspotId: string
    kind: 'scene' | 'info' | 'offer'
  }
  'offer-open': { tourId: string; sceneId: string; offerId: string; hotspotId: string }
  'offer-link': {
    tourId: string
    offerId: string
    channel: 'web' | 'embed' | 'kiosk-qr'
    /** Link the visitor followed: the booking page or the phone number. */
    action: 'book' | 'call'
    url: string
  }
  'xr-start': { tourId: string; mode: 'vr' | 'ar' }
  'xr-end': { tourId: string; mode: 'vr' | 'ar' }
  error: {
    tourId?: string
    sceneId?: string
    code: string
    message: string
    url?: string
  }
}

export type ShowcaseEventType = keyof ShowcaseEvents

/** One emitted event as sinks receive it. */
export type ShowcaseEvent = {
  [K in ShowcaseEventType]: { type: K; payload: ShowcaseEvents[K]; time: number }
}[ShowcaseEventType]

type Handler<K extends ShowcaseEventType> = (payload: ShowcaseEvents[K]) => void
type AnyHandler = (event: ShowcaseEvent) => void

export interface EventBus {
  on<K extends ShowcaseEventType>(type: K, handler: Handler<K>): () => void
  /** Subscribes to every event, as sinks do. */
  onAny(handler: AnyHandler): () => void
  emit<K extends ShowcaseEventType>(type: K, payload: ShowcaseEvents[K]): void
}

/**
 * Creates an event bus. A handler that throws is reported through `onHandlerError` and does not
 * stop the other handlers.
 */
export function createEventBus(
  options: { now?: () => number; onHandlerError?: (error: unknown) => void } = {},
): EventBus {
  const now = options.now ?? (() => Date.now())
  const onHandlerError = options.onHandlerError ?? ((error) => console.error('[events]', error))
  const handlers = new Map<ShowcaseEventType, Set<(payload: never) => void>>()
  const anyHandlers = new Set<AnyHandler>()

  const call = (fn: () => void) => {
    try {
      fn()
    } catch (error) {
      onHandlerError(error)
    }
  }

  return {
    on(type, handler) {
      let set = handlers.get(type)
      if (!set) {
        set = new Set()
        handlers.set(type, set)
      }
      const stored = handler as (payload: never) => void
      set.add(stored)
      return () => {
        set.delete(stored)
      }
    },
    onAny(handler) {
      anyHandlers.add(handler)
      return () => {
        anyHandlers.delete(handler)
      }
    },
    emit(type, payload) {
      const event = { type, payload, time: now() } as ShowcaseEvent
      for (const handler of handlers.get(type) ?? []) {
        call(() => (handler as Handler<typeof type>)(payload))
      }
      for (const handler of anyHandlers) call(() => handler(event))
    },
  }
}

/** The app's event bus. */
export const events = createEventBus()
