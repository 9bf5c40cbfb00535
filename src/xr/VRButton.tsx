import { useEffect, useState } from 'react'
import { createPortal } from 'react-dom'
import { useT } from '../i18n/useT.ts'
import { requestExitXR, requestVR, useXRStatus } from './status.ts'
import { type XRSupport, xrSupport } from './support.ts'

const EXIT_STYLE = { position: 'fixed', top: 12, right: 12, zIndex: 2000 } as const

/**
 * The top bar's "Enter VR" button. It shows only where a VR session can start, so a browser
 * without WebXR, or an iframe embedded without `allow="xr-spatial-tracking"`, shows nothing. While
 * a VR session runs it becomes "Exit VR" for people watching the 2D page.
 */
export function VRButton() {
  const t = useT()
  const [support, setSupport] = useState<XRSupport | null>(null)
  const [starting, setStarting] = useState(false)
  const sessionMode = useXRStatus((state) => state.mode)

  useEffect(() => {
    let live = true
    xrSupport('immersive-vr').then((result) => {
      if (live) setSupport(result)
    })
    return () => {
      live = false
    }
  }, [])

  if (sessionMode === 'immersive-vr') {
    // Fixed above everything, outside the top bar's stacking context, because a headset emulator
    // or a browser may cover the page with the session's view and the 2D page still needs a way out.
    return createPortal(
      <button
        type="button"
        className="button button--primary xr-button"
        data-xr="exit-vr"
        style={EXIT_STYLE}
        onClick={requestExitXR}
      >
        {t('xr.vr.exit')}
      </button>,
      document.body,
    )
  }
  if (!support?.supported || sessionMode !== null) return null

  const start = () => {
    setStarting(true)
    requestVR().finally(() => setStarting(false))
  }
  return (
    <button
      type="button"
      className="button xr-button"
      data-xr="enter-vr"
      title={t('xr.vr.enterHint')}
      disabled={starting}
      onClick={start}
    >
      {t('xr.vr.enter')}
    </button>
  )
}
