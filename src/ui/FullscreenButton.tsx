import { useEffect, useState } from 'react'
import { useT } from '../i18n/useT.ts'
import { isKeyForOtherControl } from '../scene/keyboard.ts'

/** Attribute set on `<html>` while the fallback full-viewport layout is on. */
export const EXPANDED_ATTRIBUTE = 'data-expanded'

/**
 * Returns true when the page can use the Fullscreen API. iPhone Safari and Chrome have no
 * `requestFullscreen` on elements, and browsers set `fullscreenEnabled` to false in an iframe
 * without `allow="fullscreen"`.
 */
export function fullscreenApiAvailable(): boolean {
  return (
    typeof document.documentElement.requestFullscreen === 'function' &&
    document.fullscreenEnabled !== false
  )
}

/**
 * Full-screen toggle. Where the Fullscreen API exists it puts the whole page in full screen.
 * Elsewhere, as on iPhones, it switches to a layout that gives the scene the whole viewport by
 * hiding the top bar; the same button, now named "Exit full screen", or the Esc key leaves it.
 */
export function FullscreenButton() {
  const t = useT()
  const [useApi] = useState(fullscreenApiAvailable)
  const [fullscreen, setFullscreen] = useState(false)

  useEffect(() => {
    if (!useApi) return
    const onChange = () => setFullscreen(document.fullscreenElement !== null)
    document.addEventListener('fullscreenchange', onChange)
    return () => document.removeEventListener('fullscreenchange', onChange)
  }, [useApi])

  useEffect(() => {
    if (useApi || !fullscreen) return
    const root = document.documentElement
    root.setAttribute(EXPANDED_ATTRIBUTE, '')
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key !== 'Escape' || isKeyForOtherControl(event)) return
      event.preventDefault()
      setFullscreen(false)
    }
    window.addEventListener('keydown', onKeyDown)
    return () => {
      root.removeAttribute(EXPANDED_ATTRIBUTE)
      window.removeEventListener('keydown', onKeyDown)
    }
  }, [useApi, fullscreen])

  const toggle = () => {
    if (!useApi) {
      setFullscreen(!fullscreen)
      return
    }
    const request = document.fullscreenElement
      ? document.exitFullscreen()
      : document.documentElement.requestFullscreen()
    request.catch((error: unknown) => {
      // The browser refused, for example because the tap did not count as a user gesture. The
      // button keeps showing the real state, which `fullscreenchange` reports.
      console.warn('[fullscreen] request failed', error)
    })
  }

  // In an iframe whose host did not grant `allow="fullscreen"`, a layout inside the frame would not
  // fill the screen, so there is no button at all.
  if (!useApi && window.parent !== window) return null
  const label = t(fullscreen ? 'motion.fullscreen.exit' : 'motion.fullscreen.enter')
  return (
    <button
      type="button"
      className="stage-control"
      aria-pressed={fullscreen}
      aria-label={t('motion.fullscreen.enter')}
      title={label}
      data-fullscreen-mode={useApi ? 'api' : 'layout'}
      onClick={toggle}
    >
      <svg viewBox="0 0 24 24" width="24" height="24" focusable="false" aria-hidden="true">
        <path
          d={
            fullscreen
              ? 'M9 4v5H4M15 4v5h5M9 20v-5H4M15 20v-5h5'
              : 'M4 9V4h5M20 9V4h-5M4 15v5h5M20 15v5h-5'
          }
          fill="none"
          stroke="currentColor"
          strokeWidth="2"
          strokeLinecap="round"
          strokeLinejoin="round"
        />
      </svg>
    </button>
  )
}
