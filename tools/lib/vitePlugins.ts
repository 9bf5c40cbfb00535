import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join, relative, resolve, sep } from 'node:path'
import sirv from 'sirv'
import type { Plugin } from 'vite'
import { hasErrors } from '../../src/tour/problems.ts'
import { validateTour } from '../../src/tour/validate.ts'
import { buildSharePages, publicUrlFromEnv } from './sharePages.ts'
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

/**
 * Writes, for every scene of the bundled tours in `scenesDirectory`, a share page with Open Graph
 * and Twitter card tags and a 1200×630 preview image under `share/<tour id>/` (see sharePages.ts).
 * Image paths in a tour are resolved to files under `publicDirectory`. A tour that does not match
 * the schema is skipped, because `tourFiles` already fails the build for it.
 */
export function sharePages(scenesDirectory = 'scenes', publicDirectory = 'public'): Plugin {
  const root = resolve(scenesDirectory)
  return {
    name: 'showcase:share-pages',
    async generateBundle() {
      const publicUrl = publicUrlFromEnv(process.env.SHOWCASE_PUBLIC_URL)
      if (publicUrl === undefined) {
        this.warn(
          'SHOWCASE_PUBLIC_URL is not set to an http(s) address, so og:image in the share pages is a relative URL, which most social networks ignore. Set it to the address the site is published at, such as https://tour.example.org/.',
        )
      }
      for (const file of listFiles(root).filter((path) => path.endsWith('tour.json'))) {
        const tourJson = readFileSync(file, 'utf8')
        if (!isValidTourJson(tourJson)) continue
        const files = await buildSharePages({
          tourJson,
          tourSitePath: `scenes/${relative(root, file).split(sep).join('/')}`,
          publicDirectory: resolve(publicDirectory),
          ...(publicUrl ? { publicUrl } : {}),
        })
        for (const shareFile of files) {
          this.emitFile({ type: 'asset', fileName: shareFile.fileName, source: shareFile.source })
        }
      }
    },
  }
}

function isValidTourJson(text: string): boolean {
  try {
    return validateTour(JSON.parse(text)).tour !== null
  } catch {
    return false
  }
}

/**
 * Preloads the app's main chunk, its imports and its CSS from index.html in every mode but the
 * embed poster. The entry (src/entry.ts) imports the app only after it has looked at the URL, so
 * without this a visitor in web mode would wait for the entry before the app even starts loading.
 * An embedded tour skips the preload, so its host page pays only for the poster.
 */
export function preloadAppOutsideEmbed(appModule = 'src/main.tsx'): Plugin {
  return {
    name: 'showcase:preload-app-outside-embed',
    transformIndexHtml: {
      order: 'post',
      handler(_html, context) {
        const bundle = context.bundle
        if (!bundle) return
        const chunks = Object.values(bundle).filter((item) => item.type === 'chunk')
        const app = chunks.find((chunk) => chunk.facadeModuleId?.endsWith(appModule))
        if (!app) return
        const scripts: string[] = []
        const styles = new Set<string>()
        const visit = (fileName: string) => {
          const chunk = chunks.find((candidate) => candidate.fileName === fileName)
          if (!chunk || chunk.isEntry || scripts.includes(fileName)) return
          scripts.push(fileName)
          for (const css of chunk.viteMetadata?.importedCss ?? []) styles.add(css)
          for (const imported of chunk.imports) visit(imported)
        }
        visit(app.fileName)
        const links = [
          ...scripts.map((file) => ['modulepreload', `./${file}`]),
          ...[...styles].map((file) => ['stylesheet', `./${file}`]),
        ]
        const script = [
          `if (!/[?&]mode=embed(&|$)/i.test(location.search) || /[?&]autostart=1(&|$)/.test(location.search)) {`,
          `  for (const [rel, href] of ${JSON.stringify(links)}) {`,
          `    const link = document.createElement('link')`,
          `    link.rel = rel`,
          `    link.href = href`,
          `    document.head.append(link)`,
          `  }`,
          `}`,
        ].join('\n')
        return [{ tag: 'script', children: script, injectTo: 'head' }]
      },
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
