/** A problem found in a tour file, structured so that it can be shown in any interface language. */
export interface TourProblem {
  severity: 'error' | 'warning'
  code: ProblemCode
  /** JSON path of the bad value, such as `['scenes', 0, 'hotspots', 2, 'yaw']`. */
  path: (string | number)[]
  /** Ids of the scene, hotspot and offer the problem sits in, where they are known. */
  where: ProblemLocation
  /** Name of the bad field relative to its scene, hotspot or offer, such as `yaw` or `price.amount`. */
  field?: string
  /** The bad value as found in the file. */
  value?: unknown
  /** Expected value in the file's own notation: a range, a type or a list of options. */
  expected?: string
  /** Measured property of the file that `value` names, such as an image's size `3900×634`. */
  actual?: string
}

export interface ProblemLocation {
  scene?: string
  hotspot?: string
  offer?: string
}

export type ProblemCode =
  | 'invalid-json'
  | 'not-an-object'
  | 'unknown-version'
  | 'missing-field'
  | 'invalid-type'
  | 'out-of-range'
  | 'invalid-id'
  | 'invalid-value'
  | 'invalid-locale'
  | 'invalid-phone'
  | 'invalid-currency'
  | 'too-few-items'
  | 'too-many-items'
  | 'duplicate-id'
  | 'unknown-start'
  | 'unknown-target'
  | 'unknown-offer'
  | 'unknown-highlight'
  | 'self-link'
  | 'missing-default-text'
  | 'unlisted-locale'
  | 'insecure-link'
  | 'invalid-link'
  | 'invalid-origin'
  | 'path-leaves-site'
  | 'root-relative-path'
  | 'file-not-found'
  | 'path-is-folder'
  | 'invalid-image'
  | 'not-equirectangular'
  | 'cylindrical-panorama'
  | 'partial-panorama'
  | 'panorama-over-texture-limit'
  | 'panorama-over-phone-limit'
  | 'invalid-tiles'
  | 'invalid-model'
  | 'truncated-model'
  | 'orphan-scene'
  | 'unknown-key'

/** Returns true when at least one problem is an error (warnings do not stop a tour). */
export function hasErrors(problems: readonly TourProblem[]): boolean {
  return problems.some((problem) => problem.severity === 'error')
}
