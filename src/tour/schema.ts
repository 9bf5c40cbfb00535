import { z } from 'zod'

/**
 * The tour file, version 1. This schema checks shapes and ranges. Rules that relate one part of
 * the file to another (ids, links, locales, paths) are in `validate.ts`, which both the
 * command-line validator and the app run, so they report the same problems.
 */

export const TOUR_VERSION = 1

/** Ids appear in URLs and events, so they are limited to URL-safe characters. */
export const ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,99}$/
/** A BCP 47 language tag such as `vi`, `en` or `en-GB`. */
export const LOCALE_PATTERN = /^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/

const Id = z
  .string()
  .regex(ID_PATTERN)
  .describe('Letters, digits, ".", "_" and "-"; unique within its list.')
const Locale = z.string().regex(LOCALE_PATTERN)

export const LocalizedStringSchema = z
  .union([z.string(), z.record(Locale, z.string())])
  .describe('Text a visitor reads: one string for every language, or an object keyed by locale.')

/** Yaw in degrees: 0 is the centre column of the image, positive turns right. */
const Yaw = z
  .number()
  .min(-180)
  .max(180)
  .describe('Degrees; 0 is the image centre, positive is right.')
/** Pitch in degrees: 0 is the horizon, +90 straight up. */
const Pitch = z.number().min(-90).max(90).describe('Degrees; 0 is the horizon, +90 is straight up.')
/** Vertical field of view in degrees. */
const Fov = z.number().min(10).max(120).describe('Vertical field of view in degrees.')
const Vector3Schema = z.tuple([z.number(), z.number(), z.number()]).describe('[x, y, z] in metres.')

/**
 * An asset path, relative to the tour file. `validate.ts` rejects a path that leaves the site and
 * warns about a root-relative one, which breaks when the site is served from a sub-folder.
 */
const AssetPath = z.string().min(1).describe('Path relative to this tour file.')

export const ViewSchema = z.object({ yaw: Yaw, pitch: Pitch, fov: Fov.default(75) })

export const ImageSchema = z.object({
  src: AssetPath,
  alt: LocalizedStringSchema.optional(),
})

const PanoramaPlacement = { yaw: Yaw, pitch: Pitch }
const ModelPlacement = { position: Vector3Schema }

function hotspotKinds<P extends z.ZodRawShape>(placement: P) {
  return z.discriminatedUnion('kind', [
    z.object({
      id: Id,
      kind: z.literal('scene'),
      target: Id.describe('Id of the scene this hotspot leads to.'),
      targetView: ViewSchema.optional().describe('Where the visitor looks on arrival.'),
      label: LocalizedStringSchema.optional(),
      ...placement,
    }),
    z.object({
      id: Id,
      kind: z.literal('info'),
      title: LocalizedStringSchema,
      text: LocalizedStringSchema,
      image: ImageSchema.optional(),
      label: LocalizedStringSchema.optional(),
      ...placement,
    }),
    z.object({
      id: Id,
      kind: z.literal('offer'),
      offer: Id.describe('Id of an offer in this tour.'),
      label: LocalizedStringSchema.optional(),
      ...placement,
    }),
  ])
}

export const PanoramaHotspotSchema = hotspotKinds(PanoramaPlacement)
export const ModelHotspotSchema = hotspotKinds(ModelPlacement)

/** Face images of a `cube` panorama, keyed like the folders of a tile pyramid. */
export const CubeFacesSchema = z
  .object({
    f: AssetPath.describe('Front face, centred on yaw 0.'),
    r: AssetPath.describe('Right face, centred on yaw 90.'),
    b: AssetPath.describe('Back face, centred on yaw 180.'),
    l: AssetPath.describe('Left face, centred on yaw -90.'),
    u: AssetPath.describe(
      'Up face, as seen looking up from the front: its bottom edge meets the top edge of the front face and image right is yaw 90.',
    ),
    d: AssetPath.describe(
      'Down face, as seen looking down from the front: its top edge meets the bottom edge of the front face and image right is yaw 90.',
    ),
  })
  .describe(
    'Six square JPEG, PNG or WebP images of the same size. Side faces are seen from inside: image right is the direction the visitor turns to, image up is up.',
  )

export const PanoramaSourceSchema = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('equirect'),
    src: AssetPath.describe(
      'An equirectangular JPEG, PNG or WebP image (2:1). A cropped panorama with GPano XMP is placed where its metadata says.',
    ),
  }),
  z.object({
    type: z.literal('tiles'),
    src: AssetPath.describe(
      "The tiles.json descriptor of a multi-resolution cube pyramid made by `npm run pano:tile`. The viewer fetches its preview first, then only the tiles in view at the screen's resolution.",
    ),
  }),
  z.object({
    type: z.literal('cube'),
    faces: CubeFacesSchema,
  }),
])

const Credit = LocalizedStringSchema.optional().describe('Who made the image or model.')

export const PanoramaSceneSchema = z.object({
  id: Id,
  kind: z.literal('panorama'),
  title: LocalizedStringSchema,
  panorama: PanoramaSourceSchema,
  view: ViewSchema.optional(),
  hotspots: z.array(PanoramaHotspotSchema).default([]),
  credit: Credit,
})

export const ModelSceneSchema = z.object({
  id: Id,
  kind: z.literal('model'),
  title: LocalizedStringSchema,
  model: z.object({ src: AssetPath.describe('A .glb or .gltf file.') }),
  camera: z.object({
    position: Vector3Schema,
    target: Vector3Schema,
    fov: Fov.default(50),
  }),
  hotspots: z.array(ModelHotspotSchema).default([]),
  credit: Credit,
})

export const SceneSchema = z.discriminatedUnion('kind', [PanoramaSceneSchema, ModelSceneSchema])

export const OfferSchema = z.object({
  id: Id,
  title: LocalizedStringSchema,
  operator: z.string().min(1),
  price: z.object({
    amount: z.number().nonnegative(),
    currency: z
      .string()
      .regex(/^[A-Z]{3}$/)
      .describe('ISO 4217 code, such as VND.'),
  }),
  durationDays: z.number().int().positive(),
  durationNights: z
    .number()
    .int()
    .nonnegative()
    .optional()
    .describe('Defaults to durationDays - 1.'),
  departsFrom: LocalizedStringSchema,
  url: z.string().describe('Booking page; https, or http on localhost.'),
  phone: z
    .string()
    .regex(/^\+?[0-9][0-9 ().-]{5,24}$/)
    .optional()
    .describe('Phone number for tap-to-call, ideally in +84 form.'),
  description: LocalizedStringSchema.optional(),
  image: ImageSchema.optional(),
})

export const EmbedSettingsSchema = z
  .object({
    allowedOrigins: z
      .array(z.string())
      .default([])
      .describe(
        'Origins (scheme://host[:port], no path) of pages that may send commands to this tour when it is embedded.',
      ),
  })
  .describe('Settings for pages that embed this tour in an iframe.')
/** Shortest idle period a tour may set for a booth, in seconds. */
export const MIN_KIOSK_IDLE_SECONDS = 5
/** Idle period of a booth when the tour sets none, in seconds. */
export const DEFAULT_KIOSK_IDLE_SECONDS = 90

export const KioskSchema = z
  .object({
    idleSeconds: z
      .number()
      .int()
      .min(MIN_KIOSK_IDLE_SECONDS)
      .max(3600)
      .default(DEFAULT_KIOSK_IDLE_SECONDS)
      .describe(
        'Seconds without input after which a booth returns to the start and its attract loop.',
      ),
    highlights: z
      .array(Id)
      .optional()
      .describe('Ids of the scenes the attract loop turns through; defaults to the start scene.'),
  })
  .describe('Settings of the booth (kiosk) mode, `?mode=kiosk`.')

export const TourSchema = z
  .object({
    $schema: z.string().optional(),
    version: z.literal(TOUR_VERSION),
    id: Id,
    title: LocalizedStringSchema,
    description: LocalizedStringSchema.optional(),
    locales: z
      .array(Locale)
      .min(1)
      .describe('Languages of the tour texts; the first is the default.'),
    start: Id.describe('Id of the first scene.'),
    offers: z.array(OfferSchema).default([]),
    scenes: z.array(SceneSchema).min(1),
    credits: LocalizedStringSchema.optional(),
    embed: EmbedSettingsSchema.optional(),
    kiosk: KioskSchema.optional(),
  })
  .meta({ title: 'Tour', description: 'A virtual tour: scenes, hotspots and offers.' })

export type LocalizedString = z.infer<typeof LocalizedStringSchema>
export type Tour = z.infer<typeof TourSchema>
export type Scene = z.infer<typeof SceneSchema>
export type PanoramaScene = z.infer<typeof PanoramaSceneSchema>
export type PanoramaSource = z.infer<typeof PanoramaSourceSchema>
export type CubeFaces = z.infer<typeof CubeFacesSchema>
export type ModelScene = z.infer<typeof ModelSceneSchema>
export type PanoramaHotspot = z.infer<typeof PanoramaHotspotSchema>
export type ModelHotspot = z.infer<typeof ModelHotspotSchema>
export type Hotspot = PanoramaHotspot | ModelHotspot
export type Offer = z.infer<typeof OfferSchema>
export type EmbedSettings = z.infer<typeof EmbedSettingsSchema>
export type KioskSettings = z.infer<typeof KioskSchema>
export type TourImage = z.infer<typeof ImageSchema>
