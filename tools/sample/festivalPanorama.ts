import { bannerPole, dancer, lantern, person, place, stiltHouse, tree } from './motifs.ts'
import { cloudLayer, mountainRanges, teaDome, treeline } from './scenery.ts'
import {
  createRandom,
  degrees,
  fmt,
  HORIZON_Y,
  type Landmark,
  PANORAMA_HEIGHT,
  PANORAMA_WIDTH,
  svgDocument,
  verticalGradient,
  wrappedLayer,
  xOfYaw,
  yOfPitch,
} from './svgKit.ts'

/**
 * The festival ground panorama: a square in a mountain valley with a stage, banner poles, strings
 * of lanterns, stalls and a circle of xòe dancers. The hotspots of the scene point at these
 * landmarks.
 */
export const FESTIVAL_LANDMARKS = {
  /** The backdrop of the stage, straight ahead. */
  stage: { yaw: 0, pitch: 9 },
  /** The middle of the circle of dancers. */
  danceCircle: { yaw: -70, pitch: -6 },
  /** A travel stall among the market stalls. */
  travelStall: { yaw: 64, pitch: 2 },
  /** A stilt house shown at the edge of the square. */
  stiltHouse: { yaw: 114, pitch: 4 },
  /** The road out of the valley, towards the villages. */
  villageRoad: { yaw: 156, pitch: 2 },
  /** A hill of tea rows beyond the square. */
  teaHill: { yaw: -136, pitch: 5 },
} as const satisfies Record<string, Landmark>

/** The initial view, facing the stage. */
export const FESTIVAL_VIEW = { yaw: 0, pitch: 2, fov: 75 }

/** Pitch of the far edge of the square. */
const SQUARE_EDGE_PITCH = -1.2

/** Draws the festival ground panorama as a 4096×2048 SVG document. */
export function drawFestivalPanorama(): string {
  const random = createRandom(0x58f3e11a)
  const defs: string[] = []
  const body: string[] = []

  defs.push(
    verticalGradient('sky', 0, HORIZON_Y, [
      [0, '#3a76bd'],
      [0.6, '#86b6e0'],
      [1, '#dbe9ef'],
    ]),
    verticalGradient('haze', HORIZON_Y - degrees(14), HORIZON_Y + degrees(2), [
      [0, '#ffffff', 0],
      [1, '#eef3f4', 0.55],
    ]),
    verticalGradient('square', yOfPitch(SQUARE_EDGE_PITCH), PANORAMA_HEIGHT, [
      [0, '#d6c29c'],
      [0.5, '#cdb58a'],
      [1, '#c4aa7f'],
    ]),
  )

  body.push(`<rect width="${PANORAMA_WIDTH}" height="${PANORAMA_HEIGHT}" fill="url(#sky)"/>`)
  body.push(
    cloudLayer('clouds', random, { count: 12, minPitch: 22, maxPitch: 50, color: '#ffffff' }),
  )
  body.push(
    mountainRanges(
      random,
      [
        { base: 17, color: '#9fb2c9', cycles: [2, 3, 6, 9, 14], scale: 5.2 },
        { base: 10, color: '#7f9db1', cycles: [3, 5, 7, 12, 19], scale: 3.8 },
        { base: 5, color: '#5e8670', cycles: [2, 4, 9, 15, 24], scale: 2.2 },
      ],
      'haze',
    ),
  )

  const tea = FESTIVAL_LANDMARKS.teaHill
  body.push(
    wrappedLayer(
      'tea-hill',
      teaDome({
        yaw: tea.yaw,
        basePitch: tea.pitch - 5,
        width: 24,
        height: 8,
        fill: '#a2c660',
        rowColor: '#4a8038',
        rows: 9,
      }),
    ),
  )
  body.push(treeline(random, { pitch: 1.4, color: '#4d7345', bottomPitch: -4 }))
  body.push(wrappedLayer('town', townEdge(random)))

  // The paved square, with a strip of grass along its far edge.
  body.push(
    `<rect y="${fmt(yOfPitch(SQUARE_EDGE_PITCH))}" width="${PANORAMA_WIDTH}" height="${fmt(PANORAMA_HEIGHT - yOfPitch(SQUARE_EDGE_PITCH))}" fill="url(#square)"/>`,
  )
  body.push(
    `<rect y="${fmt(yOfPitch(SQUARE_EDGE_PITCH) - 3)}" width="${PANORAMA_WIDTH}" height="${fmt(degrees(0.5))}" fill="#7a9a4a"/>`,
  )
  body.push(wrappedLayer('paving', paving()))

  body.push(wrappedLayer('stage', stage()))
  body.push(wrappedLayer('stalls', stalls()))
  body.push(wrappedLayer('poles', bannerPoles()))
  body.push(wrappedLayer('crowd', crowd(random)))
  body.push(wrappedLayer('dancers', danceCircle()))

  return svgDocument(defs.join('\n'), body.join('\n'))
}

/**
 * Draws the joints of the paving. Rings around the viewer are level lines in the panorama and the
 * radial joints are vertical lines, so the stones look like rectangles that grow towards the viewer.
 */
function paving(): string {
  const rings = [-4.5, -6, -8, -10.5, -14, -19, -26, -36]
  const parts: string[] = []
  rings.forEach((pitch, index) => {
    parts.push(
      `<rect y="${fmt(yOfPitch(pitch))}" width="${PANORAMA_WIDTH}" height="${fmt(1.5 + -pitch * 0.1)}" fill="#a88f66" opacity="0.5"/>`,
    )
    const next = rings[index + 1]
    if (next === undefined) return
    // Stagger the radial joints from ring to ring, like laid stones.
    const spacing = 6
    const shift = index % 2 === 0 ? 0 : spacing / 2
    const joints: string[] = []
    for (let yaw = -180 + shift; yaw < 180; yaw += spacing) {
      joints.push(`M${fmt(xOfYaw(yaw))},${fmt(yOfPitch(pitch))} V${fmt(yOfPitch(next))}`)
    }
    parts.push(
      `<path d="${joints.join(' ')}" stroke="#a88f66" stroke-width="${fmt(1 + -pitch * 0.08)}" opacity="0.35"/>`,
    )
  })
  return parts.join('')
}

/** Draws low houses and trees beyond the square, and the road that leaves it. */
function townEdge(random: () => number): string {
  const parts: string[] = []
  for (let index = 0; index < 40; index++) {
    const yaw = -180 + index * 9 + random() * 5
    const height = 1.6 + random() * 1.4
    const width = 3 + random() * 3
    const x = xOfYaw(yaw)
    const top = yOfPitch(SQUARE_EDGE_PITCH + height)
    const walls = ['#e9e1cf', '#d9cfb8', '#efe6d2', '#cfd6d2'][index % 4] ?? '#e9e1cf'
    const roof = ['#9b4a32', '#6f5a48', '#a85a3a'][index % 3] ?? '#9b4a32'
    parts.push(
      `<rect x="${fmt(x)}" y="${fmt(top)}" width="${fmt(degrees(width))}" height="${fmt(yOfPitch(SQUARE_EDGE_PITCH) - top)}" fill="${walls}"/>`,
    )
    parts.push(
      `<path d="M${fmt(x - 6)},${fmt(top + 2)} L${fmt(x + degrees(width) / 2)},${fmt(top - degrees(1))} L${fmt(x + degrees(width) + 6)},${fmt(top + 2)} Z" fill="${roof}"/>`,
    )
    if (random() < 0.5) {
      parts.push(
        place(
          xOfYaw(yaw + width + 1.5),
          yOfPitch(SQUARE_EDGE_PITCH),
          degrees(4) / 120,
          tree('#46703a', '#76a44e'),
        ),
      )
    }
  }

  // A road leaves the square between the houses, towards a village on a far hill.
  const road = FESTIVAL_LANDMARKS.villageRoad
  const roadX = xOfYaw(road.yaw)
  parts.push(
    `<path d="M${fmt(roadX - degrees(5))},${fmt(yOfPitch(SQUARE_EDGE_PITCH - 0.2))} L${fmt(roadX - degrees(0.3))},${fmt(yOfPitch(1.6))} L${fmt(roadX + degrees(0.3))},${fmt(yOfPitch(1.6))} L${fmt(roadX + degrees(5))},${fmt(yOfPitch(SQUARE_EDGE_PITCH - 0.2))} Z" fill="#b7a27c"/>`,
  )
  for (const offset of [-2.4, 0, 2.2]) {
    parts.push(
      place(
        xOfYaw(road.yaw + offset),
        yOfPitch(road.pitch + 0.6 - Math.abs(offset) * 0.2),
        degrees(3) / 264,
        stiltHouse({ stairs: offset < 0 ? 'left' : 'right', thatch: '#9f7e4c' }),
      ),
    )
  }
  return parts.join('')
}

/** Draws the stage: a platform, a roof, and a red backdrop with a band of diamonds and an emblem. */
function stage(): string {
  const centre = FESTIVAL_LANDMARKS.stage
  const left = xOfYaw(centre.yaw - 20)
  const right = xOfYaw(centre.yaw + 20)
  const width = right - left
  const floor = yOfPitch(1.6)
  const ground = yOfPitch(-4)
  const backdropTop = yOfPitch(17)
  const parts: string[] = []

  // Roof on two posts, with eaves that lift at the ends.
  parts.push(
    `<rect x="${fmt(left - 6)}" y="${fmt(backdropTop)}" width="14" height="${fmt(ground - backdropTop)}" fill="#5b3f2a"/>`,
  )
  parts.push(
    `<rect x="${fmt(right - 8)}" y="${fmt(backdropTop)}" width="14" height="${fmt(ground - backdropTop)}" fill="#5b3f2a"/>`,
  )
  parts.push(
    `<path d="M${fmt(left - degrees(2.5))},${fmt(backdropTop - degrees(1.2))} Q${fmt(left)},${fmt(backdropTop)} ${fmt(left + degrees(3))},${fmt(backdropTop - degrees(1))} L${fmt(xOfYaw(centre.yaw))},${fmt(yOfPitch(23.5))} L${fmt(right - degrees(3))},${fmt(backdropTop - degrees(1))} Q${fmt(right)},${fmt(backdropTop)} ${fmt(right + degrees(2.5))},${fmt(backdropTop - degrees(1.2))} L${fmt(right + degrees(0.5))},${fmt(backdropTop + 4)} L${fmt(left - degrees(0.5))},${fmt(backdropTop + 4)} Z" fill="#7c2a22"/>`,
  )

  // Backdrop.
  parts.push(
    `<rect x="${fmt(left + 8)}" y="${fmt(backdropTop + 4)}" width="${fmt(width - 16)}" height="${fmt(floor - backdropTop - 4)}" fill="#b3262d"/>`,
  )
  const inset = degrees(0.8)
  parts.push(
    `<rect x="${fmt(left + 8 + inset)}" y="${fmt(backdropTop + 4 + inset)}" width="${fmt(width - 16 - 2 * inset)}" height="${fmt(floor - backdropTop - 4 - 2 * inset)}" fill="none" stroke="#e8b949" stroke-width="10"/>`,
  )
  // A band of diamonds, as on a woven scarf.
  const bandY = yOfPitch(13.5)
  const diamonds: string[] = []
  for (let x = left + 70; x < right - 60; x += 52) {
    diamonds.push(
      `M${fmt(x)},${fmt(bandY - 16)} L${fmt(x + 16)},${fmt(bandY)} L${fmt(x)},${fmt(bandY + 16)} L${fmt(x - 16)},${fmt(bandY)} Z`,
    )
  }
  parts.push(`<path d="${diamonds.join(' ')}" fill="#f2cf5b"/>`)
  // A large round emblem of petals in the middle.
  const emblemX = xOfYaw(centre.yaw)
  const emblemY = yOfPitch(7)
  for (let petal = 0; petal < 12; petal++) {
    const angle = (petal / 12) * 360
    parts.push(
      `<ellipse cx="${fmt(emblemX)}" cy="${fmt(emblemY - 52)}" rx="16" ry="46" fill="#f2cf5b" transform="rotate(${angle} ${fmt(emblemX)} ${fmt(emblemY)})"/>`,
    )
  }
  parts.push(`<circle cx="${fmt(emblemX)}" cy="${fmt(emblemY)}" r="34" fill="#2f7d5b"/>`)
  parts.push(`<circle cx="${fmt(emblemX)}" cy="${fmt(emblemY)}" r="15" fill="#f2cf5b"/>`)

  // The platform, with a red skirting.
  parts.push(
    `<rect x="${fmt(left - degrees(1))}" y="${fmt(floor)}" width="${fmt(width + degrees(2))}" height="${fmt(ground - floor)}" fill="#6b4a30"/>`,
  )
  parts.push(
    `<rect x="${fmt(left - degrees(1))}" y="${fmt(floor)}" width="${fmt(width + degrees(2))}" height="10" fill="#8a6442"/>`,
  )
  parts.push(
    `<path d="M${fmt(left - degrees(1))},${fmt(floor + 26)} L${fmt(right + degrees(1))},${fmt(floor + 26)}" stroke="#b3262d" stroke-width="14"/>`,
  )

  // Speakers on both sides.
  for (const x of [left - degrees(3.6), right + degrees(1.4)]) {
    parts.push(
      `<rect x="${fmt(x)}" y="${fmt(yOfPitch(4))}" width="${fmt(degrees(2.2))}" height="${fmt(ground - yOfPitch(4))}" fill="#2b2b2e"/>`,
    )
    parts.push(
      `<circle cx="${fmt(x + degrees(1.1))}" cy="${fmt(yOfPitch(2.4))}" r="8" fill="#4a4a50"/>`,
    )
  }

  // Performers dancing with fans.
  const blouses = ['#f4f1e8', '#e86f8a', '#7fc1d8', '#f4f1e8', '#9fcf7a']
  blouses.forEach((blouse, index) => {
    const x = xOfYaw(centre.yaw - 13 + index * 6.5)
    const scale = degrees(5.5) / 64
    parts.push(place(x, floor + 2, scale, dancer(blouse, '#1f1f24', '#1f1f24')))
    parts.push(
      place(x, floor + 2, scale, '<path d="M20,-38 a11,11 0 0 1 20,-6 Z" fill="#d9342b"/>'),
    )
  })

  // Strings of lanterns from the roof to the nearest poles.
  parts.push(lanternString(centre.yaw - 20, 16.5, centre.yaw - 28, 20, 3.5, ['#d9342b', '#f0b323']))
  parts.push(lanternString(centre.yaw + 20, 16.5, centre.yaw + 28, 20, 3.5, ['#f0b323', '#d9342b']))
  return parts.join('')
}

/** Draws a sagging string of lanterns between two points given in degrees. */
function lanternString(
  yaw0: number,
  pitch0: number,
  yaw1: number,
  pitch1: number,
  sag: number,
  colors: readonly string[],
): string {
  const x0 = xOfYaw(yaw0)
  const x1 = xOfYaw(yaw1)
  const y0 = yOfPitch(pitch0)
  const y1 = yOfPitch(pitch1)
  const sagPixels = degrees(sag)
  const at = (t: number) => ({
    x: x0 + (x1 - x0) * t,
    y: y0 + (y1 - y0) * t + sagPixels * 4 * t * (1 - t),
  })
  const parts = [
    `<path d="M${fmt(x0)},${fmt(y0)} Q${fmt((x0 + x1) / 2)},${fmt((y0 + y1) / 2 + 2 * sagPixels)} ${fmt(x1)},${fmt(y1)}" fill="none" stroke="#3a2a1d" stroke-width="2"/>`,
  ]
  const count = Math.max(3, Math.round(Math.abs(x1 - x0) / 46))
  for (let index = 1; index < count; index++) {
    const point = at(index / count)
    const color = colors[index % colors.length] ?? '#d9342b'
    parts.push(place(point.x, point.y, 1.1, lantern(color)))
  }
  return parts.join('')
}

/** Draws market stalls under awnings, the travel stall among them. */
function stalls(): string {
  const parts: string[] = []
  const awnings = [
    { yaw: 36, color: '#e8e2d0', trim: '#c8282e' },
    { yaw: 50, color: '#f0b323', trim: '#7c2a22' },
    { yaw: FESTIVAL_LANDMARKS.travelStall.yaw, color: '#2b7bb9', trim: '#f4f1e8' },
    { yaw: 78, color: '#e8e2d0', trim: '#2f8f4e' },
    { yaw: 92, color: '#c8282e', trim: '#f0b323' },
  ]
  const goods = ['#d9342b', '#f0b323', '#2f8f4e', '#7b4ea3', '#e86f8a', '#f4f1e8']
  awnings.forEach((awning, index) => {
    const x = xOfYaw(awning.yaw)
    const half = degrees(6.2)
    const ground = yOfPitch(-4.5)
    const roofY = yOfPitch(5.5)
    parts.push(
      `<rect x="${fmt(x - half + 6)}" y="${fmt(roofY)}" width="6" height="${fmt(ground - roofY)}" fill="#5b4634"/>`,
    )
    parts.push(
      `<rect x="${fmt(x + half - 12)}" y="${fmt(roofY)}" width="6" height="${fmt(ground - roofY)}" fill="#5b4634"/>`,
    )
    parts.push(
      `<path d="M${fmt(x - half)},${fmt(roofY + 12)} L${fmt(x)},${fmt(roofY - degrees(2.2))} L${fmt(x + half)},${fmt(roofY + 12)} Z" fill="${awning.color}"/>`,
    )
    const scallops: string[] = []
    for (let step = 0; step < 8; step++) {
      const sx = x - half + (step * 2 * half) / 8
      scallops.push(
        `M${fmt(sx)},${fmt(roofY + 10)} a${fmt(half / 8)},12 0 0 0 ${fmt(half / 4)},0 Z`,
      )
    }
    parts.push(`<path d="${scallops.join(' ')}" fill="${awning.trim}"/>`)
    // The counter with goods on it.
    const counterTop = yOfPitch(-1)
    parts.push(
      `<rect x="${fmt(x - half + 10)}" y="${fmt(counterTop)}" width="${fmt(2 * half - 20)}" height="${fmt(ground - counterTop)}" fill="#8a6442"/>`,
    )
    for (let item = 0; item < 7; item++) {
      const color = goods[(item + index) % goods.length] ?? '#d9342b'
      parts.push(
        `<rect x="${fmt(x - half + 18 + item * ((2 * half - 36) / 7))}" y="${fmt(counterTop - 18)}" width="${fmt((2 * half - 50) / 7)}" height="18" fill="${color}"/>`,
      )
    }
  })

  // A stilt house at the edge of the square, open for visitors.
  const house = FESTIVAL_LANDMARKS.stiltHouse
  const width = 18
  parts.push(
    place(
      xOfYaw(house.yaw),
      yOfPitch(house.pitch - 0.4 * width * (216 / 264)),
      degrees(width) / 264,
      stiltHouse({ stairs: 'left', textiles: true }),
    ),
  )
  return parts.join('')
}

/** Draws tall banner poles around the square, joined by strings of lanterns. */
function bannerPoles(): string {
  const colors = [
    ['#c8282e', '#f0b323'],
    ['#f0b323', '#c8282e'],
    ['#2a6cb0', '#f4f1e8'],
    ['#2f8f4e', '#f0b323'],
    ['#7b4ea3', '#f4f1e8'],
  ] as const

  // Clear of the stage, the stalls, the dance circle and the landmarks behind the square.
  const yaws = [-168, -150, -118, -92, -44, -26, 26, 44, 96, 128, 142, 172]
  const parts: string[] = []
  const ground = yOfPitch(-3.4)
  const poleTop = 20
  yaws.forEach((yaw, index) => {
    const [color, edge] = colors[index % colors.length] ?? colors[0]
    parts.push(place(xOfYaw(yaw), ground, degrees(poleTop + 3.4) / 300, bannerPole(color, edge)))
  })

  // Lantern strings between neighbouring poles, except across the wide gaps at the stage, the
  // stalls and the dance circle.
  for (let index = 0; index < yaws.length; index++) {
    const from = yaws[index] ?? 0
    const next = yaws[index + 1]
    if (next === undefined) break
    if (next - from > 40) continue
    const palette = index % 2 === 0 ? ['#d9342b', '#f0b323'] : ['#f0b323', '#d9342b']
    parts.push(lanternString(from, poleTop, next, poleTop, 3.6, palette))
  }

  // The poles nearest the seam at ±180° are joined across it.
  const last = yaws[yaws.length - 1] ?? 180
  const first = yaws[0] ?? -180
  parts.push(lanternString(last, poleTop, first + 360, poleTop, 3.6, ['#d9342b', '#f0b323']))
  return parts.join('')
}

/** Draws visitors around the square (nearer ones lower and larger) and an audience at the stage. */
function crowd(random: () => number): string {
  const tops = ['#e07a3f', '#2d5d8a', '#f4f1e8', '#c8282e', '#3f7a4a', '#f0b323', '#6b4a8a']
  const bottoms = ['#2b2b2e', '#39506b', '#5b4634', '#1f1f24']
  // Yaw ranges kept clear: the dance circle and the road out of the square.
  const clear = [
    [-104, -36],
    [146, 166],
  ]
  const figures: { yaw: number; pitch: number }[] = []
  for (let index = 0; index < 90; index++) {
    const yaw = -180 + random() * 360
    const pitch = -3.4 - random() * random() * 9
    if (clear.some(([from = 0, to = 0]) => yaw > from && yaw < to)) continue
    // Right in front of the stage, the audience drawn below is the only crowd.
    if (Math.abs(yaw) < 22 && pitch > -5) continue
    figures.push({ yaw, pitch })
  }
  for (let index = 0; index < 16; index++) {
    figures.push({ yaw: -15 + index * 2 + random(), pitch: -6 - random() * 2.5 })
  }
  figures.sort((a, b) => b.pitch - a.pitch)

  const parts: string[] = []
  for (const figure of figures) {
    const top = tops[Math.floor(random() * tops.length)] ?? '#e07a3f'
    const bottom = bottoms[Math.floor(random() * bottoms.length)] ?? '#2b2b2e'
    const hat = random() < 0.15
    // Seen by a standing visitor, the heads of standing adults are close to the horizon, so a
    // figure's height in degrees is about the depth of its feet below the horizon.
    const height = -figure.pitch * 1.05
    parts.push(
      place(
        xOfYaw(figure.yaw),
        yOfPitch(figure.pitch),
        degrees(height) / 60,
        person({ top, bottom }, hat),
      ),
    )
  }
  return parts.join('')
}

/**
 * Draws the xòe circle: dancers holding hands in a ring seen from its side, so the far side is
 * smaller and higher than the near side.
 */
function danceCircle(): string {
  const centre = FESTIVAL_LANDMARKS.danceCircle
  const centreX = xOfYaw(centre.yaw)
  const centreY = yOfPitch(centre.pitch - 4)
  const radiusX = degrees(24)
  const radiusY = degrees(6)
  const blouses = ['#f4f1e8', '#e86f8a', '#7fc1d8', '#f0b323', '#9fcf7a', '#c8282e']
  const count = 20
  const dancers = Array.from({ length: count }, (_, index) => {
    const angle = (index / count) * 2 * Math.PI
    const depth = -Math.cos(angle)
    const y = centreY + radiusY * depth
    // Drawn as if seen from a little above head height, so the far side shows over the near side.
    const height = 7 * (1 + 0.3 * depth)
    return {
      x: centreX + radiusX * Math.sin(angle),
      y,
      scale: degrees(height) / 64,
      blouse: blouses[index % blouses.length] ?? '#f4f1e8',
      man: index % 4 === 3,
      depth,
    }
  })
  const behind = dancers.filter((figure) => figure.depth <= 0).sort((a, b) => a.y - b.y)
  const inFront = dancers.filter((figure) => figure.depth > 0).sort((a, b) => a.y - b.y)
  const draw = (figure: (typeof dancers)[number]) =>
    figure.man
      ? place(figure.x, figure.y, figure.scale, dancer('#2d3a5a', '#2d3a5a', '#2d3a5a'))
      : place(figure.x, figure.y, figure.scale, dancer(figure.blouse, '#1f1f24', '#1f1f24'))

  const parts = [
    `<ellipse cx="${fmt(centreX)}" cy="${fmt(centreY)}" rx="${fmt(radiusX * 1.12)}" ry="${fmt(radiusY * 1.5)}" fill="#bfa57a" opacity="0.7"/>`,
  ]
  parts.push(...behind.map(draw))
  parts.push(...inFront.map(draw))
  return parts.join('')
}
