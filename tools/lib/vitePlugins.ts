import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join, relative, resolve, sep } from 'node:path'
import sirv from 'sirv'
import type { Plugin } from 'vite'
import { hasErrors } from '../../src/tour/problems.ts'
import { formatTextReport, type TourFileReport } from './tourReport.ts'
import { validateTourFile } from './validateTourFile.ts'

function listFiles(directory: string): string[] {
  return readdirSync(directory).flatMap((name) => {
    const path = join(directory, name)
    return statSync(path).isDirectory() ? listFiles(path) : [path]
  })
}

/**
 * Serves the `scenes/` folder at `scenes/` in development and copies it into the build, so tour
 * files sit at `scenes/<tour id>/tour.json` beside `panoramas/` and `models/`. Every `tour.json`
 * is checked like `npm run tour:validate` does, including that its files exist and can be shown.
 * Warnings are printed, and the build fails once, listing every invalid tour.
 */
export function tourFiles(scenesDirectory = 'scenes'): Plugin {
  const root = resolve(scenesDirectory)
  return {
    name: 'showcase:tour-files',
    configureServer(server) {
      server.middlewares.use('/scenes', sirv(root, { dev: true, etag: true }))
    },
    generateBundle() {
      const invalid: TourFileReport[] = []
      const warned: TourFileReport[] = []
      for (const file of listFiles(root)) {
        const fileName = `scenes/${relative(root, file).split(sep).join('/')}`
        const source = readFileSync(file)
        if (file.endsWith('tour.json')) {
          // Named relative to the working folder, so that `file:line:column` opens in an editor.
          const report = { file: relative(process.cwd(), file), problems: validateTourFile(file) }
          if (hasErrors(report.problems)) invalid.push(report)
          else if (report.problems.length > 0) warned.push(report)
        }
        this.emitFile({ type: 'asset', fileName, source })
      }
      if (warned.length > 0) this.warn(tourReportMessage('Warnings in bundled tours', warned))
      if (invalid.length > 0) {
        // The report names every place to fix, so the stack of this hook is left out of it.
        this.error({ message: tourReportMessage('Invalid bundled tours', invalid), stack: '' })
      }
    },
  }
}

/** Returns a build message: a heading, then the report in the format of `npm run tour:validate`. */
function tourReportMessage(heading: string, reports: readonly TourFileReport[]): string {
  const lines = formatTextReport(reports, 'en')
  return [`${heading} (check one with npm run tour:validate -- <file>):`, ...lines].join('\n')
}

/**
 * Replaces the WebXR emulator that @react-three/xr imports lazily with an empty module. The app
 * loads its own emulator only on request, so the library's copy (several MB of chunks) is dead
 * weight in the build.
 */
export function withoutXrEmulator(): Plugin {
  const stubId = '\0showcase:xr-emulator-stub'
  return {
    name: 'showcase:without-xr-emulator',
    enforce: 'pre',
    resolveId(source, importer) {
      if (source === './emulate.js' && importer?.includes(`@pmndrs${sep}xr`)) return stubId
      if (source === './emulate.js' && importer?.includes('@pmndrs/xr')) return stubId
      return null
    },
    load(id) {
      if (id !== stubId) return null
      return 'export function emulate() { throw new Error("[xr] the built-in emulator is not bundled") }'
    },
  }
}

/** Controller and hand profiles the app ships, from `@webxr-input-profiles/assets`. */
const SHIPPED_INPUT_PROFILES = ['meta-quest-touch-plus', 'generic-hand'] as const

/**
 * Serves and copies the WebXR input profiles (`profilesList.json` and the profiles in
 * `SHIPPED_INPUT_PROFILES`) at `xr-profiles/`, so controller and hand models load from the app's
 * own site instead of the public CDN that @react-three/xr uses by default.
 */
export function xrInputProfiles(
  profilesDirectory = 'node_modules/@webxr-input-profiles/assets/dist/profiles',
): Plugin {
  const root = resolve(profilesDirectory)
  const files = () => [
    join(root, 'profilesList.json'),
    ...SHIPPED_INPUT_PROFILES.flatMap((profile) => listFiles(join(root, profile))),
  ]
  return {
    name: 'showcase:xr-input-profiles',
    configureServer(server) {
      const serve = sirv(root, { dev: true })
      server.middlewares.use('/xr-profiles', serve)
    },
    generateBundle() {
      for (const file of files()) {
        const fileName = `xr-profiles/${relative(root, file).split(sep).join('/')}`
        this.emitFile({ type: 'asset', fileName, source: readFileSync(file) })
      }
    },
  }
}
