import { useFrame, useThree } from '@react-three/fiber'
import { useXR } from '@react-three/xr'
import { useEffect, useMemo, useRef } from 'react'
import { type Intersection, type Mesh, type Object3D, Raycaster, ShaderMaterial } from 'three'
import { createGazeDwell } from '../core/gazeDwell.ts'
import { showcaseHandle } from '../debug.ts'
import { head, readHeadPose } from './headPose.ts'
import { gazeTargets } from './selectable.ts'

/** Distance of the reticle when the gaze meets nothing, in metres. */
const RETICLE_DISTANCE = 2
/** Reticle diameter in metres at 1 m, so it keeps its angular size (about 3.4°) at any distance. */
const RETICLE_SIZE = 0.06

const raycaster = new Raycaster()
const hits: Intersection[] = []

/**
 * Lets a visitor with no controller and no tracked hands select by looking: a reticle follows the
 * centre of the view, and a ring around it fills while the gaze rests on a hotspot or a panel
 * button. It is mounted only while no controller or hand is connected.
 */
export function GazeSelector() {
  const hasPointer = useXR((state) =>
    state.inputSourceStates.some((input) => input.type === 'controller' || input.type === 'hand'),
  )
  if (hasPointer) return null
  return <GazeReticle />
}

function GazeReticle() {
  const gl = useThree((state) => state.gl)
  const meshRef = useRef<Mesh>(null)
  const dwell = useMemo(() => createGazeDwell<Object3D>(() => performance.now()), [])
  const material = useMemo(() => new ReticleMaterial(), [])
  useEffect(() => () => material.dispose(), [material])
  useEffect(() => {
    showcaseHandle.gaze = dwell
    return () => {
      showcaseHandle.gaze = null
    }
  }, [dwell])

  useFrame(() => {
    const mesh = meshRef.current
    if (!mesh) return
    readHeadPose(gl)
    raycaster.set(head.position, head.forward)
    hits.length = 0
    let nearest: Intersection | null = null
    for (const object of gazeTargets.keys()) {
      if (!object.visible) continue
      object.updateWorldMatrix(true, false)
      raycaster.intersectObject(object, false, hits)
    }
    for (const hit of hits) {
      if (!nearest || hit.distance < nearest.distance) nearest = hit
    }
    const target = nearest && gazeTargets.get(nearest.object) ? nearest.object : null
    const selected = dwell.update(target)
    material.uniforms.progress.value = dwell.progress

    const distance = nearest ? Math.max(0.3, nearest.distance - 0.01) : RETICLE_DISTANCE
    mesh.position.copy(head.position).addScaledVector(head.forward, distance)
    mesh.scale.setScalar(distance)
    mesh.lookAt(head.position)
    if (selected) gazeTargets.get(selected)?.()
  })

  return (
    <mesh ref={meshRef} name="xr-gaze-reticle" material={material} renderOrder={1000}>
      <planeGeometry args={[RETICLE_SIZE, RETICLE_SIZE]} />
    </mesh>
  )
}

/** A dot with a ring that fills clockwise from the top as `progress` goes from 0 to 1. */
class ReticleMaterial extends ShaderMaterial {
  declare uniforms: { progress: { value: number } }

  constructor() {
    super({
      uniforms: { progress: { value: 0 } },
      vertexShader: /* glsl */ `
        varying vec2 vUv;
        void main() {
          vUv = uv;
          gl_Position = projectionMatrix * modelViewMatrix * vec4(position, 1.0);
        }
      `,
      fragmentShader: /* glsl */ `
        uniform float progress;
        varying vec2 vUv;
        const float PI = 3.141592653589793;
        void main() {
          vec2 p = vUv * 2.0 - 1.0;
          float r = length(p);
          float turn = atan(p.x, p.y) / (2.0 * PI);
          if (turn < 0.0) turn += 1.0;
          vec4 color = vec4(0.0);
          if (r < 0.2) color = vec4(1.0, 1.0, 1.0, 0.95);
          else if (r < 0.32) color = vec4(0.0, 0.0, 0.0, 0.6);
          if (r > 0.6 && r < 0.95) {
            color = turn <= progress && progress > 0.0
              ? vec4(1.0, 0.62, 0.25, 1.0)
              : vec4(0.0, 0.0, 0.0, progress > 0.0 ? 0.45 : 0.0);
          }
          if (color.a <= 0.0) discard;
          gl_FragColor = color;
        }
      `,
      transparent: true,
      depthTest: false,
      depthWrite: false,
    })
  }
}
