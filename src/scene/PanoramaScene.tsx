import { useFrame, useThree } from '@react-three/fiber'
import { useEffect, useMemo, useRef, useState } from 'react'
import {
  type Group,
  IcosahedronGeometry,
  type Mesh,
  type PerspectiveCamera,
  type Texture,
} from 'three'
import { AssetLoadError } from '../core/download.ts'
import { type EquirectLayerShape, equirectLayerShape } from '../core/equirectLayer.ts'
import { DEG2RAD } from '../core/sphere.ts'
import { clampViewToCoverage } from '../core/view.ts'
import { showcaseHandle } from '../debug.ts'
import { failSceneLoad, finishSceneLoad, setSceneLoad } from '../state/actions.ts'
import { requestFrame } from '../state/anchors.ts'
import { FULL_VIEW_COVERAGE, liveView } from '../state/view.ts'
import type { PanoramaScene as PanoramaSceneData } from '../tour/schema.ts'
import { ErrorBoundary } from '../ui/ErrorBoundary.tsx'
import { PanoramaLayer, useEquirectLayersEnabled } from '../xr/PanoramaLayer.tsx'
import { loadPanoramaTexture } from './assets/panoramaTexture.ts'
import { PanoramaMaterial } from './panoramaMaterial.ts'
import { TiledPanorama } from './TiledPanorama.tsx'

/** Radius of the panorama sphere in metres; anything between the camera's near and far planes. */
const SPHERE_RADIUS = 100

/**
 * Draws a panorama scene around the camera, which follows the live view. The view is kept inside
 * the area a partial panorama covers. The image comes from one equirectangular file, a tile
 * pyramid or six cube faces, by the source's `type`.
 */
export function PanoramaScene({ scene }: { scene: PanoramaSceneData }) {
  const camera = useThree((state) => state.camera) as PerspectiveCamera
  const groupRef = useRef<Group>(null)

  useEffect(() => {
    camera.position.set(0, 0, 0)
    camera.near = 0.1
    camera.far = SPHERE_RADIUS * 4
    camera.rotation.order = 'YXZ'
    requestFrame()
  }, [camera])

  useFrame((state) => {
    showcaseHandle.frames++
    const group = groupRef.current
    if (state.gl.xr.isPresenting) {
      // The headset poses the camera. The panorama is centred on the head, so it shows no parallax.
      group?.position.setFromMatrixPosition(state.gl.xr.getCamera().matrixWorld)
      return
    }
    group?.position.set(0, 0, 0)
    const view = liveView.view
    clampViewToCoverage(view, liveView.coverage, state.size.width / Math.max(1, state.size.height))
    if (camera.fov !== view.fov) {
      camera.fov = view.fov
      camera.updateProjectionMatrix()
    }
    camera.rotation.set(view.pitch * DEG2RAD, -view.yaw * DEG2RAD, 0, 'YXZ')
    camera.updateMatrixWorld()
  }, -1)

  const source = scene.panorama
  return (
    <group ref={groupRef}>
      {source.type === 'equirect' ? (
        <EquirectPanorama sceneId={scene.id} src={source.src} />
      ) : (
        <TiledPanorama sceneId={scene.id} source={source} />
      )}
    </group>
  )
}

/**
 * Draws one equirectangular image. A cropped panorama with GPano XMP covers only its part of the
 * sphere. In a VR session that supports WebXR layers, the image is shown through an `equirect`
 * layer and the sphere is hidden. The texture is disposed when the scene is left.
 */
function EquirectPanorama({ sceneId, src }: { sceneId: string; src: string }) {
  const gl = useThree((state) => state.gl)
  const material = useMemo(() => new PanoramaMaterial(), [])
  // Directions are computed per fragment, so a coarse polyhedron draws an exact sphere.
  const geometry = useMemo(() => new IcosahedronGeometry(SPHERE_RADIUS, 3), [])
  const textureRef = useRef<Texture | null>(null)
  const readyRef = useRef(false)
  const meshRef = useRef<Mesh>(null)
  const [layerSource, setLayerSource] = useState<LayerSource | null>(null)
  const layersEnabled = useEquirectLayersEnabled()
  const layerActiveRef = useRef(false)

  useEffect(() => {
    return () => {
      material.dispose()
      geometry.dispose()
    }
  }, [material, geometry])

  useEffect(() => {
    const controller = new AbortController()
    readyRef.current = false
    setSceneLoad(sceneId, { status: 'loading', progress: null })
    loadPanoramaTexture(src, {
      maxTextureSize: gl.capabilities.maxTextureSize,
      maxAnisotropy: gl.capabilities.getMaxAnisotropy(),
      signal: controller.signal,
      onProgress: (progress) => setSceneLoad(sceneId, { status: 'loading', progress }),
    }).then(
      ({ texture, placement }) => {
        if (controller.signal.aborted) {
          texture.dispose()
          return
        }
        textureRef.current = texture
        material.uniforms.map.value = texture
        material.setCoverage(placement.coverage, placement.projection === 'cylindrical')
        liveView.coverage = placement.coverage
        const shape = equirectLayerShape(placement)
        if (shape) setLayerSource({ image: texture.image as ImageBitmap, shape })
        setSceneLoad(sceneId, { status: 'ready', progress: 1 })
        requestFrame()
      },
      (error: unknown) => {
        if (controller.signal.aborted) return
        if (error instanceof AssetLoadError) {
          failSceneLoad(sceneId, error.asset)
          return
        }
        console.error('[panorama] unexpected load failure', src, error)
        failSceneLoad(sceneId, { kind: 'image', url: src })
      },
    )
    return () => {
      controller.abort()
      setLayerSource(null)
      textureRef.current?.dispose()
      textureRef.current = null
      material.uniforms.map.value = null
      liveView.coverage = FULL_VIEW_COVERAGE
    }
  }, [sceneId, src, gl, material])

  useFrame(() => {
    if (textureRef.current && !readyRef.current) {
      readyRef.current = true
      finishSceneLoad(sceneId)
    }
    if (meshRef.current) meshRef.current.visible = !layerActiveRef.current
  }, -0.5)

  return (
    <>
      <mesh
        ref={meshRef}
        name="panorama-sphere"
        geometry={geometry}
        material={material}
        renderOrder={-1}
        frustumCulled={false}
      />
      {layersEnabled && layerSource && (
        // A layer the browser rejects leaves the sphere in place.
        // NOTE: the sphere keeps its texture meanwhile, so the image is in GPU memory twice.
        <ErrorBoundary
          fallback={null}
          onError={(error) => console.error('[xr] the panorama layer failed', sceneId, error)}
        >
          <PanoramaLayer
            image={layerSource.image}
            shape={layerSource.shape}
            radius={SPHERE_RADIUS}
            activeRef={layerActiveRef}
          />
        </ErrorBoundary>
      )}
    </>
  )
}

/** Image and shape of the `equirect` layer that replaces the sphere in VR. */
interface LayerSource {
  image: ImageBitmap
  shape: EquirectLayerShape
}
