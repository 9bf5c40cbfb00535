/**
 * Child process of bench/tiling.ts: tiles one image and prints one JSON line with the time, the
 * peak resident set size (sampled every 20 ms, so a shorter peak can be missed) and the output
 * size. Run in its own process so the bench's own memory does not count.
 */
import { tilePanorama } from '../tools/lib/tile.ts'

const SAMPLE_INTERVAL_MS = 20

const [input, out] = process.argv.slice(2)
if (input === undefined || out === undefined) {
  process.stderr.write('Usage: tsx bench/tilingRun.ts <image> <out folder>\n')
  process.exit(2)
}

let peakRss = process.memoryUsage().rss
const sampler = setInterval(() => {
  peakRss = Math.max(peakRss, process.memoryUsage().rss)
}, SAMPLE_INTERVAL_MS)

const started = performance.now()
let lastStage = ''
const report = await tilePanorama(input, {
  out,
  onProgress: ({ stage, done, total }) => {
    peakRss = Math.max(peakRss, process.memoryUsage().rss)
    if (stage !== lastStage || (stage === 'tiles' && done % 200 === 0)) {
      const seconds = ((performance.now() - started) / 1000).toFixed(1)
      process.stderr.write(`[${seconds} s] ${stage} ${done}/${total}\n`)
      lastStage = stage
    }
  },
})
clearInterval(sampler)
peakRss = Math.max(peakRss, process.memoryUsage().rss)

process.stdout.write(
  `${JSON.stringify({
    seconds: report.seconds,
    peakRssBytes: peakRss,
    tiles: report.tilesWritten,
    bytes: report.bytesWritten,
    levels: report.descriptor.levels.map((level) => level.size),
  })}\n`,
)
