import type { PanoramaPlacement } from './gpano.ts'
import { DEG2RAD } from './sphere.ts'

/**
 * Shape of a WebXR `equirect` layer, in radians as `XREquirectLayer` takes them. The layer
 * centres its image on the -Z axis of its space, so `yaw` is the turn about +Y that points that
 * axis at the middle of the covered area (positive turns left, as three's rotations do).
 */
export interface EquirectLayerShape {
  centralHorizontalAngle: number
  upperVerticalAngle: number
  lowerVerticalAngle: number
  yaw: number
}

/**
 * Returns the layer shape that shows a panorama of `placement` where the sphere mesh would, or
 * null when a layer cannot show it. An equirect layer maps rows linearly to pitch, so a
 * cylindrical image would be distorted vertically and stays on the mesh.
 */
export function equirectLayerShape(placement: PanoramaPlacement): EquirectLayerShape | null {
  if (placement.projection !== 'equirectangular') return null
  const { yawMin, yawMax, pitchMin, pitchMax } = placement.coverage
  const width = Math.min(360, yawMax - yawMin)
  if (!(width > 0) || !(pitchMax > pitchMin)) return null
  return {
    centralHorizontalAngle: width * DEG2RAD,
    upperVerticalAngle: pitchMax * DEG2RAD,
    lowerVerticalAngle: pitchMin * DEG2RAD,
    // Tour yaw turns right while a rotation about +Y turns left.
    yaw: -((yawMin + yawMax) / 2) * DEG2RAD,
  }
}
