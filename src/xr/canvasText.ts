import { CanvasTexture, LinearFilter, SRGBColorSpace } from 'three'

/**
 * Font of everything drawn into textures in VR. The app ships Be Vietnam Pro (400 and 600, with
 * its Vietnamese subset), so panel text needs no font from another host.
 */
export const PANEL_FONT = '"Be Vietnam Pro", system-ui, sans-serif'

/**
 * Waits until the weights used in panels have the glyphs of `text` loaded. The shipped font is
 * split by Unicode range, so a canvas drawn before this would fall back to another font for "ữ ặ".
 * A failed load is logged, and the text is then drawn in the fallback font.
 */
export async function loadPanelFont(text: string): Promise<void> {
  if (typeof document === 'undefined' || !document.fonts) return
  try {
    await Promise.all([
      document.fonts.load(`400 32px ${PANEL_FONT}`, text),
      document.fonts.load(`600 32px ${PANEL_FONT}`, text),
    ])
  } catch (error) {
    console.warn('[xr] the panel font failed to load', error)
  }
}

/** Creates a canvas and a texture drawn from it, for a panel of `width` × `height` pixels. */
export function createCanvasTexture(
  width: number,
  height: number,
): { canvas: HTMLCanvasElement; context: CanvasRenderingContext2D; texture: CanvasTexture } {
  const canvas = document.createElement('canvas')
  canvas.width = width
  canvas.height = height
  const context = canvas.getContext('2d')
  if (!context) throw new Error('[xr] a 2D canvas context is not available for VR panels')
  const texture = new CanvasTexture(canvas)
  texture.colorSpace = SRGBColorSpace
  texture.minFilter = LinearFilter
  texture.generateMipmaps = false
  return { canvas, context, texture }
}

/**
 * Splits `text` into lines no wider than `maxWidth` in the context's current font, keeping at most
 * `maxLines`; the last kept line ends with an ellipsis when text was cut.
 */
export function wrapText(
  context: CanvasRenderingContext2D,
  text: string,
  maxWidth: number,
  maxLines: number,
): string[] {
  const lines: string[] = []
  let cut = false
  for (const paragraph of text.split(/\n+/)) {
    let line = ''
    for (const word of paragraph.split(/\s+/).filter(Boolean)) {
      const candidate = line ? `${line} ${word}` : word
      if (context.measureText(candidate).width <= maxWidth || !line) {
        line = candidate
        continue
      }
      lines.push(line)
      line = word
    }
    if (line) lines.push(line)
    if (lines.length > maxLines) {
      cut = true
      break
    }
  }
  if (lines.length > maxLines) cut = true
  const kept = lines.slice(0, maxLines)
  if (cut && kept.length > 0) {
    let last = kept[kept.length - 1] ?? ''
    while (last && context.measureText(`${last}…`).width > maxWidth) last = last.slice(0, -1)
    kept[kept.length - 1] = `${last.trimEnd()}…`
  }
  return kept
}

/** Fills a rectangle with rounded corners. */
export function fillRoundRect(
  context: CanvasRenderingContext2D,
  x: number,
  y: number,
  width: number,
  height: number,
  radius: number,
): void {
  context.beginPath()
  context.roundRect(x, y, width, height, radius)
  context.fill()
}
