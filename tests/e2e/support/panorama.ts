import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import type { Page } from '@playwright/test'
import sharp from 'sharp'
import { fixturePath } from '../../support/fixtures.ts'
import { TEST_TOURS_DIR } from './server.ts'
import { fixtureUrl, type Pixels, type View, writeTour } from './test.ts'

/** The labelled grid panorama, 4096×2048, with one flat colour per cube face. */
export const GRID_FILE = 'panoramas/egjs-equi_4096-labeled-grid.jpg'

/** Reference colours of the labelled grid (sRGB), measured on the file in 13×13 patches. */
export const GRID = {
  front: [115, 250, 121],
  right: [255, 212, 120],
  left: [115, 253, 255],
  back: [255, 133, 254],
  top: [255, 252, 121],
  bottom: [121, 129, 254],
} as const

type Rgb = [number, number, number]

export interface PanoramaHotspot {
  id: string
  yaw: number
  pitch: number
}

/**
 * Writes a one-scene panorama tour and returns its path for the `tour` URL parameter. `src` is
 * relative to the tour file: use `fixtureUrl` for a shared fixture, or a bare file name for an
 * image written by `derivedImagePath` under the same tour name.
 */
export function panoramaTour(
  name: string,
  options: { src?: string; view?: View; hotspots?: PanoramaHotspot[] } = {},
): string {
  return writeTour(name, {
    version: 1,
    id: name,
    title: 'Panorama test',
    locales: ['vi', 'en'],
    start: 'pano',
    scenes: [
      {
        id: 'pano',
        kind: 'panorama',
        title: 'Panorama',
        panorama: { type: 'equirect', src: options.src ?? fixtureUrl(GRID_FILE) },
        view: options.view ?? { yaw: 0, pitch: 0, fov: 75 },
        hotspots: (options.hotspots ?? []).map((hotspot) => ({
          id: hotspot.id,
          kind: 'info',
          yaw: hotspot.yaw,
          pitch: hotspot.pitch,
          title: `Hotspot ${hotspot.id}`,
          text: `Info text of ${hotspot.id}`,
        })),
      },
    ],
  })
}

/**
 * Returns the file path for an image made at test time, in the folder of the tour `name`, so a
 * tour written by `panoramaTour(name, { src: fileName })` finds it. The folder is served at /tours/
 * and lives under test-results/, which is never committed.
 */
export function derivedImagePath(name: string, fileName: string): string {
  const directory = join(TEST_TOURS_DIR, name)
  mkdirSync(directory, { recursive: true })
  return join(directory, fileName)
}

/** Decodes an image file (EXIF orientation applied) into RGB pixels. */
export async function decodeImage(path: string): Promise<Pixels> {
  const { data, info } = await sharp(path)
    .rotate()
    .removeAlpha()
    .raw()
    .toBuffer({ resolveWithObject: true })
  return { data, width: info.width, height: info.height }
}

/** Decodes a shared fixture image into RGB pixels. */
export function decodeFixture(relativePath: string): Promise<Pixels> {
  return decodeImage(fixturePath(relativePath))
}

/** Returns the page-space box of the 3D canvas. */
export async function canvasBox(
  page: Page,
): Promise<{ x: number; y: number; width: number; height: number }> {
  const box = await page.locator('.viewer-canvas canvas').first().boundingBox()
  if (!box) throw new Error('The 3D canvas has no layout box. Wait for the scene before measuring.')
  return box
}

/** Returns the centre of a hotspot's icon in canvas pixels, or null when it has no layout box. */
export async function hotspotIconCenter(
  page: Page,
  hotspotId: string,
): Promise<{ x: number; y: number } | null> {
  const icon = page.locator(`[data-hotspot-id="${hotspotId}"] .hotspot-icon`)
  const box = await icon.boundingBox()
  if (!box) return null
  const canvas = await canvasBox(page)
  return { x: box.x + box.width / 2 - canvas.x, y: box.y + box.height / 2 - canvas.y }
}

const DEG = Math.PI / 180

/** Camera axes of a view: right, up and forward unit vectors in world space (+Y up, yaw 0 = -Z). */
function cameraBasis(view: View) {
  const yaw = view.yaw * DEG
  const pitch = view.pitch * DEG
  const forward = {
    x: Math.sin(yaw) * Math.cos(pitch),
    y: Math.sin(pitch),
    z: -Math.cos(yaw) * Math.cos(pitch),
  }
  const right = { x: Math.cos(yaw), y: 0, z: Math.sin(yaw) }
  // up = right × forward
  const up = {
    x: right.y * forward.z - right.z * forward.y,
    y: right.z * forward.x - right.x * forward.z,
    z: right.x * forward.y - right.y * forward.x,
  }
  return { forward, right, up }
}

/**
 * Projects a yaw/pitch point onto a canvas with a perspective camera at `view` (vertical fov, no
 * roll), computed here independently of the app. `depth` is the cosine of the angle between the
 * point and the view direction. `inFront` is false for points at or behind the camera plane, and
 * `onScreen` is true for points inside the canvas.
 */
export function projectToCanvas(
  view: View,
  point: { yaw: number; pitch: number },
  width: number,
  height: number,
): { x: number; y: number; depth: number; inFront: boolean; onScreen: boolean } {
  const { forward, right, up } = cameraBasis(view)
  const yaw = point.yaw * DEG
  const pitch = point.pitch * DEG
  const direction = {
    x: Math.sin(yaw) * Math.cos(pitch),
    y: Math.sin(pitch),
    z: -Math.cos(yaw) * Math.cos(pitch),
  }
  const dot = (a: typeof direction, b: typeof direction) => a.x * b.x + a.y * b.y + a.z * b.z
  const depth = dot(direction, forward)
  const tanHalf = Math.tan((view.fov * DEG) / 2)
  const aspect = width / height
  if (depth <= 1e-9) {
    return { x: Number.NaN, y: Number.NaN, depth, inFront: false, onScreen: false }
  }
  const ndcX = dot(direction, right) / (depth * tanHalf * aspect)
  const ndcY = dot(direction, up) / (depth * tanHalf)
  const x = ((ndcX + 1) / 2) * width
  const y = ((1 - ndcY) / 2) * height
  return { x, y, depth, inFront: true, onScreen: x >= 0 && x <= width && y >= 0 && y <= height }
}

/**
 * Samples an equirectangular image bilinearly at the direction through canvas pixel (px, py) of a
 * view: yaw 0 is the image's centre column, columns wrap and rows clamp.
 */
function sampleThroughPixel(
  source: Pixels,
  view: View,
  width: number,
  height: number,
  px: number,
  py: number,
): Rgb {
  const { forward, right, up } = cameraBasis(view)
  const tanHalf = Math.tan((view.fov * DEG) / 2)
  const ndcX = ((px + 0.5) / width) * 2 - 1
  const ndcY = 1 - ((py + 0.5) / height) * 2
  const sx = ndcX * tanHalf * (width / height)
  const sy = ndcY * tanHalf
  const dx = forward.x + right.x * sx + up.x * sy
  const dy = forward.y + right.y * sx + up.y * sy
  const dz = forward.z + right.z * sx + up.z * sy
  const length = Math.hypot(dx, dy, dz)
  const yaw = Math.atan2(dx, -dz)
  const pitch = Math.asin(Math.max(-1, Math.min(1, dy / length)))
  const u = 0.5 + yaw / (2 * Math.PI)
  const v = 0.5 - pitch / Math.PI
  return sampleBilinear(source, u * source.width - 0.5, v * source.height - 0.5)
}

/** sRGB transfer function, channel values 0–255 to linear light 0–1. */
const SRGB_TO_LINEAR = Array.from({ length: 256 }, (_, value) => {
  const c = value / 255
  return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4
})

function linearToSrgb(linear: number): number {
  const c = linear <= 0.0031308 ? linear * 12.92 : 1.055 * linear ** (1 / 2.4) - 0.055
  return c * 255
}

/**
 * Bilinear sample at continuous pixel coordinates (pixel centres at integers), interpolated in
 * linear light as a GPU filters an sRGB texture. Columns wrap and rows clamp.
 */
export function sampleBilinear(source: Pixels, x: number, y: number): Rgb {
  const x0 = Math.floor(x)
  const y0 = Math.floor(y)
  const fx = x - x0
  const fy = y - y0
  const linear = [0, 0, 0]
  const weights: [number, number, number][] = [
    [0, 0, (1 - fx) * (1 - fy)],
    [1, 0, fx * (1 - fy)],
    [0, 1, (1 - fx) * fy],
    [1, 1, fx * fy],
  ]
  for (const [ox, oy, weight] of weights) {
    const column = (((x0 + ox) % source.width) + source.width) % source.width
    const row = Math.min(source.height - 1, Math.max(0, y0 + oy))
    const offset = (row * source.width + column) * 3
    for (let channel = 0; channel < 3; channel++) {
      const value = SRGB_TO_LINEAR[source.data[offset + channel] ?? 0] ?? 0
      linear[channel] = (linear[channel] ?? 0) + value * weight
    }
  }
  return [linearToSrgb(linear[0] ?? 0), linearToSrgb(linear[1] ?? 0), linearToSrgb(linear[2] ?? 0)]
}

/**
 * Renders on the CPU what a correct viewer shows for `view` on a canvas of the given size: every
 * pixel samples the source image bilinearly at its ray direction (no mipmaps).
 */
export function renderReference(source: Pixels, view: View, width: number, height: number): Pixels {
  const data = Buffer.alloc(width * height * 3)
  for (let py = 0; py < height; py++) {
    for (let px = 0; px < width; px++) {
      const color = sampleThroughPixel(source, view, width, height, px, py)
      const offset = (py * width + px) * 3
      data[offset] = Math.round(color[0])
      data[offset + 1] = Math.round(color[1])
      data[offset + 2] = Math.round(color[2])
    }
  }
  return { data, width, height }
}

/**
 * Returns the mean colour the source image gives to the square canvas patch centred on (x, y),
 * by sampling the image at each pixel's ray direction, so it can be compared with `patchColor`.
 */
export function referencePatchColor(
  source: Pixels,
  view: View,
  canvas: { width: number; height: number },
  x: number,
  y: number,
  radius: number,
): Rgb {
  const sum = [0, 0, 0]
  let count = 0
  for (let py = Math.round(y) - radius; py <= Math.round(y) + radius; py++) {
    for (let px = Math.round(x) - radius; px <= Math.round(x) + radius; px++) {
      const color = sampleThroughPixel(source, view, canvas.width, canvas.height, px, py)
      for (let channel = 0; channel < 3; channel++) {
        sum[channel] = (sum[channel] ?? 0) + (color[channel] ?? 0)
      }
      count++
    }
  }
  return [0, 1, 2].map((channel) => Math.round((sum[channel] ?? 0) / count)) as Rgb
}

/** Returns the mean colour of a square patch of an image, rows and columns clamped to the image. */
export function imagePatchColor(source: Pixels, column: number, row: number, radius: number): Rgb {
  const sum = [0, 0, 0]
  let count = 0
  for (let y = row - radius; y <= row + radius; y++) {
    for (let x = column - radius; x <= column + radius; x++) {
      const px = Math.min(source.width - 1, Math.max(0, x))
      const py = Math.min(source.height - 1, Math.max(0, y))
      const offset = (py * source.width + px) * 3
      for (let channel = 0; channel < 3; channel++) {
        sum[channel] = (sum[channel] ?? 0) + (source.data[offset + channel] ?? 0)
      }
      count++
    }
  }
  return [0, 1, 2].map((channel) => Math.round((sum[channel] ?? 0) / count)) as Rgb
}

/**
 * Scores each column of an image by how much it differs from its two neighbours: for every
 * row, the largest channel difference between the pixel and the mean of its left and right
 * neighbours, averaged over the rows. A one-pixel dark or dotted line scores high; a smooth
 * image scores near 0. Entry 0 and the last entry are 0 (no two neighbours).
 */
export function columnOutlierScores(pixels: Pixels): number[] {
  const { data, width, height } = pixels
  const scores = new Array<number>(width).fill(0)
  for (let x = 1; x < width - 1; x++) {
    let total = 0
    for (let y = 0; y < height; y++) {
      const row = y * width
      let largest = 0
      for (let channel = 0; channel < 3; channel++) {
        const left = data[(row + x - 1) * 3 + channel] ?? 0
        const middle = data[(row + x) * 3 + channel] ?? 0
        const right = data[(row + x + 1) * 3 + channel] ?? 0
        largest = Math.max(largest, Math.abs(middle - (left + right) / 2))
      }
      total += largest
    }
    scores[x] = total / height
  }
  return scores
}

/**
 * Compares two images of the same size in square blocks and returns the largest difference of
 * block mean colours (largest channel). Block means are insensitive to the filtering differences
 * between a GPU's mipmaps and a plain bilinear sample, but show a wrong wedge or a misplaced area.
 */
export function largestBlockDifference(
  actual: Pixels,
  expected: Pixels,
  blockSize: number,
): { difference: number; x: number; y: number } {
  let worst = { difference: 0, x: 0, y: 0 }
  for (let top = 0; top + blockSize <= actual.height; top += blockSize) {
    for (let left = 0; left + blockSize <= actual.width; left += blockSize) {
      const sumActual = [0, 0, 0]
      const sumExpected = [0, 0, 0]
      for (let y = top; y < top + blockSize; y++) {
        for (let x = left; x < left + blockSize; x++) {
          const offset = (y * actual.width + x) * 3
          for (let channel = 0; channel < 3; channel++) {
            sumActual[channel] = (sumActual[channel] ?? 0) + (actual.data[offset + channel] ?? 0)
            sumExpected[channel] =
              (sumExpected[channel] ?? 0) + (expected.data[offset + channel] ?? 0)
          }
        }
      }
      const area = blockSize * blockSize
      const difference = Math.max(
        ...sumActual.map((value, channel) => Math.abs(value - (sumExpected[channel] ?? 0)) / area),
      )
      if (difference > worst.difference) worst = { difference, x: left, y: top }
    }
  }
  return worst
}

/**
 * Elements drawn over the 3D view: the top bar, hotspot buttons, the credit line and notices.
 * Hotspot anchors set `visibility` inline, so they are listed too.
 */
const OVERLAYS = '.topbar, .hotspot-layer, .hotspot-anchor, .credit, .notices, .stage-controls'

/**
 * Takes a screenshot of the 3D canvas with the interface overlays hidden for the moment of the
 * screenshot, and returns its RGB pixels.
 */
export async function viewPixels(page: Page): Promise<Pixels> {
  const png = await page
    .locator('.viewer-canvas canvas')
    .first()
    .screenshot({ style: `${OVERLAYS} { visibility: hidden !important; }` })
  const { data, info } = await sharp(png).removeAlpha().raw().toBuffer({ resolveWithObject: true })
  return { data, width: info.width, height: info.height }
}

/** Resizes the viewport and waits until the 3D canvas has the new drawing-buffer width. */
export async function resizeViewport(page: Page, width: number, height: number): Promise<void> {
  await page.setViewportSize({ width, height })
  await page.waitForFunction(
    (expected) =>
      document.querySelector('.viewer-canvas canvas')?.getAttribute('width') === expected,
    String(width),
  )
}

/** Drags on the panorama stage with the mouse, from (x, y) in canvas pixels by (dx, dy). */
export async function dragOnStage(
  page: Page,
  from: { x: number; y: number },
  by: { dx: number; dy: number },
  steps = 10,
): Promise<void> {
  const canvas = await canvasBox(page)
  const startX = canvas.x + from.x
  const startY = canvas.y + from.y
  await page.mouse.move(startX, startY)
  await page.mouse.down()
  await page.mouse.move(startX + by.dx, startY + by.dy, { steps })
  await page.mouse.up()
}

/** Record kept in the page by `installGpuProbe`. */
export interface GpuProbe {
  /** Largest width × height of any 2D canvas or OffscreenCanvas, with a description. */
  largestCanvasArea: number
  largestCanvas: string
  /** Level-0 texture allocations and uploads seen through WebGL calls. */
  textureUploads: { call: string; width: number; height: number }[]
}

/**
 * Init script: makes WebGL report `maxTextureSize` as MAX_TEXTURE_SIZE, like a phone GPU, and
 * records the largest canvas and every level-0 texture size in `window.__gpuProbe`. It runs in the
 * page, so it uses nothing from this module.
 */
export function installGpuProbe(options: { maxTextureSize: number }): void {
  const MAX_TEXTURE_SIZE = 0x0d33
  const probe: GpuProbe = { largestCanvasArea: 0, largestCanvas: 'none', textureUploads: [] }
  ;(window as unknown as { __gpuProbe: GpuProbe }).__gpuProbe = probe

  const noteCanvas = (kind: string, width: number, height: number) => {
    if (width * height > probe.largestCanvasArea) {
      probe.largestCanvasArea = width * height
      probe.largestCanvas = `${kind} ${width}×${height}`
    }
  }
  for (const CanvasClass of [HTMLCanvasElement, OffscreenCanvas]) {
    for (const side of ['width', 'height'] as const) {
      const descriptor = Object.getOwnPropertyDescriptor(CanvasClass.prototype, side)
      const getter = descriptor?.get
      const setter = descriptor?.set
      if (!descriptor || !getter || !setter) continue
      Object.defineProperty(CanvasClass.prototype, side, {
        ...descriptor,
        set(this: HTMLCanvasElement, value: number) {
          setter.call(this, value)
          noteCanvas(CanvasClass.name, this.width, this.height)
        },
      })
    }
  }
  const NativeOffscreenCanvas = OffscreenCanvas
  window.OffscreenCanvas = class extends NativeOffscreenCanvas {
    constructor(width: number, height: number) {
      super(width, height)
      noteCanvas('OffscreenCanvas', width, height)
    }
  }

  const sourceSize = (source: unknown) => {
    const image = source as { width?: number; height?: number; videoWidth?: number }
    return { width: image.videoWidth || image.width || 0, height: image.height || 0 }
  }
  const noteTexture = (call: string, width: number, height: number) => {
    probe.textureUploads.push({ call, width, height })
  }
  type Method = (...args: unknown[]) => unknown
  for (const Context of [WebGLRenderingContext, WebGL2RenderingContext]) {
    const prototype = Context.prototype as unknown as Record<string, Method>
    const wrap = (name: string, record: (args: unknown[]) => void) => {
      const native = prototype[name]
      if (!native) return
      prototype[name] = function (this: unknown, ...args: unknown[]) {
        record(args)
        return native.apply(this, args)
      }
    }
    const getParameter = prototype.getParameter as Method
    prototype.getParameter = function (this: unknown, ...args: unknown[]) {
      if (args[0] === MAX_TEXTURE_SIZE) return options.maxTextureSize
      return getParameter.apply(this, args)
    }
    wrap('texImage2D', (args) => {
      if (args[1] !== 0) return
      if (args.length >= 8 && typeof args[3] === 'number' && typeof args[4] === 'number') {
        noteTexture('texImage2D', args[3], args[4])
      } else {
        const { width, height } = sourceSize(args[5])
        noteTexture('texImage2D', width, height)
      }
    })
    wrap('texSubImage2D', (args) => {
      if (args[1] !== 0) return
      if (args.length >= 9 && typeof args[4] === 'number' && typeof args[5] === 'number') {
        noteTexture('texSubImage2D', args[4], args[5])
      } else {
        const { width, height } = sourceSize(args[6])
        noteTexture('texSubImage2D', width, height)
      }
    })
    wrap('texStorage2D', (args) => {
      noteTexture('texStorage2D', Number(args[3]), Number(args[4]))
    })
  }
}

/** Reads the record kept by `installGpuProbe`. */
export function readGpuProbe(page: Page): Promise<GpuProbe> {
  return page.evaluate(() => (window as unknown as { __gpuProbe: GpuProbe }).__gpuProbe)
}

/** Returns the image mirrored left to right, as a viewer with a mirrored sphere would show it. */
export function flipHorizontal(pixels: Pixels): Pixels {
  const data = Buffer.alloc(pixels.data.length)
  for (let y = 0; y < pixels.height; y++) {
    for (let x = 0; x < pixels.width; x++) {
      const from = (y * pixels.width + x) * 3
      const to = (y * pixels.width + (pixels.width - 1 - x)) * 3
      pixels.data.copy(data, to, from, from + 3)
    }
  }
  return { data, width: pixels.width, height: pixels.height }
}
