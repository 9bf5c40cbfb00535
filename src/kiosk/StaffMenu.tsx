import { useEffect, useState } from 'react'
import { kioskPin } from '../config.ts'
import { isOfflineListing } from '../core/offlineAssets.ts'
import { UI_LANGUAGES, type UiLanguage } from '../i18n/translate.ts'
import { useT } from '../i18n/useT.ts'
import { setLanguage } from '../state/actions.ts'
import { useAppStore } from '../state/store.ts'
import { Dialog } from '../ui/Dialog.tsx'
import { boothLanguage, resetBooth, STAFF_ATTRIBUTE } from './kiosk.ts'
import { describeOfflineStatus } from './offlineText.ts'
import { storeLanguage, storeTour } from './settings.ts'
import { useKioskStore } from './store.ts'

/** Wrong PINs in a row after which the prompt is locked for `LOCK_MS`. */
const MAX_ATTEMPTS = 5
const LOCK_MS = 60_000

/** State of the PIN prompt, kept across openings so closing it does not reset the lock. */
const attempts = { wrong: 0, lockedUntil: 0 }

function closeMenu() {
  useKioskStore.setState({ staffMenu: 'closed' })
}

/** The staff PIN prompt and, once the PIN matched, the staff menu. */
export function StaffMenu() {
  const stage = useKioskStore((state) => state.staffMenu)
  return (
    <Dialog labelledBy="kiosk-staff-title" className="card--staff" onClose={closeMenu}>
      <div {...{ [STAFF_ATTRIBUTE]: '' }}>{stage === 'pin' ? <PinPrompt /> : <MenuBody />}</div>
    </Dialog>
  )
}

function PinPrompt() {
  const t = useT()
  const pin = kioskPin()
  const [value, setValue] = useState('')
  const [error, setError] = useState<string | null>(null)

  const submit = () => {
    const now = Date.now()
    if (now < attempts.lockedUntil) {
      const seconds = Math.ceil((attempts.lockedUntil - now) / 1000)
      setError(t('kiosk.pin.locked', { seconds }))
      return
    }
    if (pin !== null && value === pin) {
      attempts.wrong = 0
      useKioskStore.setState({ staffMenu: 'open' })
      return
    }
    attempts.wrong++
    setValue('')
    if (attempts.wrong >= MAX_ATTEMPTS) {
      attempts.wrong = 0
      attempts.lockedUntil = now + LOCK_MS
      setError(t('kiosk.pin.locked', { seconds: LOCK_MS / 1000 }))
    } else {
      setError(t('kiosk.pin.wrong'))
    }
  }

  if (pin === null) {
    return (
      <>
        <h2 id="kiosk-staff-title">{t('kiosk.menu.title')}</h2>
        <p role="alert">{t('kiosk.pin.missing')}</p>
      </>
    )
  }
  return (
    <form
      className="kiosk-pin"
      onSubmit={(event) => {
        event.preventDefault()
        submit()
      }}
    >
      <h2 id="kiosk-staff-title">{t('kiosk.pin.title')}</h2>
      <label className="kiosk-pin-field">
        {t('kiosk.pin.label')}
        <input
          type="password"
          inputMode="numeric"
          autoComplete="off"
          value={value}
          maxLength={12}
          onChange={(event) => setValue(event.target.value.replace(/\D/g, ''))}
        />
      </label>
      <div className="kiosk-pin-pad">
        {['1', '2', '3', '4', '5', '6', '7', '8', '9', '0'].map((digit) => (
          <button
            key={digit}
            type="button"
            className="button"
            onClick={() => setValue((current) => (current + digit).slice(0, 12))}
          >
            {digit}
          </button>
        ))}
        <button type="button" className="button" onClick={() => setValue('')}>
          {t('kiosk.pin.clear')}
        </button>
      </div>
      {error && (
        <p className="kiosk-pin-error" role="alert">
          {error}
        </p>
      )}
      <button type="submit" className="button button--primary">
        {t('kiosk.pin.submit')}
      </button>
    </form>
  )
}

/** Returns the bundled tours from the build's offline listing, or an empty list. */
function useBundledTours(): string[] {
  const [tours, setTours] = useState<string[]>([])
  useEffect(() => {
    let cancelled = false
    fetch(new URL('offline-files.json', document.baseURI))
      .then((response) => (response.ok ? response.json() : null))
      .then(
        (body: unknown) => {
          if (!cancelled && isOfflineListing(body)) setTours(body.tours)
        },
        () => {},
      )
    return () => {
      cancelled = true
    }
  }, [])
  return tours
}

/** Reloads the page with the given query changes; scene, view and language start afresh. */
function reloadWith(changes: Record<string, string | null>) {
  const url = new URL(location.href)
  for (const key of ['scene', 'view', 'lang']) url.searchParams.delete(key)
  for (const [key, value] of Object.entries(changes)) {
    if (value === null) url.searchParams.delete(key)
    else url.searchParams.set(key, value)
  }
  location.replace(url.href)
}

function MenuBody() {
  const t = useT()
  const lang = useAppStore((state) => state.lang)
  const tourUrl = useAppStore((state) => state.tourUrl)
  const offline = useKioskStore((state) => state.offline)
  const visits = useKioskStore((state) => state.visitsToday)
  const tours = useBundledTours()
  const current = tours.find((path) => new URL(path, document.baseURI).href === tourUrl) ?? ''
  const [chosenTour, setChosenTour] = useState(current)
  // The list arrives after the first render, and the current tour is known only then.
  useEffect(() => setChosenTour(current), [current])
  const [defaultLang, setDefaultLang] = useState<UiLanguage>(boothLanguage())

  return (
    <div className="kiosk-menu">
      <h2 id="kiosk-staff-title">{t('kiosk.menu.title')}</h2>
      <p className="kiosk-menu-visitors">{t('kiosk.menu.visitors', { count: visits })}</p>

      <h3>{t('kiosk.menu.offline')}</h3>
      <p className="kiosk-menu-offline" role="status" data-phase={offline.phase}>
        {describeOfflineStatus(offline, lang)}
      </p>
      {offline.updatePending && <p>{t('kiosk.offline.update')}</p>}

      <h3>{t('kiosk.menu.language')}</h3>
      <fieldset className="kiosk-menu-languages">
        <legend className="visually-hidden">{t('kiosk.menu.language')}</legend>
        {UI_LANGUAGES.map((code) => (
          <label key={code}>
            <input
              type="radio"
              name="kiosk-language"
              checked={defaultLang === code}
              onChange={() => {
                setDefaultLang(code)
                storeLanguage(code)
                setLanguage(code)
              }}
            />
            {t(`lang.${code}`)}
          </label>
        ))}
      </fieldset>

      {tours.length > 0 && (
        <>
          <h3>{t('kiosk.menu.tour')}</h3>
          <div className="kiosk-menu-tour">
            <select
              aria-label={t('kiosk.menu.tour')}
              value={chosenTour}
              onChange={(event) => setChosenTour(event.target.value)}
            >
              {tours.map((path) => (
                <option key={path} value={path}>
                  {path.split('/').at(-2)}
                </option>
              ))}
            </select>
            <button
              type="button"
              className="button"
              disabled={chosenTour === '' || chosenTour === current}
              onClick={() => {
                storeTour(chosenTour)
                reloadWith({ tour: chosenTour })
              }}
            >
              {t('kiosk.menu.switchTour')}
            </button>
          </div>
        </>
      )}

      <div className="kiosk-menu-actions">
        <button type="button" className="button" onClick={() => void resetBooth()}>
          {t('kiosk.menu.reset')}
        </button>
        <button
          type="button"
          className="button"
          onClick={() => {
            if (document.fullscreenElement) document.exitFullscreen().catch(() => {})
            reloadWith({ mode: null })
          }}
        >
          {t('kiosk.menu.leave')}
        </button>
        <button type="button" className="button button--primary" onClick={closeMenu}>
          {t('kiosk.menu.close')}
        </button>
      </div>
    </div>
  )
}
