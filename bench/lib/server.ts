import { readFile, stat } from 'node:fs/promises'
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { extname, join, normalize, resolve, sep } from 'node:path'
import { gzipSync } from 'node:zlib'

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.map': 'application/json; charset=utf-8',
  '.wasm': 'application/wasm',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.png': 'image/png',
  '.webp': 'image/webp',
  '.glb': 'model/gltf-binary',
  '.ktx2': 'image/ktx2',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.webmanifest': 'application/manifest+json',
}

/** Extensions served gzip-compressed, as a production static host compresses text. */
const COMPRESSED = new Set(['.html', '.js', '.mjs', '.css', '.json', '.svg', '.map', '.wasm'])

export interface BenchServer {
  origin: string
  close(): Promise<void>
}

/**
 * Serves folders on 127.0.0.1 under URL prefixes, plus generated pages. Text files are sent
 * gzip-compressed (level 6, the usual default of nginx and Apache) to clients that accept it, so
 * transfer sizes measured in the browser match a production host. Nothing is cached by the
 * client: every response carries `Cache-Control: no-store`.
 */
export async function startBenchServer(
  mounts: Record<string, string>,
  pages: Record<string, string>,
  port: number,
): Promise<BenchServer> {
  const compressedCache = new Map<string, Buffer>()
  const prefixes = Object.entries(mounts).map(([prefix, folder]) => [prefix, resolve(folder)])

  const server = createServer((request, response) => {
    handle(request, response).catch((error: unknown) => {
      console.error('[bench-server] request failed', request.url, error)
      if (!response.headersSent) response.writeHead(500)
      response.end()
    })
  })

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const path = decodeURIComponent(new URL(request.url ?? '/', 'http://127.0.0.1').pathname)
    const acceptsGzip = /\bgzip\b/.test(String(request.headers['accept-encoding'] ?? ''))

    const page = pages[path]
    if (page !== undefined) {
      send(response, Buffer.from(page), '.html', acceptsGzip, null)
      return
    }
    for (const [prefix, folder] of prefixes) {
      if (prefix === undefined || folder === undefined || !path.startsWith(prefix)) continue
      let file = normalize(join(folder, path.slice(prefix.length)))
      if (file !== folder && !file.startsWith(folder + sep)) break
      const info = await stat(file).catch(() => null)
      if (info?.isDirectory()) {
        file = join(file, 'index.html')
      }
      const body = await readFile(file).catch(() => null)
      if (!body) break
      send(response, body, extname(file).toLowerCase(), acceptsGzip, file)
      return
    }
    response.writeHead(404, { 'content-type': 'text/plain', 'cache-control': 'no-store' })
    response.end(`not found: ${path}`)
  }

  function send(
    response: ServerResponse,
    body: Buffer,
    extension: string,
    acceptsGzip: boolean,
    cacheKey: string | null,
  ): void {
    const headers: Record<string, string> = {
      'content-type': CONTENT_TYPES[extension] ?? 'application/octet-stream',
      'cache-control': 'no-store',
    }
    let payload = body
    if (acceptsGzip && COMPRESSED.has(extension)) {
      const cached = cacheKey ? compressedCache.get(cacheKey) : undefined
      payload = cached ?? gzipSync(body, { level: 6 })
      if (cacheKey && !cached) compressedCache.set(cacheKey, payload)
      headers['content-encoding'] = 'gzip'
      headers.vary = 'accept-encoding'
    }
    headers['content-length'] = String(payload.length)
    response.writeHead(200, headers)
    response.end(payload)
  }

  await new Promise<void>((resolveListen, rejectListen) => {
    server.once('error', rejectListen)
    server.listen(port, '127.0.0.1', () => resolveListen())
  })
  const address = server.address() as AddressInfo
  return {
    origin: `http://127.0.0.1:${address.port}`,
    close: () => closeServer(server),
  }
}

function closeServer(server: Server): Promise<void> {
  server.closeAllConnections()
  return new Promise((resolveClose) => server.close(() => resolveClose()))
}
