import { existsSync, readFileSync, statSync } from 'node:fs'
import { join, sep } from 'node:path'
import { fileURLToPath } from 'node:url'
import { getBounds, NodeIO } from '@gltf-transform/core'
import sharp from 'sharp'
import { describe, expect, it } from 'vitest'
import { angularDistance } from '../../../src/core/sphere.ts'
import { formatProblem } from '../../../src/i18n/problems.ts'
import type { ModelScene, PanoramaScene, Tour } from '../../../src/tour/schema.ts'
import { validateTour } from '../../../src/tour/validate.ts'
import { tourSiteFor } from '../../../tools/lib/tourSite.ts'
import { buildSampleTour } from '../../../tools/sample/tour.ts'

const PROJECT_ROOT = fileURLToPath(new URL('../../../', import.meta.url))
const TOUR_FILE = join(PROJECT_ROOT, 'scenes', 'tay-bac', 'tour.json')
const PUBLIC_DIR = join(PROJECT_ROOT, 'public')

/** Largest mean difference (0–255 per channel) allowed between the first and last pixel column. */
const MAX_SEAM_DIFFERENCE = 3
/** Minimum angle between two hotspots of a panorama, so that their markers stay apart. */
const MIN_HOTSPOT_SPACING_DEGREES = 15
const MAX_PANORAMA_BYTES = 700 * 1024
const MAX_MODEL_BYTES = 200 * 1024

const site = tourSiteFor(TOUR_FILE)
const tourText = readFileSync(TOUR_FILE, 'utf8')
const rawTour: unknown = JSON.parse(tourText)
const { tour, problems } = validateTour(rawTour, { tourUrl: site.tourUrl })

function parsedTour(): Tour {
  if (tour === null)
    throw new Error('scenes/tay-bac/tour.json is invalid: run npm run sample:generate')
  return tour
}

function panoramaScenes(): PanoramaScene[] {
  return parsedTour().scenes.filter((scene): scene is PanoramaScene => scene.kind === 'panorama')
}

/** Returns a sample panorama's source, which is always one equirectangular image. */
function equirectSource(scene: PanoramaScene): { src: string } {
  if (scene.panorama.type !== 'equirect') {
    throw new Error(`sample scene ${scene.id} is not an equirect panorama`)
  }
  return scene.panorama
}

function modelScenes(): ModelScene[] {
  return parsedTour().scenes.filter((scene): scene is ModelScene => scene.kind === 'model')
}

/** Returns the file on disk that an asset path of the sample tour refers to. */
function assetFile(src: string): string {
  const target = site.assetFile(src)
  if (target.kind !== 'file') throw new Error(`asset path ${src} does not map to a file`)
  return target.path
}

/** Returns the pixels of one column of an image as RGB bytes, top to bottom. */
async function pixelColumn(file: string, x: number, height: number): Promise<Buffer> {
  return sharp(file).extract({ left: x, top: 0, width: 1, height }).removeAlpha().raw().toBuffer()
}

function meanAbsoluteDifference(a: Buffer, b: Buffer): number {
  let sum = 0
  for (let index = 0; index < a.length; index++) sum += Math.abs((a[index] ?? 0) - (b[index] ?? 0))
  return sum / a.length
}

describe('sample tour', () => {
  describe('tour file', () => {
    it('validates with no problems', () => {
      expect(problems.map((problem) => formatProblem(problem, 'en'))).toEqual([])
      expect(tour).not.toBeNull()
    })

    it('matches the generator output', () => {
      expect(
        tourText === `${JSON.stringify(buildSampleTour(), null, 2)}\n`,
        'scenes/tay-bac/tour.json differs from tools/sample/tour.ts: run npm run sample:generate',
      ).toBe(true)
    })

    it('starts with the $schema key', () => {
      expect(Object.keys(rawTour as object)[0]).toBe('$schema')
    })

    it('is the tay-bac tour in Vietnamese and English', () => {
      expect(parsedTour().id).toBe('tay-bac')
      expect(parsedTour().locales).toEqual(['vi', 'en'])
    })

    it('has offers departing from Ho Chi Minh City', () => {
      const offers = parsedTour().offers
      expect(offers.length).toBeGreaterThanOrEqual(3)
      for (const offer of offers) {
        expect(offer.departsFrom).toEqual({ vi: 'TP. Hồ Chí Minh', en: 'Ho Chi Minh City' })
        expect(new URL(offer.url).hostname).toBe('example.org')
        expect(offer.price.currency).toBe('VND')
      }
    })
  })

  describe('assets', () => {
    const sources = () =>
      parsedTour().scenes.map((scene) =>
        scene.kind === 'panorama' ? equirectSource(scene).src : scene.model.src,
      )

    it('exist under public/', () => {
      for (const src of sources()) {
        const file = assetFile(src)
        expect(file.startsWith(PUBLIC_DIR + sep), `${src} resolves outside public/`).toBe(true)
        expect(existsSync(file), `${src} is missing: run npm run sample:generate`).toBe(true)
      }
    })
  })

  describe('panoramas', () => {
    it.each(panoramaScenes().map((scene) => [scene.id, scene] as const))(
      '%s is a 2:1 JPEG without a seam',
      async (_id, scene) => {
        const file = assetFile(equirectSource(scene).src)
        const { format, width = 0, height = 0 } = await sharp(file).metadata()
        expect(format).toBe('jpeg')
        expect(width).toBe(2 * height)
        expect(statSync(file).size).toBeLessThan(MAX_PANORAMA_BYTES)

        const left = await pixelColumn(file, 0, height)
        const right = await pixelColumn(file, width - 1, height)
        expect(meanAbsoluteDifference(left, right)).toBeLessThan(MAX_SEAM_DIFFERENCE)
      },
    )

    it.each(panoramaScenes().map((scene) => [scene.id, scene] as const))(
      '%s hotspots are spaced apart',
      (_id, scene) => {
        const hotspots = scene.hotspots
        for (const [index, a] of hotspots.entries()) {
          for (const b of hotspots.slice(index + 1)) {
            expect(
              angularDistance(a, b),
              `hotspots ${a.id} and ${b.id} are too close`,
            ).toBeGreaterThanOrEqual(MIN_HOTSPOT_SPACING_DEGREES)
          }
        }
      },
    )
  })

  describe('stilt house model', () => {
    const scene = () => {
      const [first] = modelScenes()
      if (!first) throw new Error('the sample tour has no model scene')
      return first
    }

    it('parses with at least one mesh', async () => {
      const file = assetFile(scene().model.src)
      expect(statSync(file).size).toBeLessThan(MAX_MODEL_BYTES)
      const document = await new NodeIO().read(file)
      const root = document.getRoot()
      expect(root.listMeshes().length).toBeGreaterThan(0)
      expect(root.listNodes().some((node) => node.getMesh() !== null)).toBe(true)
      expect(root.listAnimations().length).toBeGreaterThan(0)
    })

    it('stands on the ground', async () => {
      const document = await new NodeIO().read(assetFile(scene().model.src))
      const gltfScene = document.getRoot().getDefaultScene()
      if (!gltfScene) throw new Error('the model has no default scene')
      expect(getBounds(gltfScene).min[1]).toBeCloseTo(0, 3)
    })

    it('has info hotspots on the house', async () => {
      const document = await new NodeIO().read(assetFile(scene().model.src))
      // Every part but the ground disc, which reaches far beyond the house.
      const parts = document
        .getRoot()
        .listNodes()
        .filter((node) => node.getMesh() !== null && node.getName() !== 'Ground')
      expect(parts.length).toBeGreaterThan(0)
      const min = [Infinity, Infinity, Infinity]
      const max = [-Infinity, -Infinity, -Infinity]
      for (const part of parts) {
        const bounds = getBounds(part)
        for (let axis = 0; axis < 3; axis++) {
          min[axis] = Math.min(min[axis] ?? 0, bounds.min[axis] ?? 0)
          max[axis] = Math.max(max[axis] ?? 0, bounds.max[axis] ?? 0)
        }
      }

      const infoHotspots = scene().hotspots.filter((hotspot) => hotspot.kind === 'info')
      expect(infoHotspots.length).toBeGreaterThanOrEqual(3)
      for (const hotspot of infoHotspots) {
        hotspot.position.forEach((value, axis) => {
          const margin = 0.5
          expect(value, `hotspot ${hotspot.id} is off the house`).toBeGreaterThanOrEqual(
            (min[axis] ?? 0) - margin,
          )
          expect(value, `hotspot ${hotspot.id} is off the house`).toBeLessThanOrEqual(
            (max[axis] ?? 0) + margin,
          )
        })
      }
    })
  })

  describe('scene links', () => {
    it('reach every scene from the start', () => {
      const scenes = new Map(parsedTour().scenes.map((scene) => [scene.id, scene]))
      const reached = new Set([parsedTour().start])
      const queue = [parsedTour().start]
      while (queue.length > 0) {
        const scene = scenes.get(queue.shift() ?? '')
        for (const hotspot of scene?.hotspots ?? []) {
          if (hotspot.kind !== 'scene' || reached.has(hotspot.target)) continue
          reached.add(hotspot.target)
          queue.push(hotspot.target)
        }
      }
      expect([...reached].sort()).toEqual([...scenes.keys()].sort())
    })
  })
})
