import type { z } from 'zod'
import { parseOrigin } from '../embed/protocol.ts'
import type { ProblemLocation, TourProblem } from './problems.ts'
import { hasErrors } from './problems.ts'
import { TOUR_VERSION, type Tour, TourSchema } from './schema.ts'
import { unknownKeyPaths } from './unknownKeys.ts'

/** Stand-in address used to check paths when the tour file's real URL is not known. */
export const VIRTUAL_TOUR_URL = 'https://tour.invalid/scenes/tour/tour.json'

export interface ValidationResult {
  /** The parsed tour, or null when any problem is an error. */
  tour: Tour | null
  problems: TourProblem[]
}

export interface ValidateOptions {
  /** URL the tour file was loaded from; asset paths must stay on its origin. */
  tourUrl?: string
}

type JsonObject = Record<string, unknown>

function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

function asArray(value: unknown): unknown[] {
  return Array.isArray(value) ? value : []
}

function idOf(value: unknown): string | undefined {
  return isObject(value) && typeof value.id === 'string' ? value.id : undefined
}

/**
 * Validates a parsed tour file against the schema and every cross-reference rule, and returns all
 * problems at once. Rules that relate parts of the file run on the raw input, so they are reported
 * even when the schema check failed elsewhere.
 */
export function validateTour(input: unknown, options: ValidateOptions = {}): ValidationResult {
  if (!isObject(input)) {
    return {
      tour: null,
      problems: [
        {
          severity: 'error',
          code: 'not-an-object',
          path: [],
          where: {},
          value: summarizeType(input),
        },
      ],
    }
  }
  if (input.version !== TOUR_VERSION) {
    // Everything else depends on the version, so a missing or unknown one is the only problem
    // reported.
    return {
      tour: null,
      problems: [
        {
          severity: 'error',
          code: input.version === undefined ? 'missing-field' : 'unknown-version',
          path: ['version'],
          where: {},
          field: 'version',
          value: input.version,
          expected: String(TOUR_VERSION),
        },
      ],
    }
  }

  const problems: TourProblem[] = []
  const parsed = TourSchema.safeParse(input, { reportInput: true })
  if (!parsed.success) {
    for (const issue of parsed.error.issues) problems.push(...problemsFromIssue(issue, input))
  }
  for (const path of unknownKeyPaths(TourSchema, input)) {
    const { where, field } = locate(input, path)
    problems.push({ severity: 'warning', code: 'unknown-key', path, where, field })
  }
  checkReferences(input, problems)
  checkLocales(input, problems)
  checkLinksAndPaths(input, options.tourUrl ?? VIRTUAL_TOUR_URL, problems)
  checkEmbedOrigins(input, problems)

  const sorted = sortInDocumentOrder(dedupe(problems), input)
  return { tour: parsed.success && !hasErrors(sorted) ? parsed.data : null, problems: sorted }
}

/** Returns the scene, hotspot and offer ids along a JSON path, and the field name after them. */
export function locate(
  root: unknown,
  path: readonly PropertyKey[],
): { where: ProblemLocation; field: string | undefined } {
  const where: ProblemLocation = {}
  let node: unknown = root
  let fieldStart = 0
  for (let index = 0; index < path.length; index++) {
    const key = path[index]
    const next: unknown = Array.isArray(node)
      ? node[Number(key)]
      : isObject(node)
        ? node[String(key)]
        : undefined
    const parentKey = index > 0 ? path[index - 1] : undefined
    if (typeof key === 'number') {
      const label = idOf(next) ?? `#${key + 1}`
      if (parentKey === 'scenes' && index === 1) {
        where.scene = label
        fieldStart = index + 1
      } else if (parentKey === 'offers' && index === 1) {
        where.offer = label
        fieldStart = index + 1
      } else if (parentKey === 'hotspots' && where.scene !== undefined) {
        where.hotspot = label
        fieldStart = index + 1
      }
    }
    node = next
  }
  const rest = path.slice(fieldStart).map(String)
  return { where, field: rest.length > 0 ? rest.join('.') : undefined }
}

function problemsFromIssue(issue: z.core.$ZodIssue, root: JsonObject): TourProblem[] {
  const { where, field } = locate(root, issue.path)
  const base = { severity: 'error' as const, path: issue.path.map(pathKey), where, field }
  const input = 'input' in issue ? issue.input : undefined
  const last = issue.path[issue.path.length - 1]

  switch (issue.code) {
    case 'invalid_type': {
      if (input === undefined) return [{ ...base, code: 'missing-field', expected: issue.expected }]
      return [{ ...base, code: 'invalid-type', value: input, expected: issue.expected }]
    }
    case 'too_big':
    case 'too_small': {
      if (issue.origin === 'array') {
        const count = asArray(input).length
        if (issue.code === 'too_big') {
          return [
            { ...base, code: 'too-many-items', value: count, expected: String(issue.maximum) },
          ]
        }
        return [{ ...base, code: 'too-few-items', value: count, expected: String(issue.minimum) }]
      }
      if (issue.origin === 'string') {
        return [{ ...base, code: 'missing-field', value: input, expected: 'text' }]
      }
      return [{ ...base, code: 'out-of-range', value: input, expected: rangeFor(last, issue) }]
    }
    case 'invalid_format': {
      if (last === 'phone') return [{ ...base, code: 'invalid-phone', value: input }]
      if (last === 'currency') return [{ ...base, code: 'invalid-currency', value: input }]
      if (field?.startsWith('locales')) return [{ ...base, code: 'invalid-locale', value: input }]
      return [{ ...base, code: 'invalid-id', value: input }]
    }
    case 'invalid_value':
      return [
        {
          ...base,
          code: 'invalid-value',
          value: input,
          expected: issue.values.map((value) => JSON.stringify(value)).join(', '),
        },
      ]
    case 'invalid_union': {
      if ('discriminator' in issue && issue.discriminator !== undefined) {
        const options: unknown[] =
          'options' in issue && Array.isArray(issue.options) ? issue.options : []
        const kind = isObject(input) ? input[issue.discriminator] : input
        // Zod 4.6 already ends the path of a discriminator issue with the discriminator key.
        const endsWithKey = last === issue.discriminator
        const path = endsWithKey ? base.path : [...base.path, issue.discriminator]
        const field = endsWithKey
          ? base.field
          : base.field
            ? `${base.field}.${issue.discriminator}`
            : issue.discriminator
        if (kind === undefined) {
          return [
            {
              ...base,
              path,
              field,
              code: 'missing-field',
              expected: options.join(' | '),
            },
          ]
        }
        return [
          {
            ...base,
            path,
            field,
            code: 'invalid-value',
            value: kind,
            expected: options.map((option) => JSON.stringify(option)).join(', '),
          },
        ]
      }
      // The only plain union in the schema is a localized string.
      if (isObject(input)) {
        const badKeys = Object.keys(input).filter(
          (key) => typeof input[key] !== 'string' || !/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/.test(key),
        )
        return [
          {
            ...base,
            code: 'invalid-type',
            value:
              badKeys.length > 0
                ? Object.fromEntries(badKeys.map((key) => [key, input[key]]))
                : input,
            expected: 'text or { "vi": text, "en": text }',
          },
        ]
      }
      if (input === undefined) return [{ ...base, code: 'missing-field', expected: 'text' }]
      return [
        {
          ...base,
          code: 'invalid-type',
          value: input,
          expected: 'text or { "vi": text, "en": text }',
        },
      ]
    }
    default:
      return [{ ...base, code: 'invalid-value', value: input, expected: issue.message }]
  }
}

function pathKey(key: PropertyKey): string | number {
  return typeof key === 'number' ? key : String(key)
}

function rangeFor(
  field: PropertyKey | undefined,
  issue: { minimum?: unknown; maximum?: unknown; inclusive?: boolean },
): string {
  switch (field) {
    case 'yaw':
      return '[-180, 180]'
    case 'pitch':
      return '[-90, 90]'
    case 'fov':
      return '[10, 120]'
    default:
      // `positive()` is an exclusive bound: 0 is out of range, so it reads "> 0", not "≥ 0".
      if (issue.minimum !== undefined) {
        return `${issue.inclusive === false ? '>' : '≥'} ${String(issue.minimum)}`
      }
      if (issue.maximum !== undefined) {
        return `${issue.inclusive === false ? '<' : '≤'} ${String(issue.maximum)}`
      }
      return ''
  }
}

function summarizeType(value: unknown): string {
  if (Array.isArray(value)) return 'array'
  if (value === null) return 'null'
  return typeof value
}

function checkReferences(tour: JsonObject, problems: TourProblem[]): void {
  const scenes = asArray(tour.scenes)
  const offers = asArray(tour.offers)
  const sceneIds = new Set<string>()
  const offerIds = new Set<string>()

  reportDuplicates(scenes, ['scenes'], tour, sceneIds, problems)
  reportDuplicates(offers, ['offers'], tour, offerIds, problems)

  if (typeof tour.start === 'string' && !sceneIds.has(tour.start)) {
    problems.push({
      severity: 'error',
      code: 'unknown-start',
      path: ['start'],
      where: {},
      field: 'start',
      value: tour.start,
    })
  }

  const linkedScenes = new Set<string>()
  scenes.forEach((scene, sceneIndex) => {
    if (!isObject(scene)) return
    const sceneId = idOf(scene)
    const hotspots = asArray(scene.hotspots)
    reportDuplicates(hotspots, ['scenes', sceneIndex, 'hotspots'], tour, new Set(), problems)

    hotspots.forEach((hotspot, hotspotIndex) => {
      if (!isObject(hotspot)) return
      const path = ['scenes', sceneIndex, 'hotspots', hotspotIndex]
      if (hotspot.kind === 'scene' && typeof hotspot.target === 'string') {
        if (hotspot.target === sceneId) {
          problems.push(referenceProblem('self-link', [...path, 'target'], tour, hotspot.target))
        } else if (!sceneIds.has(hotspot.target)) {
          problems.push(
            referenceProblem('unknown-target', [...path, 'target'], tour, hotspot.target),
          )
        } else {
          linkedScenes.add(hotspot.target)
        }
      }
      if (
        hotspot.kind === 'offer' &&
        typeof hotspot.offer === 'string' &&
        !offerIds.has(hotspot.offer)
      ) {
        problems.push(referenceProblem('unknown-offer', [...path, 'offer'], tour, hotspot.offer))
      }
    })
  })

  const kiosk = isObject(tour.kiosk) ? tour.kiosk : {}
  asArray(kiosk.highlights).forEach((highlight, index) => {
    if (typeof highlight === 'string' && !sceneIds.has(highlight)) {
      problems.push({
        severity: 'error',
        code: 'unknown-highlight',
        path: ['kiosk', 'highlights', index],
        where: {},
        field: `kiosk.highlights.${index}`,
        value: highlight,
      })
    }
  })

  scenes.forEach((scene, sceneIndex) => {
    const sceneId = idOf(scene)
    if (sceneId === undefined || sceneId === tour.start || linkedScenes.has(sceneId)) return
    problems.push({
      severity: 'warning',
      code: 'orphan-scene',
      path: ['scenes', sceneIndex],
      where: { scene: sceneId },
    })
  })
}

function referenceProblem(
  code: 'self-link' | 'unknown-target' | 'unknown-offer',
  path: (string | number)[],
  root: JsonObject,
  value: string,
): TourProblem {
  const { where, field } = locate(root, path)
  return { severity: 'error', code, path, where, field, value }
}

function reportDuplicates(
  items: unknown[],
  path: (string | number)[],
  root: JsonObject,
  seen: Set<string>,
  problems: TourProblem[],
): void {
  items.forEach((item, index) => {
    const id = idOf(item)
    if (id === undefined) return
    if (seen.has(id)) {
      const { where } = locate(root, [...path, index])
      problems.push({
        severity: 'error',
        code: 'duplicate-id',
        path: [...path, index, 'id'],
        where,
        field: 'id',
        value: id,
      })
    }
    seen.add(id)
  })
}

/** Localized fields of each part of a tour, by dotted path inside that part. */
const LOCALIZED_FIELDS = {
  tour: ['title', 'description', 'credits'],
  scene: ['title', 'credit'],
  hotspot: ['label', 'title', 'text', 'image.alt'],
  offer: ['title', 'departsFrom', 'description', 'image.alt'],
} as const

function checkLocales(tour: JsonObject, problems: TourProblem[]): void {
  const locales = asArray(tour.locales).filter(
    (locale): locale is string => typeof locale === 'string',
  )
  const defaultLocale = locales[0]
  if (defaultLocale === undefined) return

  const check = (owner: unknown, fields: readonly string[], basePath: (string | number)[]) => {
    for (const field of fields) {
      const keys = field.split('.')
      let value: unknown = owner
      for (const key of keys) value = isObject(value) ? value[key] : undefined
      if (!isObject(value)) continue
      const path = [...basePath, ...keys]
      const { where } = locate(tour, path)
      const text = value[defaultLocale]
      if (typeof text !== 'string' || text.trim() === '') {
        problems.push({
          severity: 'error',
          code: 'missing-default-text',
          path: [...path, defaultLocale],
          where,
          field,
          value,
          expected: defaultLocale,
        })
      }
      for (const key of Object.keys(value)) {
        if (!locales.includes(key)) {
          problems.push({
            severity: 'warning',
            code: 'unlisted-locale',
            path: [...path, key],
            where,
            field: `${field}.${key}`,
            value: key,
            expected: locales.join(', '),
          })
        }
      }
    }
  }

  check(tour, LOCALIZED_FIELDS.tour, [])
  asArray(tour.scenes).forEach((scene, sceneIndex) => {
    check(scene, LOCALIZED_FIELDS.scene, ['scenes', sceneIndex])
    asArray(isObject(scene) ? scene.hotspots : undefined).forEach((hotspot, hotspotIndex) => {
      check(hotspot, LOCALIZED_FIELDS.hotspot, ['scenes', sceneIndex, 'hotspots', hotspotIndex])
    })
  })
  asArray(tour.offers).forEach((offer, offerIndex) => {
    check(offer, LOCALIZED_FIELDS.offer, ['offers', offerIndex])
  })
}

/** Returns true for a booking link a visitor may be sent to: https, or http on a loopback host. */
export function isAllowedLink(url: URL): boolean {
  if (url.protocol === 'https:') return true
  return url.protocol === 'http:' && ['localhost', '127.0.0.1', '[::1]'].includes(url.hostname)
}

/**
 * Checks that every entry of `embed.allowedOrigins` is a plain origin such as
 * `https://portal.example.org`: a path or a trailing page name would never match a sender.
 */
function checkEmbedOrigins(tour: JsonObject, problems: TourProblem[]): void {
  if (!isObject(tour.embed)) return
  asArray(tour.embed.allowedOrigins).forEach((entry, index) => {
    if (typeof entry !== 'string' || parseOrigin(entry) !== null) return
    problems.push({
      severity: 'error',
      code: 'invalid-origin',
      path: ['embed', 'allowedOrigins', index],
      where: {},
      field: `embed.allowedOrigins.${index}`,
      value: entry,
    })
  })
}

function checkLinksAndPaths(tour: JsonObject, tourUrl: string, problems: TourProblem[]): void {
  const tourOrigin = new URL(tourUrl).origin

  asArray(tour.offers).forEach((offer, offerIndex) => {
    if (!isObject(offer)) return
    if (typeof offer.url === 'string') {
      const path = ['offers', offerIndex, 'url']
      const { where, field } = locate(tour, path)
      let url: URL | null = null
      try {
        url = new URL(offer.url)
      } catch {
        problems.push({
          severity: 'error',
          code: 'invalid-link',
          path,
          where,
          field,
          value: offer.url,
        })
      }
      if (url && !isAllowedLink(url)) {
        problems.push({
          severity: 'error',
          code: 'insecure-link',
          path,
          where,
          field,
          value: offer.url,
          expected: 'https:',
        })
      }
    }
    checkPath(isObject(offer.image) ? offer.image.src : undefined, [
      'offers',
      offerIndex,
      'image',
      'src',
    ])
  })

  asArray(tour.scenes).forEach((scene, sceneIndex) => {
    if (!isObject(scene)) return
    const panorama = isObject(scene.panorama) ? scene.panorama : undefined
    checkPath(panorama?.src, ['scenes', sceneIndex, 'panorama', 'src'])
    if (panorama && isObject(panorama.faces)) {
      for (const [face, path] of Object.entries(panorama.faces)) {
        checkPath(path, ['scenes', sceneIndex, 'panorama', 'faces', face])
      }
    }
    const model = isObject(scene.model) ? scene.model.src : undefined
    checkPath(model, ['scenes', sceneIndex, 'model', 'src'])
    asArray(scene.hotspots).forEach((hotspot, hotspotIndex) => {
      const image = isObject(hotspot) && isObject(hotspot.image) ? hotspot.image.src : undefined
      checkPath(image, ['scenes', sceneIndex, 'hotspots', hotspotIndex, 'image', 'src'])
    })
  })

  function checkPath(value: unknown, path: (string | number)[]) {
    if (typeof value !== 'string' || value === '') return
    const { where, field } = locate(tour, path)
    if (resolveAssetUrl(value, tourUrl)?.origin !== tourOrigin) {
      problems.push({ severity: 'error', code: 'path-leaves-site', path, where, field, value })
    } else if (isRootRelative(value)) {
      problems.push({
        severity: 'warning',
        code: 'root-relative-path',
        path,
        where,
        field,
        value,
        expected: JSON.stringify(relativeToTour(value, tourUrl)),
      })
    }
  }
}

/**
 * Returns true for a path such as `/panoramas/x.jpg` that starts at the site root. The URL parser
 * skips leading spaces and control characters and reads `\` as `/`, so those count too. A path
 * starting with two slashes names a host and is not root-relative.
 */
function isRootRelative(path: string): boolean {
  let start = 0
  while (start < path.length && path.charCodeAt(start) <= 0x20) start++
  const isSlash = (character: string | undefined) => character === '/' || character === '\\'
  return isSlash(path[start]) && !isSlash(path[start + 1])
}

/**
 * Returns the path, relative to the tour file, of the file that a root-relative path names. The
 * site root is taken to be the folder holding `scenes/` when the tour sits at
 * `scenes/<tour id>/<file>` (the layout of the built site, which may itself be in a sub-folder),
 * and the root of the tour URL's origin otherwise.
 */
export function relativeToTour(rootRelativePath: string, tourUrl: string): string {
  const tour = new URL(tourUrl)
  const target = new URL(rootRelativePath, tour.origin)
  const tourFolders = tour.pathname.split('/').slice(1, -1)
  const siteFolders = tourFolders.at(-2) === 'scenes' ? tourFolders.slice(-2) : tourFolders
  const targetSegments = target.pathname.split('/').slice(1)
  const targetFolders = targetSegments.slice(0, -1)

  let common = 0
  while (
    common < siteFolders.length &&
    common < targetFolders.length &&
    siteFolders[common] === targetFolders[common]
  ) {
    common++
  }
  const relative =
    '../'.repeat(siteFolders.length - common) +
    targetSegments.slice(common).join('/') +
    target.search +
    target.hash
  // Without a `%` in the path, every escape in the URL came from the parser (for spaces and
  // letters such as "ợ"), so decoding gives back the characters the author wrote.
  return readable(relative === '' ? './' : relative, !rootRelativePath.includes('%'))
}

function readable(encoded: string, decode: boolean): string {
  if (!decode) return encoded
  try {
    return decodeURI(encoded)
  } catch {
    return encoded
  }
}

/** Resolves an asset path against the tour file's URL; returns null for an unparsable path. */
export function resolveAssetUrl(path: string, tourUrl: string): URL | null {
  try {
    return new URL(path, tourUrl)
  } catch {
    return null
  }
}

function dedupe(problems: TourProblem[]): TourProblem[] {
  const seen = new Set<string>()
  return problems.filter((problem) => {
    const key = `${problem.code}|${problem.path.join('/')}`
    if (seen.has(key)) return false
    seen.add(key)
    return true
  })
}

/**
 * Sorts problems in the order their places appear in the file, so a list reads top to bottom like
 * the file. Problems at the same place keep the order the rules found them in.
 */
function sortInDocumentOrder(problems: TourProblem[], root: JsonObject): TourProblem[] {
  const keyed = problems.map((problem) => ({ problem, order: documentOrder(root, problem.path) }))
  keyed.sort((a, b) => compareOrders(a.order, b.order))
  return keyed.map(({ problem }) => problem)
}

/** Returns the position of each path segment among its siblings; a missing key sorts last. */
function documentOrder(root: unknown, path: readonly (string | number)[]): number[] {
  const order: number[] = []
  let node: unknown = root
  for (const key of path) {
    if (Array.isArray(node) && typeof key === 'number') {
      order.push(key)
      node = node[key]
    } else if (isObject(node)) {
      const keys = Object.keys(node)
      const index = keys.indexOf(String(key))
      order.push(index === -1 ? keys.length : index)
      node = node[String(key)]
    } else {
      order.push(0)
      node = undefined
    }
  }
  return order
}

function compareOrders(a: number[], b: number[]): number {
  const length = Math.min(a.length, b.length)
  for (let index = 0; index < length; index++) {
    const difference = (a[index] ?? 0) - (b[index] ?? 0)
    if (difference !== 0) return difference
  }
  return a.length - b.length
}
