import type { Locator } from '@playwright/test'
import jsQR from 'jsqr'
import sharp from 'sharp'

/**
 * Decodes the QR code shown by an `<img>`, drawn onto a canvas 4 times its size with smoothing
 * off. Returns null when no QR code is found.
 */
export async function decodeQrImage(image: Locator): Promise<string | null> {
  const png = await image.evaluate(async (element) => {
    const source = new Image()
    source.src = (element as HTMLImageElement).src
    await source.decode()
    const size = 4 * (element as HTMLImageElement).width
    const canvas = document.createElement('canvas')
    canvas.width = size
    canvas.height = size
    const context = canvas.getContext('2d')
    if (!context) throw new Error('no 2D canvas context')
    context.imageSmoothingEnabled = false
    context.fillStyle = '#fff'
    context.fillRect(0, 0, size, size)
    context.drawImage(source, 0, 0, size, size)
    return canvas.toDataURL('image/png')
  })
  const bytes = Buffer.from(png.slice(png.indexOf(',') + 1), 'base64')
  const { data, info } = await sharp(bytes)
    .ensureAlpha()
    .raw()
    .toBuffer({ resolveWithObject: true })
  return jsQR(new Uint8ClampedArray(data), info.width, info.height)?.data ?? null
}
