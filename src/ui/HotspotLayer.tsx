import { useEffect, useRef } from 'react'
import { type Vec3, yawPitchToDirection } from '../core/sphere.ts'
import { useLocalize, useT, useTextLang } from '../i18n/useT.ts'
import { findScene, selectHotspot } from '../state/actions.ts'
import { registerAnchor, requestFrame } from '../state/anchors.ts'
import { useAppStore } from '../state/store.ts'
import { liveView, setLiveView } from '../state/view.ts'
import type { Hotspot, Scene, Tour } from '../tour/schema.ts'
import { HotspotIcon } from './icons.tsx'

/**
 * Renders the hotspots of the current scene as real buttons over the 3D view, in the order of the
 * tour file, so Tab reaches them in a stable order and screen readers announce their labels. The
 * frame loop moves them, and they appear once the scene has loaded.
 */
export function HotspotLayer() {
  const tour = useAppStore((state) => state.tour)
  const sceneId = useAppStore((state) => state.sceneId)
  const status = useAppStore((state) => (sceneId ? state.sceneLoads[sceneId]?.status : undefined))
  const scene = findScene(tour, sceneId)
  const layerRef = useRef<HTMLDivElement>(null)

  if (!tour || !scene || status !== 'ready') return null
  return (
    <div className="hotspot-layer" ref={layerRef}>
      {scene.hotspots.map((hotspot) => (
        <HotspotButton
          key={`${scene.id}/${hotspot.id}`}
          tour={tour}
          scene={scene}
          hotspot={hotspot}
          layerRef={layerRef}
        />
      ))}
    </div>
  )
}

function pointOf(hotspot: Hotspot): Vec3 {
  if ('position' in hotspot) {
    const [x, y, z] = hotspot.position
    return { x, y, z }
  }
  return yawPitchToDirection(hotspot.yaw, hotspot.pitch, { x: 0, y: 0, z: 0 })
}

function HotspotButton({
  tour,
  scene,
  hotspot,
  layerRef,
}: {
  tour: Tour
  scene: Scene
  hotspot: Hotspot
  layerRef: React.RefObject<HTMLDivElement | null>
}) {
  const anchorRef = useRef<HTMLDivElement>(null)
  const localize = useLocalize()
  const textLang = useTextLang()
  const t = useT()

  useEffect(() => {
    const element = anchorRef.current
    if (!element) return
    return registerAnchor(`${scene.id}/${hotspot.id}`, { element, point: pointOf(hotspot) })
  }, [scene.id, hotspot])

  const label = hotspotLabel(tour, hotspot, localize, t)

  const onFocus = () => {
    // Focus may scroll the clipped layer to reveal an off-screen button. Undo that and turn the
    // panorama towards the hotspot instead, so keyboard users see what they reached.
    const layer = layerRef.current
    if (layer) {
      layer.scrollTop = 0
      layer.scrollLeft = 0
    }
    const element = anchorRef.current
    if (!element || !layer || !('yaw' in hotspot)) return
    const box = element.getBoundingClientRect()
    const bounds = layer.getBoundingClientRect()
    const inside =
      !element.hasAttribute('data-behind') &&
      box.left >= bounds.left &&
      box.right <= bounds.right &&
      box.top >= bounds.top &&
      box.bottom <= bounds.bottom
    if (!inside) {
      setLiveView({ yaw: hotspot.yaw, pitch: hotspot.pitch, fov: liveView.view.fov })
      requestFrame()
    }
  }

  return (
    <div className="hotspot-anchor" ref={anchorRef} style={{ visibility: 'hidden' }}>
      <button
        type="button"
        className={`hotspot hotspot--${hotspot.kind}`}
        data-hotspot-id={hotspot.id}
        onClick={() => selectHotspot(scene.id, hotspot)}
        onFocus={onFocus}
      >
        <span className="hotspot-icon" aria-hidden="true">
          <HotspotIcon kind={hotspot.kind} />
        </span>
        <span className="hotspot-label" lang={textLang(labelSource(tour, hotspot))}>
          {label}
        </span>
      </button>
    </div>
  )
}

/** Returns the tour text a hotspot's label shows, or undefined when the label mixes in app text. */
function labelSource(tour: Tour, hotspot: Hotspot): Tour['title'] | undefined {
  if (hotspot.label !== undefined) return hotspot.label
  if (hotspot.kind === 'offer')
    return tour.offers.find((offer) => offer.id === hotspot.offer)?.title
  if (hotspot.kind === 'info') return hotspot.title
  return undefined
}

/**
 * Returns a hotspot's accessible name: its label, else the offer's title for an offer, the title
 * for an info hotspot, and "Go to" plus the target's title for a scene link.
 */
export function hotspotLabel(
  tour: Tour,
  hotspot: Hotspot,
  localize: (text: Tour['title'] | undefined) => string,
  t: ReturnType<typeof useT>,
): string {
  if (hotspot.label !== undefined) return localize(hotspot.label)
  switch (hotspot.kind) {
    case 'offer':
      return localize(tour.offers.find((offer) => offer.id === hotspot.offer)?.title)
    case 'info':
      return localize(hotspot.title)
    case 'scene':
      return t('hotspot.goTo', { title: localize(findScene(tour, hotspot.target)?.title) })
  }
}
