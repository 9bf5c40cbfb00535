import {
  applyDrag,
  applyZoom,
  KEY_TURN_STEP,
  KEY_ZOOM_STEP,
  turnView,
  WHEEL_ZOOM_PER_PIXEL,
} from '../core/view.ts'
import { requestFrame } from '../state/anchors.ts'
import { liveView } from '../state/view.ts'
import { isKeyForOtherControl } from './keyboard.ts'

/** Pointer travel in CSS pixels after which a press counts as a drag and its click is dropped. */
const DRAG_THRESHOLD = 6
/** Wheel delta of one line (`deltaMode` 1) and one page (`deltaMode` 2) in pixels. */
const WHEEL_LINE_PIXELS = 16
const WHEEL_PAGE_PIXELS = 400

/** Event dispatched on the input element when a one-finger drag was left to the page. */
export const TWO_FINGER_HINT_EVENT = 'showcase:two-finger-hint'

/**
 * Touch behaviour for turning the view. `one-finger`: any drag turns it, as in a full-page tour.
 * `two-finger`: for a tour embedded in a scrolling page, one finger is left to the browser so a
 * vertical swipe scrolls the host page (the element needs `touch-action: pan-y`), and two fingers
 * turn and zoom the view. A one-finger drag then dispatches `TWO_FINGER_HINT_EVENT`. The mouse
 * wheel also scrolls the page in this mode, unless Ctrl is held.
 */
export type TouchPanMode = 'one-finger' | 'two-finger'

/**
 * Lets the visitor look around a panorama: drag with mouse or a finger, pinch with two fingers,
 * wheel to zoom, and arrow and +/- keys. Writes the live view in place and returns a cleanup.
 */
export function attachPanoramaInput(
  element: HTMLElement,
  options: { touchPan?: TouchPanMode } = {},
): () => void {
  const twoFinger = options.touchPan === 'two-finger'
  const pointers = new Map<number, { x: number; y: number }>()
  let travel = 0
  let pinchDistance = 0
  let hinted = false

  const pinchSpan = () => {
    const [a, b] = [...pointers.values()]
    return a && b ? Math.hypot(a.x - b.x, a.y - b.y) : 0
  }

  const onPointerDown = (event: PointerEvent) => {
    if (event.pointerType === 'mouse' && event.button !== 0) return
    pointers.set(event.pointerId, { x: event.clientX, y: event.clientY })
    if (pointers.size === 1) {
      travel = 0
      hinted = false
    }
    if (pointers.size === 2) pinchDistance = pinchSpan()
  }

  const onPointerMove = (event: PointerEvent) => {
    const previous = pointers.get(event.pointerId)
    if (!previous) return
    if (event.buttons === 0) {
      // The press ended outside the stage before it became a drag, so its pointerup went to
      // another element (a top-bar button, say). Without this the view would follow the hover.
      onPointerEnd(event)
      return
    }
    const dx = event.clientX - previous.x
    const dy = event.clientY - previous.y
    previous.x = event.clientX
    previous.y = event.clientY
    travel += Math.abs(dx) + Math.abs(dy)
    const pageOwnsDrag = twoFinger && event.pointerType === 'touch' && pointers.size === 1
    if (pageOwnsDrag) {
      if (travel > DRAG_THRESHOLD && !hinted) {
        hinted = true
        element.dispatchEvent(new CustomEvent(TWO_FINGER_HINT_EVENT))
      }
      return
    }
    if (travel > DRAG_THRESHOLD && !element.hasPointerCapture(event.pointerId)) {
      // Capture only once it is a drag, so a plain click still reaches the hotspot under it.
      element.setPointerCapture(event.pointerId)
    }

    if (pointers.size === 1) {
      applyDrag(liveView.view, dx, dy, element.clientHeight)
    } else if (pointers.size === 2) {
      // In two-finger mode both fingers turn the view: each move adds half, so the view follows
      // the midpoint between them.
      if (twoFinger && event.pointerType === 'touch') {
        applyDrag(liveView.view, dx / 2, dy / 2, element.clientHeight)
      }
      const distance = pinchSpan()
      if (pinchDistance > 0 && distance > 0) {
        const fov = liveView.view.fov * (pinchDistance / distance)
        applyZoom(liveView.view, fov - liveView.view.fov, liveView.limits)
      }
      pinchDistance = distance
    }
    requestFrame()
  }

  const onPointerEnd = (event: PointerEvent) => {
    pointers.delete(event.pointerId)
    if (pointers.size < 2) pinchDistance = 0
  }

  const onClickCapture = (event: MouseEvent) => {
    if (travel > DRAG_THRESHOLD) {
      event.stopPropagation()
      event.preventDefault()
      travel = 0
    }
  }

  // Two fingers belong to the view: cancelling the first move keeps the browser from scrolling
  // or zooming the page with them.
  const onTouchMove = (event: TouchEvent) => {
    if (event.touches.length >= 2 && event.cancelable) event.preventDefault()
  }

  const onWheel = (event: WheelEvent) => {
    // Embedded, the wheel scrolls the host page; Ctrl+wheel and a touchpad pinch (which the
    // browser reports as a wheel with ctrlKey) still zoom.
    if (twoFinger && !event.ctrlKey) return
    event.preventDefault()
    let scale = 1
    if (event.deltaMode === WheelEvent.DOM_DELTA_LINE) scale = WHEEL_LINE_PIXELS
    if (event.deltaMode === WheelEvent.DOM_DELTA_PAGE) scale = WHEEL_PAGE_PIXELS
    applyZoom(liveView.view, event.deltaY * scale * WHEEL_ZOOM_PER_PIXEL, liveView.limits)
    requestFrame()
  }

  const onKeyDown = (event: KeyboardEvent) => {
    if (isKeyForOtherControl(event)) return
    const view = liveView.view
    switch (event.key) {
      case 'ArrowLeft':
        turnView(view, -KEY_TURN_STEP, 0)
        break
      case 'ArrowRight':
        turnView(view, KEY_TURN_STEP, 0)
        break
      case 'ArrowUp':
        turnView(view, 0, KEY_TURN_STEP)
        break
      case 'ArrowDown':
        turnView(view, 0, -KEY_TURN_STEP)
        break
      case '+':
      case '=':
        applyZoom(view, -KEY_ZOOM_STEP, liveView.limits)
        break
      case '-':
      case '_':
        applyZoom(view, KEY_ZOOM_STEP, liveView.limits)
        break
      default:
        return
    }
    event.preventDefault()
    requestFrame()
  }

  element.addEventListener('pointerdown', onPointerDown)
  element.addEventListener('pointermove', onPointerMove)
  element.addEventListener('pointerup', onPointerEnd)
  element.addEventListener('pointercancel', onPointerEnd)
  element.addEventListener('click', onClickCapture, true)
  element.addEventListener('wheel', onWheel, { passive: false })
  if (twoFinger) element.addEventListener('touchmove', onTouchMove, { passive: false })
  window.addEventListener('keydown', onKeyDown)

  return () => {
    element.removeEventListener('pointerdown', onPointerDown)
    element.removeEventListener('pointermove', onPointerMove)
    element.removeEventListener('pointerup', onPointerEnd)
    element.removeEventListener('pointercancel', onPointerEnd)
    element.removeEventListener('click', onClickCapture, true)
    element.removeEventListener('wheel', onWheel)
    element.removeEventListener('touchmove', onTouchMove)
    window.removeEventListener('keydown', onKeyDown)
  }
}
