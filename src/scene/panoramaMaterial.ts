import { BackSide, type IUniform, ShaderMaterial, type Texture } from 'three'

/**
 * A material that samples an equirectangular texture by the exact direction of each fragment, so
 * the image has no seam, no pinching at the poles and no drift against hotspots projected from the
 * same yaw and pitch. Yaw 0 (looking down -Z) is the image's centre column and positive yaw turns
 * towards +X. The texture is uploaded with its top row first (`flipY = false`).
 *
 * At the ±180° seam u jumps from 1 to 0, which would make the GPU pick the smallest mipmap for one
 * column of pixels; the texture gradients are therefore taken from whichever of u and fract(u + 0.5)
 * is continuous at the fragment.
 */
export class PanoramaMaterial extends ShaderMaterial {
  declare uniforms: { map: IUniform<Texture | null>; opacity: IUniform<number> }

  constructor() {
    super({
      name: 'PanoramaMaterial',
      uniforms: {
        map: { value: null },
        opacity: { value: 1 },
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
      varying vec3 vDirection;
      const float PI = 3.141592653589793;

      void main() {
        vec3 direction = normalize(vDirection);
        float yaw = atan(direction.x, -direction.z);
        float pitch = asin(clamp(direction.y, -1.0, 1.0));
        vec2 uv = vec2(0.5 + yaw / (2.0 * PI), 0.5 - pitch / PI);

        vec2 uvShifted = vec2(fract(uv.x + 0.5), uv.y);
        vec2 dx = dFdx(uv);
        vec2 dy = dFdy(uv);
        vec2 dxShifted = dFdx(uvShifted);
        vec2 dyShifted = dFdy(uvShifted);
        if (abs(dxShifted.x) < abs(dx.x)) dx.x = dxShifted.x;
        if (abs(dyShifted.x) < abs(dy.x)) dy.x = dyShifted.x;

        vec4 texel = textureGrad(map, uv, dx, dy);
        gl_FragColor = vec4(texel.rgb, opacity);
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
}
