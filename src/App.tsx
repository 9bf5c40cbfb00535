import { lazy, type RefObject, Suspense, useEffect, useRef } from 'react'
import { events } from './analytics/bus.ts'
import { useLocalize, useT, useTextLang } from './i18n/useT.ts'
import { findScene } from './state/actions.ts'
import { useAppStore } from './state/store.ts'
import { AboutButton } from './ui/AboutDialog.tsx'
import { ErrorBoundary } from './ui/ErrorBoundary.tsx'
import { FullscreenButton } from './ui/FullscreenButton.tsx'
import { GyroButton } from './ui/GyroButton.tsx'
import { HotspotLayer } from './ui/HotspotLayer.tsx'
import { LanguageSwitch } from './ui/LanguageSwitch.tsx'
import { Notices } from './ui/Notices.tsx'
import { OpenCard } from './ui/OpenCard.tsx'
import { SceneList } from './ui/SceneList.tsx'
import { SceneStatus } from './ui/SceneStatus.tsx'
import { ShareButton } from './ui/ShareDialog.tsx'
import { TouchHint } from './ui/TouchHint.tsx'
import { TourFailure } from './ui/TourFailure.tsx'
import { ARButton } from './xr/ar/ARButton.tsx'
import { useInVR } from './xr/status.ts'
import { VRButton } from './xr/VRButton.tsx'

/**
 * Starts loading the 3D view: three, React Three Fiber, drei and the XR store, in their own chunk
 * so the interface and the loading indicator can show before it arrives.
 */
export function loadViewer(): Promise<typeof import('./scene/Viewer')> {
  return import('./scene/Viewer.tsx')
}

const Viewer = lazy(loadViewer)
const KioskLayer = lazy(() =>
  import('./kiosk/KioskLayer.tsx').then((module) => ({ default: module.KioskLayer })),
)

export function App() {
  const status = useAppStore((state) => state.tourStatus)
  const error = useAppStore((state) => state.tourError)
  const mode = useAppStore((state) => state.mode)
  const t = useT()

  return (
    <>
      {status === 'loading' && (
        <div className="splash" role="status">
          <div className="spinner" aria-hidden="true" />
          <p>{t('app.loadingTour')}</p>
        </div>
      )}
      {status === 'failed' && error && <TourFailure error={error} />}
      {status === 'ready' && <TourView />}
      {status === 'ready' && mode === 'kiosk' && (
        <Suspense fallback={null}>
          <KioskLayer />
        </Suspense>
      )}
      <Notices />
    </>
  )
}

function TourView() {
  const t = useT()
  const localize = useLocalize()
  const textLang = useTextLang()
  const tour = useAppStore((state) => state.tour)
  const sceneId = useAppStore((state) => state.sceneId)
  const embedded = useAppStore((state) => state.mode === 'embed')
  const booth = useAppStore((state) => state.mode === 'kiosk')
  const scene = findScene(tour, sceneId)
  const stageRef = useRef<HTMLDivElement>(null)
  const sceneTitle = localize(scene?.title)
  const tourTitle = localize(tour?.title)
  const inVR = useInVR()

  useEffect(() => {
    document.title = sceneTitle ? `${sceneTitle} · ${tourTitle}` : tourTitle
  }, [sceneTitle, tourTitle])

  useFocusAfterSceneChange(sceneId, stageRef)

  if (!tour) return null

  const help = t(scene?.kind === 'model' ? 'scene.help.model' : 'scene.help.panorama')
  return (
    <main
      className={embedded ? 'tour tour--embed' : 'tour'}
      data-xr-session={inVR ? 'vr' : undefined}
    >
      <header className="topbar">
        <div className="titles">
          <h1 className="tour-title" lang={textLang(tour.title)}>
            {localize(tour.title)}
          </h1>
          <p className="scene-title" aria-live="polite" lang={textLang(scene?.title)}>
            {scene ? localize(scene.title) : ''}
          </p>
        </div>
        <div className="topbar-actions">
          <VRButton />
          <SceneList />
          <AboutButton />
          {/* A booth visitor takes offers home by QR code; a link copied at a booth goes nowhere. */}
          {!booth && <ShareButton />}
          <LanguageSwitch />
        </div>
      </header>
      <div
        className="stage"
        ref={stageRef}
        role="application"
        // biome-ignore lint/a11y/noNoninteractiveTabindex: the stage takes arrow and +/- keys
        tabIndex={0}
        aria-label={help}
        aria-roledescription={t(
          scene?.kind === 'model' ? 'scene.kind.model' : 'scene.kind.panorama',
        )}
        data-scene-kind={scene?.kind}
        data-touch-pan={embedded ? 'two-finger' : undefined}
      >
        <ErrorBoundary
          fallback={<p className="scene-error">{t('app.webglUnavailable')}</p>}
          onError={(error) =>
            events.emit('error', { tourId: tour.id, code: 'webgl', message: String(error) })
          }
        >
          <Suspense fallback={null}>
            <Viewer inputTarget={stageRef} />
          </Suspense>
        </ErrorBoundary>
        <HotspotLayer />
        <SceneStatus />
        {embedded && <TouchHint target={stageRef} />}
      </div>
      <div className="stage-controls">
        <GyroButton />
        <FullscreenButton />
        <ARButton />
      </div>
      {scene?.credit !== undefined && (
        <footer className="credit">{t('scene.credit', { credit: localize(scene.credit) })}</footer>
      )}
      {/* In a headset the card is a panel in the scene; a modal here would block "Exit VR". */}
      {!inVR && <OpenCard />}
    </main>
  )
}

/**
 * Moves focus to the stage after a scene change when the element that had it went away or was
 * hidden: the hotspot button or scene-list entry that was pressed. Keyboard users then keep their
 * place instead of starting again from the top of the page.
 */
function useFocusAfterSceneChange(
  sceneId: string | null,
  stageRef: RefObject<HTMLDivElement | null>,
): void {
  const previous = useRef(sceneId)
  useEffect(() => {
    if (previous.current === sceneId) return
    previous.current = sceneId
    const focused = document.activeElement
    // A closed list leaves focus on an element that is no longer rendered (no client rects).
    const lost =
      focused === null ||
      focused === document.body ||
      !focused.isConnected ||
      focused.getClientRects().length === 0
    if (lost) {
      stageRef.current?.focus({ preventScroll: true })
    }
  }, [sceneId, stageRef])
}
