import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import sharp from 'sharp'
import { afterAll, describe, expect, it } from 'vitest'
import { checkPanoramaFile } from '../../../tools/lib/assetContent.ts'

const work = mkdtempSync(join(tmpdir(), 'panorama-content-'))
afterAll(() => rmSync(work, { recursive: true, force: true }))

async function greyJpeg(name: string, width: number, height: number, xmp?: string) {
  let image = sharp({
    create: { width, height, channels: 3, background: { r: 128, g: 128, b: 128 } },
  })
  if (xmp !== undefined) image = image.withXmp(xmp)
  const file = join(work, name)
  await image.jpeg({ quality: 50 }).toFile(file)
  return file
}

/**
 * Writes only the start of a JPEG: the start-of-image marker and a baseline frame header of the
 * given size. The checks read no further, and encoding a real 9000 px image takes seconds.
 */
function jpegHeader(name: string, width: number, height: number): string {
  const frame = [0xff, 0xc0, 0x00, 0x11, 0x08, height >> 8, height & 0xff, width >> 8, width & 0xff]
  const components = [0x03, 0x01, 0x22, 0x00, 0x02, 0x11, 0x01, 0x03, 0x11, 0x01]
  const file = join(work, name)
  writeFileSync(file, new Uint8Array([0xff, 0xd8, ...frame, ...components, 0xff, 0xd9]))
  return file
}

const cropXmp = (projection: string) => `<x:xmpmeta xmlns:x="adobe:ns:meta/">
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
<rdf:Description rdf:about="" xmlns:GPano="http://ns.google.com/photos/1.0/panorama/"
 GPano:ProjectionType="${projection}" GPano:FullPanoWidthPixels="4000" GPano:FullPanoHeightPixels="2000"
 GPano:CroppedAreaImageWidthPixels="2000" GPano:CroppedAreaImageHeightPixels="1000"
 GPano:CroppedAreaLeftPixels="1000" GPano:CroppedAreaTopPixels="500"/>
</rdf:RDF></x:xmpmeta>`

describe('checkPanoramaFile', () => {
  it('warns above the desktop texture limit', () => {
    const file = jpegHeader('wide.jpg', 9000, 4500)
    expect(checkPanoramaFile(file, 'equirect')).toEqual([
      {
        severity: 'warning',
        code: 'panorama-over-texture-limit',
        actual: '9000×4500',
        expected: '8192',
      },
    ])
  })

  it('warns above the phone texture limit', () => {
    const file = jpegHeader('phone.jpg', 4100, 2050)
    expect(checkPanoramaFile(file, 'equirect')).toEqual([
      {
        severity: 'warning',
        code: 'panorama-over-phone-limit',
        actual: '4100×2050',
        expected: '4096',
      },
    ])
  })

  it('accepts 4096 px without warning', () => {
    expect(checkPanoramaFile(jpegHeader('ok.jpg', 4096, 2048), 'equirect')).toEqual([])
  })

  it('reports a GPano crop as partial', async () => {
    // A quarter of the width was kept (a 2000 px crop of 4000), then resized to 1000 px.
    const file = await greyJpeg('crop.jpg', 1000, 500, cropXmp('equirectangular'))
    expect(checkPanoramaFile(file, 'equirect')).toEqual([
      {
        severity: 'warning',
        code: 'partial-panorama',
        actual: 'yaw -90..90°, pitch -45..45°',
      },
    ])
  })

  it('reports a GPano cylindrical image', async () => {
    const file = await greyJpeg('cylinder.jpg', 1000, 500, cropXmp('cylindrical'))
    const problems = checkPanoramaFile(file, 'equirect')
    expect(problems).toHaveLength(1)
    expect(problems[0]?.code).toBe('cylindrical-panorama')
  })

  it('gives the 2:1 size for the width', async () => {
    const file = await greyJpeg('tall.jpg', 1000, 800)
    expect(checkPanoramaFile(file, 'equirect')).toEqual([
      {
        severity: 'warning',
        code: 'not-equirectangular',
        actual: '1000×800',
        expected: '1000×500',
      },
    ])
  })
})

describe('checkPanoramaFile for tiles', () => {
  const descriptor = {
    format: 'tay-bac-tiles',
    version: 1,
    tileSize: 512,
    levels: [{ size: 512 }],
    tiles: '{level}/{face}/{row}_{col}.jpg',
    preview: 'preview.jpg',
    coverage: { yawMin: -180, yawMax: 180, pitchMin: -90, pitchMax: 90 },
  }

  function writeDescriptor(name: string, content: unknown, withPreview = true): string {
    const folder = join(work, name)
    mkdirSync(folder, { recursive: true })
    const file = join(folder, 'tiles.json')
    writeFileSync(file, typeof content === 'string' ? content : JSON.stringify(content))
    if (withPreview) writeFileSync(join(folder, 'preview.jpg'), 'x')
    return file
  }

  it('accepts a valid descriptor', () => {
    expect(checkPanoramaFile(writeDescriptor('valid', descriptor), 'tiles')).toEqual([])
  })

  it('names the bad field', () => {
    const file = writeDescriptor('bad-level', { ...descriptor, levels: [{ size: -1 }] })
    expect(checkPanoramaFile(file, 'tiles')).toEqual([
      {
        severity: 'error',
        code: 'invalid-tiles',
        actual: expect.stringMatching(/^levels\.0\.size: /),
      },
    ])
  })

  it('rejects text that is not JSON', () => {
    const problems = checkPanoramaFile(writeDescriptor('not-json', '{ nope'), 'tiles')
    expect(problems[0]?.code).toBe('invalid-tiles')
  })

  it('reports a missing preview', () => {
    const file = writeDescriptor('no-preview', descriptor, false)
    expect(checkPanoramaFile(file, 'tiles')).toEqual([
      { severity: 'error', code: 'invalid-tiles', actual: 'preview preview.jpg not found' },
    ])
  })
})
