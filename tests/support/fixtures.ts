import { existsSync } from 'node:fs'
import { join, resolve } from 'node:path'

/**
 * The shared test files (real panoramas and models with their licences) live outside this
 * repository. `SHOWCASE_FIXTURES` points at them; by default they are looked for in
 * `../shared/fixtures` beside the project. They are never copied into the project.
 */
export const FIXTURES_DIR = resolve(
  process.env.SHOWCASE_FIXTURES ?? join(process.cwd(), '..', 'shared', 'fixtures'),
)

/** True when the shared fixtures are present. */
export const hasFixtures =
  existsSync(join(FIXTURES_DIR, 'panoramas')) && existsSync(join(FIXTURES_DIR, 'models'))

/** One-line reason used by tests that skip without the fixtures. */
export const MISSING_FIXTURES_REASON = `shared fixtures not found at ${FIXTURES_DIR} (set SHOWCASE_FIXTURES)`

/** Returns the absolute path of a fixture file, such as `panoramas/egjs-veste-gpano-2000x1000.jpg`. */
export function fixturePath(relativePath: string): string {
  return join(FIXTURES_DIR, relativePath)
}
