import { person, place, stiltHouse } from './motifs.ts'
import { cloudLayer, mountainRanges, teaDome, treeline } from './scenery.ts'
import {
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
 * The tea hills panorama: rolling hills covered in rows of tea on a highland plateau, in low
 * morning sun with mist in the valleys. The hotspots of the scene point at these landmarks.
 */
export const TEA_LANDMARKS = {
  /** The large tea hill straight ahead. */
  mainHill: { yaw: 0, pitch: 5 },
  /** Tea pickers at work on the viewer's hill. */
  pickers: { yaw: -24, pitch: -5 },
  /** A wooden shelter for tea pickers on the path. */
  shelter: { yaw: 46, pitch: 1 },
  /** A stilt house at the foot of a hill. */
  stiltHouse: { yaw: -58, pitch: 2 },
  /** A village in the valley, towards the homestays. */
  village: { yaw: -150, pitch: 2 },
  /** Festival banners in a distant town. */
  festival: { yaw: 122, pitch: 3 },
} as const satisfies Record<string, Landmark>

/** Direction of the sun, low in the east. */
const SUN = { yaw: -104, pitch: 9 }

/** The initial view, facing the main tea hill. */
export const TEA_VIEW = { yaw: 0, pitch: -2, fov: 75 }

/** Pitch of the crest of the viewer's own hill. */
function crestPitch(yaw: number): number {
  const radians = (yaw * Math.PI) / 180
  return -5 + 1.6 * Math.cos(2 * radians + 0.8) + 0.8 * Math.sin(3 * radians)
}

function crestY(x: number): number {
  return yOfPitch(crestPitch((x / PANORAMA_WIDTH - 0.5) * 360))
}

/** Draws the tea hills panorama as a 4096×2048 SVG document. */
export function drawTeaPanorama(): string {
  const random = createRandom(0x7ea11115)
  const defs: string[] = []
  const body: string[] = []

  defs.push(
    verticalGradient('sky', 0, HORIZON_Y, [
      [0, '#6d9bd0'],
      [0.55, '#b7d0e6'],
      [0.85, '#f3e4c8'],
      [1, '#fbe3bd'],
    ]),
    verticalGradient('haze', HORIZON_Y - degrees(14), HORIZON_Y + degrees(2), [
      [0, '#ffffff', 0],
      [1, '#f7ecd9', 0.7],
    ]),
    verticalGradient('mist', yOfPitch(2.5), yOfPitch(-2.5), [
      [0, '#ffffff', 0],
      [0.5, '#fdf8ee', 0.85],
      [1, '#ffffff', 0],
    ]),
    verticalGradient('nadir', yOfPitch(-40), PANORAMA_HEIGHT, [
      [0, '#3f7a35', 0],
      [0.4, '#3f7a35', 1],
      [1, '#356a2e', 1],
    ]),
    `<radialGradient id="sun-glow" gradientUnits="userSpaceOnUse" cx="0" cy="0" r="${fmt(degrees(45))}"><stop offset="0" stop-color="#fff6dc" stop-opacity="0.95"/><stop offset="0.25" stop-color="#ffe7b0" stop-opacity="0.5"/><stop offset="1" stop-color="#ffe7b0" stop-opacity="0"/></radialGradient>`,
    '<linearGradient id="lit-left" x1="0" y1="0" x2="1" y2="0"><stop offset="0" stop-color="#fff1b8" stop-opacity="0.35"/><stop offset="0.6" stop-color="#fff1b8" stop-opacity="0"/><stop offset="1" stop-color="#1d3d1a" stop-opacity="0.18"/></linearGradient>',
    '<linearGradient id="lit-right" x1="1" y1="0" x2="0" y2="0"><stop offset="0" stop-color="#fff1b8" stop-opacity="0.35"/><stop offset="0.6" stop-color="#fff1b8" stop-opacity="0"/><stop offset="1" stop-color="#1d3d1a" stop-opacity="0.18"/></linearGradient>',
  )

  body.push(`<rect width="${PANORAMA_WIDTH}" height="${PANORAMA_HEIGHT}" fill="url(#sky)"/>`)
  const sunX = xOfYaw(SUN.yaw)
  const sunY = yOfPitch(SUN.pitch)
  body.push(
    wrappedLayer(
      'sun',
      `<g transform="translate(${fmt(sunX)},${fmt(sunY)})"><ellipse rx="${fmt(degrees(60))}" ry="${fmt(degrees(32))}" fill="url(#sun-glow)"/><circle r="${fmt(degrees(1.8))}" fill="#fffbea"/></g>`,
    ),
  )
  body.push(
    cloudLayer('clouds', random, { count: 9, minPitch: 20, maxPitch: 44, color: '#fffaf0' }),
  )
  body.push(
    mountainRanges(
      random,
      [
        { base: 9, color: '#b4b7cf', cycles: [2, 3, 5, 8, 13], scale: 3.2 },
        { base: 5, color: '#98a9bf', cycles: [3, 4, 7, 12, 18], scale: 2.4 },
      ],
      'haze',
    ),
  )
  body.push(
    `<rect y="${fmt(yOfPitch(2.5))}" width="${PANORAMA_WIDTH}" height="${fmt(degrees(5))}" fill="url(#mist)"/>`,
  )
  body.push(treeline(random, { pitch: 1.3, color: '#86a873', bottomPitch: -8 }))
  body.push(wrappedLayer('far-hills', farHills(random)))
  body.push(
    `<rect y="${fmt(yOfPitch(1.2))}" width="${PANORAMA_WIDTH}" height="${fmt(degrees(3.5))}" fill="url(#mist)" opacity="0.8"/>`,
  )
  body.push(wrappedLayer('near-hills', nearHills()))
  body.push(foregroundRows(random))
  const shelter = TEA_LANDMARKS.shelter
  body.push(wrappedLayer('path', shelterPath(xOfYaw(shelter.yaw), yOfPitch(shelter.pitch - 3.5))))
  body.push(
    `<rect y="${fmt(yOfPitch(-40))}" width="${PANORAMA_WIDTH}" height="${fmt(PANORAMA_HEIGHT - yOfPitch(-40))}" fill="url(#nadir)"/>`,
  )
  body.push(wrappedLayer('pickers', pickersAndShelter()))

  return svgDocument(defs.join('\n'), body.join('\n'))
}

/** Returns which side of a hill the morning sun lights. */
function lightFor(yaw: number): string {
  const delta = (((yaw - SUN.yaw + 540) % 360) + 360) % 360
  return delta - 180 > 0 ? 'lit-left' : 'lit-right'
}

/** Draws small hills in the distance, with the village and the festival town among them. */
function farHills(random: () => number): string {
  const parts: string[] = []
  for (let index = 0; index < 12; index++) {
    const yaw = -180 + index * 30 + random() * 12
    parts.push(
      teaDome({
        yaw,
        basePitch: -0.2,
        width: 16 + random() * 12,
        height: 3 + random() * 2.5,
        fill: '#a9c889',
        rowColor: '#7fa86c',
        rows: 7,
        lightId: lightFor(yaw),
      }),
    )
  }

  const village = TEA_LANDMARKS.village
  for (const [offset, size] of [
    [-3, 3.2],
    [0, 4],
    [3.4, 3.4],
    [6, 2.6],
  ] as const) {
    parts.push(
      place(
        xOfYaw(village.yaw + offset),
        yOfPitch(village.pitch - 1.6 - Math.abs(offset) * 0.08),
        degrees(size) / 264,
        stiltHouse({ stairs: offset < 0 ? 'left' : 'right', thatch: '#9c8058' }),
      ),
    )
  }

  const festival = TEA_LANDMARKS.festival
  const colors = ['#c8282e', '#f0b323', '#2a6cb0', '#2f8f4e', '#7b4ea3']
  colors.forEach((color, index) => {
    const x = xOfYaw(festival.yaw + (index - 2) * 1.4)
    const foot = yOfPitch(festival.pitch - 2)
    const top = foot - degrees(3.6)
    parts.push(
      `<rect x="${fmt(x - 1.2)}" y="${fmt(top)}" width="2.4" height="${fmt(foot - top)}" fill="#5b4634"/>`,
    )
    parts.push(
      `<path d="M${fmt(x + 1.2)},${fmt(top)} l11,2 l0,${fmt(degrees(2))} l-6,-4 l-5,4 Z" fill="${color}"/>`,
    )
  })
  parts.push(
    `<rect x="${fmt(xOfYaw(festival.yaw - 4.5))}" y="${fmt(yOfPitch(festival.pitch - 1.4))}" width="${fmt(degrees(9))}" height="${fmt(degrees(1.2))}" fill="#e9e1cf"/>`,
  )
  return parts.join('')
}

/** Draws the large tea hills around the viewer, with shade trees and a stilt house. */
function nearHills(): string {
  // Gaps at yaw -150 and 122 keep the village and the festival town in view. Trees stand at
  // fractions of each hill's half width from its middle.
  const hills = [
    { yaw: -178, width: 36, height: 12, trees: [0.5] },
    { yaw: 156, width: 34, height: 12, trees: [] },
    { yaw: -40, width: 40, height: 13, trees: [0.45] },
    { yaw: -122, width: 40, height: 14, trees: [-0.35, 0.6] },
    { yaw: 92, width: 40, height: 15, trees: [0.3] },
    { yaw: 40, width: 48, height: 15, trees: [-0.5] },
    { yaw: -84, width: 44, height: 16, trees: [] },
    { yaw: TEA_LANDMARKS.mainHill.yaw, width: 64, height: 20, trees: [0.42, 0.52] },
  ]
  const basePitch = -7
  const parts: string[] = []
  for (const hill of hills) {
    parts.push(
      teaDome({
        yaw: hill.yaw,
        basePitch,
        width: hill.width,
        height: hill.height,
        fill: '#9cc75a',
        rowColor: '#3f7f34',
        rows: Math.round(hill.height * 1.6),
        lightId: lightFor(hill.yaw),
      }),
    )
    hill.trees.forEach((fraction, index) => {
      // Half-way up the hill's outline at that point, so that the tree is on the slope.
      const surface = hill.height * (1 - fraction * fraction) ** 0.6
      const pitch = basePitch + surface * 0.6
      const yaw = hill.yaw + (fraction * hill.width) / 2
      const size = 5 + (index % 2) * 2
      parts.push(place(xOfYaw(yaw), yOfPitch(pitch), degrees(size) / 120, slimTree()))
    })
  }

  const house = TEA_LANDMARKS.stiltHouse
  const width = 9
  parts.push(
    place(
      xOfYaw(house.yaw),
      yOfPitch(house.pitch - 0.4 * width * (216 / 264)),
      degrees(width) / 264,
      stiltHouse({ stairs: 'right', smoke: true }),
    ),
  )
  return parts.join('')
}

/** Draws a tall shade tree with a narrow crown, as planted among tea rows. */
function slimTree(): string {
  return [
    '<rect x="-2.5" y="-80" width="5" height="80" fill="#5a4330"/>',
    '<ellipse cx="0" cy="-96" rx="16" ry="34" fill="#4b7d3a"/>',
    '<ellipse cx="-5" cy="-104" rx="8" ry="18" fill="#7fae52" opacity="0.6"/>',
  ].join('')
}

/**
 * Draws the rows of tea on the viewer's own hill: rounded hedges that follow the slope below the crest,
 * further apart and wider towards the viewer.
 */
function foregroundRows(random: () => number): string {
  const parts = [`<path d="${fillBelow(crestY, PANORAMA_HEIGHT)}" fill="#86b84c"/>`]
  const topography = periodicCurve(
    0,
    randomWaves(random, [
      { cycles: 3, amplitude: 1 },
      { cycles: 5, amplitude: 0.5 },
      { cycles: 9, amplitude: 0.25 },
    ]),
  )
  const rows: { path: string; width: number }[] = []
  let depth = 0.7
  while (depth < 60) {
    const offset = degrees(depth)
    const bend = degrees(0.3 + depth * 0.08)
    const row = (x: number) => crestY(x) + offset + bend * topography(x)
    rows.push({ path: polyline(row, 0, PANORAMA_WIDTH), width: degrees(0.35 + depth * 0.075) })
    depth += 0.9 + depth * 0.16
  }
  for (const row of rows) {
    parts.push(
      `<path d="${row.path}" fill="none" stroke="#2f6b2c" stroke-width="${fmt(row.width)}" stroke-linecap="round"/>`,
    )
    parts.push(
      `<path d="${row.path}" fill="none" stroke="#5f9e3e" stroke-width="${fmt(row.width * 0.45)}" stroke-linecap="round" transform="translate(0,${fmt(-row.width * 0.22)})"/>`,
    )
  }
  return parts.join('')
}

/** Draws a red earth path that winds from the viewer's feet up to the shelter. */
function shelterPath(shelterX: number, shelterGround: number): string {
  const left: string[] = []
  const right: string[] = []
  for (let step = 0; step <= 40; step++) {
    const t = step / 40
    const y = yOfPitch(-70) + (shelterGround - yOfPitch(-70)) * t
    const sway = Math.sin(t * Math.PI * 2) * degrees(7) * (1 - t)
    const x = shelterX - degrees(12) * (1 - t) + sway
    const width = degrees(0.8 + 7 * (1 - t) ** 2)
    left.push(`${fmt(x - width / 2)},${fmt(y)}`)
    right.unshift(`${fmt(x + width / 2)},${fmt(y)}`)
  }
  return `<path d="M${left.join(' L')} L${right.join(' L')} Z" fill="#b9774a"/>`
}

/** Draws tea pickers with conical hats and back baskets, and a pickers' shelter by the path. */
function pickersAndShelter(): string {
  const parts: string[] = []
  const shelter = TEA_LANDMARKS.shelter
  const x = xOfYaw(shelter.yaw)
  const ground = yOfPitch(shelter.pitch - 3.5)
  const half = degrees(4)
  const roofY = yOfPitch(shelter.pitch + 3.5)
  for (const postX of [x - half * 0.8, x + half * 0.8 - 8]) {
    parts.push(
      `<rect x="${fmt(postX)}" y="${fmt(roofY)}" width="8" height="${fmt(ground - roofY)}" fill="#5b4128"/>`,
    )
  }
  parts.push(
    `<rect x="${fmt(x - half * 0.7)}" y="${fmt(ground - degrees(1.2))}" width="${fmt(half * 1.4)}" height="${fmt(degrees(0.5))}" fill="#7a5a3a"/>`,
  )
  parts.push(
    `<path d="M${fmt(x - half * 1.25)},${fmt(roofY + degrees(0.8))} Q${fmt(x - half * 0.6)},${fmt(roofY - degrees(1.6))} ${fmt(x)},${fmt(roofY - degrees(2.6))} Q${fmt(x + half * 0.6)},${fmt(roofY - degrees(1.6))} ${fmt(x + half * 1.25)},${fmt(roofY + degrees(0.8))} Z" fill="#a88450"/>`,
  )

  const centre = TEA_LANDMARKS.pickers
  const pickers = [
    { yaw: centre.yaw - 6, pitch: centre.pitch - 4, top: '#2d5d8a' },
    { yaw: centre.yaw, pitch: centre.pitch - 6, top: '#e8e2d0' },
    { yaw: centre.yaw + 6, pitch: centre.pitch - 3.5, top: '#c8503a' },
  ]
  for (const picker of pickers) {
    const height = -picker.pitch * 0.9
    const scale = degrees(height) / 60
    const px = xOfYaw(picker.yaw)
    const py = yOfPitch(picker.pitch)
    parts.push(
      place(
        px,
        py,
        scale,
        `${person({ top: picker.top, bottom: '#39404a' }, true)}<path d="M6,-46 L16,-46 L14,-28 L7,-28 Z" fill="#b08a52"/>`,
      ),
    )
  }
  return parts.join('')
}
