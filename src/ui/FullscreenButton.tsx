import { useEffect, useState } from 'react'
import { useT } from '../i18n/useT.ts'

/**
 * Renders a button that shows the page full screen, or nothing where the browser refuses it, such
 * as in an iframe whose host did not grant `allow="fullscreen"`.
 */
export function FullscreenButton() {
  const t = useT()
  const [active, setActive] = useState(() => document.fullscreenElement !== null)

  useEffect(() => {
    const update = () => setActive(document.fullscreenElement !== null)
    document.addEventListener('fullscreenchange', update)
    return () => document.removeEventListener('fullscreenchange', update)
  }, [])

  if (!document.fullscreenEnabled) return null
  return (
    <button
      type="button"
      className="button"
      aria-pressed={active}
      onClick={() => {
        const request = active
          ? document.exitFullscreen()
          : document.documentElement.requestFullscreen()
        request.catch((error: unknown) => console.warn('[fullscreen] request failed', error))
      }}
    >
      {t(active ? 'embed.fullscreen.exit' : 'embed.fullscreen.enter')}
    </button>
  )
}
