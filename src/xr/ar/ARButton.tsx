import { useEffect, useState } from 'react'
import { useT } from '../../i18n/useT.ts'
import { findScene } from '../../state/actions.ts'
import { useAppStore } from '../../state/store.ts'
import { requestExitXR, useXRStatus } from '../status.ts'
import { type XRSupport, xrSupport } from '../support.ts'

/**
 * Starts an AR session. The session code comes with the 3D view, which the page shell must not
 * import, so it is reached through a dynamic import that resolves at once once the view is there.
 */
function requestAR(): Promise<void> {
  return import('./enterAR.ts').then(({ enterAR }) => enterAR())
}

/**
 * "View in your space": puts the model of a model scene into the visitor's room through an
 * immersive-ar session. Shown only in model scenes and only where such a session can start
 * (Android Chrome with ARCore, a headset with passthrough, or the emulator of `?xr=emulate`).
 * While an AR session runs, it becomes "Exit AR" for anyone watching the 2D page.
 */
export function ARButton() {
  const t = useT()
  const isModel = useAppStore((state) => findScene(state.tour, state.sceneId)?.kind === 'model')
  const sessionMode = useXRStatus((state) => state.mode)
  const [support, setSupport] = useState<XRSupport | null>(null)
  const [starting, setStarting] = useState(false)

  useEffect(() => {
    let live = true
    xrSupport('immersive-ar').then((result) => {
      if (live) setSupport(result)
    })
    return () => {
      live = false
    }
  }, [])

  if (sessionMode === 'immersive-ar') {
    return (
      <button type="button" className="button" data-xr="exit-ar" onClick={requestExitXR}>
        {t('motion.ar.exit')}
      </button>
    )
  }
  if (!isModel || !support?.supported || sessionMode !== null) return null

  const start = () => {
    setStarting(true)
    requestAR().finally(() => setStarting(false))
  }
  return (
    <button
      type="button"
      className="button button--primary"
      data-xr="enter-ar"
      disabled={starting}
      onClick={start}
    >
      {t('motion.ar.enter')}
    </button>
  )
}
