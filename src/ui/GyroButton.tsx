import { useEffect, useMemo, useState } from 'react'
import { useT } from '../i18n/useT.ts'
import { addNotice, findScene } from '../state/actions.ts'
import { requestFrame } from '../state/anchors.ts'
import { useAppStore } from '../state/store.ts'
import { liveView } from '../state/view.ts'
import {
  createGyroscope,
  type Gyroscope,
  gyroscopeAvailable,
  orientationPermissionRequest,
  screenOrientationAngle,
} from './gyroscope.ts'

function createPageGyroscope(): Gyroscope {
  return createGyroscope({
    target: window,
    // Read at each `enable`, so a page script that defines it later is still seen.
    get requestPermission() {
      return orientationPermissionRequest()
    },
    screenAngle: screenOrientationAngle,
    view: () => liveView.view,
    onChange: requestFrame,
    setTimeout: (callback, ms) => window.setTimeout(callback, ms),
    clearTimeout: (handle) => window.clearTimeout(handle as number),
  })
}

/**
 * Toggle for looking around a panorama by moving the phone. Shown only on touch devices whose
 * browser has `DeviceOrientationEvent`, and only in panorama scenes. Touch drag keeps working
 * while it is on and after it was refused.
 */
export function GyroButton() {
  const t = useT()
  const isPanorama = useAppStore(
    (state) => findScene(state.tour, state.sceneId)?.kind === 'panorama',
  )
  const [available] = useState(gyroscopeAvailable)
  const gyroscope = useMemo(createPageGyroscope, [])
  const [on, setOn] = useState(false)

  useEffect(() => () => gyroscope.disable(), [gyroscope])

  useEffect(() => {
    if (isPanorama) return
    gyroscope.disable()
    setOn(false)
  }, [isPanorama, gyroscope])

  if (!available || !isPanorama) return null

  const toggle = () => {
    if (on) {
      gyroscope.disable()
      setOn(false)
      return
    }
    setOn(true)
    // `enable` makes the iOS permission request before it awaits anything, inside this tap.
    void gyroscope.enable().then((result) => {
      if (result === 'on') return
      setOn(false)
      if (result === 'denied') addNotice('motion.gyro.denied')
      if (result === 'no-readings') {
        addNotice(
          window.self !== window.top ? 'motion.gyro.no-readings-embed' : 'motion.gyro.no-readings',
        )
      }
    })
  }

  return (
    <button
      type="button"
      className="stage-control"
      aria-pressed={on}
      aria-label={t('motion.gyro')}
      title={t('motion.gyro')}
      onClick={toggle}
    >
      <svg viewBox="0 0 24 24" width="24" height="24" focusable="false" aria-hidden="true">
        <rect
          x="8"
          y="3"
          width="8"
          height="18"
          rx="1.8"
          fill="none"
          stroke="currentColor"
          strokeWidth="2"
        />
        <path
          d="M4.5 8.5a9 9 0 000 7M19.5 8.5a9 9 0 010 7"
          fill="none"
          stroke="currentColor"
          strokeWidth="2"
          strokeLinecap="round"
        />
      </svg>
    </button>
  )
}
