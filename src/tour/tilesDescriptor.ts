import { z } from 'zod'

/**
 * The `tiles.json` descriptor of a multi-resolution cube pyramid, version 1, as written by
 * `npm run pano:tile`. Paths inside it are relative to the descriptor's own URL.
 */

export const TILES_FORMAT = 'tay-bac-tiles'
export const TILES_VERSION = 1

/** Largest number of levels a descriptor may list; 16 levels reach faces of over 8 million px. */
const MAX_LEVELS = 16

const PLACEHOLDERS = ['{level}', '{face}', '{row}', '{col}'] as const

const CoverageSchema = z
  .object({
    yawMin: z.number().min(-360).max(360),
    yawMax: z.number().min(-360).max(360),
    pitchMin: z.number().min(-90).max(90),
    pitchMax: z.number().min(-90).max(90),
  })
  .refine((coverage) => coverage.yawMax > coverage.yawMin, {
    message: 'yawMax must be greater than yawMin',
    path: ['yawMax'],
  })
  .refine((coverage) => coverage.yawMax - coverage.yawMin <= 360, {
    message: 'the yaw range must not exceed 360 degrees',
    path: ['yawMax'],
  })
  .refine((coverage) => coverage.pitchMax > coverage.pitchMin, {
    message: 'pitchMax must be greater than pitchMin',
    path: ['pitchMax'],
  })

export const TilesDescriptorSchema = z
  .object({
    format: z.literal(TILES_FORMAT),
    version: z.literal(TILES_VERSION),
    tileSize: z.number().int().min(16).max(8192),
    levels: z
      .array(z.object({ size: z.number().int().positive() }))
      .min(1)
      .max(MAX_LEVELS),
    tiles: z
      .string()
      .min(1)
      .refine((template) => PLACEHOLDERS.every((placeholder) => template.includes(placeholder)), {
        message: 'the tile path template must contain {level}, {face}, {row} and {col}',
      }),
    preview: z.string().min(1),
    coverage: CoverageSchema,
    source: z
      .object({
        width: z.number().int().positive(),
        height: z.number().int().positive(),
        projection: z.enum(['equirectangular', 'cylindrical']),
        headingDegrees: z.number().optional(),
      })
      .optional(),
  })
  .superRefine((descriptor, context) => {
    // Each level is half the next, give or take the rounding of an odd size.
    descriptor.levels.forEach((level, index) => {
      const next = descriptor.levels[index + 1]
      if (next && Math.abs(next.size - 2 * level.size) > 1) {
        context.addIssue({
          code: 'custom',
          message: `level ${index + 1} (${next.size} px) must be twice level ${index} (${level.size} px)`,
          path: ['levels', index + 1, 'size'],
        })
      }
    })
  })

export type TilesDescriptor = z.infer<typeof TilesDescriptorSchema>

/** The outcome of reading a descriptor: the descriptor, or the field that is wrong and why. */
export type TilesDescriptorResult =
  | { ok: true; descriptor: TilesDescriptor }
  | { ok: false; field: string | null; detail: string }

/**
 * Parses the text of a `tiles.json` file. A failure names the first bad field as a dotted path
 * (`levels.1.size`), or no field when the text is not JSON, with an English detail for logs.
 */
export function parseTilesDescriptor(text: string): TilesDescriptorResult {
  let json: unknown
  try {
    json = JSON.parse(text)
  } catch (error) {
    return {
      ok: false,
      field: null,
      detail: error instanceof Error ? error.message : String(error),
    }
  }
  const result = TilesDescriptorSchema.safeParse(json)
  if (result.success) return { ok: true, descriptor: result.data }
  const issue = result.error.issues[0]
  const field = issue && issue.path.length > 0 ? issue.path.join('.') : '(root)'
  return { ok: false, field, detail: issue?.message ?? 'invalid descriptor' }
}
