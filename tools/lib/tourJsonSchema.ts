import { z } from 'zod'
import { TourSchema } from '../../src/tour/schema.ts'

/** Path of the generated schema file, relative to the project root. */
export const TOUR_SCHEMA_FILE = 'public/schema/tour.v1.json'

/**
 * `$id` of the schema. It is a relative reference because the site has no fixed host: it resolves
 * against the URL the schema was read from, which is where a tour's `"$schema":
 * "../../schema/tour.v1.json"` points.
 */
export const TOUR_SCHEMA_ID = 'tour.v1.json'

/**
 * Builds the JSON Schema (draft 2020-12) of a tour file from `TourSchema`. It describes the input
 * side, so fields with a default (`offers`, `hotspots`, `fov`) are optional, and it leaves
 * `additionalProperties` open, because unknown keys are warnings, not errors, for the validator.
 * Rules across fields (unique ids, links, locales, asset paths) cannot be expressed here, so the
 * validator checks them.
 */
export function buildTourJsonSchema(): Record<string, unknown> {
  const { $schema, title, description, ...rest } = z.toJSONSchema(TourSchema, { io: 'input' })
  return {
    $schema,
    $id: TOUR_SCHEMA_ID,
    title: 'Tour file, version 1',
    description:
      'A virtual tour of the destination showcase: its scenes (360° panoramas and 3D models), their hotspots and the tour offers they open. Rules that relate fields to each other, such as unique ids, links between scenes and files that exist, are checked by `npm run tour:validate`.',
    ...rest,
  }
}

/** Returns the schema file's text: the schema as indented JSON with a trailing newline. */
export function formatTourJsonSchema(): string {
  return `${JSON.stringify(buildTourJsonSchema(), null, 2)}\n`
}
