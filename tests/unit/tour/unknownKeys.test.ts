import { describe, expect, it } from 'vitest'
import { z } from 'zod'
import { TourSchema } from '../../../src/tour/schema.ts'
import { unknownKeyPaths } from '../../../src/tour/unknownKeys.ts'
import { minimalTour, sampleTour, tourWith } from '../support/tours.ts'

const Point = z.object({ x: z.number(), y: z.number() })

describe('tour/unknownKeys', () => {
  it('finds nested unknown key', () => {
    const schema = z.object({ a: z.object({ b: z.string() }) })
    expect(unknownKeyPaths(schema, { a: { b: 'x', c: 1 }, d: 2 })).toEqual([['a', 'c'], ['d']])
  })

  it('walks invalid input', () => {
    const schema = z.object({ name: z.string(), point: Point })
    const input = { nmae: 'x', point: { x: 'one', z: 3 } }
    expect(schema.safeParse(input).success).toBe(false)
    expect(unknownKeyPaths(schema, input)).toEqual([['nmae'], ['point', 'z']])
  })

  it('looks through wrappers', () => {
    const schema = z.object({
      optional: Point.optional(),
      nullable: Point.nullable(),
      defaulted: Point.default({ x: 0, y: 0 }),
      piped: Point.pipe(z.object({ x: z.number(), y: z.number() })),
      lazy: z.lazy(() => Point),
      readonly: Point.readonly(),
    })
    const extra = { x: 1, y: 2, extra: true }
    const input = {
      optional: extra,
      nullable: extra,
      defaulted: extra,
      piped: extra,
      lazy: extra,
      readonly: extra,
    }
    expect(unknownKeyPaths(schema, input)).toEqual(Object.keys(input).map((key) => [key, 'extra']))
  })

  it('walks array items and tuple items', () => {
    const schema = z.object({
      list: z.array(Point),
      pair: z.tuple([Point, z.string()]),
      rest: z.tuple([z.string()], Point),
    })
    const input = {
      list: [
        { x: 1, y: 2 },
        { x: 1, y: 2, w: 0 },
      ],
      pair: [{ x: 1, y: 2, w: 0 }, 'a', { w: 0 }],
      rest: ['a', { x: 1, y: 2, w: 0 }],
    }
    expect(unknownKeyPaths(schema, input)).toEqual([
      ['list', 1, 'w'],
      ['pair', 0, 'w'],
      ['rest', 1, 'w'],
    ])
  })

  it('never reports record keys', () => {
    const schema = z.object({ texts: z.record(z.string(), Point) })
    const input = { texts: { anything: { x: 1, y: 2 }, other: { x: 1, y: 2, w: 0 } } }
    expect(unknownKeyPaths(schema, input)).toEqual([['texts', 'other', 'w']])
  })

  it('skips objects with a catch-all', () => {
    const schema = z.object({ loose: z.looseObject({ a: z.string() }), strict: z.strictObject({}) })
    expect(unknownKeyPaths(schema, { loose: { b: 1 }, strict: { c: 1 } })).toEqual([])
  })

  it('chooses union option by discriminator', () => {
    const schema = z.discriminatedUnion('kind', [
      z.object({ kind: z.literal('a'), a: z.string() }),
      z.object({ kind: z.literal('b'), b: z.string() }),
    ])
    expect(unknownKeyPaths(schema, { kind: 'a', b: 'x' })).toEqual([['b']])
    expect(unknownKeyPaths(schema, { kind: 'b', b: 'x' })).toEqual([])
  })

  it('uses every option without discriminator', () => {
    const schema = z.discriminatedUnion('kind', [
      z.object({ kind: z.literal('a'), a: z.string() }),
      z.object({ kind: z.literal('b'), b: z.string() }),
    ])
    expect(unknownKeyPaths(schema, { kind: 'c', a: 'x', b: 'y', c: 'z' })).toEqual([['c']])
    expect(unknownKeyPaths(schema, { a: 'x', d: 'z' })).toEqual([['d']])
  })

  it('walks plain union by JSON type', () => {
    const schema = z.object({ value: z.union([z.string(), Point, z.array(Point)]) })
    expect(unknownKeyPaths(schema, { value: { x: 1, y: 2, w: 0 } })).toEqual([['value', 'w']])
    expect(unknownKeyPaths(schema, { value: [{ w: 0 }] })).toEqual([['value', 0, 'w']])
    expect(unknownKeyPaths(schema, { value: 'text' })).toEqual([])
  })

  it('skips ambiguous plain union', () => {
    const schema = z.union([Point, z.object({ name: z.string() })])
    expect(unknownKeyPaths(schema, { name: 'x', w: 0 })).toEqual([])
  })

  it('ignores values of the wrong type', () => {
    const schema = z.object({ point: Point, list: z.array(Point) })
    expect(unknownKeyPaths(schema, { point: [1, 2], list: { w: 0 } })).toEqual([])
    expect(unknownKeyPaths(schema, 'text')).toEqual([])
  })

  it('accepts every key of sample tour', () => {
    expect(unknownKeyPaths(TourSchema, sampleTour())).toEqual([])
    expect(unknownKeyPaths(TourSchema, minimalTour())).toEqual([])
  })

  it('finds keys in tour', () => {
    const input = tourWith([
      [['strat'], 'huoi-nha'],
      [['scenes', 0, 'hotspots', 1, 'image', 'caption'], 'Loom'],
      [['offers', 0, 'price', 'tax'], 0],
    ])
    expect(unknownKeyPaths(TourSchema, input)).toEqual([
      ['offers', 0, 'price', 'tax'],
      ['scenes', 0, 'hotspots', 1, 'image', 'caption'],
      ['strat'],
    ])
  })
})
