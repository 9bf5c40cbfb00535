import { bambooClump, bananaPlant, person, place, stiltHouse, tree } from './motifs.ts'
import { cloudLayer, mountainRanges, teaDome, treeline } from './scenery.ts'
import {
  bandBetween,
  createRandom,
  degrees,
  fillBelow,
  fmt,
  HORIZON_Y,
  type Landmark,
  PANORAMA_HEIGHT,
  PANORAMA_WIDTH,
  periodicCurve,
  polyline,
  randomWaves,
  svgDocument,
  verticalGradient,
  wrappedLayer,
  xOfYaw,
  yOfPitch,
} from './svgKit.ts'

/**
 * The village homestay panorama: Thái stilt houses on a slope among terraced rice fields, with
 * ranges of mountains all around. The hotspots of the scene point at these landmarks.
 */
export const VILLAGE_LANDMARKS = {
  /** The large homestay house in front of the viewer. */
  homestay: { yaw: -38, pitch: 1 },
  /** A second homestay house further along the slope. */
  guestHouse: { yaw: 12, pitch: -1 },
  /** A house with its staircase in view; its hotspot leads to the 3D model. */
  modelHouse: { yaw: -96, pitch: 2 },
  /** Festival flags on the far side of the valley, at the end of a path. */
  festivalFlags: { yaw: 62, pitch: 4 },
  /** A hill of tea rows across the valley. */
  teaHill: { yaw: 124, pitch: 6 },
  /** The terraced fields below the viewer. */
  terraces: { yaw: 168, pitch: -16 },
} as const satisfies Record<string, Landmark>

/** The initial view, facing the homestay. */
export const VILLAGE_VIEW = { yaw: -30, pitch: 0, fov: 75 }

/** Ground height of the village slope as a pitch in degrees: higher on the left, a valley on the right. */
function slopePitch(yaw: number): number {
  const radians = ((yaw + 75) * Math.PI) / 180
  return (
    -0.5 + 6.5 * Math.cos(radians) + 1.2 * Math.cos(2 * radians + 1) + 0.5 * Math.sin(5 * radians)
  )
}

function slopeY(x: number): number {
  const yaw = (x / PANORAMA_WIDTH - 0.5) * 360
  return yOfPitch(slopePitch(yaw))
}

/** Draws the village panorama as a 4096×2048 SVG document. */
export function drawVillagePanorama(): string {
  const random = createRandom(0x48756f69)
  const defs: string[] = []
  const body: string[] = []

  defs.push(
    verticalGradient('sky', 0, HORIZON_Y, [
      [0, '#4f7fb8'],
      [0.55, '#8fb7dc'],
      [1, '#e3eef0'],
    ]),
    verticalGradient('haze', HORIZON_Y - degrees(14), HORIZON_Y + degrees(2), [
      [0, '#ffffff', 0],
      [1, '#f2f6f4', 0.55],
    ]),
    verticalGradient('nadir', yOfPitch(-38), PANORAMA_HEIGHT, [
      [0, '#7d9f45', 0],
      [0.4, '#7d9f45', 1],
      [1, '#6a8a3c', 1],
    ]),
  )

  body.push(`<rect width="${PANORAMA_WIDTH}" height="${PANORAMA_HEIGHT}" fill="url(#sky)"/>`)

  body.push(
    cloudLayer('clouds', random, { count: 14, minPitch: 16, maxPitch: 46, color: '#ffffff' }),
  )
  body.push(
    mountainRanges(
      random,
      [
        { base: 19, color: '#a3b5cc', cycles: [2, 3, 5, 8, 13], scale: 5.2 },
        { base: 12, color: '#849fb4', cycles: [3, 4, 7, 11, 17], scale: 4 },
        { base: 6, color: '#62877a', cycles: [2, 5, 9, 14, 23], scale: 2.6 },
      ],
      'haze',
    ),
  )

  const tea = VILLAGE_LANDMARKS.teaHill
  const teaHill = teaDome({
    yaw: tea.yaw,
    basePitch: tea.pitch - 6,
    width: 30,
    height: 9,
    fill: '#9cc25a',
    rowColor: '#3f7a34',
    rows: 10,
  })
  body.push(wrappedLayer('tea-hill', teaHill))
  body.push(treeline(random, { pitch: 1.2, color: '#4f7446', bottomPitch: -8 }))
  body.push(wrappedLayer('flags', festivalFlags()))

  // The near slope and its terraced fields, in bands that widen towards the viewer.
  body.push(`<path d="${fillBelow(slopeY, PANORAMA_HEIGHT)}" fill="#7aa64b"/>`)
  body.push(terraceBands(random))
  body.push(wrappedLayer('path', festivalPath()))
  body.push(
    `<rect y="${fmt(yOfPitch(-38))}" width="${PANORAMA_WIDTH}" height="${fmt(PANORAMA_HEIGHT - yOfPitch(-38))}" fill="url(#nadir)"/>`,
  )
  body.push(wrappedLayer('village', villageHouses(random)))

  return svgDocument(defs.join('\n'), body.join('\n'))
}

/** Draws festival flags on a clearing across the valley, where the path ends. */
function festivalFlags(): string {
  const parts: string[] = []
  const flags = VILLAGE_LANDMARKS.festivalFlags
  const colors = ['#c8282e', '#f0b323', '#2a6cb0', '#2f8f4e', '#c8282e', '#f0b323']
  colors.forEach((color, index) => {
    const x = xOfYaw(flags.yaw + (index - 2.5) * 1.6)
    const foot = yOfPitch(flags.pitch - 2.6 + Math.abs(index - 2.5) * 0.15)
    parts.push(
      `<rect x="${fmt(x - 1.5)}" y="${fmt(foot - degrees(4))}" width="3" height="${fmt(degrees(4))}" fill="#4b3a28"/>`,
    )
    parts.push(
      `<path d="M${fmt(x + 1.5)},${fmt(foot - degrees(4))} l14,3 l0,${fmt(degrees(2.2))} l-14,-4 Z" fill="${color}"/>`,
    )
  })
  parts.push(
    `<ellipse cx="${fmt(xOfYaw(flags.yaw))}" cy="${fmt(yOfPitch(flags.pitch - 2.8))}" rx="${fmt(degrees(6))}" ry="${fmt(degrees(0.6))}" fill="#c9b17c"/>`,
  )
  return parts.join('')
}

/**
 * Draws terraced rice fields: bands that follow the slope and widen towards the viewer. Each band is cut
 * into fields of slightly different ripeness and ends in a darker earth bank, the step down to the
 * next terrace.
 */
function terraceBands(random: () => number): string {
  const greens = ['#9dbd4f', '#8fb448', '#a9c457', '#86ad45']
  const golds = ['#d8b848', '#cfae42', '#e0c25a', '#c8a63e']
  const parts: string[] = []
  // Spurs and gullies of the hillside bend all terraces together, more strongly near the viewer.
  const topography = periodicCurve(
    0,
    randomWaves(random, [
      { cycles: 4, amplitude: 1 },
      { cycles: 7, amplitude: 0.6 },
      { cycles: 11, amplitude: 0.3 },
    ]),
  )
  let previous = slopeY
  let depth = 0.8
  for (let index = 0; depth < 64; index++) {
    const offset = degrees(depth)
    const bend = degrees(0.25 + depth * 0.07)
    const wobble = periodicCurve(
      0,
      randomWaves(random, [{ cycles: 13 + index, amplitude: degrees(0.08 + depth * 0.008) }]),
    )
    const top = previous
    const bottom = (x: number) =>
      Math.max(top(x) + 4, slopeY(x) + offset + bend * topography(x) + wobble(x))

    // Fields along the band, each a little riper or greener than its neighbour.
    const palette = random() < 0.45 ? golds : greens
    const firstColor = palette[Math.floor(random() * palette.length)] ?? '#9dbd4f'
    let color = firstColor
    let x0 = 0
    while (x0 < PANORAMA_WIDTH) {
      const x1 = Math.min(PANORAMA_WIDTH, x0 + 180 + random() * 420)
      // The field that reaches the right edge takes the colour of the first field, so the band
      // continues across the seam.
      if (x1 === PANORAMA_WIDTH) color = firstColor
      parts.push(`<path d="${bandBetween(top, bottom, x0, x1)}" fill="${color}"/>`)
      color = palette[Math.floor(random() * palette.length)] ?? '#9dbd4f'
      x0 = x1
    }

    const bank = 1.5 + depth * 0.2
    parts.push(
      `<path d="${bandBetween(bottom, (x) => bottom(x) + bank, 0, PANORAMA_WIDTH)}" fill="#7b7440" opacity="0.75"/>`,
    )
    parts.push(
      `<path d="${polyline(bottom, 0, PANORAMA_WIDTH)}" fill="none" stroke="#5f7a30" stroke-width="${fmt(1 + depth * 0.08)}"/>`,
    )
    previous = (x: number) => bottom(x) + bank
    depth += 1.1 + depth * 0.16
  }
  return parts.join('')
}

/** Draws a dirt path that winds across the valley towards the festival flags. */
function festivalPath(): string {
  const flags = VILLAGE_LANDMARKS.festivalFlags
  const points: { x: number; y: number; width: number }[] = []
  for (let step = 0; step <= 40; step++) {
    const t = step / 40
    const pitch = -70 + t * (flags.pitch - 2.8 + 70)
    const sway = Math.sin(t * Math.PI * 2.6) * degrees(10) * (1 - t)
    points.push({
      x: xOfYaw(flags.yaw - 4) + sway + t * degrees(4),
      y: yOfPitch(pitch),
      width: degrees(0.4 + 6 * (1 - t) ** 1.8),
    })
  }
  const left = points.map((point) => `${fmt(point.x - point.width / 2)},${fmt(point.y)}`)
  const right = points.map((point) => `${fmt(point.x + point.width / 2)},${fmt(point.y)}`).reverse()
  return `<path d="M${left.join(' L')} L${right.join(' L')} Z" fill="#c7a978" opacity="0.95"/>`
}

interface HousePlacement {
  yaw: number
  /** Pitch of the ground under the house. */
  groundPitch: number
  /** Apparent width of the house in degrees, which sets how near it looks. */
  width: number
  stairs: 'left' | 'right'
  textiles?: boolean
  smoke?: boolean
  thatch?: string
}

/** Height of the stilt-house motif as a fraction of its width (216 of 264 units). */
const HOUSE_ASPECT = 216 / 264

/** Places a house so that the landmark falls on it, 40% of the way up from its ground. */
function houseAt(
  landmark: Landmark,
  width: number,
  options: Omit<HousePlacement, 'yaw' | 'groundPitch' | 'width'>,
): HousePlacement {
  return {
    yaw: landmark.yaw,
    groundPitch: landmark.pitch - 0.4 * width * HOUSE_ASPECT,
    width,
    ...options,
  }
}

/** Draws the stilt houses of the village from the farthest to the nearest, with trees around them. */
function villageHouses(random: () => number): string {
  const landmarks = VILLAGE_LANDMARKS
  const far = [-158, -128, -72, -52, -4, 30].map(
    (yaw, index): HousePlacement => ({
      yaw,
      groundPitch: slopePitch(yaw) - 1.2 - (index % 2) * 1.6,
      width: 6 + (index % 3) * 1.2,
      stairs: index % 2 === 0 ? 'left' : 'right',
      thatch: index % 2 === 0 ? '#a98650' : '#9f7e4c',
    }),
  )
  const near = [
    houseAt(landmarks.modelHouse, 14, { stairs: 'right' }),
    houseAt(landmarks.guestHouse, 15, { stairs: 'right', textiles: true }),
    houseAt(landmarks.homestay, 30, { stairs: 'left', textiles: true, smoke: true }),
  ]

  const parts: string[] = []
  // Trees and bamboo on the slope, behind the houses.
  const plants: { yaw: number; pitch: number; size: number; kind: number }[] = []
  for (let index = 0; index < 30; index++) {
    const yaw = -178 + random() * 225
    plants.push({
      yaw,
      pitch: slopePitch(yaw) - random() * 3,
      size: 0.35 + random() * 0.45,
      kind: index % 3,
    })
  }
  plants.sort((a, b) => b.pitch - a.pitch)
  for (const plant of plants) parts.push(plantAt(plant.yaw, plant.pitch, plant.size, plant.kind))

  for (const house of [...far, ...near]) {
    const scale = degrees(house.width) / 264
    const options = {
      stairs: house.stairs,
      textiles: house.textiles ?? false,
      smoke: house.smoke ?? false,
      thatch: house.thatch ?? '#b38e55',
    }
    parts.push(
      `<ellipse cx="${fmt(xOfYaw(house.yaw))}" cy="${fmt(yOfPitch(house.groundPitch))}" rx="${fmt(degrees(house.width) * 0.6)}" ry="${fmt(degrees(house.width) * 0.045)}" fill="#7c9f48"/>`,
    )
    parts.push(place(xOfYaw(house.yaw), yOfPitch(house.groundPitch), scale, stiltHouse(options)))
  }

  // A host and two guests in front of the homestay.
  const homestayGround = near[2]?.groundPitch ?? 0
  const people = [
    { yaw: -16, colors: { top: '#1f2a44', bottom: '#1b1b1b', head: '#1b1b1b' } },
    { yaw: -12.5, colors: { top: '#e07a3f', bottom: '#39506b' } },
    { yaw: -10, colors: { top: '#f2efe6', bottom: '#5b6b3a' } },
  ]
  for (const figure of people) {
    parts.push(
      place(
        xOfYaw(figure.yaw),
        yOfPitch(homestayGround + 0.5),
        degrees(5) / 60,
        person(figure.colors),
      ),
    )
  }

  // Plants in front of the near houses.
  const front = [
    { yaw: -64, pitch: -10, size: 1.6, kind: 2 },
    { yaw: -128, pitch: -6, size: 1.4, kind: 0 },
    { yaw: 30, pitch: -9, size: 1.3, kind: 1 },
  ]
  for (const plant of front) parts.push(plantAt(plant.yaw, plant.pitch, plant.size, plant.kind))
  return parts.join('')
}

function plantAt(yaw: number, pitch: number, size: number, kind: number): string {
  const x = xOfYaw(yaw)
  const y = yOfPitch(pitch)
  const scale = size * (degrees(6) / 120)
  if (kind === 0) return place(x, y, scale, tree('#4f7d3a', '#7fae52'))
  if (kind === 1) return place(x, y, scale * 0.8, bambooClump('#6f8f3a', '#7fa94a'))
  return place(x, y, scale * 1.1, bananaPlant('#6fa046'))
}
