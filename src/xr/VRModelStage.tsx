import { useFrame, useThree } from '@react-three/fiber'
import { useXRInputSourceState } from '@react-three/xr'
import { useCallback, useEffect, useLayoutEffect, useMemo, useRef } from 'react'
import { Box3, type Group, type Object3D, Quaternion, Vector3 } from 'three'
import { DEG2RAD } from '../core/sphere.ts'
import { useT } from '../i18n/useT.ts'
import { fillRoundRect, PANEL_FONT } from './canvasText.ts'
import { faceHeadUpright, head, readHeadPose } from './headPose.ts'
import { usePauseSceneControls } from './pauseControls.ts'
import { usePressHandlers } from './press.ts'
import { registerGazeTarget } from './selectable.ts'
import { useDrawnTexture } from './useDrawnTexture.ts'

/** Largest side of a model placed in VR, in metres: a tabletop diorama a visitor walks around. */
const MODEL_SIZE = 1.2
/** Distance from the visitor's feet to the model's centre, in metres. */
const MODEL_DISTANCE = 1.6
const TURN_STEP = 15 * DEG2RAD
const SCALE_STEP = 1.25
const MIN_SCALE = 0.25
const MAX_SCALE = 4
/** Turn speed at full thumbstick deflection, in radians per second. */
const STICK_TURN_SPEED = Math.PI / 2
/** Scale change per second at full thumbstick deflection, as a factor. */
const STICK_SCALE_SPEED = 1.8
const STICK_DEAD_ZONE = 0.2

const Y_AXIS = new Vector3(0, 1, 0)
const scratchOffset = new Vector3()
const scratchQuaternion = new Quaternion()

/** Transform of the placed model: a turn about the vertical axis and a scale factor. */
interface Placement {
  stage: Vector3
  /** Model point (in its own units) that rests on the stage, which is its base centre. */
  pivot: Vector3
  baseScale: number
  yaw: number
  scale: number
}

/**
 * Stands the model of a model scene on the floor in front of the visitor, scaled to `MODEL_SIZE`,
 * and lets them turn and scale it: with the buttons in front of it (controller ray, hand pinch or
 * gaze) or with the right thumbstick. The model's own transform is restored when VR ends.
 */
export function VRModelStage({ root }: { root: Object3D }) {
  const gl = useThree((state) => state.gl)
  usePauseSceneControls()
  const stageRef = useRef<Group>(null)
  const placement = useRef<Placement | null>(null)
  const rightController = useXRInputSourceState('controller', 'right')

  const apply = useCallback(() => {
    const current = placement.current
    if (!current) return
    const scale = current.baseScale * current.scale
    scratchQuaternion.setFromAxisAngle(Y_AXIS, current.yaw)
    scratchOffset.copy(current.pivot).multiplyScalar(-scale).applyQuaternion(scratchQuaternion)
    root.position.copy(current.stage).add(scratchOffset)
    root.quaternion.copy(scratchQuaternion)
    root.scale.setScalar(scale)
    root.updateMatrixWorld(true)
  }, [root])

  useLayoutEffect(() => {
    const saved = {
      position: root.position.clone(),
      quaternion: root.quaternion.clone(),
      scale: root.scale.clone(),
    }
    root.position.set(0, 0, 0)
    root.quaternion.identity()
    root.scale.setScalar(1)
    root.updateMatrixWorld(true)
    const box = new Box3().setFromObject(root)
    const size = box.getSize(new Vector3())
    const largest = Math.max(size.x, size.y, size.z)
    const baseScale = Number.isFinite(largest) && largest > 0 ? MODEL_SIZE / largest : 1
    const pivot = box.isEmpty()
      ? new Vector3()
      : new Vector3((box.min.x + box.max.x) / 2, box.min.y, (box.min.z + box.max.z) / 2)

    readHeadPose(gl)
    const stage = new Vector3(head.position.x, 0, head.position.z).addScaledVector(
      head.heading,
      MODEL_DISTANCE,
    )
    placement.current = { stage, pivot, baseScale, yaw: 0, scale: 1 }
    apply()

    const stageGroup = stageRef.current
    if (stageGroup) {
      stageGroup.position.copy(stage)
      faceHeadUpright(stageGroup)
    }
    return () => {
      placement.current = null
      root.position.copy(saved.position)
      root.quaternion.copy(saved.quaternion)
      root.scale.copy(saved.scale)
      root.updateMatrixWorld(true)
    }
  }, [root, gl, apply])

  const turn = useCallback(
    (radians: number) => {
      if (!placement.current) return
      placement.current.yaw += radians
      apply()
    },
    [apply],
  )
  const zoom = useCallback(
    (factor: number) => {
      const current = placement.current
      if (!current) return
      current.scale = Math.min(MAX_SCALE, Math.max(MIN_SCALE, current.scale * factor))
      apply()
    },
    [apply],
  )

  useFrame((_, delta) => {
    const thumbstick = rightController?.gamepad['xr-standard-thumbstick']
    const x = thumbstick?.xAxis ?? 0
    const y = thumbstick?.yAxis ?? 0
    if (Math.abs(x) > STICK_DEAD_ZONE) turn(x * STICK_TURN_SPEED * delta)
    // Pushing the stick forward (negative y) makes the model larger.
    if (Math.abs(y) > STICK_DEAD_ZONE) zoom(STICK_SCALE_SPEED ** (-y * delta))
  })

  const t = useT()
  return (
    <group ref={stageRef} name="xr-model-stage">
      <mesh position={[0, 0.003, 0]} rotation={[-Math.PI / 2, 0, 0]} renderOrder={1}>
        <ringGeometry args={[MODEL_SIZE * 0.62, MODEL_SIZE * 0.66, 64]} />
        <meshBasicMaterial color="#ffffff" transparent opacity={0.5} depthWrite={false} />
      </mesh>
      <group position={[0, 0.75, MODEL_SIZE * 0.75]} rotation={[-0.5, 0, 0]}>
        <StageButton glyph="turn-left" x={-0.27} onSelect={() => turn(-TURN_STEP)} />
        <StageButton glyph="turn-right" x={-0.09} onSelect={() => turn(TURN_STEP)} />
        <StageButton glyph="smaller" x={0.09} onSelect={() => zoom(1 / SCALE_STEP)} />
        <StageButton glyph="larger" x={0.27} onSelect={() => zoom(SCALE_STEP)} />
        <StageHint text={t('xr.model.hint')} />
      </group>
    </group>
  )
}

const BUTTON_PX = 128
const BUTTON_SIZE = 0.13

type StageGlyph = 'turn-left' | 'turn-right' | 'smaller' | 'larger'

function StageButton({
  glyph,
  x,
  onSelect,
}: {
  glyph: StageGlyph
  x: number
  onSelect: () => void
}) {
  const meshRef = useRef<Object3D>(null)
  const draw = useCallback(
    (context: CanvasRenderingContext2D) => {
      context.fillStyle = 'rgba(255, 251, 244, 0.95)'
      context.beginPath()
      context.arc(BUTTON_PX / 2, BUTTON_PX / 2, BUTTON_PX / 2 - 4, 0, Math.PI * 2)
      context.fill()
      drawStageGlyph(context, glyph)
    },
    [glyph],
  )
  const texture = useDrawnTexture(BUTTON_PX, BUTTON_PX, '', draw)
  useEffect(() => {
    const mesh = meshRef.current
    return mesh ? registerGazeTarget(mesh, onSelect) : undefined
  }, [onSelect])
  const press = usePressHandlers(onSelect)
  return (
    <mesh ref={meshRef} name={`xr-model-${glyph}`} position={[x, 0, 0]} renderOrder={21} {...press}>
      <planeGeometry args={[BUTTON_SIZE, BUTTON_SIZE]} />
      <meshBasicMaterial map={texture} transparent toneMapped={false} />
    </mesh>
  )
}

function StageHint({ text }: { text: string }) {
  const width = 1024
  const height = 80
  const draw = useCallback(
    (context: CanvasRenderingContext2D) => {
      context.fillStyle = 'rgba(12, 20, 18, 0.7)'
      fillRoundRect(context, 0, 0, width, height, 24)
      context.fillStyle = '#ffffff'
      context.font = `400 34px ${PANEL_FONT}`
      context.textAlign = 'center'
      context.textBaseline = 'middle'
      context.fillText(text, width / 2, height / 2 + 2, width - 40)
    },
    [text],
  )
  const texture = useDrawnTexture(width, height, text, draw)
  const geometryArgs = useMemo(() => [0.7, 0.7 * (height / width)] as const, [])
  return (
    <mesh position={[0, -0.13, 0]} renderOrder={21}>
      <planeGeometry args={geometryArgs} />
      <meshBasicMaterial map={texture} transparent toneMapped={false} />
    </mesh>
  )
}

/** Draws a button's sign with paths, so it needs no font: a curved arrow, a minus or a plus. */
function drawStageGlyph(context: CanvasRenderingContext2D, glyph: StageGlyph): void {
  const center = BUTTON_PX / 2
  context.strokeStyle = '#17211e'
  context.fillStyle = '#17211e'
  context.lineWidth = 10
  context.lineCap = 'round'
  context.beginPath()
  if (glyph === 'smaller' || glyph === 'larger') {
    context.moveTo(center - 30, center)
    context.lineTo(center + 30, center)
    if (glyph === 'larger') {
      context.moveTo(center, center - 30)
      context.lineTo(center, center + 30)
    }
    context.stroke()
    return
  }
  const radius = 30
  const direction = glyph === 'turn-right' ? 1 : -1
  const start = -Math.PI / 2 - direction * 0.4
  const end = start + direction * Math.PI * 1.5
  context.arc(center, center, radius, start, end, direction < 0)
  context.stroke()
  // Arrowhead at the end of the arc, pointing along it.
  const tipX = center + Math.cos(end) * radius
  const tipY = center + Math.sin(end) * radius
  const tangent = end + (direction * Math.PI) / 2
  context.beginPath()
  context.moveTo(tipX + Math.cos(tangent) * 16, tipY + Math.sin(tangent) * 16)
  context.lineTo(tipX + Math.cos(tangent + 2.3) * 16, tipY + Math.sin(tangent + 2.3) * 16)
  context.lineTo(tipX + Math.cos(tangent - 2.3) * 16, tipY + Math.sin(tangent - 2.3) * 16)
  context.closePath()
  context.fill()
}
