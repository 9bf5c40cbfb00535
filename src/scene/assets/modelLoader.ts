import type { WebGLRenderer } from 'three'
import { MeshoptDecoder } from 'three/addons/libs/meshopt_decoder.module.js'
import { DRACOLoader } from 'three/addons/loaders/DRACOLoader.js'
import { type GLTF, GLTFLoader } from 'three/addons/loaders/GLTFLoader.js'
import { KTX2Loader } from 'three/addons/loaders/KTX2Loader.js'
import { AssetLoadError, fetchBytes } from '../../core/download.ts'

/**
 * One glTF loader per renderer, with Draco, KTX2 and meshopt decoding. The Draco and Basis
 * decoders are resolved by three from its own `examples/jsm/libs` files, which the build copies
 * into the app, so nothing is downloaded from another host.
 */
const loaders = new WeakMap<WebGLRenderer, GLTFLoader>()

function gltfLoaderFor(renderer: WebGLRenderer): GLTFLoader {
  let loader = loaders.get(renderer)
  if (loader) return loader
  const ktx2 = new KTX2Loader().detectSupport(renderer)
  loader = new GLTFLoader()
    .setDRACOLoader(new DRACOLoader())
    .setKTX2Loader(ktx2)
    .setMeshoptDecoder(MeshoptDecoder)
  loaders.set(renderer, loader)
  return loader
}

/**
 * Downloads and parses a .glb or .gltf file. Files a .gltf refers to are loaded relative to it.
 * Throws `AssetLoadError` for a download failure, a file that does not parse, and a model with
 * nothing to draw.
 */
export async function loadModel(
  url: string,
  options: {
    renderer: WebGLRenderer
    signal?: AbortSignal
    onProgress?: (fraction: number | null) => void
  },
): Promise<GLTF> {
  const bytes = await fetchBytes(url, options)
  const loader = gltfLoaderFor(options.renderer)
  const basePath = new URL('.', url).href
  let gltf: GLTF
  try {
    gltf = await loader.parseAsync(
      bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer,
      basePath,
    )
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error)
    throw new AssetLoadError({ kind: 'model', url, detail }, { cause: error })
  }
  if (options.signal?.aborted) {
    disposeObject(gltf.scene)
    throw options.signal.reason
  }
  if (!hasDrawable(gltf)) throw new AssetLoadError({ kind: 'empty-model', url })
  return gltf
}

function hasDrawable(gltf: GLTF): boolean {
  if (!gltf.scene) return false
  let found = false
  gltf.scene.traverse((object) => {
    const drawable = object as { isMesh?: boolean; isPoints?: boolean; isLine?: boolean }
    if (drawable.isMesh || drawable.isPoints || drawable.isLine) found = true
  })
  return found
}

/**
 * Disposes every geometry, material and texture under `root`, and the bone matrix texture of each
 * skinned mesh's skeleton.
 */
export function disposeObject(root: import('three').Object3D): void {
  root.traverse((object) => {
    const mesh = object as import('three').Mesh
    mesh.geometry?.dispose()
    // Skeleton.dispose frees only its bone textures and clears them, so a skeleton shared by
    // several skinned meshes may be disposed once per mesh.
    ;(object as Partial<import('three').SkinnedMesh>).skeleton?.dispose()
    const materials = Array.isArray(mesh.material)
      ? mesh.material
      : mesh.material
        ? [mesh.material]
        : []
    for (const material of materials) {
      for (const value of Object.values(material)) {
        if (value && typeof value === 'object' && (value as { isTexture?: boolean }).isTexture) {
          ;(value as import('three').Texture).dispose()
        }
      }
      material.dispose()
    }
  })
}
