import type { AssetError } from '../../state/store'

/** An asset that could not be loaded, with the reason in a form the interface can translate. */
export class AssetLoadError extends Error {
  readonly asset: AssetError

  constructor(asset: AssetError, options?: { cause?: unknown }) {
    super(`[assets] ${asset.kind} error for ${asset.url}`, options)
    this.name = 'AssetLoadError'
    this.asset = asset
  }
}

/**
 * Downloads a file and reports the fraction received so far (null while the size is unknown).
 * Throws `AssetLoadError` for HTTP errors and network failures, and the abort error on abort.
 */
export async function fetchBytes(
  url: string,
  options: { signal?: AbortSignal; onProgress?: (fraction: number | null) => void } = {},
): Promise<Uint8Array> {
  let response: Response
  try {
    response = await fetch(url, { signal: options.signal, credentials: 'same-origin' })
  } catch (error) {
    if (options.signal?.aborted) throw error
    throw new AssetLoadError({ kind: 'network', url }, { cause: error })
  }
  if (!response.ok) throw new AssetLoadError({ kind: 'http', url, status: response.status })

  const lengthHeader = response.headers.get('content-length')
  // A compressed response reports the compressed length, so the fraction is only an estimate.
  const total = lengthHeader !== null ? Number(lengthHeader) : Number.NaN
  const body = response.body
  if (!body) return new Uint8Array(await response.arrayBuffer())

  const reader = body.getReader()
  const chunks: Uint8Array[] = []
  let received = 0
  options.onProgress?.(Number.isFinite(total) && total > 0 ? 0 : null)
  try {
    for (;;) {
      const { done, value } = await reader.read()
      if (done) break
      chunks.push(value)
      received += value.byteLength
      if (Number.isFinite(total) && total > 0) options.onProgress?.(Math.min(1, received / total))
    }
  } catch (error) {
    if (options.signal?.aborted) throw error
    throw new AssetLoadError({ kind: 'network', url }, { cause: error })
  }

  const bytes = new Uint8Array(received)
  let offset = 0
  for (const chunk of chunks) {
    bytes.set(chunk, offset)
    offset += chunk.byteLength
  }
  options.onProgress?.(1)
  return bytes
}
