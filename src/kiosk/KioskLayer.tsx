import { useEffect, useRef } from 'react'
import { translate } from '../i18n/translate.ts'
import { useT } from '../i18n/useT.ts'
import { STAFF_ATTRIBUTE } from './kiosk.ts'
import { StaffMenu } from './StaffMenu.tsx'
import { useKioskStore } from './store.ts'

/** Press duration on the staff corner that opens the PIN prompt, in milliseconds. */
export const STAFF_PRESS_MS = 3000

/** Booth-only interface: the attract prompt, the hidden staff corner and the staff menu. */
export function KioskLayer() {
  const attract = useKioskStore((state) => state.attract)
  const staffMenu = useKioskStore((state) => state.staffMenu)
  return (
    <>
      {attract && <AttractPrompt />}
      <StaffCorner />
      {staffMenu !== 'closed' && <StaffMenu />}
    </>
  )
}

/**
 * Covers the booth while the attract loop runs, so the touch that ends it does not also open a
 * hotspot. The prompt is always in Vietnamese and English, whatever the interface language.
 */
function AttractPrompt() {
  const t = useT()
  return (
    <button type="button" className="kiosk-attract" aria-label={t('kiosk.attract.start')}>
      <span className="kiosk-attract-prompt" lang="vi">
        {translate('vi', 'kiosk.attract.prompt')}
      </span>
      <span className="kiosk-attract-prompt kiosk-attract-prompt--second" lang="en">
        {translate('en', 'kiosk.attract.prompt')}
      </span>
    </button>
  )
}

/** An unmarked corner; a press of `STAFF_PRESS_MS` there asks for the staff PIN. */
function StaffCorner() {
  const t = useT()
  const pressTimer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined)
  useEffect(() => () => clearTimeout(pressTimer.current), [])
  const cancel = () => clearTimeout(pressTimer.current)
  return (
    <button
      type="button"
      className="kiosk-staff-corner"
      {...{ [STAFF_ATTRIBUTE]: '' }}
      tabIndex={-1}
      aria-label={t('kiosk.staff.corner')}
      onPointerDown={(event) => {
        event.preventDefault()
        cancel()
        pressTimer.current = setTimeout(
          () => useKioskStore.setState({ staffMenu: 'pin' }),
          STAFF_PRESS_MS,
        )
      }}
      onPointerUp={cancel}
      onPointerLeave={cancel}
      onPointerCancel={cancel}
    />
  )
}
