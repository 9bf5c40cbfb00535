import { OrbitControls } from '@react-three/drei'
import { useFrame, useThree } from '@react-three/fiber'
import { useEffect, useRef, useState } from 'react'
import { AnimationMixer, type PerspectiveCamera, Vector3 } from 'three'
import type { GLTF } from 'three/addons/loaders/GLTFLoader.js'
import type { OrbitControls as OrbitControlsImpl } from 'three-stdlib'
import { AssetLoadError } from '../core/download.ts'
import { DEG2RAD } from '../core/sphere.ts'
import { KEY_TURN_STEP, modelFramingFactor } from '../core/view.ts'
import { showcaseHandle } from '../debug.ts'
import { failSceneLoad, finishSceneLoad, setSceneLoad } from '../state/actions.ts'
import { requestFrame } from '../state/anchors.ts'
import type { ModelScene as ModelSceneData } from '../tour/schema.ts'
import { setVRModelRoot } from '../xr/vrModel.ts'
import { disposeObject, loadModel } from './assets/modelLoader.ts'
import { roomEnvironment } from './environment.ts'
import { isKeyForOtherControl } from './keyboard.ts'

/** Orbit distance limits as fractions and multiples of the scene camera's starting distance. */
const MIN_DISTANCE_FACTOR = 0.4
const MAX_DISTANCE_FACTOR = 3
/**
 * Clipping planes as multiples of the starting distance. The far plane leaves room for the model
 * behind the target at the largest orbit distance. The ratio of far to near (4000) keeps depth
 * precise for models in any unit.
 */
const NEAR_FACTOR = 0.005
const FAR_FACTOR = 20
/** Distance factor of one +/- key press; `dollyOut` with it moves the camera closer. */
const KEY_DOLLY_SCALE = 1.15
/** Maximum animation step in seconds, so an animation does not jump after frames were paused. */
const MAX_ANIMATION_STEP = 0.1
/**
 * Keeps the orbiting camera a little above the horizon of the target, so it never looks from below
 * ground. A scene camera that starts lower keeps its own angle as the limit instead.
 */
const MAX_POLAR_ANGLE = Math.PI * 0.49

/**
 * Draws a model scene: a glTF model lit by an environment map generated in the app (no file is
 * downloaded for it), with orbit controls that start from the scene's camera. Every animation in
 * the file plays. Everything is disposed when the scene is left.
 */
export function ModelScene({ scene }: { scene: ModelSceneData }) {
  const gl = useThree((state) => state.gl)
  const threeScene = useThree((state) => state.scene)
  const camera = useThree((state) => state.camera) as PerspectiveCamera
  const size = useThree((state) => state.size)
  const [gltf, setGltf] = useState<GLTF | null>(null)
  const mixerRef = useRef<AnimationMixer | null>(null)
  const controlsRef = useRef<OrbitControlsImpl | null>(null)
  const readyRef = useRef(false)
  // Read once per scene: the scene's starting distance does not follow later resizes.
  const [framing] = useState(() => modelFramingFactor(size.width / size.height))

  useEffect(() => {
    const controller = new AbortController()
    const sceneId = scene.id
    readyRef.current = false
    let loaded: GLTF | null = null
    setSceneLoad(sceneId, { status: 'loading', progress: null })
    loadModel(scene.model.src, {
      renderer: gl,
      signal: controller.signal,
      onProgress: (progress) => setSceneLoad(sceneId, { status: 'loading', progress }),
    }).then(
      (result) => {
        if (controller.signal.aborted) {
          disposeObject(result.scene)
          return
        }
        loaded = result
        if (result.animations.length > 0) {
          const mixer = new AnimationMixer(result.scene)
          for (const clip of result.animations) mixer.clipAction(clip).play()
          mixerRef.current = mixer
        }
        setGltf(result)
        setSceneLoad(sceneId, { status: 'ready', progress: 1 })
        requestFrame()
      },
      (error: unknown) => {
        if (controller.signal.aborted) return
        const asset =
          error instanceof AssetLoadError
            ? error.asset
            : { kind: 'model' as const, url: scene.model.src, detail: String(error) }
        failSceneLoad(sceneId, asset)
      },
    )
    return () => {
      controller.abort()
      mixerRef.current?.stopAllAction()
      mixerRef.current = null
      showcaseHandle.animationTime = null
      if (loaded) disposeObject(loaded.scene)
    }
  }, [scene.id, scene.model.src, gl])

  // VR stands the model on the floor in front of the visitor.
  useEffect(() => {
    if (!gltf) return
    setVRModelRoot(gltf.scene)
    return () => setVRModelRoot(null)
  }, [gltf])

  // Set after the download has started, because the first build of the environment is slow.
  useEffect(() => {
    const environment = roomEnvironment(gl)
    threeScene.environment = environment
    return () => {
      if (threeScene.environment === environment) threeScene.environment = null
    }
  }, [gl, threeScene])

  useEffect(() => {
    const [tx, ty, tz] = scene.camera.target
    // On a narrow screen the camera starts further back along its line to the target.
    const x = tx + (scene.camera.position[0] - tx) * framing
    const y = ty + (scene.camera.position[1] - ty) * framing
    const z = tz + (scene.camera.position[2] - tz) * framing
    camera.position.set(x, y, z)
    camera.fov = scene.camera.fov
    // A camera placed on its target would give zero-length planes; the validator cannot see that.
    const startDistance = Math.max(1e-3, Math.hypot(x - tx, y - ty, z - tz))
    camera.near = startDistance * NEAR_FACTOR
    camera.far = startDistance * FAR_FACTOR
    camera.updateProjectionMatrix()
    camera.lookAt(tx, ty, tz)
    const controls = controlsRef.current
    if (controls) {
      controls.target.set(tx, ty, tz)
      controls.update()
    }
    requestFrame()
  }, [camera, scene.camera, framing])

  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      const controls = controlsRef.current
      if (!controls || isKeyForOtherControl(event)) return
      switch (event.key) {
        case 'ArrowLeft':
          controls.setAzimuthalAngle(controls.getAzimuthalAngle() - KEY_TURN_STEP * DEG2RAD)
          break
        case 'ArrowRight':
          controls.setAzimuthalAngle(controls.getAzimuthalAngle() + KEY_TURN_STEP * DEG2RAD)
          break
        case 'ArrowUp':
          controls.setPolarAngle(controls.getPolarAngle() - KEY_TURN_STEP * DEG2RAD)
          break
        case 'ArrowDown':
          controls.setPolarAngle(controls.getPolarAngle() + KEY_TURN_STEP * DEG2RAD)
          break
        case '+':
        case '=':
          controls.dollyOut(KEY_DOLLY_SCALE)
          break
        case '-':
        case '_':
          controls.dollyIn(KEY_DOLLY_SCALE)
          break
        default:
          return
      }
      event.preventDefault()
      controls.update()
      requestFrame()
    }
    window.addEventListener('keydown', onKeyDown)
    return () => window.removeEventListener('keydown', onKeyDown)
  }, [])

  const start = new Vector3(...scene.camera.position)
  const offset = start.clone().sub(new Vector3(...scene.camera.target))
  const distance = offset.length() * framing
  // OrbitControls clamps the camera on its first update, which would move a scene camera placed
  // at or below the target's height (a facade seen at eye level) away from where the tour put it.
  const startPolarAngle =
    distance > 0 ? Math.acos(Math.min(1, Math.max(-1, offset.y / distance))) : 0
  const maxPolarAngle = Math.max(MAX_POLAR_ANGLE, startPolarAngle)

  useFrame((_, delta) => {
    const mixer = mixerRef.current
    if (mixer) {
      mixer.update(Math.min(delta, MAX_ANIMATION_STEP))
      showcaseHandle.animationTime = mixer.time
      requestFrame()
    }
    if (gltf && !readyRef.current) {
      readyRef.current = true
      finishSceneLoad(scene.id)
    }
    showcaseHandle.frames++
  })

  return (
    <>
      <OrbitControls
        ref={controlsRef}
        makeDefault
        target={scene.camera.target}
        enableDamping
        minDistance={distance * MIN_DISTANCE_FACTOR}
        maxDistance={distance * MAX_DISTANCE_FACTOR}
        maxPolarAngle={maxPolarAngle}
      />
      {gltf && <primitive object={gltf.scene} />}
    </>
  )
}
