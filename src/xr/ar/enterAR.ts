import { addNotice } from '../../state/actions.ts'
import { captureView } from '../session.ts'
import { xrStore } from '../store.ts'

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
