import { PMREMGenerator, type Texture, type WebGLRenderer } from 'three'
import { RoomEnvironment } from 'three/addons/environments/RoomEnvironment.js'

const environments = new WeakMap<WebGLRenderer, Texture>()

/**
 * Returns the lighting environment for model scenes: three's procedural room, prefiltered once per
 * renderer and then kept for the renderer's lifetime. It is one small texture, and building it is
 * slow on software WebGL, so every model scene shares it instead of building its own.
 */
export function roomEnvironment(renderer: WebGLRenderer): Texture {
  const cached = environments.get(renderer)
  if (cached) return cached
  const generator = new PMREMGenerator(renderer)
  const room = new RoomEnvironment()
  const texture = generator.fromScene(room, 0.04).texture
  room.dispose()
  generator.dispose()
  environments.set(renderer, texture)
  return texture
}

/**
 * Drops the renderer's environment after its WebGL context was lost: the prefiltered texture was
 * drawn on the GPU and cannot be uploaded again, so the next model scene builds it anew.
 */
export function forgetRoomEnvironment(renderer: WebGLRenderer): void {
  environments.get(renderer)?.dispose()
  environments.delete(renderer)
}
