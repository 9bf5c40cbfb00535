import { Canvas, useThree } from '@react-three/fiber'
import { XR } from '@react-three/xr'
import { type RefObject, useEffect, useRef, useState } from 'react'
import type { WebGLRenderer } from 'three'
import { events } from '../analytics/bus.ts'
import { showcaseHandle } from '../debug.ts'
import { useT } from '../i18n/useT.ts'
import { CROSSFADE_MS, findScene, setSnapshotHook } from '../state/actions.ts'
import { setFrameRequester } from '../state/anchors.ts'
import { useAppStore } from '../state/store.ts'
import { ARLayer } from '../xr/ar/ARLayer.tsx'
import { xrStore } from '../xr/store.ts'
import { VRLayer } from '../xr/VRLayer.tsx'
import { forgetRoomEnvironment } from './environment.ts'
import { HotspotProjector } from './HotspotProjector.tsx'
import { ModelScene } from './ModelScene.tsx'
import { PanoramaScene } from './PanoramaScene.tsx'
import { attachPanoramaInput } from './panoramaInput.ts'

/**
 * Renders the current scene in a React Three Fiber canvas. Frames are drawn on demand (after
 * input, a load or an animation step), which keeps an idle booth or phone cool.
 */
export default function Viewer({ inputTarget }: { inputTarget: RefObject<HTMLElement | null> }) {
  const tour = useAppStore((state) => state.tour)
  const sceneId = useAppStore((state) => state.sceneId)
  const scene = findScene(tour, sceneId)
  const snapshotRef = useRef<HTMLCanvasElement>(null)
  const isPanorama = scene?.kind === 'panorama'
  // An embedded tour leaves one-finger swipes to the host page, so visitors can scroll past it.
  const touchPan = useAppStore((state) => (state.mode === 'embed' ? 'two-finger' : 'one-finger'))
  const { contextLost, contextGeneration, watchContext } = useContextLoss()
  const t = useT()
  // After a lost WebGL context comes back, the scene mounts anew and uploads its textures again,
  // keeping the visitor's scene and view (the live view lives outside the scene component).
  const sceneKey = `${scene?.id}:${contextGeneration}`

  useEffect(() => {
    const element = inputTarget.current
    if (!element || !isPanorama) return
    return attachPanoramaInput(element, { touchPan })
  }, [inputTarget, isPanorama, touchPan])

  return (
    <>
      <Canvas
        className="viewer-canvas"
        style={{ position: 'absolute', inset: 0 }}
        frameloop="demand"
        dpr={[1, 2]}
        gl={{ antialias: true, powerPreference: 'high-performance' }}
        camera={{ fov: 75, near: 0.1, far: 1000, position: [0, 0, 0] }}
        onCreated={(state) => {
          showcaseHandle.renderer = state.gl
          watchContext(state.gl)
          showcaseHandle.scene = state.scene
        }}
      >
        <XR store={xrStore}>
          <FrameBridge snapshot={snapshotRef} />
          {scene?.kind === 'panorama' && <PanoramaScene key={sceneKey} scene={scene} />}
          {scene?.kind === 'model' && <ModelScene key={sceneKey} scene={scene} />}
          <HotspotProjector />
          <VRLayer />
          <ARLayer />
        </XR>
      </Canvas>
      <SnapshotOverlay canvasRef={snapshotRef} />
      {contextLost && (
        <p className="viewer-context-lost" role="status">
          {t('kiosk.contextLost')}
        </p>
      )}
    </>
  )
}

/**
 * Tracks loss and restore of the canvas's WebGL context, which a GPU reset, a driver update or a
 * browser under memory pressure can cause. three's renderer already calls `preventDefault` on the
 * loss, which lets the browser restore the context; it then needs every texture uploaded again.
 */
function useContextLoss() {
  const [contextLost, setContextLost] = useState(false)
  const [contextGeneration, setContextGeneration] = useState(0)
  const watched = useRef<HTMLCanvasElement | null>(null)
  const watchContext = (renderer: WebGLRenderer) => {
    const canvas = renderer.domElement
    if (watched.current === canvas) return
    watched.current = canvas
    canvas.addEventListener('webglcontextlost', () => {
      setContextLost(true)
      const { tour, sceneId } = useAppStore.getState()
      events.emit('error', {
        code: 'webgl-context-lost',
        message: 'The WebGL context was lost; waiting for the browser to restore it.',
        ...(tour ? { tourId: tour.id } : {}),
        ...(sceneId !== null ? { sceneId } : {}),
      })
    })
    canvas.addEventListener('webglcontextrestored', () => {
      forgetRoomEnvironment(renderer)
      setContextLost(false)
      setContextGeneration((generation) => generation + 1)
    })
  }
  return { contextLost, contextGeneration, watchContext }
}

/** Connects the app's frame requests and scene-change snapshots to this canvas. */
function FrameBridge({ snapshot }: { snapshot: RefObject<HTMLCanvasElement | null> }) {
  const invalidate = useThree((state) => state.invalidate)
  const get = useThree((state) => state.get)

  useEffect(() => {
    setFrameRequester(() => invalidate())
    setSnapshotHook(() => {
      const target = snapshot.current
      const { gl, scene, camera } = get()
      if (!target || gl.xr.isPresenting) return
      // The drawing buffer is only readable in the task that drew it, so draw once more here.
      gl.render(scene, camera)
      target.width = gl.domElement.width
      target.height = gl.domElement.height
      target.getContext('2d')?.drawImage(gl.domElement, 0, 0)
      target.style.transition = 'none'
      target.style.opacity = '1'
    })
    invalidate()
    return () => {
      setFrameRequester(() => {})
      setSnapshotHook(null)
    }
  }, [invalidate, get, snapshot])
  return null
}

/** Shows the last frame of the previous scene and fades it out once the next scene has drawn. */
function SnapshotOverlay({ canvasRef }: { canvasRef: RefObject<HTMLCanvasElement | null> }) {
  const phase = useAppStore((state) => state.transition?.phase ?? null)

  useEffect(() => {
    const canvas = canvasRef.current
    if (!canvas || phase === 'loading') return
    canvas.style.transition = `opacity ${CROSSFADE_MS}ms ease-out`
    canvas.style.opacity = '0'
  }, [phase, canvasRef])

  return <canvas ref={canvasRef} className="viewer-snapshot" />
}
