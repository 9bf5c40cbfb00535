import {
  ClampToEdgeWrapping,
  LinearFilter,
  LinearMipmapLinearFilter,
  RepeatWrapping,
  SRGBColorSpace,
  Texture,
} from 'three'
import { AssetLoadError, fetchBytes } from '../../core/download.ts'
import { type PanoramaPlacement, readPanoramaMetadata } from '../../core/gpano.ts'
import { fitWithin } from '../../core/imageInfo.ts'

export interface PanoramaTexture {
  texture: Texture
  /** Size of the image file, after EXIF orientation. */
  sourceWidth: number
  sourceHeight: number
  /** True when the image was larger than the GPU allows and was scaled down while decoding. */
  scaled: boolean
  /** Where the image sits on the sphere, from its GPano XMP; a full sphere without XMP. */
  placement: PanoramaPlacement
}

/**
 * Loads an equirectangular image as a texture. The file is decoded with `createImageBitmap`, which
 * applies EXIF orientation and rejects a corrupt or truncated file (an `<img>` can report success
 * for a JPEG cut short after its header). An image larger than `maxTextureSize` is scaled down
 * during decoding, so no oversized texture or 2D canvas is ever created.
 */
export async function loadPanoramaTexture(
  url: string,
  options: {
    maxTextureSize: number
    maxAnisotropy: number
    signal?: AbortSignal
    onProgress?: (fraction: number | null) => void
  },
): Promise<PanoramaTexture> {
  const bytes = await fetchBytes(url, options)
  const metadata = readPanoramaMetadata(bytes)
  if (!metadata) throw new AssetLoadError({ kind: 'image', url })

  const size = { width: metadata.width, height: metadata.height }
  const target = fitWithin(size, options.maxTextureSize)
  const blob = new Blob([bytes as Uint8Array<ArrayBuffer>])
  let bitmap: ImageBitmap
  try {
    bitmap = await createImageBitmap(blob, {
      imageOrientation: 'from-image',
      premultiplyAlpha: 'none',
      ...(target.scaled
        ? { resizeWidth: target.width, resizeHeight: target.height, resizeQuality: 'high' }
        : {}),
    })
  } catch (error) {
    throw new AssetLoadError({ kind: 'image', url }, { cause: error })
  }
  if (options.signal?.aborted) {
    bitmap.close()
    throw options.signal.reason
  }

  const texture = new Texture(bitmap)
  texture.colorSpace = SRGBColorSpace
  // An ImageBitmap cannot be flipped on upload; the panorama shader reads rows from the top.
  texture.flipY = false
  // Only a full turn wraps around; the edges of a partial panorama must not blend into each other.
  const { coverage } = metadata.placement
  texture.wrapS = coverage.yawMax - coverage.yawMin >= 360 ? RepeatWrapping : ClampToEdgeWrapping
  texture.wrapT = ClampToEdgeWrapping
  texture.magFilter = LinearFilter
  texture.minFilter = LinearMipmapLinearFilter
  texture.generateMipmaps = true
  texture.anisotropy = Math.min(8, options.maxAnisotropy)
  texture.needsUpdate = true
  texture.addEventListener('dispose', () => bitmap.close())

  return {
    texture,
    sourceWidth: size.width,
    sourceHeight: size.height,
    scaled: target.scaled,
    placement: metadata.placement,
  }
}
