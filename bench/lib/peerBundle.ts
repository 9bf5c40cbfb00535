import { gzipSync } from 'node:zlib'
import { build, type Plugin } from 'vite'

const ENTRY_ID = 'virtual:bench-photo-sphere-viewer'

/**
 * Returns the gzip size (level 6) of Photo Sphere Viewer's core and the parts of three.js it uses,
 * bundled and minified by this project's Vite, as an application that imports `Viewer` would ship
 * them. The benchmark page serves three's unminified ESM build instead, so this figure is the
 * fairer comparison for script size.
 */
export async function bundledPhotoSphereViewerBytes(): Promise<number> {
  const entry: Plugin = {
    name: 'bench-photo-sphere-viewer-entry',
    resolveId: (id) => (id === ENTRY_ID ? `\0${ENTRY_ID}` : null),
    load: (id) =>
      id === `\0${ENTRY_ID}`
        ? "import { Viewer } from '@photo-sphere-viewer/core'\nwindow.BenchViewer = Viewer\n"
        : null,
  }
  const output = await build({
    configFile: false,
    logLevel: 'silent',
    plugins: [entry],
    build: {
      write: false,
      minify: true,
      target: 'es2022',
      rollupOptions: { input: ENTRY_ID },
    },
  })
  const outputs = Array.isArray(output) ? output : [output]
  let bytes = 0
  for (const result of outputs) {
    if (!('output' in result)) continue
    for (const chunk of result.output) {
      if (chunk.type === 'chunk') bytes += gzipSync(chunk.code, { level: 6 }).length
    }
  }
  return bytes
}
