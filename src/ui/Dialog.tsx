import { type ReactNode, useEffect, useRef } from 'react'
import { useT } from '../i18n/useT.ts'

/**
 * A modal card built on the native `<dialog>` element: it traps focus, closes on Escape and returns
 * focus to the element that opened it.
 */
export function Dialog({
  labelledBy,
  className,
  onClose,
  children,
}: {
  labelledBy: string
  className?: string
  onClose: () => void
  children: ReactNode
}) {
  const ref = useRef<HTMLDialogElement>(null)
  const t = useT()

  useEffect(() => {
    const dialog = ref.current
    if (!dialog) return
    // The dialog leaves the page when the card unmounts. Closing it here as well would fire
    // `close`, which would report a close the visitor did not ask for.
    if (!dialog.open) dialog.showModal()
  }, [])

  return (
    // Escape closes a native dialog by itself; the click handler only adds backdrop clicks.
    // biome-ignore lint/a11y/useKeyWithClickEvents: keyboard closing is built into <dialog>
    <dialog
      ref={ref}
      className={`card ${className ?? ''}`}
      aria-labelledby={labelledBy}
      onClose={onClose}
      onClick={(event) => {
        // A click on the backdrop lands on the dialog element itself.
        if (event.target === ref.current) onClose()
      }}
    >
      <div className="card-body">
        <button type="button" className="card-close" onClick={onClose} aria-label={t('card.close')}>
          ×
        </button>
        {children}
      </div>
    </dialog>
  )
}
