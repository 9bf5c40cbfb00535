import { parseArgs } from 'node:util'
import { isUiLanguage, type UiLanguage } from '../src/i18n/translate.ts'
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
  countProblems,
  formatJsonReport,
  formatTextReport,
  type TourFileReport,
} from './lib/tourReport.ts'
import { validateTourFile } from './lib/validateTourFile.ts'

export const USAGE = `Usage: npm run tour:validate -- <tour.json> [more tour files] [options]

Checks tour files before publishing: the JSON syntax, every rule of the tour format, that each
panorama, model and image a tour names exists on disk, that each panorama is a JPEG, PNG or WebP
image (a 2:1 one for equirect), and that each model is a glTF 2.0 file. For a tour at
scenes/<id>/tour.json in a project with a public/ folder, paths are looked up as the built site
serves them (scenes/ from scenes/, everything else from public/); for any other file, relative
to the file's own folder.

Options:
  --lang <vi|en>  language of the messages (default: en)
  --json          print the problems as one JSON document instead of text
  -h, --help      print this help and exit

Exit status: 0 when no file has an error (warnings alone pass), 1 when a file has at least one
error, 2 when the command line is invalid.`

/** Validates the tour files named in `args` and returns the exit status. */
export function validateTourCommand(
  args: readonly string[],
  output: CommandOutput = processOutput,
): number {
  let values: { lang?: string; json?: boolean; help?: boolean }
  let files: string[]
  try {
    const parsed = parseArgs({
      args: [...args],
      options: {
        lang: { type: 'string' },
        json: { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
      allowPositionals: true,
      strict: true,
    })
    values = parsed.values
    files = parsed.positionals
  } catch (error) {
    if (!isArgumentError(error)) throw error
    output.error(`${error.message}\n\n${USAGE}`)
    return EXIT_USAGE
  }

  if (values.help) {
    output.log(USAGE)
    return EXIT_OK
  }
  const lang = values.lang ?? 'en'
  if (!isUiLanguage(lang)) {
    output.error(`Invalid value for --lang: "${lang}". Use vi or en.\n\n${USAGE}`)
    return EXIT_USAGE
  }
  if (files.length === 0) {
    output.error(`No tour file given.\n\n${USAGE}`)
    return EXIT_USAGE
  }

  const reports: TourFileReport[] = []
  let unreadable = 0
  for (const file of files) {
    try {
      reports.push({ file, problems: validateTourFile(file) })
    } catch (error) {
      // A file that exists but cannot be read, such as one without read permission.
      unreadable++
      output.error(`Could not read ${file}: ${error instanceof Error ? error.message : error}`)
    }
  }

  printReports(reports, values.json === true, lang, output)
  return countProblems(reports).errors > 0 || unreadable > 0 ? EXIT_PROBLEMS : EXIT_OK
}

function printReports(
  reports: readonly TourFileReport[],
  json: boolean,
  lang: UiLanguage,
  output: CommandOutput,
): void {
  if (json) {
    output.log(formatJsonReport(reports, lang))
    return
  }
  for (const line of formatTextReport(reports, lang)) output.log(line)
}

if (isMainModule(import.meta.url)) {
  process.exitCode = validateTourCommand(process.argv.slice(2))
}
