import { useId, useMemo, useRef, useState } from 'react'
import { embedSnippet, shareLink } from '../core/share.ts'
import type { UtmKey, UtmParams } from '../core/url.ts'
import type { MessageKey } from '../i18n/translate.ts'
import { useLocalize, useT } from '../i18n/useT.ts'
import { findScene } from '../state/actions.ts'
import { useAppStore } from '../state/store.ts'
import { getLiveView } from '../state/view.ts'
import { Dialog } from './Dialog.tsx'

const UTM_FIELDS: { key: UtmKey; label: MessageKey }[] = [
  { key: 'utm_source', label: 'embed.share.utmSource' },
  { key: 'utm_medium', label: 'embed.share.utmMedium' },
  { key: 'utm_campaign', label: 'embed.share.utmCampaign' },
]

/**
 * Renders the Share button and its dialog. The dialog shows a deep link to the current scene, view
 * and language, to copy or to hand to the system share sheet. Outside embed mode it also shows an
 * iframe snippet whose booking links carry the campaign values the marketer types.
 */
export function ShareButton() {
  const t = useT()
  const [open, setOpen] = useState(false)
  return (
    <>
      <button type="button" className="button" onClick={() => setOpen(true)}>
        {t('embed.share.open')}
      </button>
      {open && <ShareDialog onClose={() => setOpen(false)} />}
    </>
  )
}

function ShareDialog({ onClose }: { onClose: () => void }) {
  const t = useT()
  const localize = useLocalize()
  const tour = useAppStore((state) => state.tour)
  const sceneId = useAppStore((state) => state.sceneId)
  const lang = useAppStore((state) => state.lang)
  // Visitors of an embedded tour get the link only; the embed code is for the tour's own site.
  const embedded = useAppStore((state) => state.mode === 'embed')
  const scene = findScene(tour, sceneId)
  const ids = useId()
  const linkRef = useRef<HTMLInputElement>(null)
  const snippetRef = useRef<HTMLTextAreaElement>(null)
  const [status, setStatus] = useState('')
  const [utm, setUtm] = useState<UtmParams>({})

  // The view is read once, when the dialog opens: the visitor cannot turn it while the modal shows.
  const view = useMemo(() => (scene?.kind === 'panorama' ? getLiveView() : undefined), [scene])
  if (!tour || !scene) return null

  const place = { scene: scene.id, lang, ...(view ? { view } : {}) }
  const link = shareLink(location.href, place)
  const tourParam = new URLSearchParams(location.search).get('tour') ?? undefined
  const snippet = embedSnippet({
    appUrl: location.href,
    ...(tourParam !== undefined ? { tour: tourParam } : {}),
    place,
    utm,
    title: localize(tour.title),
  })
  const title = localize(scene.title)
  const canShare = typeof navigator.share === 'function'

  const copy = async (text: string, field: HTMLInputElement | HTMLTextAreaElement | null) => {
    const copied = await copyText(text, field)
    setStatus(t(copied ? 'embed.share.copied' : 'embed.share.copyFailed'))
  }

  return (
    <Dialog labelledBy={`${ids}-title`} className="card--share" onClose={onClose}>
      <h2 id={`${ids}-title`}>{t('embed.share.title')}</h2>
      <label className="share-field">
        <span>{t('embed.share.linkLabel')}</span>
        <input
          ref={linkRef}
          type="url"
          readOnly
          value={link}
          onFocus={(event) => event.currentTarget.select()}
        />
      </label>
      <div className="share-actions">
        <button
          type="button"
          className="button button--primary"
          onClick={() => void copy(link, linkRef.current)}
        >
          {t('embed.share.copy')}
        </button>
        {canShare && (
          <button
            type="button"
            className="button"
            onClick={() => {
              // A dismissed share sheet rejects with AbortError; there is nothing to report then.
              navigator.share({ title, url: link }).catch(() => {})
            }}
          >
            {t('embed.share.native')}
          </button>
        )}
      </div>
      <p className="share-status" aria-live="polite">
        {status}
      </p>
      {!embedded && (
        <>
          <h3>{t('embed.share.embedHeading')}</h3>
          <p>{t('embed.share.embedIntro')}</p>
          <div className="share-utm">
            {UTM_FIELDS.map(({ key, label }) => (
              <label key={key} className="share-field">
                <span>{t(label)}</span>
                <input
                  type="text"
                  name={key}
                  value={utm[key] ?? ''}
                  maxLength={100}
                  autoComplete="off"
                  spellCheck={false}
                  onChange={(event) => {
                    const value = event.currentTarget.value
                    setUtm((current) => ({ ...current, [key]: value }))
                  }}
                />
              </label>
            ))}
          </div>
          <label className="share-field">
            <span>{t('embed.share.snippetLabel')}</span>
            <textarea
              ref={snippetRef}
              readOnly
              rows={5}
              value={snippet}
              spellCheck={false}
              onFocus={(event) => event.currentTarget.select()}
            />
          </label>
          <div className="share-actions">
            <button
              type="button"
              className="button"
              onClick={() => void copy(snippet, snippetRef.current)}
            >
              {t('embed.share.copySnippet')}
            </button>
          </div>
        </>
      )}
    </Dialog>
  )
}

/**
 * Copies text with the Clipboard API, falling back to selecting the field and `execCommand`, which
 * still works in an iframe whose host did not grant `clipboard-write`.
 */
async function copyText(
  text: string,
  field: HTMLInputElement | HTMLTextAreaElement | null,
): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text)
    return true
  } catch {
    if (!field) return false
    field.focus()
    field.select()
    return document.execCommand('copy')
  }
}
