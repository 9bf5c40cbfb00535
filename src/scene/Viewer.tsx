import { Canvas, useThree } from '@react-three/fiber'
import { XR } from '@react-three/xr'
import { type RefObject, useEffect, useRef } from 'react'
import { showcaseHandle } from '../debug.ts'
import { CROSSFADE_MS, findScene, setSnapshotHook } from '../state/actions.ts'
import { setFrameRequester } from '../state/anchors.ts'
import { useAppStore } from '../state/store.ts'
import { ARLayer } from '../xr/ar/ARLayer.tsx'
import { xrStore } from '../xr/store.ts'
import { VRLayer } from '../xr/VRLayer.tsx'
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

  useEffect(() => {
    const element = inputTarget.current
    if (!element || !isPanorama) return
    return attachPanoramaInput(element)
  }, [inputTarget, isPanorama])

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
          showcaseHandle.scene = state.scene
        }}
      >
        <XR store={xrStore}>
          <FrameBridge snapshot={snapshotRef} />
          {scene?.kind === 'panorama' && <PanoramaScene key={scene.id} scene={scene} />}
          {scene?.kind === 'model' && <ModelScene key={scene.id} scene={scene} />}
          <HotspotProjector />
          <VRLayer />
          <ARLayer />
        </XR>
      </Canvas>
      <SnapshotOverlay canvasRef={snapshotRef} />
    </>
  )
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
