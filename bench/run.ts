import { execFileSync } from 'node:child_process'
import { appendFileSync, existsSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { parseArgs } from 'node:util'
import {
  type BenchOptions,
  type BenchResult,
  runBench,
  VIEWERS,
  type ViewerId,
} from './lib/harness.ts'
import { NETWORKS, type NetworkId } from './lib/measure.ts'
import { bundledPhotoSphereViewerBytes } from './lib/peerBundle.ts'
import { renderReport } from './lib/report.ts'

const HELP = `Usage: npm run bench -- [options]

Measures our app against Pannellum, Photo Sphere Viewer and Marzipano in headless Chromium
on 127.0.0.1 and appends a Markdown table to bench/RESULTS.md.

Options:
  --quick            one small image, one run, unthrottled; prints the table without recording it
  --runs N           page loads per viewer, photo and network (default 3)
  --networks LIST    comma-separated: unthrottled, slow-4g (default both)
  --inputs LIST      comma-separated photo ids: veste-2000, grid-4096, grid-8192, grid-16384
  --viewers LIST     comma-separated: ours-equirect, ours-tiles, pannellum,
                     photo-sphere-viewer, marzipano (default all)
  --dist DIR         production build of the app (default: a temporary folder)
  --no-build         use the build already in --dist instead of running vite build
  --work DIR         folder for derived images, tiles and tours (default: a temporary folder)
  --port N           port of the bench server on 127.0.0.1 (default 4381; 0 picks a free one)
  --results FILE     Markdown file the table is appended to (default bench/RESULTS.md;
                     --quick and --from-json write only when this is given)
  --json FILE        also write every sample as JSON
  --frames DIR       save the frame detected as each first view, to check the detection
  --from-json FILE   render the table of a run saved with --json, without measuring
  --help             show this text
`

function parseOptions(argv: string[]) {
  const { values } = parseArgs({
    args: argv,
    options: {
      quick: { type: 'boolean', default: false },
      runs: { type: 'string' },
      networks: { type: 'string' },
      inputs: { type: 'string' },
      viewers: { type: 'string' },
      dist: { type: 'string' },
      'no-build': { type: 'boolean', default: false },
      work: { type: 'string' },
      port: { type: 'string', default: '4381' },
      results: { type: 'string' },
      json: { type: 'string' },
      frames: { type: 'string' },
      'from-json': { type: 'string' },
      help: { type: 'boolean', default: false },
    },
  })
  const runs = Number(values.runs ?? (values.quick ? 1 : 3))
  if (!Number.isInteger(runs) || runs < 1)
    throw new Error(`--runs must be a positive integer, got ${values.runs}`)
  const port = Number(values.port)
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new Error(`--port must be 0–65535, got ${values.port}`)
  const networkList =
    values.networks?.split(',') ?? (values.quick ? ['unthrottled'] : ['unthrottled', 'slow-4g'])
  for (const network of networkList) {
    if (!(network in NETWORKS)) {
      throw new Error(`unknown network "${network}"; use ${Object.keys(NETWORKS).join(' or ')}`)
    }
  }
  return {
    help: values.help,
    build: !values['no-build'],
    quick: values.quick,
    runs,
    networks: networkList as NetworkId[],
    inputs: values.inputs?.split(',').filter(Boolean) ?? [],
    viewers: parseViewers(values.viewers),
    distDir: resolve(values.dist ?? join(tmpdir(), 'showcase-bench', 'dist')),
    workDir: resolve(values.work ?? join(tmpdir(), 'showcase-bench', 'work')),
    port,
    results: values.results ?? (values.quick || values['from-json'] ? null : 'bench/RESULTS.md'),
    json: values.json ?? null,
    framesDir: values.frames ? resolve(values.frames) : null,
    fromJson: values['from-json'] ?? null,
  }
}

/** A run as written by --json. */
interface SavedRun {
  context: { date: string; commit: string; command: string }
  result: BenchResult
}

function parseViewers(list: string | undefined): ViewerId[] {
  const viewers = list?.split(',').filter(Boolean) ?? []
  for (const viewer of viewers) {
    if (!(viewer in VIEWERS)) {
      throw new Error(`unknown viewer "${viewer}"; use ${Object.keys(VIEWERS).join(', ')}`)
    }
  }
  return viewers as ViewerId[]
}

function commitId(): string {
  try {
    const id = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { encoding: 'utf8' }).trim()
    const dirty = execFileSync('git', ['status', '--porcelain', '--untracked-files=no'], {
      encoding: 'utf8',
    }).trim()
    return dirty ? `${id} (with uncommitted changes)` : id
  } catch {
    return 'unknown'
  }
}

async function main(): Promise<void> {
  const parsed = parseOptions(process.argv.slice(2))
  if (parsed.help) {
    console.log(HELP)
    return
  }
  if (parsed.fromJson) {
    const saved = JSON.parse(readFileSync(parsed.fromJson, 'utf8')) as SavedRun
    // Runs saved before this figure existed get it now; it depends only on node_modules.
    saved.result.bundledPhotoSphereViewerBytes ??= await bundledPhotoSphereViewerBytes()
    const report = renderReport(saved.result, {
      ...saved.context,
      date: new Date(saved.context.date),
    })
    console.log(report)
    if (parsed.results) appendFileSync(parsed.results, `\n${report}`)
    return
  }
  if (parsed.build) {
    console.log(`building the app into ${parsed.distDir}`)
    execFileSync(
      'npx',
      ['vite', 'build', '--outDir', parsed.distDir, '--emptyOutDir', '--logLevel', 'warn'],
      {
        stdio: 'inherit',
      },
    )
  } else if (!existsSync(join(parsed.distDir, 'index.html'))) {
    throw new Error(`no build in ${parsed.distDir}; run without --no-build or build it first`)
  }
  const options: BenchOptions = {
    quick: parsed.quick,
    runs: parsed.runs,
    networks: parsed.networks,
    inputs: parsed.inputs,
    viewers: parsed.viewers,
    distDir: parsed.distDir,
    workDir: parsed.workDir,
    port: parsed.port,
    ...(parsed.framesDir ? { framesDir: parsed.framesDir } : {}),
    log: (line) => console.log(line),
  }
  // Read before the run, which can take an hour: the tree may change meanwhile.
  const commit = commitId()
  const result = await runBench(options)
  const context = {
    date: new Date(),
    commit,
    command: [
      'npm run bench',
      ...(process.argv.length > 2 ? ['--', ...process.argv.slice(2)] : []),
    ].join(' '),
  }
  const report = renderReport(result, context)
  console.log(`\n${report}`)
  if (parsed.results) {
    appendFileSync(parsed.results, `\n${report}`)
    console.log(`appended to ${parsed.results}`)
  }
  if (parsed.json) {
    const saved: SavedRun = { context: { ...context, date: context.date.toISOString() }, result }
    writeFileSync(parsed.json, JSON.stringify(saved, null, 2))
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error)
  process.exit(1)
})
