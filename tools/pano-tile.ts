import { basename, join } from 'node:path'
import { parseArgs } from 'node:util'
import {
  type CommandOutput,
  EXIT_OK,
  EXIT_PROBLEMS,
  EXIT_USAGE,
  isArgumentError,
  isMainModule,
  processOutput,
} from './lib/cli.ts'
import {
  assetPathFor,
  ImportError,
  readTourForImport,
  restoreTour,
  sceneTitle,
  type TourDocument,
  writeTourWithScene,
} from './lib/importScene.ts'
import {
  DEFAULT_QUALITY,
  DEFAULT_TILE_SIZE,
  TileInputError,
  type TileProgress,
  type TileReport,
  tilePanorama,
} from './lib/tile.ts'
import { countProblems, formatTextReport } from './lib/tourReport.ts'
import { validateTourFile } from './lib/validateTourFile.ts'

export const USAGE = `Usage: npm run pano:tile -- <image> --out <folder> [options]
       npm run pano:import -- <image> --tour <tour.json> --id <scene-id> --title <text> [options]

Cuts an equirectangular panorama (JPEG, PNG or WebP; any size, 16384×8192 fits in about 1 GB of
memory) into six cube faces, each a pyramid of JPEG tiles, and writes tiles.json and a small
preview.jpg into the output folder. A cropped or cylindrical panorama with GPano XMP is placed
where its metadata says, and tiles wholly outside it are not written. EXIF orientation is applied.

pano:import does the same and then adds a scene of type "tiles" to a tour file, and validates it.

Options:
  --out <folder>        output folder (pano:import default: public/panoramas/<scene-id>)
  --tile-size <px>      tile edge in pixels, 64–4096 (default: ${DEFAULT_TILE_SIZE})
  --quality <1-100>     JPEG quality of the tiles (default: ${DEFAULT_QUALITY})
  --tour <tour.json>    add the tiled panorama as a new scene of this tour file
  --id <scene-id>       id of the new scene (also --scene-id)
  --title <text>        scene title for every language, or <locale>=<text> for one language;
                        repeat for several languages (for example --title "vi=Chợ" --title "en=Market")
  -h, --help            print this help and exit

Exit status: 0 on success, 1 when the image cannot be tiled or the tour has errors after the
import (the tour file is then left as it was), 2 when the command line is invalid.`

/** Seconds between progress lines on a long run. */
const PROGRESS_INTERVAL_SECONDS = 2

interface Options {
  image: string
  out: string
  tileSize: number
  quality: number
  tour?: string
  sceneId?: string
  titles: string[]
}

/** Runs `pano:tile` (mode `tile`) or `pano:import` (mode `import`) and returns the exit status. */
export async function panoTileCommand(
  args: readonly string[],
  output: CommandOutput = processOutput,
  mode: 'tile' | 'import' = 'tile',
): Promise<number> {
  const options = parseOptions(args, output, mode)
  if (typeof options === 'number') return options

  let document: TourDocument | undefined
  try {
    if (options.tour !== undefined && options.sceneId !== undefined) {
      // Checked before tiling, which can take a minute, so a taken id fails at once.
      document = readTourForImport(options.tour, options.sceneId)
      assetPathFor(options.tour, join(options.out, 'tiles.json'))
    }

    const report = await tilePanorama(options.image, {
      out: options.out,
      tileSize: options.tileSize,
      quality: options.quality,
      onProgress: progressPrinter(output),
    })
    printReport(options, report, output)

    if (document === undefined || options.sceneId === undefined) return EXIT_OK
    return importScene(document, options.sceneId, options, output)
  } catch (error) {
    if (error instanceof TileInputError || error instanceof ImportError) {
      output.error(`Error: ${error.message}`)
      return EXIT_PROBLEMS
    }
    throw error
  }
}

function parseOptions(
  args: readonly string[],
  output: CommandOutput,
  mode: 'tile' | 'import',
): Options | number {
  let values: Record<string, string | boolean | string[] | undefined>
  let positionals: string[]
  try {
    const parsed = parseArgs({
      args: [...args],
      options: {
        out: { type: 'string' },
        'tile-size': { type: 'string' },
        quality: { type: 'string' },
        tour: { type: 'string' },
        id: { type: 'string' },
        'scene-id': { type: 'string' },
        title: { type: 'string', multiple: true },
        help: { type: 'boolean', short: 'h' },
      },
      allowPositionals: true,
      strict: true,
    })
    values = parsed.values
    positionals = parsed.positionals
  } catch (error) {
    if (!isArgumentError(error)) throw error
    output.error(`${error.message}\n\n${USAGE}`)
    return EXIT_USAGE
  }
  if (values.help) {
    output.log(USAGE)
    return EXIT_OK
  }

  const usageError = (message: string) => {
    output.error(`${message}\n\n${USAGE}`)
    return EXIT_USAGE
  }
  if (positionals.length !== 1) {
    return usageError(
      positionals.length === 0
        ? 'No image given.'
        : `Expected one image, got ${positionals.length}.`,
    )
  }
  const tileSize = parseInteger(values['tile-size'], DEFAULT_TILE_SIZE)
  if (tileSize === null)
    return usageError(`Invalid value for --tile-size: "${values['tile-size']}".`)
  const quality = parseInteger(values.quality, DEFAULT_QUALITY)
  if (quality === null) return usageError(`Invalid value for --quality: "${values.quality}".`)

  const tour = values.tour as string | undefined
  const sceneId = (values.id ?? values['scene-id']) as string | undefined
  const titles = (values.title as string[] | undefined) ?? []
  const importing = mode === 'import' || tour !== undefined
  if (importing) {
    if (tour === undefined) return usageError('Missing --tour <tour.json>.')
    if (sceneId === undefined) return usageError('Missing --id <scene-id> for the new scene.')
    if (titles.length === 0) return usageError('Missing --title <text> for the new scene.')
  }

  let out = values.out as string | undefined
  if (out === undefined) {
    if (!importing || sceneId === undefined) return usageError('Missing --out <folder>.')
    out = join('public', 'panoramas', sceneId)
  }
  const image = positionals[0] as string
  return { image, out, tileSize, quality, tour, sceneId, titles }
}

function parseInteger(text: unknown, fallback: number): number | null {
  if (text === undefined) return fallback
  if (typeof text !== 'string' || !/^\d+$/.test(text.trim())) return null
  return Number(text)
}

/** Returns a progress callback that prints one line per stage and a tile count every few seconds. */
function progressPrinter(output: CommandOutput): (progress: TileProgress) => void {
  let lastStage = ''
  let lastPrint = 0
  const started = performance.now()
  return ({ done, total, stage }) => {
    const now = performance.now()
    const elapsed = ((now - started) / 1000).toFixed(1)
    if (stage === 'project' && done < total) {
      output.log(`[${elapsed} s] projecting face ${done + 1} of ${total}`)
    } else if (stage !== lastStage && stage !== 'tiles' && done === 0) {
      output.log(
        `[${elapsed} s] ${stage === 'decode' ? 'decoding the image' : 'writing the preview'}`,
      )
    } else if (stage === 'tiles' && (now - lastPrint) / 1000 >= PROGRESS_INTERVAL_SECONDS) {
      output.log(
        `[${elapsed} s] ${done} of ${total} tiles written (${Math.round((100 * done) / total)}%)`,
      )
      lastPrint = now
    }
    lastStage = stage
  }
}

function printReport(options: Options, report: TileReport, output: CommandOutput): void {
  const { descriptor, placement } = report
  const { source, coverage } = descriptor
  output.log(
    `Tiled ${basename(options.image)} (${source.width}×${source.height}, ${source.projection}) into ${options.out} in ${report.seconds.toFixed(1)} s`,
  )
  const levels = descriptor.levels
    .map((level, index) => `${level.size} px (${report.tilesPerLevel[index] ?? 0} tiles)`)
    .join(', ')
  output.log(`  levels (face edge): ${levels}`)
  output.log(
    `  written: ${report.tilesWritten} tiles, ${formatBytes(report.bytesWritten)} in all; preview.jpg ${formatBytes(report.previewBytes)}`,
  )
  if (report.tilesSkipped > 0) {
    output.log(`  not written: ${report.tilesSkipped} tiles wholly outside the covered area`)
  }
  output.log(
    `  coverage: yaw ${coverage.yawMin}..${coverage.yawMax}, pitch ${coverage.pitchMin}..${coverage.pitchMax}${placement.partial ? ' (partial panorama)' : ''}`,
  )
  if (source.headingDegrees !== undefined) {
    output.log(
      `  heading: ${source.headingDegrees}° (GPano PoseHeadingDegrees, recorded in tiles.json; the image is not turned)`,
    )
  }
  for (const note of placement.notes) output.log(`  note: ${note}`)
}

function importScene(
  document: TourDocument,
  sceneId: string,
  options: Options,
  output: CommandOutput,
): number {
  const tour = options.tour as string
  const locales = Array.isArray(document.json.locales)
    ? document.json.locales.filter((locale): locale is string => typeof locale === 'string')
    : []
  const src = assetPathFor(tour, join(options.out, 'tiles.json'))
  writeTourWithScene(document, { id: sceneId, title: sceneTitle(options.titles, locales), src })

  const problems = validateTourFile(tour)
  const reports = [{ file: tour, problems }]
  for (const line of formatTextReport(reports, 'en')) output.log(line)
  if (countProblems(reports).errors > 0) {
    restoreTour(document)
    output.error(
      `Error: the tour has errors with scene "${sceneId}" added, so ${tour} was left unchanged. The tiles stay in ${options.out}.`,
    )
    return EXIT_PROBLEMS
  }
  output.log(`Added scene "${sceneId}" to ${tour} with panorama ${src}`)
  return EXIT_OK
}

function formatBytes(bytes: number): string {
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`
}

if (isMainModule(import.meta.url)) {
  process.exitCode = await panoTileCommand(process.argv.slice(2))
}
