import { existsSync, readdirSync, statSync, writeFileSync } from 'node:fs'
import { join, relative, resolve, sep } from 'node:path'
import type { Plugin } from 'vite'

/** Name of the listing in the build, next to index.html. */
export const OFFLINE_LISTING_FILE = 'offline-files.json'

/**
 * Files a booth caches on top of the service worker's precache: panoramas (with tile folders),
 * models, XR controller profiles, and the Draco and Basis decoders, which load only with a
 * compressed model. Paths are relative to the build folder, with `/` separators.
 */
export function isOfflineExtra(path: string): boolean {
  if (path.endsWith('.map')) return false
  if (/^(panoramas|models|xr-profiles)\//.test(path)) return true
  return /^assets\/(draco|basis)_[^/]+\.(js|wasm)$/.test(path)
}

function listFiles(directory: string): string[] {
  if (!existsSync(directory)) return []
  return readdirSync(directory).flatMap((name) => {
    const path = join(directory, name)
    return statSync(path).isDirectory() ? listFiles(path) : [path]
  })
}

/**
 * Returns the listing of a built site: the files `isOfflineExtra` selects, with their sizes, and
 * the bundled tours (`scenes/<id>/tour.json`).
 */
export function offlineListing(root: string): {
  files: { path: string; bytes: number }[]
  tours: string[]
} {
  const paths = listFiles(root)
    .map((file) => relative(root, file).split(sep).join('/'))
    .sort()
  return {
    files: paths
      .filter(isOfflineExtra)
      .map((path) => ({ path, bytes: statSync(join(root, path)).size })),
    tours: paths.filter((path) => /^scenes\/[^/]+\/tour\.json$/.test(path)),
  }
}

/**
 * Writes `offline-files.json` into the build, and serves the same listing of `public/` and
 * `scenes/` in development, where decoders are not separate files and so are not listed.
 */
export function offlineFiles(): Plugin {
  let outDir = 'dist'
  return {
    name: 'showcase:offline-files',
    configResolved(config) {
      outDir = resolve(config.root, config.build.outDir)
    },
    configureServer(server) {
      server.middlewares.use(`/${OFFLINE_LISTING_FILE}`, (_request, response) => {
        const publicListing = offlineListing(resolve(server.config.root, 'public'))
        const scenes = resolve(server.config.root, 'scenes')
        const tours = listFiles(scenes)
          .map((file) => `scenes/${relative(scenes, file).split(sep).join('/')}`)
          .filter((path) => /^scenes\/[^/]+\/tour\.json$/.test(path))
        response.setHeader('content-type', 'application/json')
        response.end(JSON.stringify({ files: publicListing.files, tours }))
      })
    },
    writeBundle() {
      writeFileSync(join(outDir, OFFLINE_LISTING_FILE), JSON.stringify(offlineListing(outDir)))
    },
  }
}
