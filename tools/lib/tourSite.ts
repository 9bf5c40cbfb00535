import { statSync } from 'node:fs'
import { basename, dirname, join, resolve, sep } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'

/**
 * Stand-in origin of the site a tour file is checked against. The `.invalid` top-level domain is
 * reserved (RFC 2606) and never names a real host. URLs on it are only parsed, never fetched.
 */
export const VIRTUAL_SITE_ORIGIN = 'https://site.invalid'

/** Target on disk of an asset path in a tour file. */
export type AssetFile =
  /** A file to look for. */
  | { kind: 'file'; path: string }
  /** No file can have this path, such as one with an encoded `/` or a malformed `%` escape. */
  | { kind: 'unreachable' }
  /** Not checked: the path is on another site (the validator reports it) or its root is unknown. */
  | { kind: 'unchecked' }

/** Mapping from the asset paths of one tour file to files on disk. */
export interface TourSite {
  /** URL the tour file is checked against, so asset paths must stay on its origin. */
  tourUrl: string
  /** Returns the file that an asset path of the tour refers to. */
  assetFile(src: string): AssetFile
}

/**
 * Returns the site layout of a tour file. Inside a project, a tour sits at
 * `<project>/scenes/<id>/tour.json` and the built site serves `<project>/scenes` at `scenes/` and
 * the contents of `<project>/public` at the root, so `../../panoramas/x.jpg` is
 * `<project>/public/panoramas/x.jpg`. A tour file anywhere else has its paths resolved against its
 * own folder.
 */
export function tourSiteFor(tourFile: string): TourSite {
  const absoluteFile = resolve(tourFile)
  const tourFolder = dirname(absoluteFile)
  const scenesFolder = dirname(tourFolder)
  const projectRoot = dirname(scenesFolder)
  if (basename(scenesFolder) === 'scenes' && isDirectory(join(projectRoot, 'public'))) {
    return projectSite(projectRoot, basename(tourFolder), basename(absoluteFile))
  }
  return folderSite(absoluteFile)
}

function projectSite(projectRoot: string, tourId: string, fileName: string): TourSite {
  const tourUrl = `${VIRTUAL_SITE_ORIGIN}/scenes/${encodeURIComponent(tourId)}/${encodeURIComponent(fileName)}`
  return {
    tourUrl,
    assetFile(src) {
      const url = resolveUrl(src, tourUrl)
      if (url === null || url.origin !== VIRTUAL_SITE_ORIGIN) return { kind: 'unchecked' }
      // The URL parser has already removed `.` and `..` segments, including encoded ones.
      const segments = url.pathname.slice(1)
      const [first, ...rest] = segments.split('/')
      if (first === 'scenes') return fileUnder(join(projectRoot, 'scenes'), rest.join('/'))
      return fileUnder(join(projectRoot, 'public'), segments)
    },
  }
}

function folderSite(absoluteFile: string): TourSite {
  const tourUrl = `${VIRTUAL_SITE_ORIGIN}/${encodeURIComponent(basename(absoluteFile))}`
  const fileUrl = pathToFileURL(absoluteFile)
  return {
    tourUrl,
    assetFile(src) {
      const onSite = resolveUrl(src, tourUrl)
      if (onSite === null || onSite.origin !== VIRTUAL_SITE_ORIGIN) return { kind: 'unchecked' }
      // Without a project layout the site root is unknown, so a root-relative path such as
      // `/panoramas/x.jpg` cannot be checked. The URL parser reads `\` as `/` here too.
      const trimmed = src.trim()
      if (trimmed.startsWith('/') || trimmed.startsWith('\\')) return { kind: 'unchecked' }
      const url = resolveUrl(src, fileUrl.href)
      if (url === null || url.protocol !== 'file:') return { kind: 'unchecked' }
      return filePathOf(url)
    },
  }
}

/** Maps a percent-encoded site path, such as `panoramas/a%20b.jpg`, to a file under `root`. */
function fileUnder(root: string, encodedPath: string): AssetFile {
  const url = resolveUrl(`./${encodedPath}`, pathToFileURL(root + sep).href)
  if (url === null) return { kind: 'unreachable' }
  return filePathOf(url)
}

function filePathOf(url: URL): AssetFile {
  let path: string
  try {
    // Throws for an encoded `/` (and `\` on Windows) and for malformed `%` escapes. A static
    // server would not serve a file for those either.
    path = fileURLToPath(url)
  } catch {
    return { kind: 'unreachable' }
  }
  if (path.includes('\0')) return { kind: 'unreachable' }
  return { kind: 'file', path }
}

function resolveUrl(path: string, base: string): URL | null {
  try {
    return new URL(path, base)
  } catch {
    return null
  }
}

function isDirectory(path: string): boolean {
  try {
    return statSync(path).isDirectory()
  } catch {
    return false
  }
}
