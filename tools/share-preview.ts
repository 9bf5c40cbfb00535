import { readFileSync, writeFileSync } from 'node:fs'
import { parseArgs } from 'node:util'
import { parseViewTriple } from '../src/core/view.ts'
import {
  type CommandOutput,
  EXIT_OK,
  EXIT_USAGE,
  isArgumentError,
  isMainModule,
  processOutput,
} from './lib/cli.ts'
import { PREVIEW_HEIGHT, PREVIEW_WIDTH, panoramaPreview } from './lib/sharePreview.ts'

export const USAGE = `Usage: npm run share:preview -- <equirect image> <output.jpg> [--view yaw,pitch,fov]

Writes the ${PREVIEW_WIDTH}×${PREVIEW_HEIGHT} JPEG that social networks show for a link: the
flat (rectilinear) view of an equirectangular panorama at the given view, as the viewer shows it.
\`npm run build\` makes one for every scene of the bundled tours under dist/share/; use this
command to try a view or to make a preview for another page.

Options:
  --view yaw,pitch,fov  view in degrees, fov vertical and at most 70 (default 0,0,70)
  -h, --help            print this help and exit`

/** Writes one preview image and returns the exit status. */
export async function sharePreviewCommand(
  args: readonly string[],
  output: CommandOutput = processOutput,
): Promise<number> {
  let input: string | undefined
  let target: string | undefined
  let viewText: string
  try {
    const { values, positionals } = parseArgs({
      args: [...args],
      options: {
        view: { type: 'string', default: '0,0,70' },
        help: { type: 'boolean', short: 'h' },
      },
      allowPositionals: true,
      strict: true,
    })
    if (values.help) {
      output.log(USAGE)
      return EXIT_OK
    }
    ;[input, target] = positionals
    viewText = values.view
  } catch (error) {
    if (!isArgumentError(error)) throw error
    output.error(`${error.message}\n\n${USAGE}`)
    return EXIT_USAGE
  }
  if (input === undefined || target === undefined) {
    output.error(`Missing the input image or the output file.\n\n${USAGE}`)
    return EXIT_USAGE
  }
  const view = parseViewTriple(viewText)
  if (!view) {
    output.error(`Invalid --view ${viewText}: expected yaw,pitch,fov in degrees, such as 30,-5,70.`)
    return EXIT_USAGE
  }

  const jpeg = await panoramaPreview(readFileSync(input), view)
  writeFileSync(target, jpeg)
  output.log(`Wrote ${target} (${PREVIEW_WIDTH}×${PREVIEW_HEIGHT}, ${jpeg.length} bytes).`)
  return EXIT_OK
}

if (isMainModule(import.meta.url)) {
  process.exitCode = await sharePreviewCommand(process.argv.slice(2))
}
