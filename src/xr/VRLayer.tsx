import { useFrame, useThree } from '@react-three/fiber'
import { useXR } from '@react-three/xr'
import { useEffect, useMemo, useRef } from 'react'
import { BackSide, type Mesh, MeshBasicMaterial, type PerspectiveCamera } from 'three'
import { showcaseHandle } from '../debug.ts'
import { findScene } from '../state/actions.ts'
import { useAppStore } from '../state/store.ts'
import { FADE_MS, vrFade } from './fade.ts'
import { GazeSelector } from './GazeSelector.tsx'
import { head, readHeadPose } from './headPose.ts'
import { captureView, setSessionCamera, watchXRSessions } from './session.ts'
import { watchLayerRemovals, xrStore } from './store.ts'
import { VRHotspots } from './VRHotspots.tsx'
import { VRModelStage } from './VRModelStage.tsx'
import { VRCardPanel } from './VRPanel.tsx'
import { useVRModelRoot } from './vrModel.ts'

/** Clipping planes in VR, in metres: panels at arm's length up to the panorama sphere. */
const VR_NEAR = 0.05
const VR_FAR = 1000

/**
 * Everything the app adds to an immersive session: it sends `xr-start` and `xr-end`, restores
 * the 2D view afterwards, and in VR draws hotspots, card panels, the gaze reticle, the model
 * stage and the fade between scenes in WebGL. Mount it inside `<XR>`, after the scene components,
 * so that its effects run after theirs.
 */
export function VRLayer() {
  const camera = useThree((state) => state.camera) as PerspectiveCamera
  const sceneId = useAppStore((state) => state.sceneId)
  const mode = useXR((state) => (state.session ? state.mode : null))

  useEffect(() => {
    setSessionCamera(camera)
    return () => setSessionCamera(null)
  }, [camera])

  useEffect(() => watchXRSessions(), [])
  const gl = useThree((state) => state.gl)
  useEffect(() => watchLayerRemovals(gl), [gl])

  // A scene entered during a session has set up its own 2D camera by now; leaving VR returns to it.
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs on each scene change
  useEffect(() => {
    if (xrStore.getState().session) captureView()
  }, [sceneId])

  useFrame((_state, _delta, frame) => {
    if (frame) showcaseHandle.xrFrames++
  })

  if (mode !== 'immersive-vr') return null
  return <VRContent />
}

function VRContent() {
  const camera = useThree((state) => state.camera) as PerspectiveCamera
  const tour = useAppStore((state) => state.tour)
  const sceneId = useAppStore((state) => state.sceneId)
  const ready = useAppStore((state) =>
    sceneId ? state.sceneLoads[sceneId]?.status === 'ready' : false,
  )
  const scene = findScene(tour, sceneId)
  const modelRoot = useVRModelRoot()

  useFrame(() => {
    // The scene components set planes for the 2D view; VR works in metres.
    if (camera.near !== VR_NEAR || camera.far !== VR_FAR) {
      camera.near = VR_NEAR
      camera.far = VR_FAR
      camera.updateProjectionMatrix()
    }
  })

  const stageRoot = scene?.kind === 'model' ? modelRoot : null
  return (
    <>
      {scene && ready && (scene.kind === 'panorama' || stageRoot) && (
        <VRHotspots key={scene.id} scene={scene} modelRoot={stageRoot} />
      )}
      {stageRoot && <VRModelStage key={stageRoot.uuid} root={stageRoot} />}
      {/* Panoramas have no lights, and the controller and hand models would be black without one. */}
      {scene?.kind === 'panorama' && <hemisphereLight args={['#ffffff', '#5a6b5f', 2.5]} />}
      <VRCardPanel />
      <GazeSelector />
      <FadeSphere />
    </>
  )
}

/**
 * A black sphere around the visitor's head that fades in before a scene change and out once the
 * next scene is ready, so the view never jumps between two places.
 */
function FadeSphere() {
  const gl = useThree((state) => state.gl)
  const meshRef = useRef<Mesh>(null)
  const material = useMemo(
    () =>
      new MeshBasicMaterial({
        color: 0x000000,
        side: BackSide,
        transparent: true,
        opacity: 0,
        depthTest: false,
        depthWrite: false,
      }),
    [],
  )
  useEffect(
    () => () => {
      material.dispose()
      vrFade.opacity = 0
      vrFade.target = 0
      vrFade.onBlack = null
    },
    [material],
  )

  useFrame((_, delta) => {
    const mesh = meshRef.current
    if (!mesh) return
    const step = (delta * 1000) / FADE_MS
    if (vrFade.opacity < vrFade.target)
      vrFade.opacity = Math.min(vrFade.target, vrFade.opacity + step)
    else if (vrFade.opacity > vrFade.target) {
      vrFade.opacity = Math.max(vrFade.target, vrFade.opacity - step)
    }
    if (vrFade.opacity >= 1 && vrFade.onBlack) {
      const action = vrFade.onBlack
      vrFade.onBlack = null
      action()
    } else if (vrFade.target === 1 && !vrFade.onBlack && !useAppStore.getState().transition) {
      // The scene change has finished (or was ignored): show the new place.
      vrFade.target = 0
    }
    material.opacity = vrFade.opacity
    mesh.visible = vrFade.opacity > 0
    readHeadPose(gl)
    mesh.position.copy(head.position)
  })

  return (
    <mesh ref={meshRef} name="xr-fade" material={material} renderOrder={2000} visible={false}>
      <sphereGeometry args={[0.3, 16, 8]} />
    </mesh>
  )
}
