import { existsSync } from 'node:fs'
import { pathToFileURL } from 'node:url'

/** Places where Debian, Ubuntu and Chrome packages install a Chromium-based browser. */
const CANDIDATES = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
]

/** Returns the browser the end-to-end tests drive: `CHROMIUM_PATH`, else the first one installed. */
export function findChromium(): string | null {
  const configured = process.env.CHROMIUM_PATH
  if (configured) return existsSync(configured) ? configured : null
  return CANDIDATES.find((candidate) => existsSync(candidate)) ?? null
}

export const MISSING_CHROMIUM_MESSAGE = [
  'No Chromium found for the end-to-end tests (looked at CHROMIUM_PATH and',
  `${CANDIDATES.join(', ')}).`,
  'Install one from your system packages, for example on Debian or Ubuntu:',
  '  sudo apt-get install -y chromium',
  'or set CHROMIUM_PATH to a Chromium or Chrome executable. The tests never download a browser.',
].join('\n')

// Run directly (`npm run test:browser-check`), this file checks for a browser before the tests.
if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const path = findChromium()
  if (!path) {
    console.error(MISSING_CHROMIUM_MESSAGE)
    process.exit(1)
  }
  console.log(`Chromium for end-to-end tests: ${path}`)
}
