import { mkdirSync, writeFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { chromium } from 'playwright-core'
import { findChromium, MISSING_CHROMIUM_MESSAGE } from '../../tests/e2e/support/chromium.ts'
import { FIXTURES_DIR, hasFixtures, MISSING_FIXTURES_REASON } from '../../tests/support/fixtures.ts'
import {
  type BenchInput,
  loadTiler,
  prepareInputs,
  type TiledInput,
  tileInput,
  VESTE_FIXTURE,
} from './inputs.ts'
import { type Measurement, measurePage, NETWORKS, type NetworkId, type PageJob } from './measure.ts'
import { peerPages } from './pages.ts'
import { bundledPhotoSphereViewerBytes } from './peerBundle.ts'
import { PanoramaReference } from './reference.ts'
import { startBenchServer } from './server.ts'

export const VIEWERS = {
  'ours-equirect': 'ours, equirect',
  'ours-tiles': 'ours, tiles',
  pannellum: 'Pannellum 2.5.7',
  'photo-sphere-viewer': 'Photo Sphere Viewer 5.15.1',
  marzipano: 'Marzipano 0.10.2',
} as const

export type ViewerId = keyof typeof VIEWERS
export const PEERS: ViewerId[] = ['pannellum', 'photo-sphere-viewer', 'marzipano']

export interface BenchOptions {
  /** One small image, one run, unthrottled. */
  quick: boolean
  runs: number
  networks: NetworkId[]
  /** Input ids to keep (all when empty), such as `grid-8192`. */
  inputs: string[]
  /** Viewer ids to keep (all when empty), such as `ours-equirect`. */
  viewers?: ViewerId[]
  /** The production build of the app; the harness does not build it. */
  distDir: string
  /** Folder for derived images, tiles and tours. */
  workDir: string
  /** Port on 127.0.0.1; 0 picks a free one. */
  port: number
  /** When set, the frame detected as each first view is saved in this folder. */
  framesDir?: string
  /** Receives progress lines. */
  log: (line: string) => void
}

export interface Sample extends Measurement {
  viewer: ViewerId
  inputId: string
  network: NetworkId
  run: number
}

/** Scene-change samples of our app with neighbour prefetching turned off (`saveData`). */
export interface ColdSceneChangeSample {
  inputId: string
  network: NetworkId
  run: number
  sceneChangeMs: number | null
  error: string | null
}

export interface BenchResult {
  options: Omit<BenchOptions, 'log'>
  inputs: BenchInput[]
  chromiumVersion: string
  samples: Sample[]
  coldSceneChanges: ColdSceneChangeSample[]
  /** Reasons for missing viewer rows, such as the tiling tool not being in the tree. */
  notes: string[]
  /** Gzip bytes of Photo Sphere Viewer's core and three.js bundled and minified by Vite. */
  bundledPhotoSphereViewerBytes?: number
}

/** Launch flags of the end-to-end tests: software WebGL, and no host but 127.0.0.1 resolves. */
const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--use-gl=angle',
  '--use-angle=swiftshader',
  '--enable-unsafe-swiftshader',
  '--ignore-gpu-blocklist',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
  '--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE 127.0.0.1',
]

const HOTSPOT_ID = 'to-next'
const NEXT_SCENE_ID = 'next'

/**
 * Writes a two-scene tour for our app: the measured photo, with a scene hotspot to the veste
 * photo outside the compared centre region, and a way back.
 */
function writeBenchTour(
  toursDir: string,
  tourId: string,
  panorama: { type: 'equirect' | 'tiles'; src: string },
): string {
  const tour = {
    version: 1,
    id: tourId,
    title: 'Benchmark',
    locales: ['vi', 'en'],
    start: 'start',
    scenes: [
      {
        id: 'start',
        kind: 'panorama',
        title: 'Start',
        panorama,
        view: { yaw: 0, pitch: 0, fov: 75 },
        hotspots: [
          {
            id: HOTSPOT_ID,
            kind: 'scene',
            target: NEXT_SCENE_ID,
            yaw: 35,
            pitch: -5,
            label: 'Next',
          },
        ],
      },
      {
        id: NEXT_SCENE_ID,
        kind: 'panorama',
        title: 'Next',
        panorama: { type: 'equirect', src: `../../fixtures/${VESTE_FIXTURE}` },
        view: { yaw: 0, pitch: 0, fov: 75 },
        hotspots: [{ id: 'back', kind: 'scene', target: 'start', yaw: 35, pitch: -5 }],
      },
    ],
  }
  const folder = join(toursDir, tourId)
  mkdirSync(folder, { recursive: true })
  writeFileSync(join(folder, 'tour.json'), JSON.stringify(tour, null, 2))
  return `/app/?tour=../tours/${tourId}/tour.json`
}

/** Returns the order of the viewers in one run, rotated so each leads once in turn. */
export function rotate<T>(items: T[], run: number): T[] {
  const shift = run % Math.max(1, items.length)
  return [...items.slice(shift), ...items.slice(0, shift)]
}

/** Runs every viewer on every input and network, `runs` times, interleaving the viewers. */
export async function runBench(options: BenchOptions): Promise<BenchResult> {
  const executablePath = findChromium()
  if (!executablePath) throw new Error(MISSING_CHROMIUM_MESSAGE)
  const workDir = resolve(options.workDir)
  const imagesDir = join(workDir, 'images')
  const toursDir = join(workDir, 'tours')
  mkdirSync(toursDir, { recursive: true })

  if (!hasFixtures) throw new Error(MISSING_FIXTURES_REASON)
  if (options.framesDir) mkdirSync(options.framesDir, { recursive: true })
  const notes: string[] = []
  const allInputs = await prepareInputs(imagesDir, options.quick, '/fixtures/', '/images/')
  const inputs = options.inputs.length
    ? allInputs.filter((input) => options.inputs.includes(input.id))
    : allInputs
  if (!inputs.length) throw new Error(`no input matches --inputs ${options.inputs.join(',')}`)

  const tiler = await loadTiler()
  const tiled = new Map<string, TiledInput>()
  if (tiler) {
    for (const input of inputs) {
      options.log(`tiling ${input.label}`)
      tiled.set(input.id, await tileInput(tiler, input, imagesDir, '/images/'))
    }
  } else {
    notes.push('"ours, tiles" skipped: tools/lib/tile.ts (tilePanorama) is not in this tree.')
  }

  // Bundled before the browser starts, so the build does not compete with a measured page.
  const psvBundleBytes = await bundledPhotoSphereViewerBytes()
  const references = new Map<string, PanoramaReference>()
  for (const input of inputs) references.set(input.id, await PanoramaReference.fromFile(input.file))

  const root = resolve('node_modules')
  const server = await startBenchServer(
    {
      '/app/': options.distDir,
      '/fixtures/': FIXTURES_DIR,
      '/images/': imagesDir,
      '/tours/': toursDir,
      '/peers/pannellum/': join(root, 'pannellum', 'build'),
      '/peers/psv/': join(root, '@photo-sphere-viewer', 'core'),
      '/peers/three/': join(root, 'three', 'build'),
      '/peers/marzipano/': join(root, 'marzipano', 'dist'),
    },
    peerPages(),
    options.port,
  )
  const samples: Sample[] = []
  const coldSceneChanges: ColdSceneChangeSample[] = []
  let chromiumVersion = 'unknown'
  // Every page load gets its own browser, so memory a large panorama left in the GPU process
  // (SwiftShader keeps textures in ordinary memory) cannot make the next viewer fail.
  const measure = async (job: PageJob): Promise<Measurement> => {
    const browser = await chromium.launch({ executablePath, args: CHROMIUM_ARGS })
    try {
      chromiumVersion = browser.version()
      return await measurePage(browser, job)
    } finally {
      await browser.close()
    }
  }
  try {
    const viewers = (
      ['ours-equirect', ...(tiler ? ['ours-tiles'] : []), ...PEERS] as ViewerId[]
    ).filter((viewer) => !options.viewers?.length || options.viewers.includes(viewer))
    // The scene change without prefetching is measured on one photo: the next scene is the same
    // veste file whatever the first scene shows.
    const coldInput = inputs.find((input) => input.id === 'grid-4096') ?? inputs[0]
    const total = options.runs * options.networks.length * inputs.length * viewers.length

    for (let run = 0; run < options.runs; run++) {
      for (const network of options.networks) {
        for (const input of inputs) {
          const timeoutMs = firstViewTimeout(network, input)
          const reference = references.get(input.id)
          if (!reference) continue
          for (const viewer of rotate(viewers, run)) {
            const url = viewerUrl(viewer, input, tiled.get(input.id), toursDir)
            const ours = viewer.startsWith('ours')
            const measurement = await measure({
              url: server.origin + url,
              network,
              reference,
              timeoutMs,
              tiled: viewer === 'ours-tiles',
              ours,
              saveData: false,
              ...(options.framesDir
                ? {
                    frameFile: join(
                      options.framesDir,
                      `${network}-${input.id}-${viewer}-${run + 1}.jpg`,
                    ),
                  }
                : {}),
              ...(viewer === 'ours-equirect'
                ? {
                    sceneChange: {
                      hotspotId: HOTSPOT_ID,
                      targetSceneId: NEXT_SCENE_ID,
                      prefetchUrlSuffix: VESTE_FIXTURE,
                    },
                  }
                : {}),
            })
            samples.push({ ...measurement, viewer, inputId: input.id, network, run })
            options.log(
              `[${samples.length}/${total}] run ${run + 1} ${network} ${input.label} ${VIEWERS[viewer]}: ` +
                describeMeasurement(measurement),
            )
          }
          if (input === coldInput && viewers.includes('ours-equirect')) {
            const measurement = await measure({
              url: server.origin + viewerUrl('ours-equirect', input, undefined, toursDir),
              network,
              reference,
              timeoutMs,
              tiled: false,
              ours: true,
              saveData: true,
              sceneChange: {
                hotspotId: HOTSPOT_ID,
                targetSceneId: NEXT_SCENE_ID,
                prefetchUrlSuffix: null,
              },
            })
            coldSceneChanges.push({
              inputId: input.id,
              network,
              run,
              sceneChangeMs: measurement.sceneChangeMs,
              error: measurement.error,
            })
            options.log(
              `run ${run + 1} ${network} scene change without prefetch: ${
                measurement.sceneChangeMs?.toFixed(0) ?? measurement.error
              } ms`,
            )
          }
        }
      }
    }
    const { log: _log, ...recorded } = options
    return {
      options: recorded,
      inputs,
      chromiumVersion,
      samples,
      coldSceneChanges,
      notes,
      bundledPhotoSphereViewerBytes: psvBundleBytes,
    }
  } finally {
    await server.close()
  }
}

/**
 * Returns how long to wait for a first view: 45 s on loopback, and on a throttled network 30 s
 * plus three times the transfer time of the photo and 1.5 MB of code at the profile's rate.
 */
function firstViewTimeout(network: NetworkId, input: BenchInput): number {
  const profile = NETWORKS[network]
  if (!profile) return 45_000
  const transferMs = ((input.bytes + 1_500_000) * 8 * 1000) / profile.downloadBitsPerSecond
  return Math.round(30_000 + 3 * transferMs)
}

function viewerUrl(
  viewer: ViewerId,
  input: BenchInput,
  tiles: TiledInput | undefined,
  toursDir: string,
): string {
  const query = `src=${encodeURIComponent(input.urlPath)}&width=${input.width}`
  switch (viewer) {
    case 'ours-equirect':
      return writeBenchTour(toursDir, `bench-${input.id}-equirect`, {
        type: 'equirect',
        src: `../..${input.urlPath}`,
      })
    case 'ours-tiles':
      if (!tiles) throw new Error(`no tiles for ${input.id}`)
      return writeBenchTour(toursDir, `bench-${input.id}-tiles`, {
        type: 'tiles',
        src: `../..${tiles.descriptorUrlPath}`,
      })
    case 'pannellum':
      return `/pages/pannellum.html?${query}`
    case 'photo-sphere-viewer':
      return `/pages/photo-sphere-viewer.html?${query}`
    case 'marzipano':
      return `/pages/marzipano.html?${query}`
  }
}

function describeMeasurement(measurement: Measurement): string {
  const parts = [
    `first view ${measurement.firstViewMs?.toFixed(0) ?? '–'} ms`,
    `sharp ${measurement.sharpMs?.toFixed(0) ?? '–'} ms`,
    `${((measurement.bytesBeforeFirstView ?? 0) / 1024).toFixed(0)} KiB`,
    `JS ${((measurement.scriptBytesBeforeFirstView ?? 0) / 1024).toFixed(0)} KiB`,
  ]
  if (measurement.sceneChangeMs !== null)
    parts.push(`scene change ${measurement.sceneChangeMs.toFixed(0)} ms`)
  if (measurement.error) parts.push(`error: ${measurement.error}`)
  return parts.join(', ')
}
