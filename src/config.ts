import { normalizeOrigins } from './embed/protocol.ts'

/**
 * Deployment settings, fixed at build time through Vite environment variables (see README).
 */

/** The bundled sample tour, relative to the page. */
export const DEFAULT_TOUR_PATH = 'scenes/tay-bac/tour.json'

/**
 * Origins other than the app's own from which `?tour=` may load a tour file, from the
 * comma-separated `VITE_TOUR_ORIGINS`, such as `https://tours.example.org`.
 */
export const ALLOWED_TOUR_ORIGINS: readonly string[] = (import.meta.env.VITE_TOUR_ORIGINS ?? '')
  .split(',')
  .map((origin: string) => origin.trim())
  .filter((origin: string) => origin !== '')

/**
 * Origins of pages that may send commands to the app when it is embedded (`?mode=embed`), from the
 * comma-separated `VITE_EMBED_ORIGINS`, such as `https://portal.example.org`. A tour adds its own
 * with `embed.allowedOrigins`. Entries that are not plain origins are dropped.
 */
export const EMBED_COMMAND_ORIGINS: readonly string[] = normalizeOrigins(
  (import.meta.env.VITE_EMBED_ORIGINS ?? '').split(','),
)

/**
 * Name of a global that an automation init script may set to a PIN for the booth's staff menu.
 * Only code that already controls the page can set it, so it opens nothing a visitor could reach.
 */
export const TEST_KIOSK_PIN_GLOBAL = '__SHOWCASE_TEST_KIOSK_PIN__'

/**
 * Returns the PIN of the booth's staff menu: `VITE_KIOSK_PIN` at build time (4 to 12 digits), or
 * the test override. Returns null when neither is set, and the staff menu then stays locked.
 */
export function kioskPin(): string | null {
  const override = (globalThis as Record<string, unknown>)[TEST_KIOSK_PIN_GLOBAL]
  const pin = typeof override === 'string' ? override : (import.meta.env.VITE_KIOSK_PIN ?? '')
  return /^\d{4,12}$/.test(pin) ? pin : null
}
