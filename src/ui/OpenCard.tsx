import { findScene } from '../state/actions.ts'
import { useAppStore } from '../state/store.ts'
import { InfoCard } from './InfoCard.tsx'
import { OfferCard } from './OfferCard.tsx'

/**
 * Shows the card a hotspot opened, if any. Each opening gets a new dialog, because a closed dialog
 * whose `close` event is still queued must not stand in for the card the visitor opened again.
 */
export function OpenCard() {
  const card = useAppStore((state) => state.card)
  const tour = useAppStore((state) => state.tour)
  if (!card || !tour) return null

  if (card.kind === 'offer') {
    const offer = tour.offers.find((candidate) => candidate.id === card.offerId)
    return offer ? <OfferCard key={card.opening} offer={offer} /> : null
  }
  const hotspot = findScene(tour, card.sceneId)?.hotspots.find(
    (candidate) => candidate.id === card.hotspotId,
  )
  return hotspot?.kind === 'info' ? <InfoCard key={card.opening} hotspot={hotspot} /> : null
}
