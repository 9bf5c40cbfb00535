import { BackSide, Color, type IUniform, ShaderMaterial, type Texture, Vector4 } from 'three'
import { DEG2RAD } from '../core/sphere.ts'
import type { ViewCoverage } from '../core/view.ts'

/** Colour shown outside the area a partial panorama covers: a neutral dark grey (sRGB). */
export const OUTSIDE_COLOR = 0x202020

/**
 * A material that samples an equirectangular texture by the exact direction of each fragment, so
 * the image has no seam, no pinching at the poles and no drift against hotspots projected from the
 * same yaw and pitch. Yaw 0 (looking down -Z) is the image's centre column and positive yaw turns
 * towards +X. The texture is uploaded with its top row first (`flipY = false`).
 *
 * A partial panorama covers only `coverage` (yaw from its left edge, pitch from bottom to top):
 * the image is mapped onto that area and everything outside shows `OUTSIDE_COLOR`. Rows map
 * linearly to pitch, or to tan(pitch) for a cylindrical image.
 *
 * Where u wraps from 1 to 0 (the ±180° seam of a full sphere), it would make the GPU pick the
 * smallest mipmap for one column of pixels; the texture gradients are therefore taken from
 * whichever of u and u shifted by half a turn is continuous at the fragment.
 */
export class PanoramaMaterial extends ShaderMaterial {
  declare uniforms: {
    map: IUniform<Texture | null>
    opacity: IUniform<number>
    /** Yaw of the left edge, yaw width, pitch of the bottom and top edges, in radians. */
    coverage: IUniform<Vector4>
    cylindrical: IUniform<boolean>
    outside: IUniform<Color>
  }

  constructor() {
    super({
      name: 'PanoramaMaterial',
      uniforms: {
        map: { value: null },
        opacity: { value: 1 },
        coverage: { value: new Vector4(-Math.PI, 2 * Math.PI, -Math.PI / 2, Math.PI / 2) },
        cylindrical: { value: false },
        outside: { value: new Color(OUTSIDE_COLOR) },
      },
      vertexShader: /* glsl */ `
      varying vec3 vDirection;
      void main() {
        vDirection = position;
        gl_Position = projectionMatrix * modelViewMatrix * vec4(position, 1.0);
      }
    `,
      fragmentShader: /* glsl */ `
      uniform sampler2D map;
      uniform float opacity;
      uniform vec4 coverage;
      uniform bool cylindrical;
      uniform vec3 outside;
      varying vec3 vDirection;
      const float PI = 3.141592653589793;

      void main() {
        vec3 direction = normalize(vDirection);
        float yaw = atan(direction.x, -direction.z);
        float pitch = asin(clamp(direction.y, -1.0, 1.0));
        float fromLeft = mod(yaw - coverage.x, 2.0 * PI);
        float v = cylindrical
          ? (tan(coverage.w) - tan(pitch)) / (tan(coverage.w) - tan(coverage.z))
          : (coverage.w - pitch) / (coverage.w - coverage.z);
        vec2 uv = vec2(fromLeft / coverage.y, v);

        vec2 uvShifted = vec2(mod(fromLeft + PI, 2.0 * PI) / coverage.y, v);
        vec2 dx = dFdx(uv);
        vec2 dy = dFdy(uv);
        vec2 dxShifted = dFdx(uvShifted);
        vec2 dyShifted = dFdy(uvShifted);
        if (abs(dxShifted.x) < abs(dx.x)) dx.x = dxShifted.x;
        if (abs(dyShifted.x) < abs(dy.x)) dy.x = dyShifted.x;

        vec4 texel = textureGrad(map, uv, dx, dy);
        bool covered = uv.x <= 1.0 && uv.y >= 0.0 && uv.y <= 1.0;
        gl_FragColor = vec4(covered ? texel.rgb : outside, opacity);
        #include <colorspace_fragment>
      }
    `,
      side: BackSide,
      depthWrite: false,
      depthTest: false,
      transparent: false,
      toneMapped: false,
    })
  }

  /** Maps the image onto `coverage` (degrees), with rows linear in pitch or, if cylindrical, in tan(pitch). */
  setCoverage(coverage: ViewCoverage, cylindrical: boolean): void {
    this.uniforms.coverage.value.set(
      coverage.yawMin * DEG2RAD,
      (coverage.yawMax - coverage.yawMin) * DEG2RAD,
      coverage.pitchMin * DEG2RAD,
      coverage.pitchMax * DEG2RAD,
    )
    this.uniforms.cylindrical.value = cylindrical
  }
}
