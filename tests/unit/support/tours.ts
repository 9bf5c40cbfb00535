/** A JSON path into a tour, in the notation of `TourProblem.path`. */
export type JsonPath = readonly (string | number)[]

type JsonContainer = Record<string, unknown> | unknown[]

/** Marks a key to delete in `tourWith`. */
export const REMOVE = Symbol('remove')

/** Paths of the parts of `sampleTour` that tests change most. */
export const PATHS = {
  offer: ['offers', 0],
  panoramaScene: ['scenes', 0],
  sceneHotspot: ['scenes', 0, 'hotspots', 0],
  infoHotspot: ['scenes', 0, 'hotspots', 1],
  offerHotspot: ['scenes', 0, 'hotspots', 2],
  modelScene: ['scenes', 1],
  modelHotspot: ['scenes', 1, 'hotspots', 0],
} as const

/** Asset files that `sampleTour` names, relative to the site root (the project's public/). */
export const SAMPLE_ASSETS = [
  'panoramas/huoi-nha.jpg',
  'panoramas/weaving.jpg',
  'panoramas/offer.jpg',
  'models/stilt-house.glb',
] as const

/** Returns the smallest valid tour: one panorama scene, no hotspots and no offers. */
export function minimalTour(): Record<string, unknown> {
  return {
    version: 1,
    id: 'minimal',
    title: 'Minimal',
    locales: ['en'],
    start: 'only',
    scenes: [
      {
        id: 'only',
        kind: 'panorama',
        title: 'Only scene',
        panorama: { type: 'equirect', src: '../../panoramas/huoi-nha.jpg' },
      },
    ],
  }
}

/**
 * Returns a valid tour that uses every part of the format: a panorama scene with a scene, an
 * info and an offer hotspot, and a model scene that links back. Paths follow the project layout
 * (`scenes/<id>/tour.json` beside `public/`). Each call returns a new object.
 */
export function sampleTour(): Record<string, unknown> {
  return {
    $schema: '../../schema/tour.v1.json',
    version: 1,
    id: 'tay-bac',
    title: { vi: 'Tây Bắc', en: 'Northwest Vietnam' },
    locales: ['vi', 'en'],
    start: 'huoi-nha',
    offers: [
      {
        id: 'dien-bien-3n2d',
        title: { vi: 'Điện Biên 3 ngày 2 đêm', en: 'Dien Bien in 3 days' },
        operator: 'Tây Bắc Travel',
        price: { amount: 4990000, currency: 'VND' },
        durationDays: 3,
        departsFrom: { vi: 'Hà Nội', en: 'Hanoi' },
        url: 'https://tours.example.com/dien-bien-3n2d',
        phone: '+84 214 3800 000',
        image: { src: '../../panoramas/offer.jpg' },
      },
    ],
    scenes: [
      {
        id: 'huoi-nha',
        kind: 'panorama',
        title: { vi: 'Huổi Nhả', en: 'Huoi Nha' },
        panorama: { type: 'equirect', src: '../../panoramas/huoi-nha.jpg' },
        view: { yaw: 0, pitch: 0, fov: 75 },
        hotspots: [
          {
            id: 'to-stilt-house',
            kind: 'scene',
            target: 'stilt-house',
            yaw: 30,
            pitch: -5,
            targetView: { yaw: 10, pitch: 0, fov: 60 },
            label: { vi: 'Nhà sàn', en: 'Stilt house' },
          },
          {
            id: 'weaving',
            kind: 'info',
            yaw: -40,
            pitch: 0,
            title: { vi: 'Dệt thổ cẩm', en: 'Brocade weaving' },
            text: { vi: 'Khung cửi của bản.', en: 'The village loom.' },
            image: { src: '../../panoramas/weaving.jpg' },
          },
          { id: 'homestay', kind: 'offer', offer: 'dien-bien-3n2d', yaw: 90, pitch: 2 },
        ],
      },
      {
        id: 'stilt-house',
        kind: 'model',
        title: { vi: 'Nhà sàn', en: 'Stilt house' },
        model: { src: '../../models/stilt-house.glb' },
        camera: { position: [6, 3, 6], target: [0, 1, 0] },
        hotspots: [{ id: 'back', kind: 'scene', target: 'huoi-nha', position: [0, 1, 2] }],
      },
    ],
  }
}

/**
 * Returns `sampleTour()` (or `base`) with each `[path, value]` change applied: the value is set at
 * the path, or the key is deleted when the value is `REMOVE`.
 */
export function tourWith(
  changes: readonly (readonly [JsonPath, unknown])[],
  base: Record<string, unknown> = sampleTour(),
): Record<string, unknown> {
  for (const [path, value] of changes) setAt(base, path, value)
  return base
}

function setAt(root: JsonContainer, path: JsonPath, value: unknown): void {
  const parentPath = path.slice(0, -1)
  const key = path[path.length - 1]
  if (key === undefined) throw new Error('tourWith: the path must not be empty')
  let parent: unknown = root
  for (const step of parentPath) {
    parent = isContainer(parent) ? (parent as Record<string | number, unknown>)[step] : undefined
  }
  if (!isContainer(parent)) {
    throw new Error(`tourWith: no object or array at ${JSON.stringify(parentPath)}`)
  }
  const container = parent as Record<string | number, unknown>
  if (value === REMOVE) delete container[key]
  else container[key] = value
}

function isContainer(value: unknown): value is JsonContainer {
  return typeof value === 'object' && value !== null
}
