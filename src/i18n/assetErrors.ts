import type { AssetError } from '../state/store.ts'
import { translate, type UiLanguage } from './translate.ts'

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
    // A model with nothing to draw gets the same message as a broken one: for the visitor both
    // are a model that cannot be shown. The parser's detail goes to the `error` event instead.
    case 'model':
    case 'empty-model':
      return translate(lang, 'asset.error.model', { url })
    case 'tiles':
      return error.field === null
        ? translate(lang, 'tiles.error.json', { url })
        : translate(lang, 'tiles.error.field', { url, field: error.field })
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
