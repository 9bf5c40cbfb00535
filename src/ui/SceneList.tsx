import { useEffect, useRef } from 'react'
import { useLocalize, useT, useTextLang } from '../i18n/useT.ts'
import { goToScene, setSceneListOpen } from '../state/actions.ts'
import { useAppStore } from '../state/store.ts'

/** Renders the scene-list button and the list of every scene in the tour. */
export function SceneList() {
  const t = useT()
  const localize = useLocalize()
  const textLang = useTextLang()
  const tour = useAppStore((state) => state.tour)
  const sceneId = useAppStore((state) => state.sceneId)
  const open = useAppStore((state) => state.sceneListOpen)
  const rootRef = useRef<HTMLDivElement>(null)
  const toggleRef = useRef<HTMLButtonElement>(null)

  useEffect(() => {
    if (!open) return
    // Escape or a press anywhere outside the list closes it, as a menu does.
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key !== 'Escape') return
      setSceneListOpen(false)
      toggleRef.current?.focus()
    }
    const onPointerDown = (event: PointerEvent) => {
      if (!rootRef.current?.contains(event.target as Node)) setSceneListOpen(false)
    }
    window.addEventListener('keydown', onKeyDown)
    window.addEventListener('pointerdown', onPointerDown)
    return () => {
      window.removeEventListener('keydown', onKeyDown)
      window.removeEventListener('pointerdown', onPointerDown)
    }
  }, [open])

  if (!tour) return null

  return (
    <div className="scene-list" ref={rootRef}>
      <button
        ref={toggleRef}
        type="button"
        className="button"
        aria-expanded={open}
        aria-controls="scene-list-panel"
        onClick={() => setSceneListOpen(!open)}
      >
        {t('scene.list')}
      </button>
      <nav
        id="scene-list-panel"
        className="scene-list-panel"
        hidden={!open}
        aria-label={t('scene.list')}
      >
        <ol>
          {tour.scenes.map((scene) => {
            const current = scene.id === sceneId
            return (
              <li key={scene.id}>
                <button
                  type="button"
                  className="scene-list-item"
                  aria-current={current ? 'true' : undefined}
                  data-scene-id={scene.id}
                  onClick={() => {
                    if (current) setSceneListOpen(false)
                    else goToScene(scene.id, 'list')
                  }}
                >
                  <span className="scene-list-title" lang={textLang(scene.title)}>
                    {localize(scene.title)}
                  </span>
                  <span className="scene-list-kind">
                    {t(scene.kind === 'panorama' ? 'scene.kind.panorama' : 'scene.kind.model')}
                    {current ? ` · ${t('scene.current')}` : ''}
                  </span>
                </button>
              </li>
            )
          })}
        </ol>
      </nav>
    </div>
  )
}
