import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  AssetLoadError,
  fetchBytes,
  isPrefetched,
  MAX_PREFETCHED,
  prefetchBytes,
} from '../../../src/core/download.ts'

/** Serves `size` bytes at any /file path and counts requests per path. /missing returns 404. */
function startServer(
  size: number,
): Promise<{ server: Server; origin: string; requests: Map<string, number> }> {
  const requests = new Map<string, number>()
  const body = Buffer.alloc(size, 7)
  const server = createServer((request, response) => {
    const path = request.url ?? '/'
    requests.set(path, (requests.get(path) ?? 0) + 1)
    if (path.startsWith('/missing')) {
      response.writeHead(404)
      response.end()
      return
    }
    response.writeHead(200, { 'content-length': String(body.length) })
    // Two writes, so progress has a step between 0 and 1.
    response.write(body.subarray(0, size / 2))
    setTimeout(() => response.end(body.subarray(size / 2)), 20)
  })
  return new Promise((resolve) => {
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo
      resolve({ server, origin: `http://127.0.0.1:${port}`, requests })
    })
  })
}

describe('core/download', () => {
  const size = 64 * 1024
  let origin = ''
  let server: Server
  let requests: Map<string, number>

  beforeAll(async () => {
    ;({ server, origin, requests } = await startServer(size))
  })

  afterAll(() => {
    server.close()
  })

  it('returns every byte', async () => {
    const bytes = await fetchBytes(`${origin}/file-a`)
    expect(bytes.byteLength).toBe(size)
    expect(bytes[size - 1]).toBe(7)
  })

  it('reports rising progress to 1', async () => {
    const fractions: (number | null)[] = []
    await fetchBytes(`${origin}/file-b`, { onProgress: (fraction) => fractions.push(fraction) })
    const numbers = fractions.filter((fraction): fraction is number => fraction !== null)
    expect(numbers[0], 'first report').toBe(0)
    expect(numbers.at(-1), 'last report').toBe(1)
    expect(numbers, 'reports never go down').toEqual([...numbers].sort((a, b) => a - b))
  })

  it('raises http error with status', async () => {
    const error = await fetchBytes(`${origin}/missing.jpg`).catch((caught: unknown) => caught)
    expect(error).toBeInstanceOf(AssetLoadError)
    expect((error as AssetLoadError).asset).toEqual({
      kind: 'http',
      url: `${origin}/missing.jpg`,
      status: 404,
    })
  })

  it('raises network error when unreachable', async () => {
    const closed = await startServer(8)
    closed.server.close()
    const error = await fetchBytes(`${closed.origin}/file`).catch((caught: unknown) => caught)
    expect(error).toBeInstanceOf(AssetLoadError)
    expect((error as AssetLoadError).asset.kind).toBe('network')
  })

  it('reuses a prefetched download', async () => {
    const url = `${origin}/file-c`
    prefetchBytes(url)
    prefetchBytes(url)
    expect(isPrefetched(url), 'waiting before it is taken').toBe(true)
    const bytes = await fetchBytes(url)
    expect(bytes.byteLength).toBe(size)
    expect(requests.get('/file-c'), 'requests for the file').toBe(1)
    expect(isPrefetched(url), 'waiting after it was taken').toBe(false)
  })

  it('reports a prefetched failure to the caller', async () => {
    const url = `${origin}/missing-prefetched.glb`
    prefetchBytes(url)
    const error = await fetchBytes(url).catch((caught: unknown) => caught)
    expect((error as AssetLoadError).asset).toMatchObject({ kind: 'http', status: 404 })
  })

  it('cancels the oldest beyond the limit', async () => {
    const urls = Array.from(
      { length: MAX_PREFETCHED + 1 },
      (_, index) => `${origin}/file-d${index}`,
    )
    for (const url of urls) prefetchBytes(url)
    expect(isPrefetched(urls[0] ?? ''), 'oldest download').toBe(false)
    for (const url of urls.slice(1)) expect(isPrefetched(url), url).toBe(true)
    await Promise.all(urls.slice(1).map((url) => fetchBytes(url)))
  })

  it('aborts a taken prefetch with the signal', async () => {
    const url = `${origin}/file-e`
    prefetchBytes(url)
    const controller = new AbortController()
    const pending = fetchBytes(url, { signal: controller.signal })
    controller.abort()
    await expect(pending).rejects.toBeDefined()
  })
})
