import { describe, expect, it } from 'vitest'
import { equirectLayerShape } from '../../../src/core/equirectLayer.ts'
import { placePanorama } from '../../../src/core/gpano.ts'
import { directionToYawPitch } from '../../../src/core/sphere.ts'

/** Turns the -Z axis, where an equirect layer centres its image, by `yaw` radians about +Y. */
function layerCentre(yaw: number) {
  return { x: -Math.sin(yaw), y: 0, z: -Math.cos(yaw) }
}

describe('equirectLayerShape', () => {
  it('covers the whole sphere for a 2:1 image without XMP', () => {
    const shape = equirectLayerShape(placePanorama(4096, 2048, null))
    expect(shape?.centralHorizontalAngle).toBeCloseTo(2 * Math.PI, 10)
    expect(shape?.upperVerticalAngle).toBeCloseTo(Math.PI / 2, 10)
    expect(shape?.lowerVerticalAngle).toBeCloseTo(-Math.PI / 2, 10)
    expect(shape?.yaw).toBeCloseTo(0, 10)
  })

  it('centres a cropped panorama on its covered area', () => {
    // A 90° by 45° crop whose left edge is at yaw 0 and whose top edge is at pitch 22.5.
    const placement = placePanorama(1000, 500, {
      projectionType: 'equirectangular',
      fullPanoWidthPixels: 4000,
      fullPanoHeightPixels: 2000,
      croppedAreaImageWidthPixels: 1000,
      croppedAreaImageHeightPixels: 500,
      croppedAreaLeftPixels: 2000,
      croppedAreaTopPixels: 750,
    })
    const shape = equirectLayerShape(placement)
    expect(shape?.centralHorizontalAngle).toBeCloseTo(Math.PI / 2, 10)
    expect(shape?.upperVerticalAngle).toBeCloseTo((22.5 * Math.PI) / 180, 10)
    expect(shape?.lowerVerticalAngle).toBeCloseTo((-22.5 * Math.PI) / 180, 10)
    // The layer's centre must point at yaw 45, the middle of the crop, which is to the right.
    const centre = directionToYawPitch(layerCentre(shape?.yaw ?? Number.NaN))
    expect(centre.yaw).toBeCloseTo(45, 8)
    expect(centre.pitch).toBeCloseTo(0, 8)
  })

  it('keeps the pitch range of a crop off the horizon', () => {
    const placement = placePanorama(2000, 500, {
      projectionType: 'equirectangular',
      fullPanoWidthPixels: 2000,
      fullPanoHeightPixels: 1000,
      croppedAreaImageWidthPixels: 2000,
      croppedAreaImageHeightPixels: 500,
      croppedAreaLeftPixels: 0,
      croppedAreaTopPixels: 100,
    })
    const shape = equirectLayerShape(placement)
    expect(shape?.centralHorizontalAngle).toBeCloseTo(2 * Math.PI, 10)
    expect(shape?.upperVerticalAngle).toBeCloseTo((72 * Math.PI) / 180, 10)
    expect(shape?.lowerVerticalAngle).toBeCloseTo((-18 * Math.PI) / 180, 10)
  })

  it('leaves cylindrical panoramas to the sphere', () => {
    const placement = placePanorama(4000, 1000, {
      projectionType: 'cylindrical',
      fullPanoWidthPixels: 4000,
      croppedAreaImageWidthPixels: 4000,
    })
    expect(placement.projection).toBe('cylindrical')
    expect(equirectLayerShape(placement)).toBeNull()
  })

  it('returns null for an empty coverage', () => {
    const placement = placePanorama(2048, 1024, null)
    placement.coverage = { yawMin: 10, yawMax: 10, pitchMin: -90, pitchMax: 90 }
    expect(equirectLayerShape(placement)).toBeNull()
  })
})
