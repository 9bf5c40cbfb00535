import { type RefObject, useEffect, useState } from 'react'
import { useT } from '../i18n/useT.ts'
import { TWO_FINGER_HINT_EVENT } from '../scene/panoramaInput.ts'

/** How long the two-finger hint stays, in milliseconds. */
const HINT_MS = 2500

/**
 * Shows "Use two fingers to look around" for a moment after a one-finger drag over an embedded
 * panorama, which scrolls the host page instead of turning the view.
 */
export function TouchHint({ target }: { target: RefObject<HTMLElement | null> }) {
  const t = useT()
  const [visible, setVisible] = useState(false)

  useEffect(() => {
    const element = target.current
    if (!element) return
    let timer: ReturnType<typeof setTimeout> | undefined
    const show = () => {
      setVisible(true)
      clearTimeout(timer)
      timer = setTimeout(() => setVisible(false), HINT_MS)
    }
    element.addEventListener(TWO_FINGER_HINT_EVENT, show)
    return () => {
      element.removeEventListener(TWO_FINGER_HINT_EVENT, show)
      clearTimeout(timer)
    }
  }, [target])

  return (
    <p className="touch-hint" aria-live="polite" data-visible={visible}>
      {visible ? t('embed.twoFingerHint') : ''}
    </p>
  )
}
