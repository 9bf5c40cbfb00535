// Types of showcase-embed.js, the helper for pages that embed a Tây Bắc 360 tour.

export declare const SHOWCASE_SOURCE: 'tay-bac-showcase'
export declare const SHOWCASE_PROTOCOL_VERSION: 1
export declare const DEFAULT_COMMAND_TIMEOUT_MS: number

/** A view in degrees: yaw 0 is the panorama's centre, positive turns right; fov is vertical. */
export interface ShowcaseView {
  yaw: number
  pitch: number
  fov?: number
}

/** Payloads of the tour's events, by name. */
export interface ShowcaseEventMap {
  'tour-load': { tourId: string; url: string; sceneCount: number }
  'scene-enter': {
    tourId: string
    sceneId: string
    kind: 'panorama' | 'model'
    from?: string
    via: 'start' | 'link' | 'hotspot' | 'list' | 'host'
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
    action: 'book' | 'call'
    url: string
  }
  'xr-start': { tourId: string; mode: 'vr' | 'ar' }
  'xr-end': { tourId: string; mode: 'vr' | 'ar' }
  error: { tourId?: string; sceneId?: string; code: string; message: string; url?: string }
}

export type ShowcaseEventName = keyof ShowcaseEventMap

/** `poster`: the tour shows its start image; `viewer`: the tour is running. */
export interface ShowcaseReady {
  phase: 'poster' | 'viewer'
}

/** The tour's reply to a command. */
export interface ShowcaseCommandResult {
  name: string | null
  id?: string | number
  ok: boolean
  reason?:
    | 'origin-not-allowed'
    | 'not-ready'
    | 'unknown-scene'
    | 'unsupported-language'
    | 'busy'
    | 'invalid-detail'
    | 'unknown-command'
    | 'unsupported-version'
    | 'not-a-command'
    | 'timeout'
    | 'disconnected'
}

export type ShowcaseMessage =
  | { type: 'event'; name: string; detail: unknown }
  | { type: 'ready'; name: null; detail: ShowcaseReady }
  | { type: 'command-result'; name: null; detail: ShowcaseCommandResult }

export interface ShowcaseConnection {
  on<K extends ShowcaseEventName>(
    name: K,
    handler: (detail: ShowcaseEventMap[K], message: ShowcaseMessage) => void,
  ): () => void
  on(name: 'ready', handler: (detail: ShowcaseReady, message: ShowcaseMessage) => void): () => void
  /** Every event of the tour. */
  on(name: '*', handler: (detail: unknown, message: ShowcaseMessage) => void): () => void
  /** Moves the tour to a scene, optionally at a view. */
  goToScene(sceneId: string, view?: ShowcaseView): Promise<ShowcaseCommandResult>
  /** Switches the interface language: 'vi' or 'en'. */
  setLanguage(lang: string): Promise<ShowcaseCommandResult>
  /** Stops listening; pending commands resolve with `disconnected`. */
  disconnect(): void
}

export declare function connectShowcase(
  iframe: HTMLIFrameElement,
  options?: { commandTimeoutMs?: number },
): ShowcaseConnection

export declare function parseShowcaseMessage(data: unknown): ShowcaseMessage | null

export declare function commandMessage(
  name: string,
  detail: unknown,
  id?: string | number,
): Record<string, unknown>
