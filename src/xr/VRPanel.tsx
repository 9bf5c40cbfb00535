import { useThree } from '@react-three/fiber'
import { type ReactNode, useCallback, useEffect, useLayoutEffect, useRef, useState } from 'react'
import type { Group, Mesh } from 'three'
import { type BookingChannel, bookingUrl } from '../core/booking.ts'
import { formatDuration, formatPrice } from '../i18n/format.ts'
import { useLocalize, useT } from '../i18n/useT.ts'
import { closeCard, findScene, recordOfferLink } from '../state/actions.ts'
import { useAppStore } from '../state/store.ts'
import type { Hotspot, Offer } from '../tour/schema.ts'
import { fillRoundRect, PANEL_FONT, wrapText } from './canvasText.ts'
import { faceHeadUpright, head, readHeadPose } from './headPose.ts'
import { usePressHandlers } from './press.ts'
import { registerGazeTarget } from './selectable.ts'
import { useDrawnTexture } from './useDrawnTexture.ts'

/** Distance of a card panel from the visitor's eyes, in metres: about arm's length. */
const PANEL_DISTANCE = 1
/** Panel size in metres and in canvas pixels (1 px is about 0.8 mm, so 28 px text is 2.2 cm). */
const PANEL_WIDTH = 0.8
const CANVAS_WIDTH = 1024
const PIXEL = PANEL_WIDTH / CANVAS_WIDTH
const PANEL_CANVAS_HEIGHT = 720
const PANEL_HEIGHT = PANEL_CANVAS_HEIGHT * PIXEL
const PADDING = 48
const BUTTON_HEIGHT_PX = 96
const QR_SIZE_PX = 300

const INK = '#17211e'
const MUTED = '#55625d'
const ACCENT = '#b5541c'

type InfoHotspot = Extract<Hotspot, { kind: 'info' }>

/**
 * Shows the card a hotspot opened as a panel in the 3D scene, because HTML dialogs do not show in
 * an immersive session. The panel opens about arm's length in front of the visitor, facing them.
 */
export function VRCardPanel() {
  const card = useAppStore((state) => state.card)
  const tour = useAppStore((state) => state.tour)
  if (!card || !tour) return null

  if (card.kind === 'offer') {
    const offer = tour.offers.find((candidate) => candidate.id === card.offerId)
    if (!offer) return null
    return (
      <PanelPlacement key={card.opening}>
        <OfferPanel offer={offer} />
      </PanelPlacement>
    )
  }
  const hotspot = findScene(tour, card.sceneId)?.hotspots.find(
    (candidate) => candidate.id === card.hotspotId,
  )
  if (hotspot?.kind !== 'info') return null
  return (
    <PanelPlacement key={card.opening}>
      <InfoPanel hotspot={hotspot} />
    </PanelPlacement>
  )
}

/** Places its children once, in front of the visitor's head where they looked when it opened. */
function PanelPlacement({ children }: { children: ReactNode }) {
  const gl = useThree((state) => state.gl)
  const groupRef = useRef<Group>(null)

  useLayoutEffect(() => {
    const group = groupRef.current
    if (!group) return
    readHeadPose(gl)
    group.position.copy(head.position).addScaledVector(head.heading, PANEL_DISTANCE)
    group.position.y = head.position.y - 0.1
    faceHeadUpright(group)
  }, [gl])

  return (
    <group ref={groupRef} name="xr-panel">
      {children}
    </group>
  )
}

function InfoPanel({ hotspot }: { hotspot: InfoHotspot }) {
  const t = useT()
  const localize = useLocalize()
  const title = localize(hotspot.title)
  const text = localize(hotspot.text)

  const draw = useCallback(
    (context: CanvasRenderingContext2D) => {
      drawPanelBackground(context)
      context.fillStyle = INK
      context.font = `600 44px ${PANEL_FONT}`
      let y = PADDING
      for (const line of wrapText(context, title, CANVAS_WIDTH - PADDING * 2, 2)) {
        context.fillText(line, PADDING, y)
        y += 56
      }
      y += 16
      context.fillStyle = INK
      context.font = `400 30px ${PANEL_FONT}`
      const lineCount = Math.floor((PANEL_CANVAS_HEIGHT - PADDING - y) / 42)
      for (const line of wrapText(context, text, CANVAS_WIDTH - PADDING * 2, lineCount)) {
        context.fillText(line, PADDING, y)
        y += 42
      }
    },
    [title, text],
  )
  const texture = useDrawnTexture(CANVAS_WIDTH, PANEL_CANVAS_HEIGHT, `${title} ${text}`, draw)

  return (
    <>
      <PanelBody kind="info" texture={texture} />
      <PanelButton
        name="xr-panel-close"
        label={t('xr.panel.close')}
        widthPx={300}
        x={0}
        onSelect={closeCard}
      />
    </>
  )
}

function OfferPanel({ offer }: { offer: Offer }) {
  const t = useT()
  const localize = useLocalize()
  const lang = useAppStore((state) => state.lang)
  const tourId = useAppStore((state) => state.tour?.id ?? '')
  const mode = useAppStore((state) => state.mode)
  const utm = useAppStore((state) => state.utm)
  const [booked, setBooked] = useState(false)
  let channel: BookingChannel = 'web'
  if (mode === 'embed') channel = 'embed'
  if (mode === 'kiosk') channel = 'kiosk'
  const href = bookingUrl(offer.url, { channel, tourId, pageUtm: utm })
  const nights = offer.durationNights ?? Math.max(0, offer.durationDays - 1)

  const texts = {
    kicker: t('offer.heading'),
    title: localize(offer.title),
    facts: [
      [t('offer.price'), formatPrice(offer.price.amount, offer.price.currency, lang)],
      [t('offer.duration'), formatDuration(offer.durationDays, nights, lang)],
      [t('offer.departsFrom'), localize(offer.departsFrom)],
      [t('offer.operator'), offer.operator],
    ] as const,
    description: localize(offer.description),
    phone: offer.phone ? t('xr.panel.phone', { phone: offer.phone }) : '',
    hint: booked ? t('xr.panel.bookDone') : t('xr.panel.scanHint'),
  }
  const allText = JSON.stringify(texts)
  const qrLeft = CANVAS_WIDTH - PADDING - QR_SIZE_PX
  const textWidth = qrLeft - PADDING * 2

  // biome-ignore lint/correctness/useExhaustiveDependencies: `allText` stands for every field of `texts`
  const draw = useCallback(
    (context: CanvasRenderingContext2D) => {
      drawPanelBackground(context)
      context.fillStyle = ACCENT
      context.font = `600 26px ${PANEL_FONT}`
      context.fillText(texts.kicker, PADDING, PADDING)
      let y = PADDING + 40
      context.fillStyle = INK
      context.font = `600 40px ${PANEL_FONT}`
      for (const line of wrapText(context, texts.title, textWidth, 3)) {
        context.fillText(line, PADDING, y)
        y += 50
      }
      y += 12
      for (const [label, value] of texts.facts) {
        context.fillStyle = MUTED
        context.font = `400 24px ${PANEL_FONT}`
        context.fillText(label, PADDING, y)
        context.fillStyle = INK
        context.font = `600 28px ${PANEL_FONT}`
        const [line = ''] = wrapText(context, value, textWidth - 230, 1)
        context.fillText(line, PADDING + 230, y - 2)
        y += 44
      }
      y += 8
      context.fillStyle = INK
      context.font = `400 26px ${PANEL_FONT}`
      const lineCount = Math.max(0, Math.floor((PANEL_CANVAS_HEIGHT - PADDING - y) / 36))
      for (const line of wrapText(context, texts.description, textWidth, lineCount)) {
        context.fillText(line, PADDING, y)
        y += 36
      }

      let qrY = PADDING + QR_SIZE_PX + 16
      context.fillStyle = booked ? ACCENT : MUTED
      context.font = `${booked ? 600 : 400} 24px ${PANEL_FONT}`
      for (const line of wrapText(context, texts.hint, QR_SIZE_PX, 3)) {
        context.fillText(line, qrLeft, qrY)
        qrY += 32
      }
      if (texts.phone) {
        qrY += 12
        context.fillStyle = INK
        context.font = `600 26px ${PANEL_FONT}`
        for (const line of wrapText(context, texts.phone, QR_SIZE_PX, 2)) {
          context.fillText(line, qrLeft, qrY)
          qrY += 34
        }
      }
    },
    [allText, booked, qrLeft, textWidth],
  )
  const texture = useDrawnTexture(CANVAS_WIDTH, PANEL_CANVAS_HEIGHT, allText, draw)

  const book = () => {
    recordOfferLink(offer.id, 'book', href)
    setBooked(true)
  }
  return (
    <>
      <PanelBody kind="offer" texture={texture} />
      <QrCode text={href} leftPx={qrLeft} topPx={PADDING} />
      <PanelButton
        name="xr-panel-book"
        label={t('offer.book')}
        widthPx={420}
        x={-0.13}
        primary
        onSelect={book}
      />
      <PanelButton
        name="xr-panel-close"
        label={t('xr.panel.close')}
        widthPx={260}
        x={0.22}
        onSelect={closeCard}
      />
    </>
  )
}

function drawPanelBackground(context: CanvasRenderingContext2D) {
  context.fillStyle = 'rgba(255, 251, 244, 0.97)'
  fillRoundRect(context, 0, 0, CANVAS_WIDTH, PANEL_CANVAS_HEIGHT, 36)
  context.textAlign = 'left'
  context.textBaseline = 'top'
}

/** The panel's background, which also stops the gaze ray from reaching markers behind it. */
function PanelBody({
  kind,
  texture,
}: {
  kind: 'info' | 'offer'
  texture: ReturnType<typeof useDrawnTexture>
}) {
  const meshRef = useRef<Mesh>(null)
  useEffect(() => {
    const mesh = meshRef.current
    return mesh ? registerGazeTarget(mesh, null) : undefined
  }, [])
  return (
    <mesh
      ref={meshRef}
      name={`xr-panel-${kind}`}
      renderOrder={20}
      onPointerDown={(event) => event.stopPropagation()}
    >
      <planeGeometry args={[PANEL_WIDTH, PANEL_HEIGHT]} />
      <meshBasicMaterial map={texture} transparent toneMapped={false} />
    </mesh>
  )
}

/** A QR code of `text` on the panel, drawn from the code's modules into its own texture. */
function QrCode({ text, leftPx, topPx }: { text: string; leftPx: number; topPx: number }) {
  const [modules, setModules] = useState<{ size: number; dark: boolean[] } | null>(null)

  useEffect(() => {
    let live = true
    import('qrcode').then(
      ({ default: QRCode }) => {
        const code = QRCode.create(text, { errorCorrectionLevel: 'M' })
        const { size } = code.modules
        const dark: boolean[] = []
        for (let row = 0; row < size; row++) {
          for (let column = 0; column < size; column++)
            dark.push(code.modules.get(row, column) === 1)
        }
        if (live) setModules({ size, dark })
      },
      (error: unknown) => console.error('[xr] the QR code library failed to load', error),
    )
    return () => {
      live = false
    }
  }, [text])

  const draw = useCallback(
    (context: CanvasRenderingContext2D) => {
      context.fillStyle = '#ffffff'
      context.fillRect(0, 0, QR_SIZE_PX, QR_SIZE_PX)
      if (!modules) return
      // Two modules of quiet zone on each side, as scanners need.
      const cell = QR_SIZE_PX / (modules.size + 4)
      context.fillStyle = '#000000'
      modules.dark.forEach((isDark, index) => {
        if (!isDark) return
        const row = Math.floor(index / modules.size)
        const column = index % modules.size
        context.fillRect((column + 2) * cell, (row + 2) * cell, Math.ceil(cell), Math.ceil(cell))
      })
    },
    [modules],
  )
  const texture = useDrawnTexture(QR_SIZE_PX, QR_SIZE_PX, '', draw)
  const size = QR_SIZE_PX * PIXEL
  const x = (leftPx + QR_SIZE_PX / 2 - CANVAS_WIDTH / 2) * PIXEL
  const y = (PANEL_CANVAS_HEIGHT / 2 - topPx - QR_SIZE_PX / 2) * PIXEL

  return (
    <mesh
      name="xr-offer-qr"
      userData={{ qrText: text, ready: modules !== null }}
      position={[x, y, 0.002]}
      renderOrder={21}
    >
      <planeGeometry args={[size, size]} />
      <meshBasicMaterial map={texture} toneMapped={false} />
    </mesh>
  )
}

/** A button below the panel, selectable by controller ray, hand pinch or gaze dwell. */
function PanelButton({
  name,
  label,
  widthPx,
  x,
  primary = false,
  onSelect,
}: {
  name: string
  label: string
  widthPx: number
  /** Horizontal offset of the button's centre from the panel's centre, in metres. */
  x: number
  primary?: boolean
  onSelect: () => void
}) {
  const meshRef = useRef<Mesh>(null)
  const draw = useCallback(
    (context: CanvasRenderingContext2D) => {
      context.fillStyle = primary ? ACCENT : '#ffffff'
      fillRoundRect(context, 0, 0, widthPx, BUTTON_HEIGHT_PX, BUTTON_HEIGHT_PX / 2)
      context.fillStyle = primary ? '#ffffff' : INK
      context.font = `600 36px ${PANEL_FONT}`
      context.textAlign = 'center'
      context.textBaseline = 'middle'
      context.fillText(label, widthPx / 2, BUTTON_HEIGHT_PX / 2 + 2, widthPx - 32)
    },
    [label, primary, widthPx],
  )
  const texture = useDrawnTexture(widthPx, BUTTON_HEIGHT_PX, label, draw)

  useEffect(() => {
    const mesh = meshRef.current
    return mesh ? registerGazeTarget(mesh, onSelect) : undefined
  }, [onSelect])

  const press = usePressHandlers(onSelect)
  const y = -PANEL_HEIGHT / 2 - 0.03 - (BUTTON_HEIGHT_PX * PIXEL) / 2
  return (
    <mesh ref={meshRef} name={name} position={[x, y, 0]} renderOrder={21} {...press}>
      <planeGeometry args={[widthPx * PIXEL, BUTTON_HEIGHT_PX * PIXEL]} />
      <meshBasicMaterial map={texture} transparent toneMapped={false} />
    </mesh>
  )
}
