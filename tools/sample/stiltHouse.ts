import { type Buffer, Document, type Material, type Node, NodeIO } from '@gltf-transform/core'
import { join, palette } from '@gltf-transform/functions'
import { MeshBuilder, type Vec3 } from './meshBuilder.ts'

/**
 * A stylised Thái stilt house as a glTF document, in metres with +Y up and the ground at y = 0.
 * The house is 8.4 m long along x and 5 m wide along z, and its roof is 10.4 m long. The front
 * (+z) wall is left open in the middle so that the hearth inside can be seen. The staircase is at
 * the +x gable end.
 */

/** Top of the living floor above the ground. */
const FLOOR_TOP = 2
const FLOOR_THICKNESS = 0.14
const HALF_LENGTH = 4.2
const HALF_WIDTH = 2.5
const WALL_TOP = 3.05

/** The roof's eave outline is a rounded rectangle (a superellipse) around the walls. */
const EAVE = { halfLength: 5.2, halfWidth: 3.6, height: 2.75, exponent: 4 }
const RIDGE = { halfLength: 2.3, height: 7.1 }

/** The porch at the +x gable end, where the staircase arrives. */
const PORCH = { from: HALF_LENGTH, to: 5.4, halfWidth: 1.3 }
const STAIR_FOOT_X = 7.2

const HEARTH_CENTRE: Vec3 = [-1, FLOOR_TOP, 0]

/** Points on the model that the tour's hotspots use, in metres. */
export const STILT_HOUSE_POINTS = {
  // Half-way up the staircase, beside its treads.
  stairs: [Math.round((PORCH.to + STAIR_FOOT_X) * 50) / 100, FLOOR_TOP / 2 + 0.3, 0.9],
  roof: [0.4, 6.1, 1.55],
  hearth: [HEARTH_CENTRE[0], FLOOR_TOP + 0.45, HEARTH_CENTRE[2]],
  storage: [-3, 0.8, 1.2],
} as const satisfies Record<string, Vec3>

/**
 * The model scene's starting camera: far enough to frame the house and the stairs, and low enough
 * to see under the eave into the house.
 */
export const STILT_HOUSE_CAMERA = {
  position: [13, 5.2, 15.5] as Vec3,
  target: [0.5, 2.6, 0.5] as Vec3,
  fov: 50,
}

/** The lantern at the porch swings through ±SWING_DEGREES once every SWING_SECONDS. */
const SWING_DEGREES = 10
const SWING_SECONDS = 2.4

/** Base colours in sRGB, with roughness. `linearColor` converts them to glTF's linear factors. */
const MATERIALS = {
  darkWood: { color: '#5a3c26', roughness: 0.8 },
  lightWood: { color: '#8d6440', roughness: 0.75 },
  bamboo: { color: '#c9a66b', roughness: 0.85 },
  thatch: { color: '#a8864f', roughness: 1, doubleSided: true },
  ground: { color: '#7b8b4e', roughness: 1 },
  earth: { color: '#7a5c45', roughness: 1 },
  stone: { color: '#8c8a84', roughness: 0.9 },
  embers: { color: '#e0661f', roughness: 0.6, emissive: [1, 0.32, 0.05] as Vec3 },
  lantern: { color: '#b8262c', roughness: 0.6, emissive: [0.45, 0.06, 0.03] as Vec3 },
  indigo: { color: '#2d3a7a', roughness: 0.9 },
  red: { color: '#b8262c', roughness: 0.9 },
  gold: { color: '#d9a93a', roughness: 0.8 },
} as const

type MaterialName = keyof typeof MATERIALS

function srgbToLinear(channel: number): number {
  return channel <= 0.04045 ? channel / 12.92 : ((channel + 0.055) / 1.055) ** 2.4
}

function linearColor(hex: string): [number, number, number, number] {
  const value = Number.parseInt(hex.slice(1), 16)
  const channels = [(value >> 16) & 255, (value >> 8) & 255, value & 255].map((channel) =>
    srgbToLinear(channel / 255),
  )
  return [channels[0] ?? 0, channels[1] ?? 0, channels[2] ?? 0, 1]
}

/** The geometry of one named part of the house, one builder per material. */
class Part {
  readonly name: string
  readonly builders = new Map<MaterialName, MeshBuilder>()

  constructor(name: string) {
    this.name = name
  }

  with(material: MaterialName): MeshBuilder {
    let builder = this.builders.get(material)
    if (!builder) {
      builder = new MeshBuilder()
      this.builders.set(material, builder)
    }
    return builder
  }
}

function buildGround(): Part {
  const part = new Part('Ground')
  part.with('ground').addDisc([0, 0, 0], 10)
  return part
}

function buildFrame(): Part {
  const part = new Part('Frame')
  const wood = part.with('darkWood')
  // Posts run from the ground up to the wall plates, and the three inner posts of the middle row
  // go on up to the ridge.
  for (const x of [-4, -2, 0, 2, 4]) {
    for (const z of [-2.1, 0, 2.1]) {
      const top = z === 0 && Math.abs(x) < 3 ? RIDGE.height - 0.1 : WALL_TOP
      wood.addCylinder([x, 0, z], 0.13, top, 10, 0.11)
    }
  }
  // Beams under the floor, along the house and across it.
  for (const z of [-2.1, 0, 2.1]) {
    wood.addBox([0, FLOOR_TOP - FLOOR_THICKNESS - 0.1, z], [2 * HALF_LENGTH + 0.4, 0.2, 0.18])
  }
  for (const x of [-4, -2, 0, 2, 4]) {
    wood.addBox([x, FLOOR_TOP - FLOOR_THICKNESS - 0.3, 0], [0.18, 0.2, 2 * HALF_WIDTH + 0.2])
  }
  // Ridge beam and the wall plates.
  wood.addBox([0, RIDGE.height - 0.05, 0], [2 * RIDGE.halfLength + 0.3, 0.2, 0.2])
  for (const z of [-HALF_WIDTH, HALF_WIDTH]) {
    wood.addBox([0, WALL_TOP + 0.05, z], [2 * HALF_LENGTH + 0.2, 0.12, 0.14])
  }
  return part
}

function buildFloor(): Part {
  const part = new Part('Floor')
  part
    .with('lightWood')
    .addBox(
      [0, FLOOR_TOP - FLOOR_THICKNESS / 2, 0],
      [2 * HALF_LENGTH + 0.2, FLOOR_THICKNESS, 2 * HALF_WIDTH + 0.2],
    )
  // The porch, a little lower than the floor, with a bamboo railing on its sides.
  const porchLength = PORCH.to - PORCH.from
  const porchCentreX = (PORCH.from + PORCH.to) / 2
  part
    .with('bamboo')
    .addBox([porchCentreX, FLOOR_TOP - 0.1 - 0.05, 0], [porchLength, 0.1, 2 * PORCH.halfWidth])
  const rail = part.with('bamboo')
  for (const z of [-PORCH.halfWidth, PORCH.halfWidth]) {
    rail.addBox([porchCentreX, FLOOR_TOP + 0.55, z], [porchLength, 0.06, 0.06])
    rail.addBox([PORCH.to - 0.05, FLOOR_TOP + 0.25, z], [0.06, 0.6, 0.06])
  }
  // Woven cloths drying over the porch railing.
  const cloths: [MaterialName, number][] = [
    ['red', 4.55],
    ['indigo', 4.85],
    ['gold', 5.1],
  ]
  for (const [material, x] of cloths) {
    part.with(material).addBox([x, FLOOR_TOP + 0.3, PORCH.halfWidth + 0.03], [0.22, 0.5, 0.02])
  }
  return part
}

function buildWalls(): Part {
  const part = new Part('Walls')
  const bamboo = part.with('bamboo')
  const height = WALL_TOP - FLOOR_TOP
  const y = FLOOR_TOP + height / 2
  const thickness = 0.06
  // Back wall, whole.
  bamboo.addBox([0, y, -HALF_WIDTH], [2 * HALF_LENGTH, height, thickness])
  // Front wall with a wide opening, so that the hearth shows.
  bamboo.addBox([-3.3, y, HALF_WIDTH], [1.8, height, thickness])
  bamboo.addBox([2.9, y, HALF_WIDTH], [2.6, height, thickness])
  // Gable walls, with the doorway to the porch in the +x one.
  bamboo.addBox([-HALF_LENGTH, y, 0], [thickness, height, 2 * HALF_WIDTH])
  bamboo.addBox([HALF_LENGTH, y, -1.6], [thickness, height, 1.8])
  bamboo.addBox([HALF_LENGTH, y, 1.6], [thickness, height, 1.8])
  return part
}

/** Returns a point of the eave outline at an angle (radians) around the house. */
function eavePoint(angle: number): [number, number] {
  const power = 2 / EAVE.exponent
  const cos = Math.cos(angle)
  const sin = Math.sin(angle)
  return [
    EAVE.halfLength * Math.sign(cos) * Math.abs(cos) ** power,
    EAVE.halfWidth * Math.sign(sin) * Math.abs(sin) ** power,
  ]
}

/**
 * Builds the roof as one surface from the rounded eave up to the ridge. Each eave point rises
 * towards the matching point of the ridge, steeply at first and flatter near the top, which gives
 * the turtle-shell shape.
 */
function buildRoof(): Part {
  const part = new Part('Roof')
  const columns = 72
  const rows = 14
  const grid: Vec3[][] = []
  for (let row = 0; row <= rows; row++) {
    const t = row / rows
    const lift = 1 - (1 - t) ** 1.35
    const points: Vec3[] = []
    for (let column = 0; column < columns; column++) {
      const [ex, ez] = eavePoint((column / columns) * 2 * Math.PI)
      const rx = (ex / EAVE.halfLength) * RIDGE.halfLength
      points.push([
        ex + (rx - ex) * t,
        EAVE.height + (RIDGE.height - EAVE.height) * lift,
        ez * (1 - t),
      ])
    }
    grid.push(points)
  }
  part.with('thatch').addGrid(grid, true, (point) => [point[0] * 0.4, 1.2, point[2]])

  // Crossed ornaments on both ends of the ridge.
  const wood = part.with('darkWood')
  for (const x of [-RIDGE.halfLength - 0.1, RIDGE.halfLength + 0.1]) {
    for (const lean of [-0.6, 0.6]) {
      wood.addBox([x, RIDGE.height + 0.35, 0], [0.08, 1.1, 0.16], [lean, 0, 0])
    }
  }
  return part
}

function buildStairs(): Part {
  const part = new Part('Stairs')
  const rise = FLOOR_TOP - 0.1
  const run = STAIR_FOOT_X - PORCH.to
  const length = Math.hypot(rise, run)
  const angle = Math.atan2(rise, run)
  // The stringers lean down from the porch towards the foot of the stairs.
  const stringers = part.with('darkWood')
  const depth = 0.18
  // Raised by half their depth across the slope, so their lower edge meets the ground at y = 0.
  const lift = (depth / 2) * Math.cos(angle)
  for (const z of [-0.55, 0.55]) {
    stringers.addBox(
      [(PORCH.to + STAIR_FOOT_X) / 2, rise / 2 + lift, z],
      [length, depth, 0.08],
      [0, 0, -angle],
    )
  }
  const treads = part.with('lightWood')
  const steps = 7
  for (let step = 1; step <= steps; step++) {
    const t = step / (steps + 1)
    treads.addBox([STAIR_FOOT_X - run * t, rise * t, 0], [0.26, 0.05, 1.1])
  }
  return part
}

function buildHearth(): Part {
  const part = new Part('Hearth')
  const [hx, hy, hz] = HEARTH_CENTRE

  // A wooden box of packed earth on the floor, with three stones to set a pot on.
  const frame = part.with('darkWood')
  frame.addBox([hx, hy + 0.08, hz - 0.6], [1.3, 0.16, 0.1])
  frame.addBox([hx, hy + 0.08, hz + 0.6], [1.3, 0.16, 0.1])
  frame.addBox([hx - 0.6, hy + 0.08, hz], [0.1, 0.16, 1.1])
  frame.addBox([hx + 0.6, hy + 0.08, hz], [0.1, 0.16, 1.1])
  part.with('earth').addBox([hx, hy + 0.06, hz], [1.1, 0.12, 1.1])
  const stones = part.with('stone')
  for (const angle of [0, (2 * Math.PI) / 3, (4 * Math.PI) / 3]) {
    stones.addCylinder(
      [hx + 0.22 * Math.cos(angle), hy + 0.12, hz + 0.22 * Math.sin(angle)],
      0.09,
      0.18,
      7,
      0.06,
    )
  }
  part.with('embers').addCylinder([hx, hy + 0.12, hz], 0.14, 0.05, 10, 0.1)

  // The drying rack above the fire, hung from the roof.
  const rackY = FLOOR_TOP + 1.35
  const rack = part.with('bamboo')
  rack.addBox([hx, rackY, hz], [1.3, 0.05, 1.3])
  for (const [dx, dz] of [
    [-0.6, -0.6],
    [0.6, -0.6],
    [-0.6, 0.6],
    [0.6, 0.6],
  ] as const) {
    rack.addBox([hx + dx, rackY + 0.6, hz + dz], [0.03, 1.2, 0.03])
  }
  return part
}

function buildStorage(): Part {
  const part = new Part('Storage')
  // Firewood stacked under the floor.
  const logs = part.with('lightWood')
  for (let layer = 0; layer < 3; layer++) {
    for (let index = 0; index < 6 - layer; index++) {
      logs.addBox([-3.2 + index * 0.2 + layer * 0.1, 0.09 + layer * 0.17, 1.2], [0.16, 0.16, 1.4])
    }
  }
  // Baskets.
  const baskets = part.with('bamboo')
  baskets.addCylinder([-0.8, 0, 1.3], 0.28, 0.5, 12, 0.36)
  baskets.addCylinder([-0.2, 0, 1.5], 0.22, 0.42, 12, 0.3)
  // A simple loom frame for weaving in the shade of the house.
  const loom = part.with('darkWood')
  for (const z of [-1.2, -0.2]) {
    loom.addBox([1.6, 0.5, z], [0.08, 1, 0.08])
    loom.addBox([2.8, 0.35, z], [0.08, 0.7, 0.08])
  }
  loom.addBox([2.2, 0.72, -0.7], [1.3, 0.06, 1.1])
  part.with('indigo').addBox([2.2, 0.76, -0.7], [1.1, 0.02, 0.8])
  return part
}

/** Lantern geometry around its own origin, which is the point it hangs from. */
function buildLantern(): Part {
  const part = new Part('Lantern')
  part.with('darkWood').addBox([0, -0.2, 0], [0.02, 0.4, 0.02])
  part.with('gold').addCylinder([0, -0.44, 0], 0.1, 0.04, 10)
  part.with('lantern').addCylinder([0, -0.72, 0], 0.16, 0.28, 12, 0.16)
  part.with('gold').addCylinder([0, -0.76, 0], 0.1, 0.04, 10)
  return part
}

/** Point under the eave above the porch that the lantern hangs from. */
const LANTERN_PIVOT: Vec3 = [4.9, 3.2, -0.9]

function createMaterial(document: Document, name: MaterialName): Material {
  const spec = MATERIALS[name]
  const material = document
    .createMaterial(name)
    .setBaseColorFactor(linearColor(spec.color))
    .setRoughnessFactor(spec.roughness)
    .setMetallicFactor(0)
  if ('doubleSided' in spec) material.setDoubleSided(spec.doubleSided)
  if ('emissive' in spec) material.setEmissiveFactor(spec.emissive)
  return material
}

function partNode(
  document: Document,
  buffer: Buffer,
  part: Part,
  materials: Map<MaterialName, Material>,
): Node {
  const mesh = document.createMesh(part.name)
  for (const [materialName, builder] of part.builders) {
    const indices =
      builder.vertexCount > 65535
        ? new Uint32Array(builder.indices)
        : new Uint16Array(builder.indices)
    const primitive = document
      .createPrimitive()
      .setAttribute(
        'POSITION',
        document
          .createAccessor()
          .setType('VEC3')
          .setArray(new Float32Array(builder.positions))
          .setBuffer(buffer),
      )
      .setAttribute(
        'NORMAL',
        document
          .createAccessor()
          .setType('VEC3')
          .setArray(new Float32Array(builder.normals))
          .setBuffer(buffer),
      )
      .setIndices(document.createAccessor().setType('SCALAR').setArray(indices).setBuffer(buffer))
      .setMaterial(materials.get(materialName) ?? null)
    mesh.addPrimitive(primitive)
  }
  return document.createNode(part.name).setMesh(mesh)
}

/** Merges parts into one, appending the geometry of each material to that material's builder. */
function joinParts(name: string, parts: Part[]): Part {
  const joined = new Part(name)
  for (const part of parts) {
    for (const [material, builder] of part.builders) {
      const target = joined.with(material)
      const offset = target.vertexCount
      for (const value of builder.positions) target.positions.push(value)
      for (const value of builder.normals) target.normals.push(value)
      for (const index of builder.indices) target.indices.push(index + offset)
    }
  }
  return joined
}

/** Adds a looping swing about the z axis to a node, sampled from a sine so it eases at each end. */
function addSwing(document: Document, buffer: Buffer, pivot: Node): void {
  const samples = 24
  const times = new Float32Array(samples + 1)
  const rotations = new Float32Array((samples + 1) * 4)
  for (let index = 0; index <= samples; index++) {
    const time = (index / samples) * SWING_SECONDS
    const angle = ((SWING_DEGREES * Math.PI) / 180) * Math.sin((2 * Math.PI * index) / samples)
    times[index] = time
    rotations.set([0, 0, Math.sin(angle / 2), Math.cos(angle / 2)], index * 4)
  }
  const sampler = document
    .createAnimationSampler()
    .setInput(document.createAccessor().setType('SCALAR').setArray(times).setBuffer(buffer))
    .setOutput(document.createAccessor().setType('VEC4').setArray(rotations).setBuffer(buffer))
    .setInterpolation('LINEAR')
  const channel = document
    .createAnimationChannel()
    .setTargetNode(pivot)
    .setTargetPath('rotation')
    .setSampler(sampler)
  document.createAnimation('LanternSwing').addSampler(sampler).addChannel(channel)
}

/** Builds the whole model as a glTF-Transform document. */
export function createStiltHouseDocument(): Document {
  const document = new Document()
  const buffer = document.createBuffer()
  const materials = new Map<MaterialName, Material>()
  for (const name of Object.keys(MATERIALS) as MaterialName[]) {
    materials.set(name, createMaterial(document, name))
  }

  const root = document.createNode('ThaiStiltHouse')
  // The still parts share one node with one primitive per material, so the house costs a dozen
  // draw calls rather than two dozen: headsets draw every call twice, once per eye.
  const house = joinParts('House', [
    buildFrame(),
    buildFloor(),
    buildWalls(),
    buildRoof(),
    buildStairs(),
    buildHearth(),
    buildStorage(),
  ])
  // The ground sits one level down, so that joining siblings keeps it apart from the house.
  root.addChild(
    document.createNode('Site').addChild(partNode(document, buffer, buildGround(), materials)),
  )
  root.addChild(partNode(document, buffer, house, materials))

  const pivot = document.createNode('LanternPivot').setTranslation(LANTERN_PIVOT)
  pivot.addChild(partNode(document, buffer, buildLantern(), materials))
  root.addChild(pivot)
  addSwing(document, buffer, pivot)

  // Drop materials that no part ended up using.
  for (const material of document.getRoot().listMaterials()) {
    if (material.listParents().length <= 1) material.dispose()
  }

  const scene = document.createScene('Scene').addChild(root)
  document.getRoot().setDefaultScene(scene)
  return document
}

/**
 * Writes the model as a binary glTF (GLB). Its flat colours go into small palette textures, so the
 * still parts share one material and join into a few primitives. A headset draws each primitive
 * once per eye, and the budget for standalone headsets is about 50 draw calls a frame.
 */
export async function writeStiltHouseGlb(): Promise<Uint8Array> {
  const document = createStiltHouseDocument()
  await document.transform(palette({ min: 2 }), join())
  return new NodeIO().writeBinary(document)
}
