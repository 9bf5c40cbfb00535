import { describeAssetError } from '../i18n/assetErrors.ts'
import { useLocalize, useT } from '../i18n/useT.ts'
import { findScene } from '../state/actions.ts'
import { useAppStore } from '../state/store.ts'

/** Renders the current scene's loading indicator, or the message that replaces a failed scene. */
export function SceneStatus() {
  const t = useT()
  const localize = useLocalize()
  const lang = useAppStore((state) => state.lang)
  const tour = useAppStore((state) => state.tour)
  const sceneId = useAppStore((state) => state.sceneId)
  const load = useAppStore((state) => (sceneId ? state.sceneLoads[sceneId] : undefined))
  const scene = findScene(tour, sceneId)
  if (!scene) return null
  const title = localize(scene.title)

  if (load?.status === 'error' && load.error) {
    return (
      <div className="scene-error" role="alert">
        <h2>{t('scene.error.title', { title })}</h2>
        <p>{describeAssetError(load.error, lang)}</p>
        <p>{t('scene.error.other')}</p>
      </div>
    )
  }
  if (load?.status === 'ready') return null

  const percent = load?.progress != null ? Math.round(load.progress * 100) : null
  return (
    <div className="scene-loading">
      <div className="spinner" aria-hidden="true" />
      <p id="scene-loading-label">{t('scene.loading', { title })}</p>
      <div
        className="progress"
        role="progressbar"
        aria-labelledby="scene-loading-label"
        aria-valuemin={0}
        aria-valuemax={100}
        {...(percent !== null ? { 'aria-valuenow': percent } : {})}
      >
        <div className="progress-bar" style={{ width: `${percent ?? 15}%` }} />
      </div>
    </div>
  )
}
