import { mkdirSync } from 'node:fs'
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import { resolve } from 'node:path'
import sirv from 'sirv'
import { FIXTURES_DIR } from '../../support/fixtures.ts'

/** Port of the test server; the app is served under a sub-folder to prove relative paths work. */
export const TEST_PORT = Number(process.env.SHOWCASE_TEST_PORT ?? 4317)
export const TEST_ORIGIN = `http://127.0.0.1:${TEST_PORT}`
export const APP_PATH = '/app/'
/** The production build under test; `npm test` builds it into dist/ first. */
export const DIST_DIR = resolve(process.env.SHOWCASE_DIST ?? 'dist')
/** Tour files written by tests at run time, served at /tours/. */
export const TEST_TOURS_DIR = resolve('test-results', 'tours')
/**
 * Port of the second origin, for pages that embed the app in an iframe. 127.0.0.1 with another
 * port is another origin, so the iframe is cross-origin as on a real host page.
 */
export const HOST_PORT = Number(process.env.SHOWCASE_HOST_PORT ?? TEST_PORT + 1)
export const HOST_ORIGIN = `http://127.0.0.1:${HOST_PORT}`
/** Host pages written by tests at run time, served at the root of the second origin. */
export const TEST_HOSTS_DIR = resolve('test-results', 'hosts')

type Handler = (request: IncomingMessage, response: ServerResponse, next: () => void) => void

/**
 * Starts the static server for end-to-end tests on 127.0.0.1: the production build at /app/, the
 * shared fixtures at /fixtures/ and tours written by tests at /tours/.
 */
export function startTestServer(port = TEST_PORT): ReturnType<typeof createServer> {
  mkdirSync(TEST_TOURS_DIR, { recursive: true })
  const mounts: [string, Handler][] = [
    ['/app', sirv(DIST_DIR, { dev: true, etag: true })],
    ['/fixtures', sirv(FIXTURES_DIR, { dev: true })],
    ['/tours', sirv(TEST_TOURS_DIR, { dev: true })],
  ]
  const server = createServer((request, response) => {
    const url = request.url ?? '/'
    if (url === '/' || url === '/app') {
      response.writeHead(302, { location: APP_PATH })
      response.end()
      return
    }
    serveFromMounts(mounts, request, response)
  })
  server.listen(port, '127.0.0.1')
  return server
}

/**
 * Starts the server of the second origin on 127.0.0.1: host pages written by tests at /, the
 * project's examples at /examples/ and the host helper at /embed/, as a host site that copied it.
 */
export function startHostServer(port = HOST_PORT): ReturnType<typeof createServer> {
  mkdirSync(TEST_HOSTS_DIR, { recursive: true })
  const mounts: [string, Handler][] = [
    ['/examples', sirv(resolve('examples'), { dev: true })],
    ['/embed', sirv(resolve('public', 'embed'), { dev: true })],
    ['', sirv(TEST_HOSTS_DIR, { dev: true })],
  ]
  const server = createServer((request, response) => serveFromMounts(mounts, request, response))
  server.listen(port, '127.0.0.1')
  return server
}

function serveFromMounts(
  mounts: [string, Handler][],
  request: IncomingMessage,
  response: ServerResponse,
): void {
  const url = request.url ?? '/'
  for (const [prefix, handler] of mounts) {
    const matches =
      prefix === '' ||
      url === prefix ||
      url.startsWith(`${prefix}/`) ||
      url.startsWith(`${prefix}?`)
    if (!matches) continue
    request.url = url.slice(prefix.length) || '/'
    handler(request, response, () => {
      response.writeHead(404, { 'content-type': 'text/plain' })
      response.end(`not found: ${url}`)
    })
    return
  }
  response.writeHead(404, { 'content-type': 'text/plain' })
  response.end(`not found: ${url}`)
}
