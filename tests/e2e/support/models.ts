import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import type { Page } from '@playwright/test'
import { PerspectiveCamera, Vector3 } from 'three'
import { fixturePath } from '../../support/fixtures.ts'
import { TEST_ORIGIN, TEST_TOURS_DIR } from './server.ts'
import { fixtureUrl, waitForScene, writeTour } from './test.ts'

/** A model scene's starting camera, as in the tour file (`fov` is vertical, in degrees). */
export interface ModelCamera {
  position: [number, number, number]
  target: [number, number, number]
  fov: number
}

/** Returns a panorama scene of a tour file that shows the equirectangular image at `src`. */
export function panoramaScene(id: string, src: string, hotspots: unknown[] = []) {
  return {
    id,
    kind: 'panorama',
    title: { vi: `Ảnh ${id}`, en: `Panorama ${id}` },
    panorama: { type: 'equirect', src },
    view: { yaw: 0, pitch: 0, fov: 75 },
    hotspots,
  }
}

/** Returns a model scene of a tour file. */
export function modelScene(id: string, src: string, camera: ModelCamera, hotspots: unknown[] = []) {
  return {
    id,
    kind: 'model',
    title: { vi: `Mô hình ${id}`, en: `Model ${id}` },
    model: { src },
    camera,
    hotspots,
  }
}

/** Writes a two-language tour that starts at its first scene and returns its path for `openApp`. */
export function writeSceneTour(name: string, scenes: { id: string }[]): string {
  const first = scenes[0]
  if (!first) throw new Error(`tour ${name} needs at least one scene`)
  return writeTour(name, {
    version: 1,
    id: name,
    title: { vi: `Thử ${name}`, en: `Test ${name}` },
    locales: ['vi', 'en'],
    start: first.id,
    scenes,
  })
}

/**
 * Writes a file derived from fixtures beside the tour `name` (under test-results/tours, served at
 * /tours/) and returns its path relative to that tour's file.
 */
export function writeTourFile(name: string, fileName: string, contents: Uint8Array | string) {
  const directory = join(TEST_TOURS_DIR, name)
  mkdirSync(directory, { recursive: true })
  writeFileSync(join(directory, fileName), contents)
  return fileName
}

/** Returns the first `fraction` of a fixture's bytes, as a download cut short would leave them. */
export function truncatedFixture(relativePath: string, fraction: number): Uint8Array {
  const bytes = readFileSync(fixturePath(relativePath))
  return bytes.subarray(0, Math.floor(bytes.byteLength * fraction))
}

/** Absolute URL of a shared fixture on the test server, as the app reports it in events. */
export function fixtureAbsoluteUrl(relativePath: string): string {
  return `${TEST_ORIGIN}/fixtures/${relativePath}`
}

/** Absolute URL of a file written by `writeTourFile`. */
export function tourFileAbsoluteUrl(name: string, fileName: string): string {
  return `${TEST_ORIGIN}/tours/${name}/${fileName}`
}

export { fixtureUrl }

interface ShowcaseWindow {
  __showcase: {
    animationTime: number | null
    frames: number
    rendererInfo(): { textures: number; geometries: number; calls: number; triangles: number }
  }
}

/** Reads the elapsed time of the current model's animation mixer, in seconds. */
export async function animationTime(page: Page): Promise<number | null> {
  return page.evaluate(() => (window as unknown as ShowcaseWindow).__showcase.animationTime)
}

/** Waits until the animation mixer time differs from `previous`, and returns the new time. */
export async function nextAnimationTime(page: Page, previous: number): Promise<number> {
  const handle = await page.waitForFunction((before) => {
    const time = (window as unknown as ShowcaseWindow).__showcase.animationTime
    return time !== null && time !== before ? time : null
  }, previous)
  return (await handle.jsonValue()) as number
}

/** Reads the renderer's live GPU resource counts (`renderer.info`). */
export async function rendererInfo(page: Page) {
  return page.evaluate(() => (window as unknown as ShowcaseWindow).__showcase.rendererInfo())
}

/** Waits until a scene has loaded, failing at once with the in-place message if it failed. */
export async function expectSceneReady(page: Page, sceneId: string): Promise<void> {
  await waitForScene(page, sceneId, 'ready')
}

/** Opens the scene list, picks a scene by id and waits until it has loaded. */
export async function chooseScene(
  page: Page,
  sceneId: string,
  status: 'ready' | 'error' = 'ready',
): Promise<void> {
  await page.locator('.scene-list > button').click()
  await page.locator(`#scene-list-panel button[data-scene-id="${sceneId}"]`).click()
  if (status === 'ready') await expectSceneReady(page, sceneId)
  else await waitForScene(page, sceneId, status)
}

/**
 * Waits until the copy of the previous scene's last frame, shown over the canvas during a scene
 * change, has faded out, so a screenshot shows only the new scene.
 */
export async function waitForSnapshotFaded(page: Page): Promise<void> {
  await page.waitForFunction(() => {
    const snapshot = document.querySelector('.viewer-snapshot')
    return !snapshot || getComputedStyle(snapshot).opacity === '0'
  })
}

/** Size and position of the 3D view on the page, in CSS pixels. */
export interface StageBox {
  x: number
  y: number
  width: number
  height: number
}

export async function stageBox(page: Page): Promise<StageBox> {
  const box = await page.locator('.stage').boundingBox()
  if (!box) throw new Error('the 3D view (.stage) is not on the page')
  return box
}

/**
 * Projects a point in model coordinates (metres) to page coordinates, for a camera placed and
 * aimed as a model scene's `camera` describes, with +Y up.
 */
export function projectPoint(
  point: [number, number, number],
  camera: ModelCamera,
  stage: StageBox,
): { x: number; y: number } {
  const perspective = new PerspectiveCamera(camera.fov, stage.width / stage.height, 0.05, 2000)
  perspective.position.set(...camera.position)
  perspective.lookAt(...camera.target)
  perspective.updateMatrixWorld()
  const projected = new Vector3(...point).project(perspective)
  return {
    x: stage.x + ((projected.x + 1) / 2) * stage.width,
    y: stage.y + ((1 - projected.y) / 2) * stage.height,
  }
}

/** Returns the centre of a hotspot's round marker (the button, without its label) on the page. */
export async function hotspotCenter(page: Page, hotspotId: string) {
  const box = await page.locator(`button[data-hotspot-id="${hotspotId}"]`).boundingBox()
  if (!box) return null
  return { x: box.x + box.width / 2, y: box.y + box.height / 2 }
}

/**
 * Waits until a hotspot button stops moving, as it does once the orbit controls' damping has
 * brought the camera to rest, and returns its centre.
 */
export async function waitForHotspotRest(page: Page, hotspotId: string) {
  let previous = await hotspotCenter(page, hotspotId)
  for (;;) {
    await page.waitForTimeout(250)
    const current = await hotspotCenter(page, hotspotId)
    if (previous && current && previous.x === current.x && previous.y === current.y) return current
    previous = current
  }
}

/** URLs of every request the page sends, recorded from the moment this is called. */
export function recordRequests(page: Page): string[] {
  const urls: string[] = []
  page.on('request', (request) => urls.push(request.url()))
  return urls
}

/**
 * Records every `aria-valuenow` a progress bar shows, in order, as percentages. Call before the
 * page opens the app; the returned function reads the values recorded so far.
 */
export async function recordProgressValues(page: Page): Promise<() => Promise<number[]>> {
  await page.addInitScript(() => {
    const values: number[] = []
    ;(window as unknown as { __progressValues: number[] }).__progressValues = values
    const record = (element: Element) => {
      const value = element.getAttribute('aria-valuenow')
      if (element.getAttribute('role') === 'progressbar' && value !== null) {
        values.push(Number(value))
      }
    }
    new MutationObserver((mutations) => {
      for (const mutation of mutations) {
        if (mutation.type === 'attributes' && mutation.target instanceof Element) {
          record(mutation.target)
        }
        for (const node of mutation.addedNodes) {
          if (!(node instanceof Element)) continue
          record(node)
          for (const inner of node.querySelectorAll('[role="progressbar"]')) record(inner)
        }
      }
    }).observe(document, {
      subtree: true,
      childList: true,
      attributes: true,
      attributeFilter: ['aria-valuenow'],
    })
  })
  return () =>
    page.evaluate(() => (window as unknown as { __progressValues: number[] }).__progressValues)
}

/**
 * Counts `webglcontextlost` events on any canvas of the page. Call before the page opens the app.
 * The event does not bubble, so it is caught in the capture phase on the window.
 */
export async function countContextLosses(page: Page): Promise<() => Promise<number>> {
  await page.addInitScript(() => {
    const counter = window as unknown as { __contextLosses: number }
    counter.__contextLosses = 0
    window.addEventListener(
      'webglcontextlost',
      () => {
        counter.__contextLosses++
      },
      true,
    )
  })
  return () =>
    page.evaluate(() => (window as unknown as { __contextLosses: number }).__contextLosses)
}
