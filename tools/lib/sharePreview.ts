import sharp from 'sharp'

/** Size of a share preview: the 1.91:1 image that Open Graph and Twitter cards show. */
export const PREVIEW_WIDTH = 1200
export const PREVIEW_HEIGHT = 630
/** Widest vertical field of view a preview uses; wider start views look distorted when flat. */
export const MAX_PREVIEW_FOV = 70
/** Widest source the projection reads; more pixels add nothing at 1200 px and cost time. */
const MAX_SOURCE_WIDTH = 4096
const DEG2RAD = Math.PI / 180

/** Decoded pixels, `channels` bytes per pixel, rows top to bottom. */
export interface RawImage {
  data: Uint8Array
  width: number
  height: number
  channels: number
}

export interface PreviewView {
  yaw: number
  pitch: number
  fov: number
}

/**
 * Projects part of an equirectangular panorama onto a flat (rectilinear) image, as the viewer's
 * camera sees it at `view`: yaw 0 is the centre column and positive yaw turns right, pitch 0 is
 * the horizon, `fov` is vertical. Pure: returns RGB bytes of `width` × `height`.
 */
export function projectEquirect(
  source: RawImage,
  view: PreviewView,
  width: number,
  height: number,
): Uint8Array {
  const output = new Uint8Array(width * height * 3)
  const tanY = Math.tan((view.fov * DEG2RAD) / 2)
  const tanX = tanY * (width / height)
  const sinPitch = Math.sin(view.pitch * DEG2RAD)
  const cosPitch = Math.cos(view.pitch * DEG2RAD)
  const yaw = view.yaw * DEG2RAD

  for (let y = 0; y < height; y++) {
    // Camera space: x right, y up, z forward, on the plane z = 1.
    const cy = (1 - (2 * (y + 0.5)) / height) * tanY
    for (let x = 0; x < width; x++) {
      const cx = ((2 * (x + 0.5)) / width - 1) * tanX
      // Tilt by the pitch (about the x axis), then turn by the yaw (about the y axis).
      const dy = cy * cosPitch + sinPitch
      const dz = -cy * sinPitch + cosPitch
      const longitude = yaw + Math.atan2(cx, dz)
      const latitude = Math.atan2(dy, Math.hypot(cx, dz))
      const u = (longitude / (2 * Math.PI) + 0.5) * source.width - 0.5
      const v = (0.5 - latitude / Math.PI) * source.height - 0.5
      sampleBilinear(source, u, v, output, (y * width + x) * 3)
    }
  }
  return output
}

/** Writes the bilinear sample at (u, v) to `output`; columns wrap around, rows are clamped. */
function sampleBilinear(
  source: RawImage,
  u: number,
  v: number,
  output: Uint8Array,
  offset: number,
): void {
  const { data, width, height, channels } = source
  const x0 = Math.floor(u)
  const y0 = Math.floor(v)
  const fx = u - x0
  const fy = v - y0
  const left = ((x0 % width) + width) % width
  const right = (left + 1) % width
  const top = Math.min(height - 1, Math.max(0, y0))
  const bottom = Math.min(height - 1, Math.max(0, y0 + 1))
  for (let channel = 0; channel < 3; channel++) {
    const a = data[(top * width + left) * channels + channel] ?? 0
    const b = data[(top * width + right) * channels + channel] ?? 0
    const c = data[(bottom * width + left) * channels + channel] ?? 0
    const d = data[(bottom * width + right) * channels + channel] ?? 0
    const upper = a + (b - a) * fx
    const lower = c + (d - c) * fx
    output[offset + channel] = Math.round(upper + (lower - upper) * fy)
  }
}

/**
 * Makes the JPEG share preview of a panorama scene: the rectilinear view at the scene's start
 * view, with the field of view capped at `MAX_PREVIEW_FOV`.
 */
export async function panoramaPreview(
  equirect: Buffer | string,
  view: PreviewView,
): Promise<Buffer> {
  const { data, info } = await sharp(equirect)
    .resize({ width: MAX_SOURCE_WIDTH, withoutEnlargement: true })
    .removeAlpha()
    .raw()
    .toBuffer({ resolveWithObject: true })
  const source = { data, width: info.width, height: info.height, channels: info.channels }
  const fov = Math.min(view.fov, MAX_PREVIEW_FOV)
  const pixels = projectEquirect(source, { ...view, fov }, PREVIEW_WIDTH, PREVIEW_HEIGHT)
  return sharp(pixels, { raw: { width: PREVIEW_WIDTH, height: PREVIEW_HEIGHT, channels: 3 } })
    .jpeg({ quality: 82, mozjpeg: true })
    .toBuffer()
}

/**
 * Makes a plain branded card (the app's forest green with a soft light), used for a model scene
 * in a tour that has no panorama to show instead.
 */
export async function brandedCard(): Promise<Buffer> {
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${PREVIEW_WIDTH}" height="${PREVIEW_HEIGHT}">
  <defs><radialGradient id="light" cx="50%" cy="40%" r="70%">
    <stop offset="0" stop-color="#2d5a46"/><stop offset="1" stop-color="#0d1512"/>
  </radialGradient></defs>
  <rect width="100%" height="100%" fill="url(#light)"/>
</svg>`
  return sharp(Buffer.from(svg)).jpeg({ quality: 82 }).toBuffer()
}
