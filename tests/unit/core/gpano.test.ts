import { readFileSync } from 'node:fs'
import sharp from 'sharp'
import { describe, expect, it } from 'vitest'
import {
  parseGPanoXmp,
  placePanorama,
  readPanoramaMetadata,
  readXmp,
} from '../../../src/core/gpano.ts'
import { fixturePath, hasFixtures, MISSING_FIXTURES_REASON } from '../../support/fixtures.ts'

function readFixture(relativePath: string): Uint8Array {
  return new Uint8Array(readFileSync(fixturePath(relativePath)))
}

/** Inserts a chunk after the IHDR chunk of a PNG. The CRC is left zero, which the reader ignores. */
function withPngChunk(png: Uint8Array, type: string, text: string): Uint8Array {
  const data = new TextEncoder().encode(text)
  const chunk = new Uint8Array(12 + data.length)
  new DataView(chunk.buffer).setUint32(0, data.length)
  chunk.set(new TextEncoder().encode(type), 4)
  chunk.set(data, 8)
  const afterHeader = 8 + 12 + 13
  const out = new Uint8Array(png.length + chunk.length)
  out.set(png.subarray(0, afterHeader))
  out.set(chunk, afterHeader)
  out.set(png.subarray(afterHeader), afterHeader + chunk.length)
  return out
}

const CROP_XMP = `<?xpacket begin="" id="W5M0MpCehiHzreSzNTczkc9d"?>
<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
<rdf:Description rdf:about="" xmlns:GPano="http://ns.google.com/photos/1.0/panorama/">
<GPano:ProjectionType>equirectangular</GPano:ProjectionType>
<GPano:FullPanoWidthPixels>4000</GPano:FullPanoWidthPixels>
<GPano:FullPanoHeightPixels>2000</GPano:FullPanoHeightPixels>
<GPano:CroppedAreaImageWidthPixels>1000</GPano:CroppedAreaImageWidthPixels>
<GPano:CroppedAreaImageHeightPixels>500</GPano:CroppedAreaImageHeightPixels>
<GPano:CroppedAreaLeftPixels>1500</GPano:CroppedAreaLeftPixels>
<GPano:CroppedAreaTopPixels>750</GPano:CroppedAreaTopPixels>
</rdf:Description></rdf:RDF></x:xmpmeta><?xpacket end="w"?>`

const fixturesTitle = hasFixtures
  ? 'gpano fixtures'
  : `gpano fixtures: skipped, ${MISSING_FIXTURES_REASON}`

describe.skipIf(!hasFixtures)(fixturesTitle, () => {
  it('veste is a full sphere after scaling', () => {
    const metadata = readPanoramaMetadata(readFixture('panoramas/egjs-veste-gpano-2000x1000.jpg'))
    expect(metadata).not.toBeNull()
    const placement = metadata?.placement
    expect(metadata?.gpano?.croppedAreaImageWidthPixels).toBe(10000)
    expect(placement?.fromXmp).toBe(true)
    expect(placement?.xmpScale).toBeCloseTo(0.2, 9)
    expect(placement?.projection).toBe('equirectangular')
    expect(placement?.partial).toBe(false)
    expect(placement?.coverage).toEqual({ yawMin: -180, yawMax: 180, pitchMin: -90, pitchMax: 90 })
    expect(placement?.headingDegrees).toBe(295)
    expect(placement?.notes.join(' ')).toMatch(/10000 px wide image but the image is 2000 px/)
  })

  it('phone panorama is a cylindrical band', () => {
    const metadata = readPanoramaMetadata(
      readFixture('panoramas/egjs-smartphone-partial-gpano-cylindrical.jpg'),
    )
    const placement = metadata?.placement
    expect(metadata?.width).toBe(3900)
    expect(metadata?.height).toBe(634)
    expect(placement?.projection).toBe('cylindrical')
    expect(placement?.partial).toBe(true)
    expect(placement?.xmpScale).toBeCloseTo(3900 / 7997, 9)
    expect(placement?.coverage.yawMin).toBe(-180)
    expect(placement?.coverage.yawMax).toBe(180)
    expect(placement?.coverage.pitchMax).toBeCloseTo(27.03, 1)
    expect(placement?.coverage.pitchMin).toBeCloseTo(-27.03, 1)
    const height = (placement?.coverage.pitchMax ?? 0) - (placement?.coverage.pitchMin ?? 0)
    expect(height).toBeCloseTo((1201 / 3999) * 180, 6)
    expect(placement?.headingDegrees).toBe(0)
  })

  it('grid has no XMP', () => {
    const bytes = readFixture('panoramas/egjs-equi_4096-labeled-grid.jpg')
    expect(readXmp(bytes)).toBeNull()
    const metadata = readPanoramaMetadata(bytes)
    expect(metadata?.gpano).toBeNull()
    expect(metadata?.placement.fromXmp).toBe(false)
    expect(metadata?.placement.partial).toBe(false)
    expect(metadata?.width).toBe(4096)
  })

  it('gain-map JPEG reads without GPano', () => {
    const metadata = readPanoramaMetadata(
      readFixture('panoramas/polyhaven-potsdamer_platz_1k-gainmap.jpg'),
    )
    expect(metadata?.width).toBe(1024)
    expect(metadata?.height).toBe(512)
    expect(metadata?.gpano).toBeNull()
  })

  it('broken JPEG returns null', () => {
    expect(readPanoramaMetadata(readFixture('panoramas/broken/invalid_image_data.jpg'))).toBeNull()
  })
})

describe('gpano parsing', () => {
  it('reads the element form', () => {
    expect(parseGPanoXmp(CROP_XMP)).toEqual({
      projectionType: 'equirectangular',
      fullPanoWidthPixels: 4000,
      fullPanoHeightPixels: 2000,
      croppedAreaImageWidthPixels: 1000,
      croppedAreaImageHeightPixels: 500,
      croppedAreaLeftPixels: 1500,
      croppedAreaTopPixels: 750,
    })
  })

  it('reads the attribute form', () => {
    const xmp = `<rdf:Description GPano:ProjectionType='cylindrical' GPano:PoseHeadingDegrees="-12.5" GPano:FullPanoWidthPixels="abc"/>`
    expect(parseGPanoXmp(xmp)).toEqual({ projectionType: 'cylindrical', poseHeadingDegrees: -12.5 })
  })

  it('returns null without GPano', () => {
    expect(parseGPanoXmp('<x:xmpmeta><dc:title>x</dc:title></x:xmpmeta>')).toBeNull()
  })

  it('places a crop where it belongs', () => {
    const placement = placePanorama(1000, 500, parseGPanoXmp(CROP_XMP))
    expect(placement.partial).toBe(true)
    expect(placement.coverage).toEqual({ yawMin: -45, yawMax: 45, pitchMin: -22.5, pitchMax: 22.5 })
    expect(placement.notes).toEqual([])
  })

  it('scales a crop left stale by a resize', () => {
    const placement = placePanorama(250, 125, parseGPanoXmp(CROP_XMP))
    expect(placement.xmpScale).toBe(0.25)
    expect(placement.coverage).toEqual({ yawMin: -45, yawMax: 45, pitchMin: -22.5, pitchMax: 22.5 })
    expect(placement.notes).toHaveLength(1)
  })

  it('notes a height the XMP does not predict', () => {
    const placement = placePanorama(1000, 300, parseGPanoXmp(CROP_XMP))
    expect(placement.notes.join(' ')).toMatch(/predicts a height of 500 px/)
  })

  it('reports an unsupported projection', () => {
    const placement = placePanorama(600, 400, { projectionType: 'cubemap' })
    expect(placement.unsupportedProjection).toBe('cubemap')
  })

  it('no XMP means a full sphere', () => {
    const placement = placePanorama(4096, 2048, null)
    expect(placement.fromXmp).toBe(false)
    expect(placement.coverage).toEqual({ yawMin: -180, yawMax: 180, pitchMin: -90, pitchMax: 90 })
  })
})

describe('gpano containers', () => {
  const image = () =>
    sharp({ create: { width: 64, height: 32, channels: 3, background: { r: 9, g: 9, b: 9 } } })

  it('reads uncompressed XMP from PNG', async () => {
    const png = new Uint8Array(await image().png().toBuffer())
    const bytes = withPngChunk(png, 'iTXt', `XML:com.adobe.xmp\0\0\0\0\0${CROP_XMP}`)
    expect(readPanoramaMetadata(bytes)?.gpano?.croppedAreaLeftPixels).toBe(1500)
  })

  it('skips compressed PNG XMP', async () => {
    // libvips writes PNG XMP as a deflated zTXt chunk, which the synchronous reader leaves alone.
    const bytes = new Uint8Array(await image().withXmp(CROP_XMP).png().toBuffer())
    const metadata = readPanoramaMetadata(bytes)
    expect(metadata?.width).toBe(64)
    expect(metadata?.gpano).toBeNull()
  })

  it('reads XMP from WebP', async () => {
    const bytes = new Uint8Array(await image().withXmp(CROP_XMP).webp().toBuffer())
    expect(readPanoramaMetadata(bytes)?.gpano?.croppedAreaLeftPixels).toBe(1500)
  })

  it('reads XMP and orientation from JPEG', async () => {
    const bytes = new Uint8Array(
      await image().withXmp(CROP_XMP).withMetadata({ orientation: 6 }).jpeg().toBuffer(),
    )
    const metadata = readPanoramaMetadata(bytes)
    expect(metadata?.info.orientation).toBe(6)
    expect(metadata?.width).toBe(32)
    expect(metadata?.height).toBe(64)
    expect(metadata?.gpano?.fullPanoWidthPixels).toBe(4000)
  })
})
