import { fmt } from './svgKit.ts'

/**
 * Small drawings shared by the panoramas. Each one is drawn in its own units around a local
 * origin on the ground (y grows downwards, as in SVG) and placed with `place`.
 */

/** Returns a group that moves a motif's local origin to (x, y) and scales it. */
export function place(x: number, y: number, scale: number, content: string, flip = false): string {
  const mirror = flip ? ` scale(-1,1)` : ''
  return `<g transform="translate(${fmt(x)},${fmt(y)}) scale(${fmt3(scale)})${mirror}">${content}</g>`
}

function fmt3(value: number): string {
  return String(Math.round(value * 1000) / 1000)
}

export interface StiltHouseOptions {
  /** Gable end that the staircase leans against. */
  stairs?: 'left' | 'right'
  /** Woven cloths drying on the floor beam, as in a homestay. */
  textiles?: boolean
  /** Hearth smoke rising through the thatch. */
  smoke?: boolean
  /** Thatch colour; older roofs are darker. */
  thatch?: string
  /** Light cut-outs in the wall, as in the evening. */
  litWindows?: boolean
}

/**
 * Draws a Thái stilt house seen from its long side, about 264 units wide and 216 tall. It has
 * posts, storage space under the floor and low bamboo walls. Its tall thatched roof has rounded
 * ends (the turtle-shell shape) and crossed ornaments on both ends of the ridge.
 */
export function stiltHouse(options: StiltHouseOptions = {}): string {
  const thatch = options.thatch ?? '#b38e55'
  const parts: string[] = []
  parts.push('<ellipse cx="0" cy="2" rx="132" ry="9" fill="#1d2a14" opacity="0.28"/>')

  // Storage space under the floor: a woodpile and baskets in the shade.
  parts.push('<rect x="-98" y="-62" width="196" height="62" fill="#3c3124" opacity="0.55"/>')
  parts.push('<rect x="-74" y="-20" width="42" height="20" fill="#8a6a46"/>')
  for (let row = 0; row < 3; row++) {
    parts.push(
      `<line x1="-74" y1="${-6 - row * 6}" x2="-32" y2="${-6 - row * 6}" stroke="#5d4630" stroke-width="1.5"/>`,
    )
  }
  parts.push('<path d="M12,0 L16,-16 L30,-16 L34,0 Z" fill="#c49a5c"/>')
  parts.push('<path d="M38,0 L41,-12 L52,-12 L55,0 Z" fill="#a9834c"/>')

  // Posts.
  for (const x of [-92, -55, -18, 18, 55, 92]) {
    parts.push(`<rect x="${x - 4}" y="-64" width="8" height="64" fill="#4b3526"/>`)
  }
  // Floor and its beam.
  parts.push('<rect x="-106" y="-70" width="212" height="9" fill="#5b3f2a"/>')
  // Walls of split bamboo.
  parts.push('<rect x="-98" y="-100" width="196" height="31" fill="#caa66a"/>')
  const slats: string[] = []
  for (let x = -94; x < 98; x += 7) slats.push(`M${x},-100 L${x},-69`)
  parts.push(`<path d="${slats.join(' ')}" stroke="#a8834b" stroke-width="1.6"/>`)
  const windowFill = options.litWindows ? '#f4c770' : '#3d2c1e'
  parts.push(`<rect x="-60" y="-94" width="22" height="16" fill="${windowFill}"/>`)
  parts.push(`<rect x="30" y="-94" width="22" height="16" fill="${windowFill}"/>`)

  if (options.textiles) {
    const cloths = [
      { x: -36, colors: ['#b8262c', '#f2c14e', '#2d3a7a'] },
      { x: -16, colors: ['#2d3a7a', '#e9e2cf', '#b8262c'] },
      { x: 4, colors: ['#1f6f5c', '#f2c14e', '#b8262c'] },
    ]
    for (const cloth of cloths) {
      cloth.colors.forEach((color, index) => {
        parts.push(
          `<rect x="${cloth.x}" y="${-62 + index * 9}" width="16" height="9" fill="${color}"/>`,
        )
      })
    }
  }

  // Roof: a wide low eave rising steeply to a short ridge, rounded at both ends.
  const roof =
    'M-132,-92 C-136,-128 -110,-186 -56,-196 L56,-196 C110,-186 136,-128 132,-92 Q0,-84 -132,-92 Z'
  parts.push(`<path d="${roof}" fill="${thatch}"/>`)
  const strokes: string[] = []
  for (let index = 1; index <= 5; index++) {
    const t = index / 6
    const y = -92 - t * 100
    const half = 132 - t * t * 70
    strokes.push(`M${fmt(-half)},${fmt(y)} Q0,${fmt(y + 6)} ${fmt(half)},${fmt(y)}`)
  }
  parts.push(
    `<path d="${strokes.join(' ')}" fill="none" stroke="#7a5b31" stroke-width="2" opacity="0.55"/>`,
  )
  parts.push(
    '<path d="M-132,-92 Q0,-84 132,-92" fill="none" stroke="#6d5029" stroke-width="4" opacity="0.8"/>',
  )
  parts.push('<rect x="-58" y="-199" width="116" height="6" fill="#5b4128"/>')
  // Crossed ornaments on both ridge ends.
  parts.push(
    '<path d="M-62,-194 L-46,-216 M-48,-194 L-64,-216 M62,-194 L46,-216 M48,-194 L64,-216" stroke="#3b2a1c" stroke-width="4" stroke-linecap="round"/>',
  )

  // Staircase against one gable end.
  const side = options.stairs === 'left' ? -1 : 1
  const stairSteps: string[] = []
  for (let step = 1; step <= 6; step++) {
    const t = step / 7
    const x = side * (104 + t * 30)
    const y = -66 + t * 66
    stairSteps.push(`M${fmt(x - 6)},${fmt(y)} L${fmt(x + 6)},${fmt(y)}`)
  }
  parts.push(
    `<path d="M${side * 100},-66 L${side * 136},0 M${side * 110},-66 L${side * 146},0" stroke="#4b3526" stroke-width="3"/>`,
  )
  parts.push(`<path d="${stairSteps.join(' ')}" stroke="#6b4b32" stroke-width="3"/>`)

  if (options.smoke) {
    parts.push(
      '<path d="M10,-200 C-6,-230 26,-250 8,-284 C-4,-306 20,-322 12,-346" fill="none" stroke="#f4f2ec" stroke-width="14" stroke-linecap="round" opacity="0.35"/>',
    )
  }
  return parts.join('')
}

/** Draws a broadleaf tree about 120 units tall. */
export function tree(shade: string, light: string): string {
  return [
    '<rect x="-4" y="-50" width="8" height="50" fill="#5a4330"/>',
    `<circle cx="0" cy="-78" r="34" fill="${shade}"/>`,
    `<circle cx="-24" cy="-60" r="22" fill="${shade}"/>`,
    `<circle cx="24" cy="-62" r="24" fill="${shade}"/>`,
    `<circle cx="-8" cy="-92" r="20" fill="${light}" opacity="0.6"/>`,
  ].join('')
}

/** Draws a clump of bamboo about 170 units tall, its stems arching outwards. */
export function bambooClump(stem: string, leaf: string): string {
  const stems: string[] = []
  const leaves: string[] = []
  const bends = [-70, -44, -22, -6, 10, 28, 50, 74]
  for (const bend of bends) {
    const tipX = bend * 1.1
    const tipY = -170 + Math.abs(bend) * 0.9
    stems.push(
      `M${fmt(bend * 0.1)},0 Q${fmt(bend * 0.25)},${fmt(tipY * 0.6)} ${fmt(tipX)},${fmt(tipY)}`,
    )
    leaves.push(`<ellipse cx="${fmt(tipX)}" cy="${fmt(tipY + 8)}" rx="22" ry="12" fill="${leaf}"/>`)
    leaves.push(
      `<ellipse cx="${fmt(bend * 0.55)}" cy="${fmt(tipY * 0.7)}" rx="16" ry="9" fill="${leaf}" opacity="0.85"/>`,
    )
  }
  return `<path d="${stems.join(' ')}" fill="none" stroke="${stem}" stroke-width="4"/>${leaves.join('')}`
}

/** Draws a banana plant about 90 units tall. */
export function bananaPlant(color: string): string {
  return [
    '<rect x="-4" y="-46" width="8" height="46" fill="#7d8a45"/>',
    `<path d="M0,-46 Q-30,-80 -58,-64 Q-28,-62 0,-46 Z" fill="${color}"/>`,
    `<path d="M0,-46 Q30,-84 60,-70 Q28,-64 0,-46 Z" fill="${color}"/>`,
    `<path d="M0,-46 Q-10,-88 -4,-96 Q8,-80 0,-46 Z" fill="${color}"/>`,
    `<path d="M0,-46 Q-36,-48 -50,-28 Q-20,-40 0,-46 Z" fill="${color}" opacity="0.8"/>`,
  ].join('')
}

/** Draws a soft cloud of overlapping ellipses, about 300 units wide. */
export function cloud(color: string, opacity: number): string {
  return [
    `<g fill="${color}" opacity="${opacity}">`,
    '<ellipse cx="0" cy="0" rx="150" ry="26"/>',
    '<ellipse cx="-60" cy="-18" rx="60" ry="30"/>',
    '<ellipse cx="10" cy="-30" rx="70" ry="38"/>',
    '<ellipse cx="80" cy="-14" rx="54" ry="26"/>',
    '</g>',
  ].join('')
}

export interface FigureColors {
  top: string
  bottom: string
  head?: string
}

/** Draws a standing person about 60 units tall, with the feet at the origin. */
export function person(colors: FigureColors, hat = false): string {
  const parts = [
    `<path d="M-7,0 L-6,-26 L6,-26 L7,0 Z" fill="${colors.bottom}"/>`,
    `<path d="M-9,-26 L-7,-46 L7,-46 L9,-26 Z" fill="${colors.top}"/>`,
    '<circle cx="0" cy="-52" r="6.5" fill="#c99a74"/>',
  ]
  if (hat) parts.push('<path d="M-14,-53 L0,-66 L14,-53 Z" fill="#e8d9a8"/>')
  else if (colors.head)
    parts.push(`<path d="M-7,-55 Q0,-62 7,-55 L7,-52 L-7,-52 Z" fill="${colors.head}"/>`)
  return parts.join('')
}

/**
 * Draws a xòe dancer about 64 units tall: a fitted short blouse, a long dark skirt and a headscarf,
 * with the arms held out sideways to join hands with the neighbours.
 */
export function dancer(blouse: string, skirt: string, scarf: string): string {
  return [
    `<path d="M-8,0 L-6,-30 L6,-30 L8,0 Z" fill="${skirt}"/>`,
    `<path d="M-7,-30 L-6,-46 L6,-46 L7,-30 Z" fill="${blouse}"/>`,
    '<path d="M-1,-44 L-1,-32 M1.5,-44 L1.5,-32" stroke="#e8e2d4" stroke-width="0.9" stroke-dasharray="1.5 2.5"/>',
    '<circle cx="0" cy="-52" r="6.5" fill="#c99a74"/>',
    `<path d="M-8,-54 Q0,-64 8,-54 L9,-50 L-9,-50 Z" fill="${scarf}"/>`,
    `<path d="M-6,-43 L-22,-36 M6,-43 L22,-36" stroke="${blouse}" stroke-width="3.5" stroke-linecap="round"/>`,
  ].join('')
}

/** Draws a festival pole about 300 units tall with a long swallow-tailed banner. */
export function bannerPole(color: string, edge: string): string {
  return [
    '<rect x="-3" y="-300" width="6" height="300" fill="#6b5236"/>',
    '<circle cx="0" cy="-304" r="6" fill="#d9b24a"/>',
    `<path d="M3,-292 L46,-286 L48,-150 L26,-168 L4,-146 Z" fill="${color}"/>`,
    `<path d="M3,-292 L46,-286 L46,-276 L3,-282 Z" fill="${edge}"/>`,
  ].join('')
}

/** Draws a round festival lantern about 36 units long, hanging from the origin. */
export function lantern(color: string): string {
  return [
    '<line x1="0" y1="0" x2="0" y2="6" stroke="#3a2a1d" stroke-width="1.2"/>',
    `<ellipse cx="0" cy="16" rx="10" ry="11" fill="${color}"/>`,
    '<rect x="-5" y="4" width="10" height="3" fill="#d9b24a"/>',
    '<rect x="-5" y="26" width="10" height="3" fill="#d9b24a"/>',
    '<line x1="0" y1="29" x2="0" y2="36" stroke="#d9b24a" stroke-width="1.5"/>',
  ].join('')
}
