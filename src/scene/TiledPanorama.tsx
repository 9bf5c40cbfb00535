import { useFrame, useThree } from '@react-three/fiber'
import { useEffect, useMemo, useRef } from 'react'
import { type Group, IcosahedronGeometry, type Mesh, type Texture, Vector3 } from 'three'
import { AssetLoadError } from '../core/download.ts'
import { clamp, RAD2DEG } from '../core/sphere.ts'
import { tileCacheBound } from '../core/tileSelection.ts'
import { showcaseHandle } from '../debug.ts'
import { failSceneLoad, finishSceneLoad, setSceneLoad } from '../state/actions.ts'
import { requestFrame } from '../state/anchors.ts'
import { FULL_VIEW_COVERAGE, liveView } from '../state/view.ts'
import type { PanoramaSource } from '../tour/schema.ts'
import { loadPanoramaTexture } from './assets/panoramaTexture.ts'
import { loadTileSource } from './assets/tileSource.ts'
import { TileStreamer } from './assets/tileStreamer.ts'
import { PanoramaMaterial } from './panoramaMaterial.ts'

/** Radius of the preview sphere in metres; the tiles are drawn on a cube inside it. */
const PREVIEW_RADIUS = 100

/** Largest device pixel ratio the canvas uses (see the `dpr` of `<Canvas>` in Viewer.tsx). */
const MAX_CANVAS_PIXEL_RATIO = 2

/**
 * In a headset, tiles are chosen around where the head looks, for a field of view and an eye
 * buffer about those of current standalone headsets.
 * NOTE: both figures are estimates, not read from the session's views.
 */
const HEADSET_FOV = 100
const HEADSET_EYE_PIXELS = 1800
/** The head's view, rewritten each frame in a session. */
const headView = { yaw: 0, pitch: 0, fov: HEADSET_FOV }
const headDirection = new Vector3()

type TiledSource = Exclude<PanoramaSource, { type: 'equirect' }>

/**
 * Draws a `tiles` or `cube` panorama. A tile pyramid first shows its equirectangular preview with
 * the same shader as a plain panorama, and the scene counts as loaded once the preview is drawn.
 * Then the tiles in view stream in over it. Cube faces have no preview, so the scene counts as
 * loaded once all six faces are drawn. Everything is disposed when the scene is left.
 */
export function TiledPanorama({ sceneId, source }: { sceneId: string; source: TiledSource }) {
  const gl = useThree((state) => state.gl)
  const material = useMemo(() => new PanoramaMaterial(), [])
  const geometry = useMemo(() => new IcosahedronGeometry(PREVIEW_RADIUS, 3), [])
  const previewRef = useRef<Mesh>(null)
  const groupRef = useRef<Group>(null)
  const streamerRef = useRef<TileStreamer | null>(null)
  const previewDrawnRef = useRef(false)
  const readyRef = useRef(false)
  const sourceKey = source.type === 'cube' ? JSON.stringify(source.faces) : source.src

  useEffect(() => {
    return () => {
      material.dispose()
      geometry.dispose()
    }
  }, [material, geometry])

  // biome-ignore lint/correctness/useExhaustiveDependencies: `sourceKey` stands for `source`, whose object identity changes on every tour load.
  useEffect(() => {
    const controller = new AbortController()
    const { signal } = controller
    let previewTexture: Texture | null = null
    readyRef.current = false
    previewDrawnRef.current = false
    setSceneLoad(sceneId, { status: 'loading', progress: null })

    const start = async () => {
      const loaded = await loadTileSource(source, { signal })
      if (signal.aborted) return
      const coverage = loaded.tiles.pyramid.coverage
      liveView.coverage = coverage

      const maxTextureSize = gl.capabilities.maxTextureSize
      const navigatorMemory = (navigator as Navigator & { deviceMemory?: number }).deviceMemory
      const streamer = new TileStreamer(loaded.tiles, {
        renderer: gl,
        maxTextureSize,
        cacheBound: tileCacheBound(loaded.tiles.pyramid.tileSize, {
          viewportWidth: window.innerWidth,
          viewportHeight: window.innerHeight,
          pixelRatio: Math.min(MAX_CANVAS_PIXEL_RATIO, window.devicePixelRatio || 1),
          deviceMemoryGb: navigatorMemory,
          maxTextureSize,
        }),
        onError: (error) => {
          // A cube has nothing to show in place of a face, so a missing face fails the scene.
          if (loaded.previewUrl !== null || signal.aborted || readyRef.current) return
          // The scene is settled: it shows the error, and no later face marks it loaded.
          readyRef.current = true
          if (error instanceof AssetLoadError) failSceneLoad(sceneId, error.asset)
          else failSceneLoad(sceneId, { kind: 'image', url: sourceUrl(source) })
        },
        onChange: () => {
          if (loaded.previewUrl === null && !readyRef.current) {
            const { drawn, visible } = streamer.stats
            setSceneLoad(sceneId, { status: 'loading', progress: visible ? drawn / visible : null })
          }
          requestFrame()
        },
      })
      streamerRef.current = streamer
      showcaseHandle.tiles = streamer.stats
      groupRef.current?.add(streamer.group)

      if (loaded.previewUrl !== null) {
        const preview = await loadPanoramaTexture(loaded.previewUrl, {
          maxTextureSize,
          maxAnisotropy: gl.capabilities.getMaxAnisotropy(),
          signal,
          onProgress: (progress) => setSceneLoad(sceneId, { status: 'loading', progress }),
        })
        if (signal.aborted) {
          preview.texture.dispose()
          return
        }
        previewTexture = preview.texture
        // The tiling tool writes the preview of a partial panorama as a full sphere that is black
        // outside the image, so the preview keeps the full mapping. The view clamp keeps the black
        // area out of sight.
        material.uniforms.map.value = preview.texture
        if (previewRef.current) previewRef.current.visible = true
        previewDrawnRef.current = true
      }
      requestFrame()
    }

    start().catch((error: unknown) => {
      if (signal.aborted) return
      if (error instanceof AssetLoadError) {
        failSceneLoad(sceneId, error.asset)
        return
      }
      console.error('[tiles] unexpected load failure', sourceUrl(source), error)
      failSceneLoad(sceneId, { kind: 'image', url: sourceUrl(source) })
    })

    return () => {
      controller.abort()
      const streamer = streamerRef.current
      if (streamer) {
        streamer.group.removeFromParent()
        streamer.dispose()
        if (showcaseHandle.tiles === streamer.stats) showcaseHandle.tiles = null
      }
      streamerRef.current = null
      previewTexture?.dispose()
      material.uniforms.map.value = null
      if (previewRef.current) previewRef.current.visible = false
      liveView.coverage = FULL_VIEW_COVERAGE
    }
  }, [sceneId, sourceKey, gl, material])

  useFrame((state) => {
    const streamer = streamerRef.current
    if (!streamer) return
    const isCube = source.type === 'cube'
    // Tiles wait for the preview, so the first frame is never delayed by tile downloads.
    if (!isCube && !previewDrawnRef.current) return
    if (state.gl.xr.isPresenting) {
      state.gl.xr.getCamera().getWorldDirection(headDirection)
      headView.yaw = Math.atan2(headDirection.x, -headDirection.z) * RAD2DEG
      headView.pitch = Math.asin(clamp(headDirection.y, -1, 1)) * RAD2DEG
      streamer.update(headView, 1, HEADSET_EYE_PIXELS)
    } else {
      const { width, height } = state.size
      streamer.update(liveView.view, width / Math.max(1, height), height * state.viewport.dpr)
    }

    if (readyRef.current) return
    const { drawn, visible } = streamer.stats
    if (previewDrawnRef.current || (isCube && visible > 0 && drawn === visible)) {
      readyRef.current = true
      setSceneLoad(sceneId, { status: 'ready', progress: 1 })
      finishSceneLoad(sceneId)
    }
  }, -0.5)

  return (
    <>
      <mesh
        ref={previewRef}
        geometry={geometry}
        material={material}
        renderOrder={-1}
        frustumCulled={false}
        visible={false}
      />
      <group ref={groupRef} />
    </>
  )
}

function sourceUrl(source: TiledSource): string {
  return source.type === 'cube' ? source.faces.f : source.src
}
