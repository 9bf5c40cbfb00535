import type { ThreeEvent } from '@react-three/fiber'
import { useMemo, useRef } from 'react'

/**
 * Pointer handlers that call `select` when a controller trigger or hand pinch is pressed and
 * released on the same object. Unlike `onClick`, which needs the release within 300 ms, this
 * accepts a press of any length, so a slow frame on a standalone headset cannot swallow it.
 * Moving off the object before releasing cancels.
 */
export function pressHandlers(select: () => void) {
  let pressedBy: number | null = null
  return {
    onPointerDown(event: ThreeEvent<PointerEvent>) {
      event.stopPropagation()
      pressedBy = event.pointerId
    },
    onPointerUp(event: ThreeEvent<PointerEvent>) {
      event.stopPropagation()
      if (pressedBy !== event.pointerId) return
      pressedBy = null
      select()
    },
    onPointerLeave(event: ThreeEvent<PointerEvent>) {
      if (pressedBy === event.pointerId) pressedBy = null
    },
  }
}

/** `pressHandlers` kept across renders, so a re-render between press and release loses nothing. */
export function usePressHandlers(select: () => void): ReturnType<typeof pressHandlers> {
  const selectRef = useRef(select)
  selectRef.current = select
  return useMemo(() => pressHandlers(() => selectRef.current()), [])
}
