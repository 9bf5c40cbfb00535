import { useState } from 'react'
import { useLocalize, useT, useTextLang } from '../i18n/useT.ts'
import { useAppStore } from '../state/store.ts'
import { Dialog } from './Dialog.tsx'
import { Paragraphs } from './Paragraphs.tsx'

/** Renders a button that opens the tour's description and credits. */
export function AboutButton() {
  const t = useT()
  const localize = useLocalize()
  const textLang = useTextLang()
  const tour = useAppStore((state) => state.tour)
  const [open, setOpen] = useState(false)
  if (!tour || (tour.description === undefined && tour.credits === undefined)) return null

  return (
    <>
      <button type="button" className="button" onClick={() => setOpen(true)}>
        {t('about.open')}
      </button>
      {open && (
        <Dialog labelledBy="about-title" className="card--about" onClose={() => setOpen(false)}>
          <h2 id="about-title">{t('about.title')}</h2>
          {tour.description !== undefined && (
            <Paragraphs text={localize(tour.description)} lang={textLang(tour.description)} />
          )}
          {tour.credits !== undefined && (
            <div className="about-credits">
              <Paragraphs text={localize(tour.credits)} lang={textLang(tour.credits)} />
            </div>
          )}
        </Dialog>
      )}
    </>
  )
}
