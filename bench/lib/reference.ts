import sharp from 'sharp'
import { CANVAS, VIEW } from './pages.ts'

/**
 * Detection of the first frame that shows the panorama, the same way for every viewer. The centre
 * of a screen frame is split into cells. The mean colour of each cell is compared with the mean
 * colour the source photo gives there under a pinhole projection at the common view. Cell means
 * tolerate the small differences between viewers' filtering and sampling, while a blank, grey or
 * spinner frame fails.
 */

/** Centre region compared, as fractions of the frame width and height. */
const REGION = { left: 0.3, top: 0.3, right: 0.7, bottom: 0.7 } as const
const CELLS_X = 8
const CELLS_Y = 4
/** Width the source is decoded at for the reference; finer than a cell by far. */
const SOURCE_WIDTH = 2048
/** Mean absolute difference per channel (0–255) under which a cell counts as matching. */
const CELL_TOLERANCE = 28
/** Share of cells that must match; a hotspot button or label may cover one or two. */
const MATCHING_SHARE = 0.85

interface SourcePixels {
  data: Buffer
  width: number
  height: number
}

export interface FrameMatch {
  matches: boolean
  matchingCells: number
  meanDifference: number
}

/** Expected cell colours of one photo at the common view, for frames of any size. */
export class PanoramaReference {
  private readonly expectedBySize = new Map<string, Float64Array>()

  private readonly source: SourcePixels

  private constructor(source: SourcePixels) {
    this.source = source
  }

  static async fromFile(path: string): Promise<PanoramaReference> {
    const { data, info } = await sharp(path, { limitInputPixels: false })
      .resize(SOURCE_WIDTH, SOURCE_WIDTH / 2, { fit: 'fill' })
      .removeAlpha()
      .raw()
      .toBuffer({ resolveWithObject: true })
    return new PanoramaReference({ data, width: info.width, height: info.height })
  }

  /** Compares a JPEG or PNG screen frame of the whole canvas with the expected colours. */
  async compareFrame(image: Buffer): Promise<FrameMatch> {
    const { data, info } = await sharp(image).removeAlpha().raw().toBuffer({
      resolveWithObject: true,
    })
    const actual = cellMeans(info.width, info.height, (x, y) => {
      const offset = (y * info.width + x) * 3
      return [data[offset] ?? 0, data[offset + 1] ?? 0, data[offset + 2] ?? 0]
    })
    const expected = this.expected(info.width, info.height)
    let matchingCells = 0
    let total = 0
    for (let cell = 0; cell < CELLS_X * CELLS_Y; cell++) {
      let difference = 0
      for (let channel = 0; channel < 3; channel++) {
        const index = cell * 3 + channel
        difference += Math.abs((actual[index] ?? 0) - (expected[index] ?? 0))
      }
      difference /= 3
      total += difference
      if (difference <= CELL_TOLERANCE) matchingCells++
    }
    const cells = CELLS_X * CELLS_Y
    return {
      matches: matchingCells >= Math.ceil(cells * MATCHING_SHARE),
      matchingCells,
      meanDifference: total / cells,
    }
  }

  private expected(width: number, height: number): Float64Array {
    const key = `${width}x${height}`
    let means = this.expectedBySize.get(key)
    if (!means) {
      means = cellMeans(width, height, (x, y) => this.sampleView(x, y, width, height))
      this.expectedBySize.set(key, means)
    }
    return means
  }

  /**
   * Returns the source colour seen at frame pixel (x, y) at the common view: yaw 0 is the centre
   * column, positive yaw turns right, pitch 0 is the horizon and the field of view is vertical.
   */
  private sampleView(x: number, y: number, width: number, height: number): number[] {
    const tanHalf = Math.tan((VIEW.verticalFovDegrees * Math.PI) / 360)
    const aspect = CANVAS.width / CANVAS.height
    const cameraX = (((x + 0.5) / width) * 2 - 1) * tanHalf * aspect
    const cameraY = (1 - ((y + 0.5) / height) * 2) * tanHalf
    // The common view looks straight ahead, so camera and world axes coincide.
    const yaw = Math.atan2(cameraX, 1) + (VIEW.yaw * Math.PI) / 180
    const pitch = Math.atan2(cameraY, Math.hypot(cameraX, 1)) + (VIEW.pitch * Math.PI) / 180
    const { data, width: sourceWidth, height: sourceHeight } = this.source
    const column = Math.min(sourceWidth - 1, Math.floor((0.5 + yaw / (2 * Math.PI)) * sourceWidth))
    const row = Math.min(sourceHeight - 1, Math.floor((0.5 - pitch / Math.PI) * sourceHeight))
    const offset = (row * sourceWidth + column) * 3
    return [data[offset] ?? 0, data[offset + 1] ?? 0, data[offset + 2] ?? 0]
  }
}

/** Mean colour of each cell of the centre region, three channels per cell, row by row. */
function cellMeans(
  width: number,
  height: number,
  pixel: (x: number, y: number) => number[],
): Float64Array {
  const means = new Float64Array(CELLS_X * CELLS_Y * 3)
  const left = Math.round(width * REGION.left)
  const top = Math.round(height * REGION.top)
  const cellWidth = (width * (REGION.right - REGION.left)) / CELLS_X
  const cellHeight = (height * (REGION.bottom - REGION.top)) / CELLS_Y
  for (let cellY = 0; cellY < CELLS_Y; cellY++) {
    for (let cellX = 0; cellX < CELLS_X; cellX++) {
      const cell = cellY * CELLS_X + cellX
      let count = 0
      const x0 = Math.round(left + cellX * cellWidth)
      const x1 = Math.round(left + (cellX + 1) * cellWidth)
      const y0 = Math.round(top + cellY * cellHeight)
      const y1 = Math.round(top + (cellY + 1) * cellHeight)
      for (let y = y0; y < y1; y++) {
        for (let x = x0; x < x1; x++) {
          const [r = 0, g = 0, b = 0] = pixel(x, y)
          means[cell * 3] = (means[cell * 3] ?? 0) + r
          means[cell * 3 + 1] = (means[cell * 3 + 1] ?? 0) + g
          means[cell * 3 + 2] = (means[cell * 3 + 2] ?? 0) + b
          count++
        }
      }
      for (let channel = 0; channel < 3; channel++) {
        means[cell * 3 + channel] = (means[cell * 3 + channel] ?? 0) / Math.max(1, count)
      }
    }
  }
  return means
}
