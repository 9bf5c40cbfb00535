import type { z } from 'zod'

/** A JSON path in the notation of `TourProblem.path`. */
export type JsonPath = (string | number)[]

type JsonObject = Record<string, unknown>

function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

/**
 * Returns the path of every object key in `input` that `schema` does not define. It walks the raw
 * input beside the schema's own structure instead of comparing it with a parse result, so it finds
 * misspelt keys even when the input fails the schema check.
 *
 * Objects with a catch-all (loose or strict objects) are skipped, because their extra keys are
 * either accepted or already rejected by the schema. Record keys are never reported, since every
 * record in the tour format is keyed by locale and those keys are checked against `locales`.
 */
export function unknownKeyPaths(schema: z.core.$ZodType, input: unknown): JsonPath[] {
  const paths: JsonPath[] = []
  walk(schema, input, [], paths)
  return paths
}

function walk(schema: z.core.$ZodType, value: unknown, path: JsonPath, found: JsonPath[]): void {
  const def = (unwrap(schema) as z.core.$ZodTypes)._zod.def
  switch (def.type) {
    case 'object': {
      if (!isObject(value) || def.catchall !== undefined) return
      for (const key of Object.keys(value)) {
        const child = Object.hasOwn(def.shape, key) ? def.shape[key] : undefined
        if (child === undefined) found.push([...path, key])
        else walk(child, value[key], [...path, key], found)
      }
      return
    }
    case 'array':
      if (!Array.isArray(value)) return
      value.forEach((item, index) => {
        walk(def.element, item, [...path, index], found)
      })
      return
    case 'tuple':
      if (!Array.isArray(value)) return
      value.forEach((item, index) => {
        const itemSchema = def.items[index] ?? def.rest
        if (itemSchema) walk(itemSchema, item, [...path, index], found)
      })
      return
    case 'record':
      if (!isObject(value)) return
      for (const key of Object.keys(value)) walk(def.valueType, value[key], [...path, key], found)
      return
    case 'union':
      walkUnion(def, value, path, found)
      return
    default:
      return
  }
}

function walkUnion(
  def: z.core.$ZodUnionDef | z.core.$ZodDiscriminatedUnionDef,
  value: unknown,
  path: JsonPath,
  found: JsonPath[],
): void {
  const discriminator = 'discriminator' in def ? def.discriminator : undefined
  if (discriminator !== undefined) {
    if (!isObject(value)) return
    const kind = value[discriminator]
    const chosen = def.options.find((option) =>
      option._zod.propValues?.[discriminator]?.has(kind as z.core.util.Primitive),
    )
    if (chosen) {
      walk(chosen, value, path, found)
      return
    }
    // With a missing or unknown discriminator value the option is unknown, so only keys that no
    // option defines are reported, and nothing below them is walked.
    const shapes = def.options.map(objectShape)
    if (shapes.some((shape) => shape === undefined)) return
    for (const key of Object.keys(value)) {
      if (!shapes.some((shape) => shape !== undefined && Object.hasOwn(shape, key))) {
        found.push([...path, key])
      }
    }
    return
  }

  // A plain union, such as a localized string (text or a record of texts), is walked through the
  // one option that takes the same JSON type as the value.
  const fitting = def.options.filter((option) => jsonTypeOfSchema(option) === jsonTypeOf(value))
  const [only] = fitting
  if (only !== undefined && fitting.length === 1) walk(only, value, path, found)
}

/** Returns the shape of an object schema, looking through optional and default wrappers. */
function objectShape(schema: z.core.$ZodType): Record<string, z.core.$ZodType> | undefined {
  const inner = unwrap(schema)
  const def = (inner as z.core.$ZodTypes)._zod.def
  return def.type === 'object' && def.catchall === undefined ? def.shape : undefined
}

type JsonType = 'object' | 'array' | 'other'

/** Returns the JSON type that a schema takes: an object, an array, or another value. */
function jsonTypeOfSchema(schema: z.core.$ZodType): JsonType {
  const type = (unwrap(schema) as z.core.$ZodTypes)._zod.def.type
  if (type === 'object' || type === 'record') return 'object'
  if (type === 'array' || type === 'tuple') return 'array'
  return 'other'
}

function jsonTypeOf(value: unknown): JsonType {
  if (isObject(value)) return 'object'
  if (Array.isArray(value)) return 'array'
  return 'other'
}

/** Returns the schema inside optional, default and similar wrappers. */
function unwrap(schema: z.core.$ZodType): z.core.$ZodType {
  const def = (schema as z.core.$ZodTypes)._zod.def
  switch (def.type) {
    case 'optional':
    case 'nullable':
    case 'default':
    case 'prefault':
    case 'nonoptional':
    case 'readonly':
    case 'catch':
      return unwrap(def.innerType)
    case 'pipe':
      return unwrap(def.in)
    case 'lazy':
      return unwrap(def.getter())
    default:
      return schema
  }
}
