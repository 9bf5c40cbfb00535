import { type Object3D, Vector3, type WebGLRenderer } from 'three'

/**
 * The visitor's head in world space (metres, floor at y = 0), read from the XR camera. The XR
 * camera is posed while the previous frame rendered, so during `useFrame` this is one frame old,
 * which is below what a visitor can see for objects placed at arm's length or further.
 */
export const head = {
  position: new Vector3(),
  /** Unit vector of the view direction. */
  forward: new Vector3(0, 0, -1),
  /** Unit vector of the view direction projected on the floor; -Z when looking straight up. */
  heading: new Vector3(0, 0, -1),
}

export function readHeadPose(gl: WebGLRenderer): typeof head {
  const camera = gl.xr.getCamera()
  head.position.setFromMatrixPosition(camera.matrixWorld)
  head.forward.set(0, 0, -1).transformDirection(camera.matrixWorld)
  head.heading.set(head.forward.x, 0, head.forward.z)
  if (head.heading.lengthSq() < 1e-6) head.heading.set(0, 0, -1)
  else head.heading.normalize()
  return head
}

/** Turns `object` about the vertical axis so that its +Z side faces the visitor's head. */
export function faceHeadUpright(object: Object3D): void {
  object.lookAt(head.position.x, object.position.y, head.position.z)
}
