/**
 * Pages that show one equirectangular photo in each peer viewer, set up the way each viewer's
 * documentation shows its basic example, at the benchmark's common view. The viewers' own
 * published files are served from node_modules under /peers/. Each page reads the image URL
 * (`src`) and its width in pixels (`width`) from its query string.
 */

/** The common view: yaw 0, pitch 0 and a vertical field of view of 75°, on a 1280×720 canvas. */
export const VIEW = { yaw: 0, pitch: 0, verticalFovDegrees: 75 } as const
export const CANVAS = { width: 1280, height: 720 } as const

/** Horizontal field of view in degrees that shows the same view as `verticalFovDegrees`. */
export function horizontalFovDegrees(verticalDegrees: number, aspect: number): number {
  const halfVertical = (verticalDegrees * Math.PI) / 360
  return (Math.atan(Math.tan(halfVertical) * aspect) * 360) / Math.PI
}

/**
 * Zoom level of Photo Sphere Viewer 5 for a vertical field of view. Its `zoomLevelToFov` maps
 * level 0 to `maxFov` and 100 to `minFov` linearly, in vertical degrees (defaults 90 and 30).
 */
export function photoSphereZoomLevel(verticalDegrees: number, minFov = 30, maxFov = 90): number {
  return ((maxFov - verticalDegrees) / (maxFov - minFov)) * 100
}

const FULL_PAGE_STYLE =
  'html,body{margin:0;height:100%;overflow:hidden;background:#000}#viewer{width:100vw;height:100vh}'

function page(head: string, body: string): string {
  return [
    '<!doctype html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width,initial-scale=1">',
    `<style>${FULL_PAGE_STYLE}</style>`,
    head,
    '</head>',
    '<body>',
    '<div id="viewer"></div>',
    body,
    '</body>',
    '</html>',
  ].join('\n')
}

const READ_QUERY =
  "const query = new URLSearchParams(location.search); const src = query.get('src'); const width = Number(query.get('width'));"

function pannellumPage(): string {
  const hfov = horizontalFovDegrees(VIEW.verticalFovDegrees, CANVAS.width / CANVAS.height)
  return page(
    [
      '<link rel="stylesheet" href="/peers/pannellum/pannellum.css">',
      '<script src="/peers/pannellum/pannellum.js"></script>',
    ].join('\n'),
    `<script>
${READ_QUERY}
// Pannellum's hfov is the horizontal field of view in degrees.
window.benchViewer = pannellum.viewer('viewer', {
  type: 'equirectangular',
  panorama: src,
  autoLoad: true,
  yaw: ${VIEW.yaw},
  pitch: ${VIEW.pitch},
  hfov: ${hfov.toFixed(4)},
})
</script>`,
  )
}

function photoSphereViewerPage(): string {
  const imports = {
    imports: {
      three: '/peers/three/three.module.js',
      '@photo-sphere-viewer/core': '/peers/psv/index.module.js',
    },
  }
  return page(
    [
      '<link rel="stylesheet" href="/peers/psv/index.css">',
      `<script type="importmap">${JSON.stringify(imports)}</script>`,
    ].join('\n'),
    `<script type="module">
import { Viewer } from '@photo-sphere-viewer/core'
${READ_QUERY}
// The zoom level maps linearly from maxFov (level 0) to minFov (level 100), vertical degrees.
window.benchViewer = new Viewer({
  container: 'viewer',
  panorama: src,
  defaultYaw: ${VIEW.yaw},
  defaultPitch: ${VIEW.pitch},
  defaultZoomLvl: ${photoSphereZoomLevel(VIEW.verticalFovDegrees).toFixed(4)},
})
</script>`,
  )
}

function marzipanoPage(): string {
  return page(
    '<script src="/peers/marzipano/marzipano.js"></script>',
    `<script>
${READ_QUERY}
const viewer = new Marzipano.Viewer(document.getElementById('viewer'))
const source = Marzipano.ImageUrlSource.fromString(src)
const geometry = new Marzipano.EquirectGeometry([{ width }])
const limiter = Marzipano.RectilinearView.limit.traditional(width, (120 * Math.PI) / 180)
// Marzipano's fov is the vertical field of view in radians.
const view = new Marzipano.RectilinearView(
  { yaw: ${VIEW.yaw}, pitch: ${VIEW.pitch}, fov: (${VIEW.verticalFovDegrees} * Math.PI) / 180 },
  limiter,
)
const scene = viewer.createScene({ source, geometry, view, pinFirstLevel: true })
scene.switchTo()
window.benchViewer = viewer
</script>`,
  )
}

/** Returns the HTML of the peer pages by URL path. */
export function peerPages(): Record<string, string> {
  return {
    '/pages/pannellum.html': pannellumPage(),
    '/pages/photo-sphere-viewer.html': photoSphereViewerPage(),
    '/pages/marzipano.html': marzipanoPage(),
  }
}
