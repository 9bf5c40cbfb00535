import { useFrame, useThree } from '@react-three/fiber'
import { useCallback, useEffect, useMemo, useRef } from 'react'
import { type Mesh, type Object3D, PlaneGeometry, Vector3 } from 'three'
import { yawPitchToDirection } from '../core/sphere.ts'
import { useLocalize, useT } from '../i18n/useT.ts'
import { selectHotspot } from '../state/actions.ts'
import { useAppStore } from '../state/store.ts'
import type { Hotspot, Scene } from '../tour/schema.ts'
import { hotspotLabel } from '../ui/HotspotLayer.tsx'
import { fillRoundRect, PANEL_FONT, wrapText } from './canvasText.ts'
import { fadeThen } from './fade.ts'
import { head, readHeadPose } from './headPose.ts'
import { usePressHandlers } from './press.ts'
import { registerGazeTarget } from './selectable.ts'
import { useDrawnTexture } from './useDrawnTexture.ts'

/** Distance of panorama hotspot markers from the visitor's eyes, in metres. */
export const MARKER_DISTANCE = 2.5
/** Marker size in metres at `MARKER_DISTANCE`. Nearer markers shrink to keep the angular size. */
const MARKER_WIDTH = 0.6
const MARKER_HEIGHT = 0.45
const CANVAS_WIDTH = 512
const CANVAS_HEIGHT = 384
const ICON_Y = 80
const ICON_RADIUS = 62

/** Colour of the marker icon per hotspot kind. */
const KIND_COLORS: Record<Hotspot['kind'], string> = {
  scene: '#1f6f5c',
  info: '#2b5c9e',
  offer: '#b5541c',
}

const scratch = new Vector3()

/** Selects a hotspot in VR: a scene link fades through black first, a card opens at once. */
export function selectInVR(sceneId: string, hotspot: Hotspot): void {
  if (hotspot.kind === 'scene') fadeThen(() => selectHotspot(sceneId, hotspot))
  else selectHotspot(sceneId, hotspot)
}

/**
 * Draws the hotspots of the current scene as markers in the 3D scene, because HTML buttons do
 * not show in an immersive session. Panorama markers float at `MARKER_DISTANCE` in their
 * direction; model markers sit at their point on the model, moved with it by `modelRoot`.
 */
export function VRHotspots({ scene, modelRoot }: { scene: Scene; modelRoot: Object3D | null }) {
  const tour = useAppStore((state) => state.tour)
  const localize = useLocalize()
  const t = useT()
  if (!tour) return null
  return (
    <>
      {scene.hotspots.map((hotspot) => (
        <VRMarker
          key={`${scene.id}/${hotspot.id}`}
          sceneId={scene.id}
          hotspot={hotspot}
          label={hotspotLabel(tour, hotspot, localize, t)}
          modelRoot={modelRoot}
        />
      ))}
    </>
  )
}

function VRMarker({
  sceneId,
  hotspot,
  label,
  modelRoot,
}: {
  sceneId: string
  hotspot: Hotspot
  label: string
  modelRoot: Object3D | null
}) {
  const gl = useThree((state) => state.gl)
  const meshRef = useRef<Mesh>(null)
  // The icon's centre is the hotspot's point, and the label hangs below it.
  const geometry = useMemo(() => {
    const iconOffset = ((CANVAS_HEIGHT / 2 - ICON_Y) / CANVAS_HEIGHT) * MARKER_HEIGHT
    return new PlaneGeometry(MARKER_WIDTH, MARKER_HEIGHT).translate(0, -iconOffset, 0)
  }, [])
  useEffect(() => () => geometry.dispose(), [geometry])

  const local = useMemo(() => {
    if ('position' in hotspot) return new Vector3(...hotspot.position)
    return yawPitchToDirection(hotspot.yaw, hotspot.pitch, new Vector3())
  }, [hotspot])

  const draw = useCallback(
    (context: CanvasRenderingContext2D) => drawMarker(context, hotspot.kind, label),
    [hotspot.kind, label],
  )
  const texture = useDrawnTexture(CANVAS_WIDTH, CANVAS_HEIGHT, label, draw)
  const select = useCallback(() => selectInVR(sceneId, hotspot), [sceneId, hotspot])

  useEffect(() => {
    const mesh = meshRef.current
    return mesh ? registerGazeTarget(mesh, select) : undefined
  }, [select])

  const press = usePressHandlers(select)

  useFrame(() => {
    const mesh = meshRef.current
    if (!mesh) return
    readHeadPose(gl)
    if ('position' in hotspot) {
      if (!modelRoot) return
      mesh.position.copy(local).applyMatrix4(modelRoot.matrixWorld)
    } else {
      mesh.position.copy(head.position).addScaledVector(local, MARKER_DISTANCE)
    }
    mesh.scale.setScalar(scratch.copy(mesh.position).distanceTo(head.position) / MARKER_DISTANCE)
    mesh.lookAt(head.position)
  })

  return (
    <mesh
      ref={meshRef}
      name={`xr-hotspot-${hotspot.id}`}
      userData={{ hotspotId: hotspot.id, kind: hotspot.kind }}
      geometry={geometry}
      renderOrder={10}
      {...press}
    >
      <meshBasicMaterial map={texture} transparent depthWrite={false} toneMapped={false} />
    </mesh>
  )
}

function drawMarker(context: CanvasRenderingContext2D, kind: Hotspot['kind'], label: string) {
  const centerX = CANVAS_WIDTH / 2

  context.fillStyle = 'rgba(255, 255, 255, 0.95)'
  context.beginPath()
  context.arc(centerX, ICON_Y, ICON_RADIUS, 0, Math.PI * 2)
  context.fill()
  context.fillStyle = KIND_COLORS[kind]
  context.beginPath()
  context.arc(centerX, ICON_Y, ICON_RADIUS - 10, 0, Math.PI * 2)
  context.fill()
  drawKindGlyph(context, kind, centerX, ICON_Y)

  context.font = `600 38px ${PANEL_FONT}`
  const lines = wrapText(context, label, CANVAS_WIDTH - 48, 2)
  const lineHeight = 48
  const boxHeight = lines.length * lineHeight + 24
  const boxWidth = Math.max(...lines.map((line) => context.measureText(line).width), 0) + 40
  const top = ICON_Y + ICON_RADIUS + 14
  context.fillStyle = 'rgba(12, 20, 18, 0.78)'
  fillRoundRect(context, centerX - boxWidth / 2, top, boxWidth, boxHeight, 18)
  context.fillStyle = '#ffffff'
  context.textAlign = 'center'
  context.textBaseline = 'middle'
  lines.forEach((line, index) => {
    context.fillText(line, centerX, top + 12 + lineHeight * (index + 0.5))
  })
}

/** Draws the white sign of a hotspot kind: an arrow for a link, "i" for info, a tag for an offer. */
function drawKindGlyph(
  context: CanvasRenderingContext2D,
  kind: Hotspot['kind'],
  x: number,
  y: number,
): void {
  context.strokeStyle = '#ffffff'
  context.fillStyle = '#ffffff'
  context.lineWidth = 10
  context.lineCap = 'round'
  context.lineJoin = 'round'
  if (kind === 'scene') {
    context.beginPath()
    context.moveTo(x - 22, y)
    context.lineTo(x + 20, y)
    context.moveTo(x + 2, y - 20)
    context.lineTo(x + 22, y)
    context.lineTo(x + 2, y + 20)
    context.stroke()
    return
  }
  if (kind === 'info') {
    context.beginPath()
    context.arc(x, y - 22, 7, 0, Math.PI * 2)
    context.fill()
    context.beginPath()
    context.moveTo(x, y - 4)
    context.lineTo(x, y + 26)
    context.stroke()
    return
  }
  context.beginPath()
  context.moveTo(x - 24, y - 24)
  context.lineTo(x + 4, y - 24)
  context.lineTo(x + 26, y - 2)
  context.lineTo(x - 2, y + 26)
  context.lineTo(x - 24, y + 4)
  context.closePath()
  context.stroke()
  context.beginPath()
  context.arc(x - 9, y - 9, 5, 0, Math.PI * 2)
  context.fill()
}
