import { ClampToEdgeWrapping, LinearFilter, SRGBColorSpace, Texture } from 'three'
import { AssetLoadError } from '../../core/download.ts'

/**
 * Downloads and decodes one tile or cube face into a texture. Tiles are drawn at about one texel
 * per screen pixel, so they get no mipmaps. Their edges are clamped, because blending a texel with
 * the opposite edge of its own tile would draw a line along every tile border.
 * Throws `AssetLoadError` for HTTP, network and decoding failures, and the abort reason on abort.
 */
export async function loadTileTexture(
  url: string,
  options: { signal: AbortSignal; maxTextureSize: number },
): Promise<Texture> {
  let response: Response
  try {
    response = await fetch(url, { signal: options.signal, credentials: 'same-origin' })
  } catch (error) {
    if (options.signal.aborted) throw options.signal.reason
    throw new AssetLoadError({ kind: 'network', url }, { cause: error })
  }
  if (!response.ok) throw new AssetLoadError({ kind: 'http', url, status: response.status })

  let bitmap: ImageBitmap
  try {
    const blob = await response.blob()
    bitmap = await createImageBitmap(blob, {
      imageOrientation: 'from-image',
      premultiplyAlpha: 'none',
    })
  } catch (error) {
    if (options.signal.aborted) throw options.signal.reason
    throw new AssetLoadError({ kind: 'image', url }, { cause: error })
  }
  if (bitmap.width > options.maxTextureSize || bitmap.height > options.maxTextureSize) {
    // Only a cube face can be this large; tiles are at most `tileSize`, far below any GPU limit.
    const scale = options.maxTextureSize / Math.max(bitmap.width, bitmap.height)
    const resized = await createImageBitmap(bitmap, {
      resizeWidth: Math.floor(bitmap.width * scale),
      resizeHeight: Math.floor(bitmap.height * scale),
      resizeQuality: 'high',
    })
    bitmap.close()
    bitmap = resized
  }
  if (options.signal.aborted) {
    bitmap.close()
    throw options.signal.reason
  }

  const texture = new Texture(bitmap)
  texture.colorSpace = SRGBColorSpace
  // An ImageBitmap cannot be flipped on upload, so the tile geometry puts v = 0 at the top row.
  texture.flipY = false
  texture.wrapS = ClampToEdgeWrapping
  texture.wrapT = ClampToEdgeWrapping
  texture.magFilter = LinearFilter
  texture.minFilter = LinearFilter
  texture.generateMipmaps = false
  texture.needsUpdate = true
  texture.addEventListener('dispose', () => bitmap.close())
  return texture
}
