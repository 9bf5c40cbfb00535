import type { AssetError } from '../state/store'
import { translate, type UiLanguage } from './translate'

/** Returns the localized sentence that explains why an asset could not be shown. */
export function describeAssetError(error: AssetError, lang: UiLanguage): string {
  const url = shortUrl(error.url)
  switch (error.kind) {
    case 'http':
      return translate(lang, 'asset.error.http', { status: error.status, url })
    case 'network':
      return translate(lang, 'asset.error.network', { url })
    case 'image':
      return translate(lang, 'asset.error.image', { url })
    case 'model':
      return translate(lang, 'asset.error.model', { url, detail: error.detail })
    case 'empty-model':
      return translate(lang, 'asset.error.emptyModel', { url })
  }
}

/** Returns the path of a same-site URL, which reads better in a message than the full address. */
function shortUrl(url: string): string {
  try {
    const parsed = new URL(url)
    return parsed.origin === location.origin ? parsed.pathname : url
  } catch {
    return url
  }
}
