/**
 * Lists the files a booth must hold to show a tour without a network: the tour file, every file a
 * scene, hotspot or offer names, the files of tiled panoramas and the files the app loads on
 * demand (decoders, XR controller profiles). Pure functions over parsed JSON and URLs.
 */

/**
 * The build's list of static files that are not in the service worker's precache, written to
 * `offline-files.json` at build time. Paths are relative to the app's folder.
 */
export interface OfflineListing {
  files: { path: string; bytes: number }[]
  /** The tours bundled with the build, such as `scenes/tay-bac/tour.json`. */
  tours: string[]
}

/** Folders and file names, relative to the app, of files every booth loads whatever its tour. */
const SHARED_PREFIXES = ['xr-profiles/', 'assets/']

/** Returns true for a value shaped like `OfflineListing`. */
export function isOfflineListing(value: unknown): value is OfflineListing {
  if (typeof value !== 'object' || value === null) return false
  const { files, tours } = value as Record<string, unknown>
  return (
    Array.isArray(files) &&
    files.every(
      (file) =>
        typeof file === 'object' &&
        file !== null &&
        typeof (file as Record<string, unknown>).path === 'string' &&
        typeof (file as Record<string, unknown>).bytes === 'number',
    ) &&
    Array.isArray(tours) &&
    tours.every((tour) => typeof tour === 'string')
  )
}

/** Returns the absolute URLs of the listed files every tour needs: decoders and XR profiles. */
export function sharedAssetUrls(listing: OfflineListing, appUrl: string): string[] {
  return listing.files
    .filter((file) => SHARED_PREFIXES.some((prefix) => file.path.startsWith(prefix)))
    .map((file) => new URL(file.path, appUrl).href)
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

function resolve(path: string, base: string): string | null {
  try {
    const url = new URL(path, base)
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null
  } catch {
    return null
  }
}

/**
 * Returns the absolute URLs of a tour's own files, the tour file first. Every `src` in the tour is
 * included, whatever kind of scene or source it belongs to, so a newer source type is covered as
 * long as it names its files with `src`. A panorama of `type: "tiles"` names a folder of tiles or
 * its `tiles.json`; every file the build listed in that folder is included, with the descriptor.
 */
export function tourAssetUrls(
  tour: unknown,
  tourUrl: string,
  listing: OfflineListing | null,
  appUrl: string,
): string[] {
  const urls = new Set<string>([tourUrl])
  const visit = (node: unknown) => {
    if (Array.isArray(node)) {
      for (const item of node) visit(item)
      return
    }
    if (!isObject(node)) return
    for (const [key, value] of Object.entries(node)) {
      if (key === 'src' && typeof value === 'string') {
        const url = resolve(value, tourUrl)
        if (url) urls.add(url)
      } else if (typeof value === 'object') {
        visit(value)
      }
    }
    if (node.type === 'tiles' && typeof node.src === 'string') {
      for (const url of tileFolderUrls(node.src, tourUrl, listing, appUrl)) urls.add(url)
    }
  }
  if (isObject(tour)) visit(tour.scenes)
  if (isObject(tour)) visit(tour.offers)
  return [...urls]
}

/** Returns the descriptor and the listed files of a tile folder named by `src`. */
function tileFolderUrls(
  src: string,
  tourUrl: string,
  listing: OfflineListing | null,
  appUrl: string,
): string[] {
  const named = resolve(src, tourUrl)
  if (!named) return []
  const folder = named.endsWith('/') ? named : named.slice(0, named.lastIndexOf('/') + 1)
  const urls = [named.endsWith('.json') ? named : `${folder}tiles.json`]
  if (!listing) return urls
  for (const file of listing.files) {
    const url = new URL(file.path, appUrl).href
    if (url.startsWith(folder)) urls.push(url)
  }
  return urls
}

/**
 * Returns the URLs of the buffers and images a `.gltf` file refers to. Embedded `data:` URIs and
 * buffer views need no file.
 */
export function gltfDependencyUrls(gltf: unknown, gltfUrl: string): string[] {
  if (!isObject(gltf)) return []
  const urls: string[] = []
  for (const list of [gltf.buffers, gltf.images]) {
    if (!Array.isArray(list)) continue
    for (const entry of list) {
      if (!isObject(entry) || typeof entry.uri !== 'string' || entry.uri.startsWith('data:')) {
        continue
      }
      const url = resolve(entry.uri, gltfUrl)
      if (url) urls.push(url)
    }
  }
  return urls
}
