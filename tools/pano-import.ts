import { isMainModule } from './lib/cli.ts'
import { panoTileCommand } from './pano-tile.ts'

// `pano:import` is `pano:tile` with --tour, --id and --title required and --out defaulting to
// public/panoramas/<scene-id>.
if (isMainModule(import.meta.url)) {
  process.exitCode = await panoTileCommand(process.argv.slice(2), undefined, 'import')
}
