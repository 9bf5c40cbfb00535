/**
 * Downloads of scene assets (panoramas and models) with progress. A few downloads can start ahead
 * of need: the first scene's file while the 3D code is still loading, and the files of the scenes
 * the current one links to.
 */

/** Reason a scene's panorama or model could not be shown. */
export type AssetError =
  | { kind: 'http'; url: string; status: number }
  | { kind: 'network'; url: string }
  | { kind: 'image'; url: string }
  | { kind: 'model'; url: string; detail: string }
  | { kind: 'empty-model'; url: string }
  /** A tile descriptor that is not JSON (`field` null) or has a bad `field`, such as `levels.1.size`. */
  | { kind: 'tiles'; url: string; field: string | null }

/** An asset that could not be loaded, with the reason in a form the interface can translate. */
export class AssetLoadError extends Error {
  readonly asset: AssetError

  constructor(asset: AssetError, options?: { cause?: unknown }) {
    super(`[assets] ${asset.kind} error for ${asset.url}`, options)
    this.name = 'AssetLoadError'
    this.asset = asset
  }
}

export type ProgressListener = (fraction: number | null) => void

/**
 * Maximum number of downloads kept ahead of need. Each keeps a whole file in memory until a scene
 * takes it, so the oldest is cancelled when a newer one would exceed this.
 */
export const MAX_PREFETCHED = 3

interface Prefetch {
  bytes: Promise<Uint8Array>
  progress: number | null
  listeners: Set<ProgressListener>
  controller: AbortController
}

const prefetched = new Map<string, Prefetch>()

/**
 * Starts downloading a file that a scene is likely to need soon. A later `fetchBytes` for the same
 * URL takes over the download instead of starting another. Failures are reported to that caller.
 */
export function prefetchBytes(url: string): void {
  if (prefetched.has(url)) return
  const oldest = prefetched.keys().next()
  if (prefetched.size >= MAX_PREFETCHED && !oldest.done) {
    prefetched.get(oldest.value)?.controller.abort()
    prefetched.delete(oldest.value)
  }
  const controller = new AbortController()
  const entry: Prefetch = {
    bytes: Promise.resolve(new Uint8Array()),
    progress: null,
    listeners: new Set(),
    controller,
  }
  entry.bytes = downloadBytes(url, controller.signal, (fraction) => {
    entry.progress = fraction
    for (const listener of entry.listeners) listener(fraction)
  })
  // No scene may ever request this file. If one does, its `fetchBytes` call receives the error.
  entry.bytes.catch(() => {})
  prefetched.set(url, entry)
}

/** Returns true when a download of `url` started ahead of need is waiting to be taken. */
export function isPrefetched(url: string): boolean {
  return prefetched.has(url)
}

/**
 * Downloads a file and reports the fraction received so far (null while the size is unknown).
 * Takes over a download started by `prefetchBytes` when there is one. Throws `AssetLoadError` for
 * HTTP errors and network failures, and the abort reason on abort.
 */
export async function fetchBytes(
  url: string,
  options: { signal?: AbortSignal; onProgress?: ProgressListener } = {},
): Promise<Uint8Array> {
  const entry = prefetched.get(url)
  if (!entry) return downloadBytes(url, options.signal, options.onProgress)

  prefetched.delete(url)
  const { onProgress, signal } = options
  if (onProgress) {
    onProgress(entry.progress)
    entry.listeners.add(onProgress)
  }
  const abort = () => entry.controller.abort(signal?.reason)
  signal?.addEventListener('abort', abort)
  try {
    return await entry.bytes
  } finally {
    if (onProgress) entry.listeners.delete(onProgress)
    signal?.removeEventListener('abort', abort)
  }
}

async function downloadBytes(
  url: string,
  signal: AbortSignal | undefined,
  onProgress: ProgressListener | undefined,
): Promise<Uint8Array> {
  let response: Response
  try {
    response = await fetch(url, { signal, credentials: 'same-origin' })
  } catch (error) {
    if (signal?.aborted) throw error
    throw new AssetLoadError({ kind: 'network', url }, { cause: error })
  }
  if (!response.ok) throw new AssetLoadError({ kind: 'http', url, status: response.status })

  const lengthHeader = response.headers.get('content-length')
  // A compressed response reports the compressed length, so the fraction is only an estimate.
  const total = lengthHeader !== null ? Number(lengthHeader) : Number.NaN
  const knownTotal = Number.isFinite(total) && total > 0
  const body = response.body
  if (!body) return new Uint8Array(await response.arrayBuffer())

  const reader = body.getReader()
  const chunks: Uint8Array[] = []
  let received = 0
  onProgress?.(knownTotal ? 0 : null)
  try {
    for (;;) {
      const { done, value } = await reader.read()
      if (done) break
      chunks.push(value)
      received += value.byteLength
      if (knownTotal) onProgress?.(Math.min(1, received / total))
    }
  } catch (error) {
    if (signal?.aborted) throw error
    throw new AssetLoadError({ kind: 'network', url }, { cause: error })
  }

  const bytes = new Uint8Array(received)
  let offset = 0
  for (const chunk of chunks) {
    bytes.set(chunk, offset)
    offset += chunk.byteLength
  }
  onProgress?.(1)
  return bytes
}
