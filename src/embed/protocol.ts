import { parseViewTriple, type View } from '../core/view.ts'

/**
 * The message protocol between an embedded tour and the page that embeds it. Pure: no DOM, so the
 * host helper's unit tests and the app share one definition of what a valid message is.
 */

/** `source` of every message, so a host can tell the tour's messages from other frames' ones. */
export const EMBED_SOURCE = 'tay-bac-showcase'
/** Version of the envelope; a message with another version is rejected. */
export const EMBED_PROTOCOL_VERSION = 1

/** Message the tour posts to its host: one app event, or `ready` when a phase starts. */
export type EmbedOutMessage =
  | {
      source: typeof EMBED_SOURCE
      version: typeof EMBED_PROTOCOL_VERSION
      type: 'event'
      name: string
      detail: unknown
    }
  | {
      source: typeof EMBED_SOURCE
      version: typeof EMBED_PROTOCOL_VERSION
      type: 'ready'
      /** `poster` before the visitor starts the tour, `viewer` once the tour is running. */
      detail: { phase: 'poster' | 'viewer' }
    }

/** A command a host page may send. */
export type HostCommand =
  | { name: 'go-to-scene'; sceneId: string; view?: View }
  | { name: 'set-language'; lang: string }

/** Reason a message was not accepted as a command. */
export type CommandRejection =
  | 'not-ours'
  | 'unsupported-version'
  | 'not-a-command'
  | 'unknown-command'
  | 'invalid-detail'

/** Maximum length of a scene id or language tag in a command. */
const MAX_COMMAND_TEXT = 200

type JsonObject = Record<string, unknown>

function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

/** Returns the envelope of an app event as posted to the host. */
export function eventMessage(name: string, detail: unknown): EmbedOutMessage {
  return { source: EMBED_SOURCE, version: EMBED_PROTOCOL_VERSION, type: 'event', name, detail }
}

/** Returns the envelope announcing that a phase has started and commands are accepted. */
export function readyMessage(phase: 'poster' | 'viewer'): EmbedOutMessage {
  return { source: EMBED_SOURCE, version: EMBED_PROTOCOL_VERSION, type: 'ready', detail: { phase } }
}

/**
 * Parses a message a host posted. Accepts only `{ source, version: 1, type: 'command', name,
 * detail }` with a known name and a valid detail; anything else is rejected with the reason.
 * A view may be given as `{ yaw, pitch, fov }` or as the URL's `yaw,pitch,fov` text.
 */
export function parseHostCommand(
  data: unknown,
): { command: HostCommand } | { rejected: CommandRejection } {
  if (!isObject(data) || data.source !== EMBED_SOURCE) return { rejected: 'not-ours' }
  if (data.version !== EMBED_PROTOCOL_VERSION) return { rejected: 'unsupported-version' }
  if (data.type !== 'command') return { rejected: 'not-a-command' }
  const detail = data.detail
  if (!isObject(detail)) return { rejected: 'invalid-detail' }

  switch (data.name) {
    case 'go-to-scene': {
      const sceneId = detail.sceneId
      if (!isCommandText(sceneId)) return { rejected: 'invalid-detail' }
      if (detail.view === undefined) return { command: { name: 'go-to-scene', sceneId } }
      const view = parseCommandView(detail.view)
      if (!view) return { rejected: 'invalid-detail' }
      return { command: { name: 'go-to-scene', sceneId, view } }
    }
    case 'set-language': {
      const lang = detail.lang
      if (!isCommandText(lang)) return { rejected: 'invalid-detail' }
      return { command: { name: 'set-language', lang: lang.trim().toLowerCase() } }
    }
    default:
      return { rejected: 'unknown-command' }
  }
}

function isCommandText(value: unknown): value is string {
  return typeof value === 'string' && value.trim() !== '' && value.length <= MAX_COMMAND_TEXT
}

/** Reads a view through the URL parser, so both paths apply the same ranges. */
function parseCommandView(value: unknown): View | null {
  if (typeof value === 'string') return parseViewTriple(value)
  if (!isObject(value)) return null
  const { yaw, pitch, fov } = value
  if (typeof yaw !== 'number' || typeof pitch !== 'number') return null
  if (fov !== undefined && typeof fov !== 'number') return null
  const numbers = [yaw, pitch, fov ?? 75].map((value) => value.toFixed(4))
  return parseViewTriple(numbers.join(','))
}

/**
 * Returns the valid origins of a list, each normalised to `scheme://host[:port]`. An entry that is
 * not an http(s) origin (with a path, say) is dropped.
 */
export function normalizeOrigins(list: readonly unknown[]): string[] {
  const origins: string[] = []
  for (const entry of list) {
    const origin = parseOrigin(entry)
    if (origin !== null && !origins.includes(origin)) origins.push(origin)
  }
  return origins
}

/**
 * Returns the entry as an origin when it is exactly one: an http(s) URL with no path, query,
 * fragment or credentials. A single trailing slash is tolerated.
 */
export function parseOrigin(entry: unknown): string | null {
  if (typeof entry !== 'string') return null
  const text = entry.trim().replace(/\/$/, '')
  let url: URL
  try {
    url = new URL(text)
  } catch {
    return null
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return null
  return url.origin === text.toLowerCase() || url.origin === text ? url.origin : null
}

/** True when a message from `origin` may command the tour. */
export function isCommandOriginAllowed(origin: string, allowed: readonly string[]): boolean {
  return origin !== 'null' && allowed.includes(origin)
}
