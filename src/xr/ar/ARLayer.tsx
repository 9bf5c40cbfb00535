import { useFrame, useThree } from '@react-three/fiber'
import {
  createXRHitTestSource,
  type GetWorldMatrixFromXRHitTest,
  useXR,
  useXRStore,
  XRDomOverlay,
} from '@react-three/xr'
import { useEffect, useLayoutEffect, useMemo, useRef } from 'react'
import {
  Box3,
  type Intersection,
  Matrix4,
  type Mesh,
  type Object3D,
  type PerspectiveCamera,
  Raycaster,
  RingGeometry,
  Vector3,
} from 'three'
import { useT } from '../../i18n/useT.ts'
import { findScene } from '../../state/actions.ts'
import { useAppStore } from '../../state/store.ts'
import { head, readHeadPose } from '../headPose.ts'
import { usePauseSceneControls } from '../pauseControls.ts'
import { gazeTargets } from '../selectable.ts'
import { exitXR } from '../session.ts'
import { xrStore } from '../store.ts'
import { VRHotspots } from '../VRHotspots.tsx'
import { VRCardPanel } from '../VRPanel.tsx'
import { useVRModelRoot } from '../vrModel.ts'
import {
  getARStage,
  markPlaced,
  scaleModel,
  setARStage,
  setSurfaceStatus,
  turnModel,
  useARStatus,
} from './arStage.ts'
import {
  AR_START_DISTANCE,
  arScaleLimits,
  basePivot,
  isUpwardSurface,
  matrixPosition,
  rayFloorIntersection,
  startAnchor,
  yawFacing,
} from './placement.ts'

/** Clipping planes in AR, in metres: from a close look at a small model to across a room. */
const AR_NEAR = 0.02
const AR_FAR = 200
/** Furthest floor point a tap places the model on when there is no hit testing, in metres. */
const MAX_FLOOR_DISTANCE = 8
/** Radii of the reticle ring, in metres. */
const RETICLE_INNER = 0.08
const RETICLE_OUTER = 0.1

const scratchMatrix = new Matrix4()
const anchorScratch = new Vector3()

/**
 * Adds an immersive-ar session's content in a model scene. The model rests on a surface the
 * visitor chooses, with a reticle where it would go. The hotspot markers and card panels of VR
 * show with it, and on-screen buttons turn and scale the model and leave. Mount it inside `<XR>`.
 */
export function ARLayer() {
  const mode = useXR((state) => (state.session ? state.mode : null))
  if (mode !== 'immersive-ar') return null
  return <ARContent />
}

function ARContent() {
  const camera = useThree((state) => state.camera) as PerspectiveCamera
  const tour = useAppStore((state) => state.tour)
  const sceneId = useAppStore((state) => state.sceneId)
  const ready = useAppStore((state) =>
    sceneId ? state.sceneLoads[sceneId]?.status === 'ready' : false,
  )
  const scene = findScene(tour, sceneId)
  const modelRoot = useVRModelRoot()
  const isModel = scene?.kind === 'model'

  // Taps in AR go through one path, the session's `select` event (see ARModelStage), so the
  // library's pointers, which would also click what a tap points at, are off while AR runs.
  // Controllers and hands stay drawn.
  useEffect(() => {
    const { controller, hand, screenInput, transientPointer } = xrStore.getState()
    xrStore.setState({
      controller: { rayPointer: false, grabPointer: false, teleportPointer: false },
      hand: { rayPointer: false, grabPointer: false, touchPointer: false, teleportPointer: false },
      screenInput: false,
      transientPointer: false,
    })
    return () => xrStore.setState({ controller, hand, screenInput, transientPointer })
  }, [])

  usePauseSceneControls()

  // A hotspot can lead to a panorama, which has no place in the visitor's room.
  useEffect(() => {
    if (scene && !isModel) exitXR()
  }, [scene, isModel])

  useFrame(() => {
    if (camera.near !== AR_NEAR || camera.far !== AR_FAR) {
      camera.near = AR_NEAR
      camera.far = AR_FAR
      camera.updateProjectionMatrix()
    }
  })

  const stageRoot = isModel ? modelRoot : null
  return (
    <>
      {stageRoot && <ARModelStage key={stageRoot.uuid} root={stageRoot} />}
      {scene && ready && stageRoot && (
        <VRHotspots key={scene.id} scene={scene} modelRoot={stageRoot} />
      )}
      <VRCardPanel />
      <ARControls />
    </>
  )
}

/**
 * Stands the model in front of the visitor at table size, then on the surface they tap. A hit
 * test from the centre of the screen finds surfaces and shows a reticle on them. Without hit
 * testing, a tap places the model where its ray meets the floor. The model's own transform is
 * restored when the session ends.
 */
function ARModelStage({ root }: { root: Object3D }) {
  const gl = useThree((state) => state.gl)
  const store = useXRStore()
  const session = useXR((state) => state.session)
  const reticleRef = useRef<Mesh>(null)
  const hitTest = useRef<{ source: XRHitTestSource; getWorldMatrix: GetWorldMatrixFromXRHitTest }>(
    null,
  )
  const reticleGeometry = useMemo(
    () => new RingGeometry(RETICLE_INNER, RETICLE_OUTER, 48).rotateX(-Math.PI / 2),
    [],
  )
  useEffect(() => () => reticleGeometry.dispose(), [reticleGeometry])

  useLayoutEffect(() => {
    const saved = {
      position: root.position.clone(),
      quaternion: root.quaternion.clone(),
      scale: root.scale.clone(),
    }
    root.position.set(0, 0, 0)
    root.quaternion.identity()
    root.scale.setScalar(1)
    root.updateMatrixWorld(true)
    const box = new Box3().setFromObject(root)
    const bounds = box.isEmpty()
      ? { min: { x: 0, y: 0, z: 0 }, max: { x: 0, y: 0, z: 0 } }
      : { min: box.min, max: box.max }
    const limits = arScaleLimits(bounds)

    readHeadPose(gl)
    const anchor = startAnchor(head.position, head.heading, AR_START_DISTANCE, new Vector3())
    setARStage({
      root,
      pivot: basePivot(bounds),
      limits,
      placement: { anchor, yaw: yawFacing(anchor, head.position), scale: limits.fit },
      placed: false,
    })
    return () => {
      setARStage(null)
      root.position.copy(saved.position)
      root.quaternion.copy(saved.quaternion)
      root.scale.copy(saved.scale)
      root.updateMatrixWorld(true)
    }
  }, [root, gl])

  useEffect(() => {
    if (!session) return
    let cancelled = false
    setSurfaceStatus('searching')
    createXRHitTestSource(store, session, 'viewer').then(
      (result) => {
        if (cancelled) {
          result?.source.cancel()
          return
        }
        if (!result) {
          setSurfaceStatus('unavailable')
          return
        }
        hitTest.current = result
      },
      (error: unknown) => {
        // IWER rejects unless its synthetic environment module is installed; so do browsers
        // that did not grant the optional `hit-test` feature.
        console.warn('[ar] hit testing is not available, so taps place on the floor', error)
        if (!cancelled) setSurfaceStatus('unavailable')
      },
    )
    return () => {
      cancelled = true
      hitTest.current?.source.cancel()
      hitTest.current = null
      setSurfaceStatus('searching')
    }
  }, [store, session])

  useEffect(() => {
    if (!session) return
    const raycaster = new Raycaster()
    const rayMatrix = new Matrix4()
    const hits: Intersection[] = []
    const origin = new Vector3()
    const direction = new Vector3()

    const onSelect = (event: XRInputSourceEvent) => {
      const stage = getARStage()
      // The tap's ray in world space: its pose in the session origin's space, moved by the origin.
      const { originReferenceSpace, origin: originObject } = store.getState()
      const space = originReferenceSpace ?? gl.xr.getReferenceSpace()
      if (!stage || !space) return
      const pose = event.frame.getPose(event.inputSource.targetRaySpace, space)
      if (!pose) return
      rayMatrix.fromArray(pose.transform.matrix)
      if (originObject) rayMatrix.premultiply(originObject.matrixWorld)
      const matrix = rayMatrix.elements
      matrixPosition(matrix, origin)
      direction.set(-(matrix[8] ?? 0), -(matrix[9] ?? 0), -(matrix[10] ?? -1)).normalize()

      // A tap on a hotspot marker or a card panel acts on that, as a gaze would in VR; the model
      // does not hide them. A target without an action (a panel's background) only blocks.
      raycaster.set(origin, direction)
      hits.length = 0
      for (const object of gazeTargets.keys()) {
        if (!object.visible) continue
        object.updateWorldMatrix(true, false)
        raycaster.intersectObject(object, false, hits)
      }
      hits.sort((a, b) => a.distance - b.distance)
      const nearest = hits[0]
      if (nearest) {
        gazeTargets.get(nearest.object)?.()
        return
      }

      const reticle = reticleRef.current
      let anchor: Vector3 | null = null
      if (reticle?.visible) {
        anchor = anchorScratch.setFromMatrixPosition(reticle.matrix)
      } else if (!hitTest.current) {
        anchor = rayFloorIntersection(origin, direction, MAX_FLOOR_DISTANCE, anchorScratch)
      }
      if (!anchor) return

      stage.placement.anchor.x = anchor.x
      stage.placement.anchor.y = anchor.y
      stage.placement.anchor.z = anchor.z
      if (!stage.placed) {
        readHeadPose(gl)
        stage.placement.yaw = yawFacing(anchor, head.position)
      }
      markPlaced()
      setARStage(stage)
    }

    session.addEventListener('select', onSelect)
    return () => session.removeEventListener('select', onSelect)
  }, [session, gl, store])

  useFrame((_state, _delta, frame: XRFrame | undefined) => {
    const reticle = reticleRef.current
    const current = hitTest.current
    if (!reticle || !frame || !current) return
    const first = frame.getHitTestResults(current.source)[0]
    const onSurface =
      first !== undefined &&
      current.getWorldMatrix(scratchMatrix, first) &&
      isUpwardSurface(scratchMatrix.elements)
    reticle.visible = onSurface
    if (onSurface) reticle.matrix.copy(scratchMatrix)
    setSurfaceStatus(onSurface ? 'found' : 'searching')
  })

  return (
    <mesh
      ref={reticleRef}
      name="ar-reticle"
      geometry={reticleGeometry}
      matrixAutoUpdate={false}
      visible={false}
      renderOrder={5}
    >
      <meshBasicMaterial color="#ffffff" transparent opacity={0.9} depthWrite={false} />
    </mesh>
  )
}

/**
 * Shows the on-screen part of AR in a WebXR DOM overlay, where the browser supports one: a hint
 * for the next step, and buttons to turn and scale the model and to leave.
 */
function ARControls() {
  const t = useT()
  const { surface, placed } = useARStatus()
  const controlsRef = useRef<HTMLDivElement>(null)

  // A tap on a button must not also place the model, which the session's `select` event would do.
  useEffect(() => {
    const controls = controlsRef.current
    if (!controls) return
    const keep = (event: Event) => event.preventDefault()
    controls.addEventListener('beforexrselect', keep)
    return () => controls.removeEventListener('beforexrselect', keep)
  }, [])

  let hint = t('motion.ar.scanning')
  if (placed) hint = t('motion.ar.placed')
  else if (surface === 'found') hint = t('motion.ar.place')
  else if (surface === 'unavailable') hint = t('motion.ar.place-floor')

  return (
    <XRDomOverlay className="ar-overlay">
      <p className="ar-hint" role="status">
        {hint}
      </p>
      <div className="ar-controls" ref={controlsRef}>
        <button type="button" className="stage-control" onClick={() => turnModel(1)}>
          <span aria-hidden="true">↺</span>
          <span className="visually-hidden">{t('motion.ar.turn-left')}</span>
        </button>
        <button type="button" className="stage-control" onClick={() => turnModel(-1)}>
          <span aria-hidden="true">↻</span>
          <span className="visually-hidden">{t('motion.ar.turn-right')}</span>
        </button>
        <button type="button" className="stage-control" onClick={() => scaleModel(-1)}>
          <span aria-hidden="true">−</span>
          <span className="visually-hidden">{t('motion.ar.smaller')}</span>
        </button>
        <button type="button" className="stage-control" onClick={() => scaleModel(1)}>
          <span aria-hidden="true">+</span>
          <span className="visually-hidden">{t('motion.ar.larger')}</span>
        </button>
        <button type="button" className="button ar-exit" onClick={exitXR}>
          {t('motion.ar.exit')}
        </button>
      </div>
    </XRDomOverlay>
  )
}
