/** Triangle geometry built from boxes, cylinders and grid surfaces, ready for a glTF primitive. */

export type Vec3 = [number, number, number]

function subtract(a: Vec3, b: Vec3): Vec3 {
  return [a[0] - b[0], a[1] - b[1], a[2] - b[2]]
}

function cross(a: Vec3, b: Vec3): Vec3 {
  return [a[1] * b[2] - a[2] * b[1], a[2] * b[0] - a[0] * b[2], a[0] * b[1] - a[1] * b[0]]
}

function dot(a: Vec3, b: Vec3): number {
  return a[0] * b[0] + a[1] * b[1] + a[2] * b[2]
}

function normalize(v: Vec3): Vec3 {
  const length = Math.hypot(v[0], v[1], v[2])
  return length === 0 ? [0, 1, 0] : [v[0] / length, v[1] / length, v[2] / length]
}

/** Rotates a vector about the x axis, then the y axis, then the z axis (radians, right-handed). */
export function rotate(v: Vec3, rotation: Vec3): Vec3 {
  const [rx, ry, rz] = rotation
  let [x, y, z] = v
  ;[y, z] = [y * Math.cos(rx) - z * Math.sin(rx), y * Math.sin(rx) + z * Math.cos(rx)]
  ;[x, z] = [x * Math.cos(ry) + z * Math.sin(ry), -x * Math.sin(ry) + z * Math.cos(ry)]
  ;[x, y] = [x * Math.cos(rz) - y * Math.sin(rz), x * Math.sin(rz) + y * Math.cos(rz)]
  return [x, y, z]
}

/** Geometry of one primitive: positions and normals per vertex, and a triangle list. */
export class MeshBuilder {
  readonly positions: number[] = []
  readonly normals: number[] = []
  readonly indices: number[] = []

  get vertexCount(): number {
    return this.positions.length / 3
  }

  private addVertex(position: Vec3, normal: Vec3): number {
    this.positions.push(...position)
    this.normals.push(...normal)
    return this.vertexCount - 1
  }

  /** Adds a flat quad with corners in order around its edge, facing towards `outward`. */
  addQuad(a: Vec3, b: Vec3, c: Vec3, d: Vec3, outward: Vec3): void {
    let normal = normalize(cross(subtract(b, a), subtract(c, a)))
    let corners = [a, b, c, d]
    if (dot(normal, outward) < 0) {
      corners = [a, d, c, b]
      normal = [-normal[0], -normal[1], -normal[2]]
    }
    const [i0, i1, i2, i3] = corners.map((corner) => this.addVertex(corner, normal))
    this.indices.push(i0 ?? 0, i1 ?? 0, i2 ?? 0, i0 ?? 0, i2 ?? 0, i3 ?? 0)
  }

  /**
   * Adds a box with flat faces: `size` is its full extent along its own axes, which are turned by
   * `rotation` (see `rotate`) about its centre.
   */
  addBox(centre: Vec3, size: Vec3, rotation: Vec3 = [0, 0, 0]): void {
    const corner = (sx: number, sy: number, sz: number): Vec3 => {
      const local = rotate([(sx * size[0]) / 2, (sy * size[1]) / 2, (sz * size[2]) / 2], rotation)
      return [centre[0] + local[0], centre[1] + local[1], centre[2] + local[2]]
    }
    const axis = (x: number, y: number, z: number) => rotate([x, y, z], rotation)
    this.addQuad(
      corner(1, -1, -1),
      corner(1, 1, -1),
      corner(1, 1, 1),
      corner(1, -1, 1),
      axis(1, 0, 0),
    )
    this.addQuad(
      corner(-1, -1, -1),
      corner(-1, -1, 1),
      corner(-1, 1, 1),
      corner(-1, 1, -1),
      axis(-1, 0, 0),
    )
    this.addQuad(
      corner(-1, 1, -1),
      corner(-1, 1, 1),
      corner(1, 1, 1),
      corner(1, 1, -1),
      axis(0, 1, 0),
    )
    this.addQuad(
      corner(-1, -1, -1),
      corner(1, -1, -1),
      corner(1, -1, 1),
      corner(-1, -1, 1),
      axis(0, -1, 0),
    )
    this.addQuad(
      corner(-1, -1, 1),
      corner(1, -1, 1),
      corner(1, 1, 1),
      corner(-1, 1, 1),
      axis(0, 0, 1),
    )
    this.addQuad(
      corner(-1, -1, -1),
      corner(-1, 1, -1),
      corner(1, 1, -1),
      corner(1, -1, -1),
      axis(0, 0, -1),
    )
  }

  /** Adds an upright cylinder (or a cone frustum) standing on `base`, with smooth sides and a top cap. */
  addCylinder(base: Vec3, radius: number, height: number, segments = 10, topRadius = radius): void {
    const [bx, by, bz] = base
    const slope = (radius - topRadius) / height
    const ring = (angle: number, r: number, y: number) => {
      const position: Vec3 = [bx + r * Math.cos(angle), y, bz + r * Math.sin(angle)]
      const normal = normalize([Math.cos(angle), slope, Math.sin(angle)])
      return this.addVertex(position, normal)
    }
    const bottom: number[] = []
    const top: number[] = []
    for (let index = 0; index <= segments; index++) {
      const angle = (index / segments) * 2 * Math.PI
      bottom.push(ring(angle, radius, by))
      top.push(ring(angle, topRadius, by + height))
    }
    for (let index = 0; index < segments; index++) {
      const b0 = bottom[index] ?? 0
      const b1 = bottom[index + 1] ?? 0
      const t0 = top[index] ?? 0
      const t1 = top[index + 1] ?? 0
      // Counter-clockwise seen from outside.
      this.indices.push(b0, t1, b1, b0, t0, t1)
    }
    const centre = this.addVertex([bx, by + height, bz], [0, 1, 0])
    const cap: number[] = []
    for (let index = 0; index <= segments; index++) {
      const angle = (index / segments) * 2 * Math.PI
      cap.push(
        this.addVertex(
          [bx + topRadius * Math.cos(angle), by + height, bz + topRadius * Math.sin(angle)],
          [0, 1, 0],
        ),
      )
    }
    for (let index = 0; index < segments; index++) {
      this.indices.push(centre, cap[index + 1] ?? 0, cap[index] ?? 0)
    }
  }

  /** Adds a horizontal disc facing up. */
  addDisc(centre: Vec3, radius: number, segments = 48): void {
    const middle = this.addVertex(centre, [0, 1, 0])
    const rim: number[] = []
    for (let index = 0; index <= segments; index++) {
      const angle = (index / segments) * 2 * Math.PI
      rim.push(
        this.addVertex(
          [centre[0] + radius * Math.cos(angle), centre[1], centre[2] + radius * Math.sin(angle)],
          [0, 1, 0],
        ),
      )
    }
    for (let index = 0; index < segments; index++) {
      this.indices.push(middle, rim[index + 1] ?? 0, rim[index] ?? 0)
    }
  }

  /**
   * Adds a smooth surface through a grid of points (`grid[row][column]`). The last column joins
   * the first when `closed` is true, and triangles face the side that `outward(point)` points to.
   */
  addGrid(grid: Vec3[][], closed: boolean, outward: (point: Vec3) => Vec3): void {
    const rows = grid.length
    const columns = grid[0]?.length ?? 0
    const point = (row: number, column: number): Vec3 =>
      grid[row]?.[closed ? column % columns : column] ?? [0, 0, 0]
    const columnSpan = closed ? columns : columns - 1

    const triangles: [number, number, number, number, number, number][] = []
    for (let row = 0; row < rows - 1; row++) {
      for (let column = 0; column < columnSpan; column++) {
        triangles.push([row, column, row + 1, column, row, column + 1])
        triangles.push([row + 1, column, row + 1, column + 1, row, column + 1])
      }
    }

    // Accumulate face normals per grid point, then orient every face by the outward hint.
    const sums = new Map<string, Vec3>()
    const key = (row: number, column: number) => `${row},${closed ? column % columns : column}`
    const oriented = triangles.map(([r0, c0, r1, c1, r2, c2]) => {
      const a = point(r0, c0)
      const b = point(r1, c1)
      const c = point(r2, c2)
      let normal = cross(subtract(b, a), subtract(c, a))
      const centre: Vec3 = [
        (a[0] + b[0] + c[0]) / 3,
        (a[1] + b[1] + c[1]) / 3,
        (a[2] + b[2] + c[2]) / 3,
      ]
      const flip = dot(normal, outward(centre)) < 0
      if (flip) normal = [-normal[0], -normal[1], -normal[2]]
      for (const [row, column] of [
        [r0, c0],
        [r1, c1],
        [r2, c2],
      ] as const) {
        const sum = sums.get(key(row, column)) ?? [0, 0, 0]
        sums.set(key(row, column), [sum[0] + normal[0], sum[1] + normal[1], sum[2] + normal[2]])
      }
      return { corners: [r0, c0, r1, c1, r2, c2] as const, flip }
    })

    const vertexOf = new Map<string, number>()
    const vertex = (row: number, column: number) => {
      const id = key(row, column)
      let index = vertexOf.get(id)
      if (index === undefined) {
        index = this.addVertex(point(row, column), normalize(sums.get(id) ?? [0, 1, 0]))
        vertexOf.set(id, index)
      }
      return index
    }
    for (const { corners, flip } of oriented) {
      const [r0, c0, r1, c1, r2, c2] = corners
      const a = vertex(r0, c0)
      const b = vertex(r1, c1)
      const c = vertex(r2, c2)
      if (flip) this.indices.push(a, c, b)
      else this.indices.push(a, b, c)
    }
  }
}
