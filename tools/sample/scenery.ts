import { cloud, place } from './motifs.ts'
import {
  bandBetween,
  degrees,
  fillBelow,
  fmt,
  HORIZON_Y,
  PANORAMA_WIDTH,
  periodicCurve,
  polyline,
  randomWaves,
  wrappedLayer,
  xOfYaw,
  yOfPitch,
} from './svgKit.ts'

/** Landscape pieces that go all the way around a panorama: clouds, mountains, tree lines, tea. */

/** Draws scattered clouds between two pitches, as a wrapped layer. */
export function cloudLayer(
  id: string,
  random: () => number,
  options: { count: number; minPitch: number; maxPitch: number; color: string },
): string {
  const clouds: string[] = []
  for (let index = 0; index < options.count; index++) {
    const x = (index / options.count) * PANORAMA_WIDTH + random() * 180
    const y = yOfPitch(options.minPitch + random() * (options.maxPitch - options.minPitch))
    const scale = 0.7 + random() * 0.9
    const flip = random() < 0.5
    clouds.push(place(x, y, scale, cloud(options.color, 0.55 + random() * 0.3), flip))
  }
  return wrappedLayer(id, clouds.join(''))
}

export interface MountainRange {
  /** Pitch of the range's mean ridge line, in degrees. */
  base: number
  color: string
  /** Whole numbers of ridge waves around the panorama, from the broadest to the finest. */
  cycles: readonly number[]
  /** Height of the broadest wave in degrees. Finer waves are lower. */
  scale: number
}

/**
 * Draws mountain ranges from the farthest to the nearest. A haze gradient (by id) is laid over every
 * range but the last, so the far ranges fade into the sky.
 */
export function mountainRanges(
  random: () => number,
  ranges: readonly MountainRange[],
  hazeId: string,
): string {
  const parts: string[] = []
  ranges.forEach((range, index) => {
    const waves = randomWaves(
      random,
      range.cycles.map((cycles, termIndex) => ({
        cycles,
        amplitude: degrees(range.scale * (termIndex === 0 ? 1.6 : 1.1 / (termIndex * 0.6 + 0.6))),
      })),
    )
    const ridge = periodicCurve(yOfPitch(range.base), waves)
    parts.push(`<path d="${fillBelow(ridge, HORIZON_Y + degrees(8))}" fill="${range.color}"/>`)
    if (index < ranges.length - 1) {
      parts.push(
        `<rect y="${fmt(HORIZON_Y - degrees(14))}" width="${PANORAMA_WIDTH}" height="${fmt(degrees(16))}" fill="url(#${hazeId})" opacity="0.6"/>`,
      )
    }
  })
  return parts.join('\n')
}

/** Draws a bumpy band of trees at a pitch, which hides where far hills meet the ground. */
export function treeline(
  random: () => number,
  options: { pitch: number; color: string; bottomPitch: number },
): string {
  const bumps = periodicCurve(
    yOfPitch(options.pitch),
    randomWaves(random, [
      { cycles: 90, amplitude: degrees(0.35) },
      { cycles: 143, amplitude: degrees(0.25) },
      { cycles: 11, amplitude: degrees(0.5) },
    ]),
  )
  return `<path d="${fillBelow(bumps, yOfPitch(options.bottomPitch), 4)}" fill="${options.color}"/>`
}

export interface TeaDomeOptions {
  yaw: number
  /** Pitch of the foot of the hill. */
  basePitch: number
  /** Width and height of the hill in degrees. */
  width: number
  height: number
  fill: string
  rowColor: string
  rows: number
  /** Id of a gradient laid over the hill to light one side, such as the side facing the sun. */
  lightId?: string
}

/**
 * Draws a rounded hill covered in rows of tea that follow its contours, as on the tea plateaus of
 * Sơn La. Rows near the top are short, and rows lower down bow slightly towards the viewer.
 */
export function teaDome(options: TeaDomeOptions): string {
  const centreX = xOfYaw(options.yaw)
  const baseY = yOfPitch(options.basePitch)
  const halfWidth = degrees(options.width) / 2
  const height = degrees(options.height)
  const dome = (x: number) => {
    const u = (x - centreX) / halfWidth
    return baseY - height * Math.max(0, 1 - u * u) ** 0.6
  }
  const outline = bandBetween(dome, () => baseY + 4, centreX - halfWidth, centreX + halfWidth, 4)
  const parts = [`<path d="${outline}" fill="${options.fill}"/>`]
  const rows: string[] = []
  for (let row = 1; row < options.rows; row++) {
    const level = row / options.rows
    const half = halfWidth * Math.sqrt(1 - (1 - level) ** 1.5) * 0.9
    const y = baseY - height * (1 - level) ** 0.9 + height * 0.06
    const bow = height * 0.05 * (1 - level)
    rows.push(
      polyline(
        (x) => y + bow * (1 - ((x - centreX) / half) ** 2),
        centreX - half,
        centreX + half,
        4,
      ),
    )
  }
  const rowWidth = (height / options.rows) * 0.45
  parts.push(
    `<path d="${rows.join(' ')}" fill="none" stroke="${options.rowColor}" stroke-width="${fmt(rowWidth)}" stroke-linecap="round"/>`,
  )
  if (options.lightId) parts.push(`<path d="${outline}" fill="url(#${options.lightId})"/>`)
  return parts.join('')
}
