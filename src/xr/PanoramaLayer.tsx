import { useFrame } from '@react-three/fiber'
import { useXR, XRLayer } from '@react-three/xr'
import { type RefObject, useEffect, useRef, useState } from 'react'
import type { Mesh } from 'three'
import type { EquirectLayerShape } from '../core/equirectLayer.ts'
import { xrStore } from './store.ts'

/**
 * True while an immersive-vr session can show `equirect` layers: the session enabled the `layers`
 * feature and the browser's `XRWebGLBinding` creates equirect layers. A headset without them
 * keeps the panorama on the sphere mesh.
 */
export function useEquirectLayersEnabled(): boolean {
  const enabled = useXR(
    (state) =>
      state.mode === 'immersive-vr' &&
      (state.session?.enabledFeatures?.includes('layers') ?? false),
  )
  return enabled && equirectLayersAvailable()
}

function equirectLayersAvailable(): boolean {
  return typeof XRWebGLBinding !== 'undefined' && 'createEquirectLayer' in XRWebGLBinding.prototype
}

/**
 * Shows an equirectangular panorama in VR through a WebXR `equirect` composition layer. The
 * headset's compositor samples the image once, straight into the display, so the panorama is
 * sharper than when it is first drawn onto a sphere in the projection layer and then resampled.
 * The layer lies behind the projection layer, so hotspots, panels and the fade still cover it.
 *
 * `activeRef` turns true once the layer is part of the session, so that the caller can hide its
 * sphere mesh, which would otherwise cover the layer. Mount this only while
 * `useEquirectLayersEnabled()` is true: `XRLayer`'s own fallback would upload a second copy of
 * the image.
 */
export function PanoramaLayer({
  image,
  shape,
  radius,
  activeRef,
}: {
  image: ImageBitmap
  shape: EquirectLayerShape
  radius: number
  activeRef: RefObject<boolean>
}) {
  const flipped = useBottomUpCopy(image)
  const meshRef = useRef<Mesh>(null)

  useFrame(() => {
    const mesh = meshRef.current
    let inSession = false
    if (mesh) {
      for (const entry of xrStore.getState().layerEntries) {
        if (entry.object3D !== mesh) continue
        inSession = true
        applyShape(entry.layer as XREquirectLayer, shape)
      }
    }
    activeRef.current = inSession
  })
  useEffect(
    () => () => {
      activeRef.current = false
    },
    [activeRef],
  )

  if (!flipped) return null
  return (
    <XRLayer
      ref={meshRef}
      name="xr-panorama-layer"
      src={flipped}
      shape="equirect"
      // The WebXR defaults, given explicitly: `XRLayer` passes unset options on as undefined,
      // which the layers polyfill then uses instead of its defaults.
      layout="mono"
      colorFormat={WebGL2RenderingContext.RGBA}
      mipLevels={1}
      centralHorizontalAngle={shape.centralHorizontalAngle}
      upperVerticalAngle={shape.upperVerticalAngle}
      lowerVerticalAngle={shape.lowerVerticalAngle}
      rotation-y={shape.yaw}
      scale={radius}
      // `XRLayer` draws a depth-only sphere of about 16k triangles per eye where the layer is, for
      // content behind it. Nothing lies beyond the panorama, so the sphere is hidden, which also
      // keeps it from catching controller rays. Its transform still places the layer.
      visible={false}
      pointerEvents="none"
    />
  )
}

/**
 * Returns a copy of `image` with its rows bottom first, or null until it is ready. Layers take
 * their texture in WebGL's order, bottom row first, but WebGL ignores `UNPACK_FLIP_Y_WEBGL` for
 * an `ImageBitmap`, so the row order has to be in the bitmap itself. The copy is closed on
 * unmount.
 */
function useBottomUpCopy(image: ImageBitmap): ImageBitmap | null {
  const [copy, setCopy] = useState<ImageBitmap | null>(null)
  useEffect(() => {
    let current: ImageBitmap | null = null
    let cancelled = false
    createImageBitmap(image, { imageOrientation: 'flipY' }).then(
      (bitmap) => {
        if (cancelled) {
          bitmap.close()
          return
        }
        current = bitmap
        setCopy(bitmap)
      },
      (error: unknown) => {
        if (!cancelled)
          console.error('[xr] failed to prepare the panorama image for its layer', error)
      },
    )
    return () => {
      cancelled = true
      current?.close()
      setCopy(null)
    }
  }, [image])
  return copy
}

/**
 * Sets the layer's angles. `XRLayer` sets them only on an instance of the global
 * `XREquirectLayer`, which a polyfilled layer is not where the browser has its own class (as
 * Chromium has), so the layer would keep covering the whole sphere.
 */
function applyShape(layer: XREquirectLayer, shape: EquirectLayerShape): void {
  if (layer.centralHorizontalAngle !== shape.centralHorizontalAngle) {
    layer.centralHorizontalAngle = shape.centralHorizontalAngle
  }
  if (layer.upperVerticalAngle !== shape.upperVerticalAngle) {
    layer.upperVerticalAngle = shape.upperVerticalAngle
  }
  if (layer.lowerVerticalAngle !== shape.lowerVerticalAngle) {
    layer.lowerVerticalAngle = shape.lowerVerticalAngle
  }
}
