import { useLocalize, useTextLang } from '../i18n/useT.ts'
import { closeCard } from '../state/actions.ts'
import type { Hotspot } from '../tour/schema.ts'
import { Dialog } from './Dialog.tsx'
import { Paragraphs } from './Paragraphs.tsx'

type InfoHotspot = Extract<Hotspot, { kind: 'info' }>

/** Renders the card an info hotspot opens: a title, text and an optional image. */
export function InfoCard({ hotspot }: { hotspot: InfoHotspot }) {
  const localize = useLocalize()
  const textLang = useTextLang()
  const titleId = `info-title-${hotspot.id}`
  return (
    <Dialog labelledBy={titleId} className="card--info" onClose={closeCard}>
      <h2 id={titleId} lang={textLang(hotspot.title)}>
        {localize(hotspot.title)}
      </h2>
      {hotspot.image && (
        <img className="card-image" src={hotspot.image.src} alt={localize(hotspot.image.alt)} />
      )}
      <Paragraphs text={localize(hotspot.text)} lang={textLang(hotspot.text)} />
    </Dialog>
  )
}
