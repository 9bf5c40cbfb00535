import { describe, expect, it } from 'vitest'
import {
  commandMessage,
  parseShowcaseMessage,
  SHOWCASE_PROTOCOL_VERSION,
  SHOWCASE_SOURCE,
} from '../../../public/embed/showcase-embed.js'
import {
  EMBED_PROTOCOL_VERSION,
  EMBED_SOURCE,
  eventMessage,
  parseHostCommand,
  readyMessage,
} from '../../../src/embed/protocol.ts'

// The host helper is plain JavaScript for host pages; these tests keep it in step with the app.
describe('embed host helper', () => {
  it('speaks the app’s protocol version', () => {
    expect(SHOWCASE_SOURCE).toBe(EMBED_SOURCE)
    expect(SHOWCASE_PROTOCOL_VERSION).toBe(EMBED_PROTOCOL_VERSION)
  })

  it('builds commands the app accepts', () => {
    const message = commandMessage(
      'go-to-scene',
      { sceneId: 'market', view: { yaw: 1, pitch: 2 } },
      7,
    )
    expect(parseHostCommand(message)).toEqual({
      command: { name: 'go-to-scene', sceneId: 'market', view: { yaw: 1, pitch: 2, fov: 75 } },
    })
    expect(parseHostCommand(commandMessage('set-language', { lang: 'en' }))).toEqual({
      command: { name: 'set-language', lang: 'en' },
    })
  })

  it('reads the app’s events and phases', () => {
    expect(parseShowcaseMessage(eventMessage('scene-enter', { sceneId: 'a' }))).toEqual({
      type: 'event',
      name: 'scene-enter',
      detail: { sceneId: 'a' },
    })
    expect(parseShowcaseMessage(readyMessage('viewer'))).toEqual({
      type: 'ready',
      name: null,
      detail: { phase: 'viewer' },
    })
  })

  it('ignores other messages', () => {
    expect(
      parseShowcaseMessage({ source: 'other', version: 1, type: 'event', name: 'x' }),
    ).toBeNull()
    expect(parseShowcaseMessage({ ...eventMessage('x', {}), version: 2 })).toBeNull()
    expect(parseShowcaseMessage('hello')).toBeNull()
  })
})
