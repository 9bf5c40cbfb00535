import {
  type CommandRejection,
  EMBED_PROTOCOL_VERSION,
  EMBED_SOURCE,
  type EmbedOutMessage,
  type HostCommand,
  isCommandOriginAllowed,
  parseHostCommand,
} from './protocol.ts'

/** Reason a command was not carried out, as reported back to the host. */
export type CommandFailure =
  | Exclude<CommandRejection, 'not-ours'>
  | 'origin-not-allowed'
  | 'not-ready'
  | 'unknown-scene'
  | 'unsupported-language'
  | 'busy'

/** Carries out a command and returns null on success or the reason it failed. */
export type CommandHandler = (command: HostCommand) => CommandFailure | null

export interface HostBridge {
  /** Posts a message to the embedding page; does nothing when the app is not in a frame. */
  post(message: EmbedOutMessage): void
  /**
   * Sets who carries out commands and which origins may send them. Until it is called, every
   * command gets `not-ready`.
   */
  setHandler(handler: CommandHandler, allowedOrigins: () => readonly string[]): void
}

/**
 * Connects the app to the page that embeds it: posts messages to `window.parent` and listens for
 * commands from it. Messages of other senders (other frames, browser extensions) are ignored.
 * Every command the app recognises as its own gets a `command-result` reply, so a host learns why
 * a command did nothing, including when its origin is not on the allow-list.
 */
export function createHostBridge(win: Window): HostBridge {
  const parent = win.parent !== win ? win.parent : null
  let handler: CommandHandler = () => 'not-ready'
  let allowed: () => readonly string[] = () => []

  const reply = (origin: string, name: unknown, id: unknown, failure: CommandFailure | null) => {
    if (!parent) return
    const detail = {
      name: typeof name === 'string' ? name : null,
      ...(typeof id === 'string' || typeof id === 'number' ? { id } : {}),
      ok: failure === null,
      ...(failure !== null ? { reason: failure } : {}),
    }
    parent.postMessage(
      { source: EMBED_SOURCE, version: EMBED_PROTOCOL_VERSION, type: 'command-result', detail },
      origin,
    )
  }

  win.addEventListener('message', (event: MessageEvent) => {
    if (parent === null || event.source !== parent) return
    const parsed = parseHostCommand(event.data)
    const data = event.data as { name?: unknown; id?: unknown }
    if ('rejected' in parsed) {
      if (parsed.rejected === 'not-ours') return
      warnInDevelopment(`message from ${event.origin} rejected: ${parsed.rejected}`)
      reply(event.origin, data.name, data.id, parsed.rejected)
      return
    }
    if (!isCommandOriginAllowed(event.origin, allowed())) {
      warnInDevelopment(
        `command "${parsed.command.name}" from ${event.origin} ignored: the origin is not in embed.allowedOrigins or VITE_EMBED_ORIGINS`,
      )
      reply(event.origin, data.name, data.id, 'origin-not-allowed')
      return
    }
    const failure = handler(parsed.command)
    if (failure !== null) warnInDevelopment(`command "${parsed.command.name}" failed: ${failure}`)
    reply(event.origin, data.name, data.id, failure)
  })

  return {
    post(message) {
      // Events carry no personal data and are meant for whichever page embeds the tour, so they go
      // to any origin. Commands are the part that is checked.
      parent?.postMessage(message, '*')
    },
    setHandler(next, origins) {
      handler = next
      allowed = origins
    },
  }
}

function warnInDevelopment(message: string): void {
  if (import.meta.env.DEV) console.warn(`[embed] ${message}`)
}
