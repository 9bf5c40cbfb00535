import { INTL_LOCALES, translate, type UiLanguage } from '../i18n/translate.ts'
import type { OfflineStatus } from './store.ts'

/** Returns a size in megabytes with one decimal, such as "5,3 MB" in Vietnamese. */
export function formatMegabytes(bytes: number, lang: UiLanguage): string {
  return new Intl.NumberFormat(INTL_LOCALES[lang], {
    style: 'unit',
    unit: 'megabyte',
    maximumFractionDigits: 1,
    minimumFractionDigits: 1,
  }).format(bytes / 1_000_000)
}

/**
 * Returns the staff's line on offline readiness. The file counts include the app shell that the
 * service worker precached; the size counts the tour files only, whose sizes the booth reads from
 * the cached responses.
 */
export function describeOfflineStatus(status: OfflineStatus, lang: UiLanguage): string {
  if (!status.supported || status.shell === 'unavailable') {
    return translate(lang, 'kiosk.offline.unsupported')
  }
  if (status.shell !== 'ready') return translate(lang, 'kiosk.offline.installing')
  const params = {
    files: status.shellFiles + status.cachedFiles,
    total: status.shellFiles + status.totalFiles,
    size: formatMegabytes(status.cachedBytes, lang),
    failed: status.failedFiles,
  }
  if (status.phase === 'complete') return translate(lang, 'kiosk.offline.ready', params)
  if (status.phase === 'failed') return translate(lang, 'kiosk.offline.failed', params)
  return translate(lang, 'kiosk.offline.caching', params)
}
