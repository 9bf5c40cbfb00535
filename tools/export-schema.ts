import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { parseArgs } from 'node:util'
import {
  type CommandOutput,
  EXIT_OK,
  EXIT_USAGE,
  isArgumentError,
  isMainModule,
  processOutput,
} from './lib/cli.ts'
import { formatTourJsonSchema, TOUR_SCHEMA_FILE } from './lib/tourJsonSchema.ts'

const PROJECT_ROOT = fileURLToPath(new URL('..', import.meta.url))

export const USAGE = `Usage: npm run schema:export

Writes ${TOUR_SCHEMA_FILE}, the JSON Schema of tour files, generated from the tour schema in
src/tour/schema.ts. Run it after changing that schema and commit the result; a unit test fails
while the committed file is out of date.

Options:
  -h, --help  print this help and exit`

/** Writes the tour JSON Schema under `projectRoot` and returns the exit status. */
export function exportSchemaCommand(
  args: readonly string[],
  output: CommandOutput = processOutput,
  projectRoot: string = PROJECT_ROOT,
): number {
  try {
    const { values } = parseArgs({
      args: [...args],
      options: { help: { type: 'boolean', short: 'h' } },
      strict: true,
    })
    if (values.help) {
      output.log(USAGE)
      return EXIT_OK
    }
  } catch (error) {
    if (!isArgumentError(error)) throw error
    output.error(`${error.message}\n\n${USAGE}`)
    return EXIT_USAGE
  }

  const path = join(projectRoot, TOUR_SCHEMA_FILE)
  const text = formatTourJsonSchema()
  if (readTextIfExists(path) === text) {
    output.log(`${TOUR_SCHEMA_FILE} is already up to date.`)
    return EXIT_OK
  }
  mkdirSync(dirname(path), { recursive: true })
  writeFileSync(path, text)
  output.log(`Wrote ${TOUR_SCHEMA_FILE} (${Buffer.byteLength(text)} bytes).`)
  return EXIT_OK
}

function readTextIfExists(path: string): string | null {
  try {
    return readFileSync(path, 'utf8')
  } catch {
    return null
  }
}

if (isMainModule(import.meta.url)) {
  process.exitCode = exportSchemaCommand(process.argv.slice(2))
}
