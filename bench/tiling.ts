/**
 * Tiling benchmark: time and peak memory of `tilePanorama` on a 16384×8192 panorama, beside
 * `vips dzsave` (libvips-tools) on the same image as a yardstick. dzsave cuts a flat pyramid of
 * the equirectangular image, not cube faces, so the two rows do different work.
 *
 * The 16K input is made at run time by resizing the labelled grid fixture with sharp, into a
 * temporary folder that is removed afterwards. Prints a Markdown table for bench/RESULTS.md.
 *
 *   npm run bench:tiling
 */
import { spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs'
import { cpus, loadavg, tmpdir, totalmem } from 'node:os'
import { join } from 'node:path'
import sharp from 'sharp'
import { fixturePath, hasFixtures, MISSING_FIXTURES_REASON } from '../tests/support/fixtures.ts'

const SOURCE_FIXTURE = 'panoramas/egjs-equi_4096-labeled-grid.jpg'
const WIDTH = 16384
const HEIGHT = 8192
const TILE_SIZE = 512
const QUALITY = 80

/** Memory the tool promises to stay under for a 16K panorama. */
const MEMORY_BUDGET_BYTES = 1024 ** 3

interface Row {
  tool: string
  command: string
  seconds: number
  peakRssBytes: number | null
  /** User plus system CPU time from GNU time, or null without it. */
  cpuSeconds: number | null
  files: number
  bytes: number
  note: string
}

function megabytes(bytes: number): string {
  return `${Math.round(bytes / 1024 / 1024)} MB`
}

/** Counts files and bytes under a folder. */
function folderSize(folder: string): { files: number; bytes: number } {
  let files = 0
  let bytes = 0
  for (const entry of readdirSync(folder, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue
    files++
    bytes += statSync(join(entry.parentPath, entry.name)).size
  }
  return { files, bytes }
}

/** Returns the user plus system CPU seconds that GNU time -v prints, or null. */
function cpuFromTime(stderr: string): number | null {
  const user = /User time \(seconds\): ([\d.]+)/.exec(stderr)
  const system = /System time \(seconds\): ([\d.]+)/.exec(stderr)
  return user && system ? Number(user[1]) + Number(system[1]) : null
}

/** Returns the "Maximum resident set size" that GNU time -v prints, in bytes, or null. */
function maxRssFromTime(stderr: string): number | null {
  const match = /Maximum resident set size \(kbytes\): (\d+)/.exec(stderr)
  return match ? Number(match[1]) * 1024 : null
}

function hasCommand(command: string): boolean {
  return spawnSync('sh', ['-c', `command -v ${command}`]).status === 0
}

async function makeInput(work: string): Promise<string> {
  const input = join(work, `grid-${WIDTH}x${HEIGHT}.jpg`)
  await sharp(fixturePath(SOURCE_FIXTURE), { limitInputPixels: false })
    .resize(WIDTH, HEIGHT, { kernel: 'cubic' })
    .jpeg({ quality: 90 })
    .toFile(input)
  return input
}

function runOurs(input: string, out: string, useTime: boolean): Row {
  const script = join(import.meta.dirname, 'tilingRun.ts')
  const args = ['--import', 'tsx', script, input, out]
  const command = `node --import tsx bench/tilingRun.ts <16K.jpg> <out>`
  const result = useTime
    ? spawnSync('/usr/bin/time', ['-v', process.execPath, ...args], { encoding: 'utf8' })
    : spawnSync(process.execPath, args, { encoding: 'utf8' })
  process.stderr.write(result.stderr.split('\n\tCommand being timed')[0] ?? '')
  if (result.status !== 0) throw new Error(`tilingRun failed with status ${result.status}`)
  const line = result.stdout.trim().split('\n').at(-1) ?? '{}'
  const measured = JSON.parse(line) as { seconds: number; peakRssBytes: number }
  const timeRss = maxRssFromTime(result.stderr)
  const { files, bytes } = folderSize(out)
  return {
    tool: 'pano:tile (tilePanorama)',
    command,
    seconds: measured.seconds,
    peakRssBytes: timeRss ?? measured.peakRssBytes,
    cpuSeconds: cpuFromTime(result.stderr),
    files,
    bytes,
    note: `cube faces, levels of ${TILE_SIZE} px tiles, q${QUALITY}; sampled RSS ${megabytes(measured.peakRssBytes)}`,
  }
}

function runDzsave(input: string, out: string, useTime: boolean): Row | null {
  if (!hasCommand('vips')) {
    console.log('vips not installed: skipping the dzsave row (apt-get install libvips-tools)')
    return null
  }
  mkdirSync(out, { recursive: true })
  const target = join(out, 'pyramid')
  const vipsArgs = [
    'dzsave',
    input,
    target,
    '--layout',
    'google',
    '--tile-size',
    String(TILE_SIZE),
    '--overlap',
    '0',
    '--suffix',
    `.jpg[Q=${QUALITY}]`,
  ]
  const started = performance.now()
  const result = useTime
    ? spawnSync('/usr/bin/time', ['-v', 'vips', ...vipsArgs], { encoding: 'utf8' })
    : spawnSync('vips', vipsArgs, { encoding: 'utf8' })
  const seconds = (performance.now() - started) / 1000
  if (result.status !== 0) {
    throw new Error(
      `vips dzsave failed with status ${result.status}: ${result.stderr.split('\n')[0]}`,
    )
  }
  const version = spawnSync('vips', ['--version'], { encoding: 'utf8' }).stdout.trim()
  const { files, bytes } = folderSize(out)
  return {
    tool: `vips dzsave (${version})`,
    command: `vips ${vipsArgs.join(' ').replace(input, '<16K.jpg>').replace(target, '<out>')}`,
    seconds,
    peakRssBytes: maxRssFromTime(result.stderr),
    cpuSeconds: cpuFromTime(result.stderr),
    files,
    bytes,
    note: 'flat equirect pyramid, no cube projection',
  }
}

async function main(): Promise<void> {
  if (!hasFixtures) {
    console.log(`Skipped: ${MISSING_FIXTURES_REASON}`)
    return
  }
  const useTime = existsSync('/usr/bin/time')
  const work = mkdtempSync(join(tmpdir(), 'bench-tiling-'))
  try {
    console.log(`Making a ${WIDTH}×${HEIGHT} input from ${SOURCE_FIXTURE} ...`)
    const input = await makeInput(work)
    console.log(`Input: ${megabytes(statSync(input).size)} JPEG`)

    const rows: Row[] = []
    console.log('Tiling with tilePanorama ...')
    rows.push(runOurs(input, join(work, 'ours'), useTime))
    console.log('Tiling with vips dzsave ...')
    const dzsave = runDzsave(input, join(work, 'dzsave'), useTime)
    if (dzsave) rows.push(dzsave)

    const cores = cpus().length
    console.log(
      `\nMachine: ${cores} cores (${cpus()[0]?.model ?? 'unknown CPU'}), ${megabytes(totalmem())} RAM, Node ${process.version}`,
    )
    console.log(
      `Load average at the end: ${loadavg()
        .map((value) => value.toFixed(1))
        .join(', ')}`,
    )
    console.log('| tool | wall time | CPU time | peak RSS | files | output | note |')
    console.log('| --- | --- | --- | --- | --- | --- | --- |')
    for (const row of rows) {
      const rss = row.peakRssBytes === null ? 'n/a' : megabytes(row.peakRssBytes)
      const cpu = row.cpuSeconds === null ? 'n/a' : `${row.cpuSeconds.toFixed(1)} s`
      console.log(
        `| ${row.tool} | ${row.seconds.toFixed(1)} s | ${cpu} | ${rss} | ${row.files} | ${megabytes(row.bytes)} | ${row.note} |`,
      )
    }
    console.log('\nCommands:')
    for (const row of rows) console.log(`- ${row.tool}: \`${row.command}\``)

    const ours = rows[0]
    if (ours?.peakRssBytes != null && ours.peakRssBytes > MEMORY_BUDGET_BYTES) {
      console.log(`\nOver budget: peak RSS ${megabytes(ours.peakRssBytes)} > 1024 MB`)
      process.exitCode = 1
    }
  } finally {
    rmSync(work, { recursive: true, force: true })
  }
}

await main()
