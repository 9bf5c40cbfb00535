import sharp from 'sharp'

/**
 * Geometry and SVG helpers for drawing equirectangular panoramas. An equirectangular image maps
 * yaw linearly to x and pitch linearly to y: yaw 0 is the centre column, pitch 0 the middle row.
 */

export const PANORAMA_WIDTH = 4096
export const PANORAMA_HEIGHT = 2048
export const HORIZON_Y = PANORAMA_HEIGHT / 2
/** Both axes have the same scale: 360° across and 180° down. */
export const PIXELS_PER_DEGREE = PANORAMA_WIDTH / 360

/** A direction in the panorama, in degrees, as the tour file stores it. */
export interface Landmark {
  yaw: number
  pitch: number
}

export function xOfYaw(yaw: number): number {
  return (yaw / 360 + 0.5) * PANORAMA_WIDTH
}

export function yOfPitch(pitch: number): number {
  return (0.5 - pitch / 180) * PANORAMA_HEIGHT
}

/** Converts an angle in degrees to pixels at the panorama's scale. */
export function degrees(angle: number): number {
  return angle * PIXELS_PER_DEGREE
}

/** Formats a coordinate with at most one decimal, which keeps the SVG text short. */
export function fmt(value: number): string {
  const rounded = Math.round(value * 10) / 10
  return Object.is(rounded, -0) ? '0' : String(rounded)
}

/** Returns a seeded pseudo-random generator (mulberry32) with values in [0, 1). */
export function createRandom(seed: number): () => number {
  let state = seed >>> 0
  return () => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

/** One sine term of a periodic curve. `cycles` is a whole number, so the curve wraps at 360°. */
export interface Wave {
  cycles: number
  amplitude: number
  phase: number
}

/** Returns a curve y(x) that repeats every panorama width, as a base row plus sine terms. */
export function periodicCurve(baseY: number, waves: readonly Wave[]): (x: number) => number {
  for (const wave of waves) {
    if (!Number.isInteger(wave.cycles)) {
      throw new Error(`Wave cycles must be a whole number to wrap at 360°, got ${wave.cycles}`)
    }
  }
  return (x) => {
    let y = baseY
    for (const wave of waves) {
      y += wave.amplitude * Math.sin((2 * Math.PI * wave.cycles * x) / PANORAMA_WIDTH + wave.phase)
    }
    return y
  }
}

/** Returns random sine terms for a ridge line: low cycles carry large amplitudes. */
export function randomWaves(
  random: () => number,
  terms: readonly { cycles: number; amplitude: number }[],
): Wave[] {
  return terms.map(({ cycles, amplitude }) => ({
    cycles,
    amplitude: amplitude * (0.6 + 0.4 * random()),
    phase: random() * 2 * Math.PI,
  }))
}

/** Returns evenly spaced positions from x0 to x1, both included, at most `step` apart. */
function samplePoints(x0: number, x1: number, step: number): number[] {
  const count = Math.max(1, Math.ceil((x1 - x0) / step))
  return Array.from({ length: count + 1 }, (_, index) => x0 + ((x1 - x0) * index) / count)
}

/** Returns a closed path that fills from `curve` down to `bottomY` across the whole width. */
export function fillBelow(curve: (x: number) => number, bottomY: number, step = 8): string {
  const points = samplePoints(0, PANORAMA_WIDTH, step).map((x) => `${fmt(x)},${fmt(curve(x))}`)
  return `M0,${fmt(bottomY)} L${points.join(' ')} L${PANORAMA_WIDTH},${fmt(bottomY)} Z`
}

/** Returns a closed path between two curves over [x0, x1]. */
export function bandBetween(
  top: (x: number) => number,
  bottom: (x: number) => number,
  x0: number,
  x1: number,
  step = 8,
): string {
  const upper: string[] = []
  const lower: string[] = []
  for (const x of samplePoints(x0, x1, step)) {
    upper.push(`${fmt(x)},${fmt(top(x))}`)
    lower.unshift(`${fmt(x)},${fmt(bottom(x))}`)
  }
  return `M${upper.join(' L')} L${lower.join(' L')} Z`
}

/** Returns an open path along a curve over [x0, x1]. */
export function polyline(curve: (x: number) => number, x0: number, x1: number, step = 8): string {
  const points = samplePoints(x0, x1, step).map((x) => `${fmt(x)},${fmt(curve(x))}`)
  return `M${points.join(' L')}`
}

/**
 * Wraps a depth layer so that it continues across the left and right edges: the layer is drawn in
 * place and again one panorama width to each side. Layers are drawn in order, so a nearer layer
 * covers the copies of a farther one as well as the original.
 *
 * NOTE: within one layer, the copy of an element that overhangs one edge is drawn over the layer's
 * own elements at the other edge, so overlapping elements of a layer should not straddle the seam.
 */
export function wrappedLayer(id: string, content: string): string {
  return [
    `<g id="${id}">${content}</g>`,
    `<use href="#${id}" x="${-PANORAMA_WIDTH}"/>`,
    `<use href="#${id}" x="${PANORAMA_WIDTH}"/>`,
  ].join('\n')
}

/** Returns a vertical linear gradient in user space between two rows. */
export function verticalGradient(
  id: string,
  y0: number,
  y1: number,
  stops: readonly [offset: number, color: string, opacity?: number][],
): string {
  const stopTags = stops
    .map(
      ([offset, color, opacity]) =>
        `<stop offset="${offset}" stop-color="${color}"${opacity === undefined ? '' : ` stop-opacity="${opacity}"`}/>`,
    )
    .join('')
  return `<linearGradient id="${id}" gradientUnits="userSpaceOnUse" x1="0" y1="${fmt(y0)}" x2="0" y2="${fmt(y1)}">${stopTags}</linearGradient>`
}

/** Returns a whole SVG document of the panorama size. */
export function svgDocument(defs: string, body: string): string {
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${PANORAMA_WIDTH}" height="${PANORAMA_HEIGHT}" viewBox="0 0 ${PANORAMA_WIDTH} ${PANORAMA_HEIGHT}">`,
    `<defs>${defs}</defs>`,
    body,
    '</svg>',
  ].join('\n')
}

/**
 * JPEG quality of the panoramas, encoded with mozjpeg. At this quality the three sample panoramas
 * are 230–350 KB each, well under the 700 KB budget of a panorama.
 */
export const PANORAMA_JPEG_QUALITY = 80

/**
 * Rasterises a panorama SVG to a JPEG with sharp (librsvg for the SVG, mozjpeg for the JPEG). At
 * 72 dpi one SVG unit is one pixel, so the resize only guards the output size.
 */
export async function rasterizePanorama(svg: string): Promise<Buffer> {
  return sharp(Buffer.from(svg), { density: 72 })
    .resize(PANORAMA_WIDTH, PANORAMA_HEIGHT, { fit: 'fill' })
    .flatten({ background: '#ffffff' })
    .jpeg({ quality: PANORAMA_JPEG_QUALITY, mozjpeg: true })
    .toBuffer()
}
