import { useFrame } from '@react-three/fiber'
import { type Camera, Vector3 } from 'three'
import { type HotspotAnchor, hotspotAnchors } from '../state/anchors.ts'

/** Scratch state of the frame being placed, so the per-frame loop allocates nothing. */
const point = new Vector3()
const frame: { camera: Camera | null; width: number; height: number } = {
  camera: null,
  width: 0,
  height: 0,
}

/** Last written placement per element, so styles are written only when a button moves. */
const placements = new WeakMap<HTMLElement, { x: number; y: number; visible: boolean }>()

function placeAnchor({ element, point: anchorPoint }: HotspotAnchor): void {
  const camera = frame.camera
  if (!camera) return
  point.set(anchorPoint.x, anchorPoint.y, anchorPoint.z).applyMatrix4(camera.matrixWorldInverse)
  // Camera space looks down -Z, so a point at or behind the camera plane is not drawn.
  const visible = point.z < 0
  let x = 0
  let y = 0
  if (visible) {
    point.applyMatrix4(camera.projectionMatrix)
    x = ((point.x + 1) / 2) * frame.width
    y = ((1 - point.y) / 2) * frame.height
  }

  let placement = placements.get(element)
  if (!placement) {
    placement = { x: Number.NaN, y: Number.NaN, visible: !visible }
    placements.set(element, placement)
    // Buttons start hidden so that none shows at the corner before its first placement.
    element.style.visibility = 'visible'
  }
  if (placement.visible !== visible) {
    element.toggleAttribute('data-behind', !visible)
    placement.visible = visible
  }
  if (visible && (placement.x !== x || placement.y !== y)) {
    element.style.transform = `translate3d(${x}px, ${y}px, 0)`
    placement.x = x
    placement.y = y
  }
}

/**
 * Moves every registered hotspot button to the screen position of its point, after the camera has
 * been updated for the frame. A button whose point is behind the camera gets `data-behind`, which
 * the stylesheet makes transparent and unclickable. It stays focusable, so Tab reaches every
 * hotspot in a stable order, and focusing one turns the view to it.
 */
export function HotspotProjector() {
  useFrame(({ camera, size }) => {
    if (hotspotAnchors.size === 0) return
    camera.updateMatrixWorld()
    frame.camera = camera
    frame.width = size.width
    frame.height = size.height
    hotspotAnchors.forEach(placeAnchor)
  })
  return null
}
