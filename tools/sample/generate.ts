import { mkdirSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { parseArgs } from 'node:util'
import { formatProblem } from '../../src/i18n/problems.ts'
import { validateTour } from '../../src/tour/validate.ts'
import {
  type CommandOutput,
  EXIT_OK,
  EXIT_PROBLEMS,
  EXIT_USAGE,
  isArgumentError,
  isMainModule,
  processOutput,
} from '../lib/cli.ts'
import { tourSiteFor } from '../lib/tourSite.ts'
import { drawFestivalPanorama } from './festivalPanorama.ts'
import { writeStiltHouseGlb } from './stiltHouse.ts'
import { rasterizePanorama } from './svgKit.ts'
import { drawTeaPanorama } from './teaPanorama.ts'
import { buildSampleTour, SAMPLE_ASSETS, SAMPLE_TOUR_FILE } from './tour.ts'
import { drawVillagePanorama } from './villagePanorama.ts'

const PROJECT_ROOT = fileURLToPath(new URL('../..', import.meta.url))

export const USAGE = `Usage: npm run sample:generate

Draws the bundled sample tour and writes it into the project: three equirectangular panoramas
(4096×2048 JPEG) under public/panoramas/, a stilt-house model (GLB) under public/models/ and
the tour file ${SAMPLE_TOUR_FILE}. The output is the same on every run.
The tour is validated first: if it has any problem, the command prints the problems and writes
nothing.

Options:
  -h, --help  print this help and exit`

/** Writes the sample tour and its assets under `projectRoot` and returns the exit status. */
export async function generateSampleCommand(
  args: readonly string[],
  output: CommandOutput = processOutput,
  projectRoot: string = PROJECT_ROOT,
): Promise<number> {
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

  // Validate first, so that a broken tour leaves the committed files untouched.
  const tourPath = join(projectRoot, SAMPLE_TOUR_FILE)
  const tour = buildSampleTour()
  const { problems } = validateTour(tour, { tourUrl: tourSiteFor(tourPath).tourUrl })
  if (problems.length > 0) {
    output.error(`The sample tour has ${problems.length} problem(s):`)
    for (const problem of problems) output.error(`  ${formatProblem(problem, 'en')}`)
    return EXIT_PROBLEMS
  }

  const write = (relativePath: string, data: string | Uint8Array) => {
    const path = join(projectRoot, relativePath)
    mkdirSync(dirname(path), { recursive: true })
    writeFileSync(path, data)
    const bytes = typeof data === 'string' ? Buffer.byteLength(data) : data.byteLength
    output.log(`Wrote ${relativePath} (${formatSize(bytes)})`)
  }

  write(join('public', SAMPLE_ASSETS.village), await rasterizePanorama(drawVillagePanorama()))
  write(join('public', SAMPLE_ASSETS.festival), await rasterizePanorama(drawFestivalPanorama()))
  write(join('public', SAMPLE_ASSETS.tea), await rasterizePanorama(drawTeaPanorama()))
  write(join('public', SAMPLE_ASSETS.model), await writeStiltHouseGlb())
  write(SAMPLE_TOUR_FILE, `${JSON.stringify(tour, null, 2)}\n`)
  output.log('The sample tour is valid: no errors, no warnings.')
  return EXIT_OK
}

function formatSize(bytes: number): string {
  return bytes < 1024 ? `${bytes} B` : `${(bytes / 1024).toFixed(1)} KB`
}

if (isMainModule(import.meta.url)) {
  process.exitCode = await generateSampleCommand(process.argv.slice(2))
}
