import { useEffect, useState } from 'react'
import { useStore } from 'zustand'
import { useT } from '../../i18n/useT.ts'
import { addNotice, findScene } from '../../state/actions.ts'
import { useAppStore } from '../../state/store.ts'
import { captureView, exitXR } from '../session.ts'
import { xrStore } from '../store.ts'
import { type XRSupport, xrSupport } from '../support.ts'

/** Starts an immersive-ar session; a failure becomes a notice and the 2D view stays as it was. */
export async function enterAR(): Promise<void> {
  captureView()
  try {
    const session = await xrStore.enterAR()
    if (!session) throw new Error('no session was returned')
  } catch (error) {
    console.error('[ar] the AR session could not start', error)
    addNotice('motion.ar.failed', {
      reason: error instanceof Error ? error.message : String(error),
    })
  }
}

/**
 * "View in your space": puts the model of a model scene into the visitor's room through an
 * immersive-ar session. Shown only in model scenes and only where such a session can start
 * (Android Chrome with ARCore, a headset with passthrough, or the emulator of `?xr=emulate`).
 * While an AR session runs it becomes "Exit AR", for whoever watches the 2D page.
 */
export function ARButton() {
  const t = useT()
  const isModel = useAppStore((state) => findScene(state.tour, state.sceneId)?.kind === 'model')
  const sessionMode = useStore(xrStore, (state) => (state.session ? state.mode : null))
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
      <button type="button" className="button" data-xr="exit-ar" onClick={exitXR}>
        {t('motion.ar.exit')}
      </button>
    )
  }
  if (!isModel || !support?.supported || sessionMode !== null) return null

  const start = () => {
    setStarting(true)
    enterAR().finally(() => setStarting(false))
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
