import { OrbitControls } from '@react-three/drei'
import { useFrame, useThree } from '@react-three/fiber'
import { useEffect, useRef, useState } from 'react'
import { AnimationMixer, type PerspectiveCamera, PMREMGenerator, Vector3 } from 'three'
import { RoomEnvironment } from 'three/addons/environments/RoomEnvironment.js'
import type { GLTF } from 'three/addons/loaders/GLTFLoader.js'
import type { OrbitControls as OrbitControlsImpl } from 'three-stdlib'
import { showcaseHandle } from '../debug'
import { describeAssetError } from '../i18n/assetErrors'
import { failSceneLoad, finishSceneLoad, setSceneLoad } from '../state/actions'
import { requestFrame } from '../state/anchors'
import { useAppStore } from '../state/store'
import type { ModelScene as ModelSceneData } from '../tour/schema'
import { AssetLoadError } from './assets/fetchBytes'
import { disposeObject, loadModel } from './assets/modelLoader'

/** Orbit distance limits as fractions and multiples of the scene camera's starting distance. */
const MIN_DISTANCE_FACTOR = 0.25
const MAX_DISTANCE_FACTOR = 3
/** Keeps the camera a little above the horizon of the target, so it never looks from below ground. */
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
  const [gltf, setGltf] = useState<GLTF | null>(null)
  const mixerRef = useRef<AnimationMixer | null>(null)
  const controlsRef = useRef<OrbitControlsImpl | null>(null)
  const readyRef = useRef(false)

  useEffect(() => {
    const pmrem = new PMREMGenerator(gl)
    const environment = pmrem.fromScene(new RoomEnvironment(), 0.04).texture
    threeScene.environment = environment
    return () => {
      if (threeScene.environment === environment) threeScene.environment = null
      environment.dispose()
      pmrem.dispose()
    }
  }, [gl, threeScene])

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
        failSceneLoad(sceneId, asset, describeAssetError(asset, useAppStore.getState().lang))
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

  useEffect(() => {
    const [x, y, z] = scene.camera.position
    const [tx, ty, tz] = scene.camera.target
    camera.position.set(x, y, z)
    camera.fov = scene.camera.fov
    camera.near = 0.05
    camera.far = 2000
    camera.updateProjectionMatrix()
    camera.lookAt(tx, ty, tz)
    const controls = controlsRef.current
    if (controls) {
      controls.target.set(tx, ty, tz)
      controls.update()
    }
    requestFrame()
  }, [camera, scene.camera])

  const start = new Vector3(...scene.camera.position)
  const distance = start.distanceTo(new Vector3(...scene.camera.target))

  useFrame((_, delta) => {
    const mixer = mixerRef.current
    if (mixer) {
      mixer.update(delta)
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
        maxPolarAngle={MAX_POLAR_ANGLE}
      />
      {gltf && <primitive object={gltf.scene} />}
    </>
  )
}
