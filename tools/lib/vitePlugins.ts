import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join, relative, resolve, sep } from 'node:path'
import sirv from 'sirv'
import type { Plugin } from 'vite'
import { formatProblem } from '../../src/i18n/problems.ts'
import { hasErrors } from '../../src/tour/problems.ts'
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
 * is checked like `npm run tour:validate` does, including that its files exist, and the build
 * fails on the first invalid tour.
 */
export function tourFiles(scenesDirectory = 'scenes'): Plugin {
  const root = resolve(scenesDirectory)
  return {
    name: 'showcase:tour-files',
    configureServer(server) {
      server.middlewares.use('/scenes', sirv(root, { dev: true, etag: true }))
    },
    generateBundle() {
      for (const file of listFiles(root)) {
        const fileName = `scenes/${relative(root, file).split(sep).join('/')}`
        const source = readFileSync(file)
        if (file.endsWith('tour.json')) {
          const problems = validateTourFile(file)
          if (hasErrors(problems)) {
            const lines = problems.map((problem) => `  ${formatProblem(problem, 'en')}`)
            this.error(`Invalid tour ${fileName}:\n${lines.join('\n')}`)
          }
        }
        this.emitFile({ type: 'asset', fileName, source })
      }
    },
  }
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
