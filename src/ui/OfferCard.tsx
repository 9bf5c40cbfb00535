import { useEffect, useState } from 'react'
import { type BookingChannel, bookingUrl } from '../core/booking.ts'
import { formatDuration, formatPrice } from '../i18n/format.ts'
import { useLocalize, useT, useTextLang } from '../i18n/useT.ts'
import { closeCard, recordOfferLink } from '../state/actions.ts'
import { useAppStore } from '../state/store.ts'
import type { Offer } from '../tour/schema.ts'
import { Dialog } from './Dialog.tsx'
import { Paragraphs } from './Paragraphs.tsx'

/**
 * Renders the card an offer hotspot opens: what the tour is, its price and length, a Book link
 * tagged with the campaign parameters and a tap-to-call link. A QR code of the booking link lets
 * visitors at a big screen book on their phone; a booth shows only the code and the number.
 */
export function OfferCard({ offer }: { offer: Offer }) {
  const t = useT()
  const localize = useLocalize()
  const textLang = useTextLang()
  const lang = useAppStore((state) => state.lang)
  const tourId = useAppStore((state) => state.tour?.id ?? '')
  const mode = useAppStore((state) => state.mode)
  const utm = useAppStore((state) => state.utm)
  let channel: BookingChannel = 'web'
  if (mode === 'embed') channel = 'embed'
  if (mode === 'kiosk') channel = 'kiosk'
  const href = bookingUrl(offer.url, { channel, tourId, pageUtm: utm })
  const qr = useQrCode(href)
  const titleId = `offer-title-${offer.id}`
  const nights = offer.durationNights ?? Math.max(0, offer.durationDays - 1)

  // The facts and the booking links come first, so they show without scrolling on a small screen.
  return (
    <Dialog labelledBy={titleId} className="card--offer" onClose={closeCard}>
      <p className="card-kicker">{t('offer.heading')}</p>
      <h2 id={titleId} lang={textLang(offer.title)}>
        {localize(offer.title)}
      </h2>
      <dl className="offer-facts">
        <dt>{t('offer.price')}</dt>
        <dd className="offer-price">
          {formatPrice(offer.price.amount, offer.price.currency, lang)}
        </dd>
        <dt>{t('offer.duration')}</dt>
        <dd>{formatDuration(offer.durationDays, nights, lang)}</dd>
        <dt>{t('offer.departsFrom')}</dt>
        <dd lang={textLang(offer.departsFrom)}>{localize(offer.departsFrom)}</dd>
        <dt>{t('offer.operator')}</dt>
        <dd>{offer.operator}</dd>
      </dl>
      {mode === 'kiosk' ? (
        <KioskBooking offerId={offer.id} href={href} qr={qr} phone={offer.phone} />
      ) : (
        <>
          <div className="offer-actions">
            <a
              className="button button--primary"
              href={href}
              target="_blank"
              rel="noopener"
              onClick={() => recordOfferLink(offer.id, 'book', href)}
            >
              {t('offer.book')}
              <span className="visually-hidden"> ({t('offer.bookHint')})</span>
            </a>
            {offer.phone && (
              <a
                className="button"
                href={`tel:${offer.phone.replace(/[^+\d]/g, '')}`}
                onClick={() => recordOfferLink(offer.id, 'call', `tel:${offer.phone}`)}
              >
                {t('offer.call', { phone: offer.phone })}
              </a>
            )}
          </div>
          {qr && (
            <figure className="offer-qr">
              <img src={qr} alt={t('offer.qrAlt')} width={160} height={160} />
              <figcaption>{t('offer.qrCaption')}</figcaption>
            </figure>
          )}
        </>
      )}
      {offer.image && (
        <img className="card-image" src={offer.image.src} alt={localize(offer.image.alt)} />
      )}
      {offer.description && (
        <Paragraphs text={localize(offer.description)} lang={textLang(offer.description)} />
      )}
    </Dialog>
  )
}

/**
 * Booking at a booth: a large QR code of the booking link and the phone number as text, and no
 * link that would take the booth's browser away. Showing the code is recorded as the visitor's
 * booking link, on the `kiosk-qr` channel.
 */
function KioskBooking({
  offerId,
  href,
  qr,
  phone,
}: {
  offerId: string
  href: string
  qr: string | null
  phone: string | undefined
}) {
  const t = useT()
  const shown = qr !== null
  useEffect(() => {
    if (shown) recordOfferLink(offerId, 'book', href)
  }, [shown, offerId, href])
  return (
    <div className="offer-kiosk">
      {qr && (
        <figure className="offer-qr offer-qr--kiosk">
          <img src={qr} alt={t('offer.qrAlt')} width={280} height={280} />
          <figcaption>{t('kiosk.offer.scan')}</figcaption>
        </figure>
      )}
      {phone && <p className="offer-kiosk-phone">{t('kiosk.offer.phone', { phone })}</p>}
    </div>
  )
}

/**
 * Returns an SVG data URL of a QR code for `text`, generated in the browser. The QR library loads
 * with the first offer card, so visitors who never open one do not download it.
 */
function useQrCode(text: string): string | null {
  const [dataUrl, setDataUrl] = useState<string | null>(null)
  useEffect(() => {
    let cancelled = false
    import('qrcode')
      .then(({ default: QRCode }) =>
        QRCode.toString(text, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 }),
      )
      .then(
        (svg) => {
          if (!cancelled) setDataUrl(`data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`)
        },
        (error: unknown) => console.error('[offer] QR code generation failed', error),
      )
    return () => {
      cancelled = true
    }
  }, [text])
  return dataUrl
}
