import { describe, expect, it } from 'vitest'
import { en } from '../../../src/i18n/catalogs/en.ts'
import { vi } from '../../../src/i18n/catalogs/vi.ts'
import type { ProblemCode } from '../../../src/tour/problems.ts'

/** Every problem code, listed through a record so that TypeScript flags a code missing here. */
const PROBLEM_CODES = Object.keys({
  'invalid-json': true,
  'not-an-object': true,
  'unknown-version': true,
  'missing-field': true,
  'invalid-type': true,
  'out-of-range': true,
  'invalid-id': true,
  'invalid-value': true,
  'invalid-locale': true,
  'invalid-phone': true,
  'invalid-currency': true,
  'too-few-items': true,
  'too-many-items': true,
  'duplicate-id': true,
  'unknown-start': true,
  'unknown-target': true,
  'unknown-offer': true,
  'unknown-highlight': true,
  'self-link': true,
  'missing-default-text': true,
  'unlisted-locale': true,
  'insecure-link': true,
  'invalid-link': true,
  'invalid-origin': true,
  'path-leaves-site': true,
  'root-relative-path': true,
  'file-not-found': true,
  'path-is-folder': true,
  'invalid-image': true,
  'not-equirectangular': true,
  'cylindrical-panorama': true,
  'partial-panorama': true,
  'panorama-over-texture-limit': true,
  'panorama-over-phone-limit': true,
  'invalid-tiles': true,
  'invalid-model': true,
  'truncated-model': true,
  'orphan-scene': true,
  'unknown-key': true,
} satisfies Record<ProblemCode, true>)

const CATALOGS: Record<string, Record<string, string>> = { vi, en }

function placeholders(text: string): string[] {
  return [...new Set([...text.matchAll(/\{(\w+)\}/g)].map((match) => match[1] ?? ''))].sort()
}

describe('i18n/catalogs', () => {
  it('vi and en have the same keys', () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(vi).sort())
  })

  it('same placeholders per key', () => {
    const mismatches = Object.keys(vi).filter((key) => {
      const english = en[key as keyof typeof en] ?? ''
      return placeholders(vi[key as keyof typeof vi]).join() !== placeholders(english).join()
    })
    expect(mismatches).toEqual([])
  })

  it.each(Object.keys(CATALOGS))('%s has no empty strings', (lang) => {
    const catalog = CATALOGS[lang] ?? {}
    const empty = Object.keys(catalog).filter((key) => (catalog[key] ?? '').trim() === '')
    expect(empty).toEqual([])
  })

  it.each(Object.keys(CATALOGS))('%s has a message per problem code', (lang) => {
    const catalog = CATALOGS[lang] ?? {}
    const missing = PROBLEM_CODES.filter((code) => catalog[`problem.${code}`] === undefined)
    expect(missing).toEqual([])
  })

  it.each(Object.keys(CATALOGS))('%s has no unbalanced braces', (lang) => {
    const catalog = CATALOGS[lang] ?? {}
    const broken = Object.keys(catalog).filter((key) => {
      const withoutPlaceholders = (catalog[key] ?? '').replace(/\{\w+\}/g, '')
      return /[{}]/.test(withoutPlaceholders)
    })
    expect(broken).toEqual([])
  })
})
