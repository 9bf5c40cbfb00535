import { useEffect, useState } from 'react'
import type { CanvasTexture } from 'three'
import { requestFrame } from '../state/anchors.ts'
import { createCanvasTexture, loadPanelFont } from './canvasText.ts'

/**
 * Returns a texture of `width` × `height` pixels drawn by `draw`, redrawn whenever `draw` changes
 * (wrap it in `useCallback`). Drawing waits until the glyphs of `text` are loaded, so Vietnamese
 * letters do not fall back to another font. The texture is disposed on unmount.
 */
export function useDrawnTexture(
  width: number,
  height: number,
  text: string,
  draw: (context: CanvasRenderingContext2D) => void,
): CanvasTexture {
  const [{ context, texture }] = useState(() => createCanvasTexture(width, height))

  useEffect(() => {
    let live = true
    loadPanelFont(text).then(() => {
      if (!live) return
      context.clearRect(0, 0, width, height)
      draw(context)
      texture.needsUpdate = true
      requestFrame()
    })
    return () => {
      live = false
    }
  }, [context, texture, width, height, text, draw])

  useEffect(() => () => texture.dispose(), [texture])
  return texture
}
