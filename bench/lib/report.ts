import { cpus, totalmem } from 'node:os'
import { type BenchResult, PEERS, type Sample, VIEWERS, type ViewerId } from './harness.ts'
import { NETWORKS, type NetworkId } from './measure.ts'

export interface Spread {
  median: number
  min: number
  max: number
  count: number
}

/** Median, minimum and maximum of the numbers, or null for none. */
export function spread(values: (number | null | undefined)[]): Spread | null {
  const sorted = values
    .filter((value): value is number => typeof value === 'number' && Number.isFinite(value))
    .sort((a, b) => a - b)
  if (!sorted.length) return null
  const middle = Math.floor(sorted.length / 2)
  const median =
    sorted.length % 2
      ? (sorted[middle] ?? 0)
      : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2
  return { median, min: sorted[0] ?? 0, max: sorted[sorted.length - 1] ?? 0, count: sorted.length }
}

function formatMs(value: Spread | null): string {
  if (!value) return '–'
  if (value.count === 1) return `${Math.round(value.median)}`
  return `${Math.round(value.median)} (${Math.round(value.min)}–${Math.round(value.max)})`
}

function formatKiB(value: Spread | null): string {
  if (!value) return '–'
  return `${Math.round(value.median / 1024)}`
}

function failureText(samples: Sample[]): string {
  const failed = samples.filter((sample) => sample.error)
  if (!failed.length) return ''
  const reasons = [...new Set(failed.map((sample) => sample.error))].join('; ')
  return `${failed.length}/${samples.length} failed: ${reasons}`
}

function select(result: BenchResult, network: NetworkId, inputId: string, viewer: ViewerId) {
  return result.samples.filter(
    (sample) =>
      sample.network === network && sample.inputId === inputId && sample.viewer === viewer,
  )
}

/** Median first view of the fastest peer for a photo and network, with its name. */
function fastestPeer(result: BenchResult, network: NetworkId, inputId: string) {
  let best: { viewer: ViewerId; median: number } | null = null
  for (const viewer of PEERS) {
    const firstView = spread(select(result, network, inputId, viewer).map((s) => s.firstViewMs))
    if (firstView && (!best || firstView.median < best.median)) {
      best = { viewer, median: firstView.median }
    }
  }
  return best
}

function viewersIn(result: BenchResult): ViewerId[] {
  return (Object.keys(VIEWERS) as ViewerId[]).filter((viewer) =>
    result.samples.some((sample) => sample.viewer === viewer),
  )
}

function networksIn(result: BenchResult): NetworkId[] {
  return result.options.networks
}

function networkLabel(network: NetworkId): string {
  return NETWORKS[network]?.label ?? 'unthrottled (loopback)'
}

function mainTable(result: BenchResult, network: NetworkId): string[] {
  const lines = [
    `#### ${networkLabel(network)}`,
    '',
    '| photo | viewer | first view, ms | full sharpness, ms | KiB before first view | JS KiB before first view (gzip) | ours ÷ fastest peer (first view) | failures |',
    '| --- | --- | --- | --- | --- | --- | --- | --- |',
  ]
  for (const input of result.inputs) {
    const best = fastestPeer(result, network, input.id)
    for (const viewer of viewersIn(result)) {
      const samples = select(result, network, input.id, viewer)
      if (!samples.length) continue
      const firstView = spread(samples.map((s) => s.firstViewMs))
      let ratio = ''
      if (viewer.startsWith('ours')) {
        ratio =
          firstView && best
            ? `${(firstView.median / best.median).toFixed(2)} (vs ${VIEWERS[best.viewer]})`
            : 'no figure'
      }
      lines.push(
        `| ${input.label} (${Math.round(input.bytes / 1024)} KiB) | ${VIEWERS[viewer]} | ${formatMs(firstView)} | ${formatMs(
          spread(samples.map((s) => s.sharpMs)),
        )} | ${formatKiB(spread(samples.map((s) => s.bytesBeforeFirstView)))} | ${formatKiB(
          spread(samples.map((s) => s.scriptBytesBeforeFirstView)),
        )} | ${ratio} | ${failureText(samples)} |`,
      )
    }
  }
  return lines
}

function sceneChangeTable(result: BenchResult): string[] {
  const lines = [
    '#### Our app: scene change, click to first frame of the next scene (veste 2000×1000), ms',
    '',
    '| network | neighbour preloaded | not preloaded (prefetch off through Save-Data) |',
    '| --- | --- | --- |',
  ]
  for (const network of networksIn(result)) {
    const preloaded = result.samples.filter(
      (sample) => sample.network === network && sample.viewer === 'ours-equirect',
    )
    const cold = result.coldSceneChanges.filter((sample) => sample.network === network)
    lines.push(
      `| ${networkLabel(network)} | ${formatMs(spread(preloaded.map((s) => s.sceneChangeMs)))} | ${formatMs(
        spread(cold.map((s) => s.sceneChangeMs)),
      )} |`,
    )
  }
  return lines
}

function rendererTable(result: BenchResult): string[] {
  const lines = [
    '#### Our app: renderer figures of the frame at first view',
    '',
    '| photo | viewer | draw calls | triangles |',
    '| --- | --- | --- | --- |',
  ]
  for (const input of result.inputs) {
    for (const viewer of ['ours-equirect', 'ours-tiles'] as const) {
      const samples = result.samples.filter((s) => s.inputId === input.id && s.viewer === viewer)
      if (!samples.length) continue
      const calls = spread(samples.map((s) => s.drawCalls))
      const triangles = spread(samples.map((s) => s.triangles))
      lines.push(
        `| ${input.label} | ${VIEWERS[viewer]} | ${calls ? Math.round(calls.median) : '–'} | ${
          triangles ? Math.round(triangles.median) : '–'
        } |`,
      )
    }
  }
  return lines
}

function verdict(met: boolean | null): string {
  if (met === null) return 'not measured in this run'
  return met ? 'met' : 'not met'
}

function goals(result: BenchResult): string[] {
  const lines = ['#### Goals', '']

  const eightK = result.inputs.find((input) => input.id === 'grid-8192')
  if (eightK && result.options.networks.includes('slow-4g')) {
    const best = fastestPeer(result, 'slow-4g', eightK.id)
    for (const viewer of ['ours-equirect', 'ours-tiles'] as const) {
      const ours = spread(select(result, 'slow-4g', eightK.id, viewer).map((s) => s.firstViewMs))
      if (!ours) continue
      const ratio = best ? ours.median / best.median : null
      lines.push(
        `- First view of the 8K photo on slow 4G, ${VIEWERS[viewer]} ≤ 0.5× the fastest peer: ${verdict(
          ratio === null ? null : ratio <= 0.5,
        )} (${Math.round(ours.median)} ms vs ${best ? `${VIEWERS[best.viewer]} ${Math.round(best.median)} ms, ratio ${ratio?.toFixed(2)}` : 'no peer figure'}).`,
      )
    }
  } else {
    lines.push(
      '- First view of the 8K photo on slow 4G ≤ 0.5× the fastest peer: not measured in this run.',
    )
  }

  const oursScript = spread(
    result.samples
      .filter((s) => s.viewer === 'ours-equirect')
      .map((s) => s.scriptBytesBeforeFirstView),
  )
  const psvScript = spread(
    result.samples
      .filter((s) => s.viewer === 'photo-sphere-viewer')
      .map((s) => s.scriptBytesBeforeFirstView),
  )
  lines.push(
    `- JavaScript before first view, ours ≤ Photo Sphere Viewer core plus three, as served (three's unminified ESM build): ${verdict(
      oursScript && psvScript ? oursScript.median <= psvScript.median : null,
    )} (${formatKiB(oursScript)} KiB vs ${formatKiB(psvScript)} KiB, gzip).`,
  )
  const bundled = result.bundledPhotoSphereViewerBytes
  if (bundled !== undefined) {
    lines.push(
      `- The same, against Photo Sphere Viewer core plus three bundled and minified by Vite as an app would ship them: ${verdict(
        oursScript ? oursScript.median <= bundled : null,
      )} (${formatKiB(oursScript)} KiB vs ${Math.round(bundled / 1024)} KiB, gzip).`,
    )
  }

  const preloaded = spread(
    result.samples.filter((s) => s.viewer === 'ours-equirect').map((s) => s.sceneChangeMs),
  )
  lines.push(
    `- Scene change to a preloaded neighbour, first frame ≤ 100 ms: ${verdict(
      preloaded ? preloaded.median <= 100 : null,
    )} (median ${formatMs(preloaded)} ms over every photo and network).`,
  )
  return lines
}

/** Renders one benchmark run as a Markdown section for bench/RESULTS.md. */
export function renderReport(
  result: BenchResult,
  context: { date: Date; commit: string; command: string },
): string {
  const processors = cpus()
  const machine = `${processors.length} cores (${processors[0]?.model.trim() ?? 'unknown CPU'}), ${Math.round(
    totalmem() / 1024 ** 3,
  )} GiB, Chromium ${result.chromiumVersion} with SwiftShader (software WebGL), Node ${process.version}`
  const lines = [
    `### ${context.date.toISOString().slice(0, 16).replace('T', ' ')} UTC, commit ${context.commit}`,
    '',
    `- Command: \`${context.command}\``,
    `- Machine: ${machine}`,
    `- ${result.options.runs} run(s) per viewer, photo and network, viewers interleaved (order rotated each run); a new browser with an empty HTTP cache for every page load; canvas 1280×720; view yaw 0, pitch 0, vertical field of view 75°.`,
    '- Figures are medians with the minimum–maximum in brackets. Times are from navigation start. Text files are served gzip-compressed; byte counts are transfer sizes.',
    ...result.notes.map((note) => `- ${note}`),
    '',
  ]
  for (const network of networksIn(result)) lines.push(...mainTable(result, network), '')
  lines.push(...sceneChangeTable(result), '', ...rendererTable(result), '', ...goals(result), '')
  return lines.join('\n')
}
