import { useFrame, useThree } from '@react-three/fiber'
import { useEffect, useMemo, useRef } from 'react'
import { IcosahedronGeometry, type Mesh, type PerspectiveCamera, type Texture } from 'three'
import { AssetLoadError } from '../core/download.ts'
import { DEG2RAD } from '../core/sphere.ts'
import { showcaseHandle } from '../debug.ts'
import { failSceneLoad, finishSceneLoad, setSceneLoad } from '../state/actions.ts'
import { requestFrame } from '../state/anchors.ts'
import { liveView } from '../state/view.ts'
import type { PanoramaScene as PanoramaSceneData } from '../tour/schema.ts'
import { loadPanoramaTexture } from './assets/panoramaTexture.ts'
import { PanoramaMaterial } from './panoramaMaterial.ts'

/** Radius of the panorama sphere in metres; anything between the camera's near and far planes. */
const SPHERE_RADIUS = 100

/**
 * Draws a panorama scene: an equirectangular image around the camera, which follows the live
 * view. The texture is disposed when the scene is left.
 */
export function PanoramaScene({ scene }: { scene: PanoramaSceneData }) {
  const gl = useThree((state) => state.gl)
  const camera = useThree((state) => state.camera) as PerspectiveCamera
  const material = useMemo(() => new PanoramaMaterial(), [])
  // Directions are computed per fragment, so a coarse polyhedron draws an exact sphere.
  const geometry = useMemo(() => new IcosahedronGeometry(SPHERE_RADIUS, 3), [])
  const textureRef = useRef<Texture | null>(null)
  const readyRef = useRef(false)
  const meshRef = useRef<Mesh>(null)

  useEffect(() => {
    return () => {
      material.dispose()
      geometry.dispose()
    }
  }, [material, geometry])

  useEffect(() => {
    const controller = new AbortController()
    const sceneId = scene.id
    readyRef.current = false
    setSceneLoad(sceneId, { status: 'loading', progress: null })
    loadPanoramaTexture(scene.panorama.src, {
      maxTextureSize: gl.capabilities.maxTextureSize,
      maxAnisotropy: gl.capabilities.getMaxAnisotropy(),
      signal: controller.signal,
      onProgress: (progress) => setSceneLoad(sceneId, { status: 'loading', progress }),
    }).then(
      ({ texture }) => {
        if (controller.signal.aborted) {
          texture.dispose()
          return
        }
        textureRef.current = texture
        material.uniforms.map.value = texture
        setSceneLoad(sceneId, { status: 'ready', progress: 1 })
        requestFrame()
      },
      (error: unknown) => {
        if (controller.signal.aborted) return
        if (error instanceof AssetLoadError) {
          failSceneLoad(sceneId, error.asset)
          return
        }
        console.error('[panorama] unexpected load failure', scene.panorama.src, error)
        failSceneLoad(sceneId, { kind: 'image', url: scene.panorama.src })
      },
    )
    return () => {
      controller.abort()
      textureRef.current?.dispose()
      textureRef.current = null
      material.uniforms.map.value = null
    }
  }, [scene.id, scene.panorama.src, gl, material])

  useEffect(() => {
    camera.position.set(0, 0, 0)
    camera.near = 0.1
    camera.far = SPHERE_RADIUS * 4
    camera.rotation.order = 'YXZ'
    requestFrame()
  }, [camera])

  useFrame(() => {
    const mesh = meshRef.current
    if (gl.xr.isPresenting) {
      // The headset poses the camera. The sphere is centred on the head, so it shows no parallax.
      mesh?.position.setFromMatrixPosition(gl.xr.getCamera().matrixWorld)
    } else {
      mesh?.position.set(0, 0, 0)
      const view = liveView.view
      if (camera.fov !== view.fov) {
        camera.fov = view.fov
        camera.updateProjectionMatrix()
      }
      camera.rotation.set(view.pitch * DEG2RAD, -view.yaw * DEG2RAD, 0, 'YXZ')
      camera.updateMatrixWorld()
    }
    if (textureRef.current && !readyRef.current) {
      readyRef.current = true
      finishSceneLoad(scene.id)
    }
    showcaseHandle.frames++
  }, -1)

  return (
    <mesh
      ref={meshRef}
      geometry={geometry}
      material={material}
      renderOrder={-1}
      frustumCulled={false}
    />
  )
}
