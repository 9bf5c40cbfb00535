import { UTM_KEYS, type UtmParams } from './url.ts'

/** Channel a booking link was opened from; it becomes the link's `utm_source`. */
export type BookingChannel = 'web' | 'embed' | 'kiosk'

/** The `utm_medium` every booking link carries unless the page URL names another. */
export const BOOKING_MEDIUM = 'virtual-tour'

/**
 * Returns the offer's booking URL with campaign parameters: `utm_source` is the channel,
 * `utm_medium` is `virtual-tour` and `utm_campaign` is the tour id. Values given in the page's own
 * URL (`pageUtm`) win over these defaults. Returns the input unchanged when it is not a valid URL.
 */
export function bookingUrl(
  offerUrl: string,
  context: { channel: BookingChannel; tourId: string; pageUtm?: UtmParams },
): string {
  let url: URL
  try {
    url = new URL(offerUrl)
  } catch {
    return offerUrl
  }
  const defaults: Record<(typeof UTM_KEYS)[number], string> = {
    utm_source: context.channel,
    utm_medium: BOOKING_MEDIUM,
    utm_campaign: context.tourId,
  }
  for (const key of UTM_KEYS) {
    url.searchParams.set(key, context.pageUtm?.[key] ?? defaults[key])
  }
  return url.href
}
