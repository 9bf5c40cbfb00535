import { create } from 'zustand'

/** Progress of caching the app and the booth's tours for use without a network. */
export interface OfflineStatus {
  /** False where the browser has no service workers or Cache Storage (or on the dev server). */
  supported: boolean
  /** The app shell: precached by the service worker (`ready`) or still installing. */
  shell: 'installing' | 'ready' | 'unavailable'
  /** Files of the app shell in the precache, known once it is ready. */
  shellFiles: number
  /** Tour files (panoramas, models, tiles, decoders, profiles) in the booth's cache. */
  cachedFiles: number
  /** Tour files the booth needs; 0 until the tours were read. */
  totalFiles: number
  /** Bytes of the cached tour files. */
  cachedBytes: number
  /** Files that could not be downloaded in the last pass. */
  failedFiles: number
  phase: 'idle' | 'caching' | 'complete' | 'failed'
  /** A newer tour or app was downloaded and is used from the next reset on. */
  updatePending: boolean
}

export interface KioskState {
  /** True while the attract loop runs and no visitor is using the booth. */
  attract: boolean
  staffMenu: 'closed' | 'pin' | 'open'
  offline: OfflineStatus
  visitsToday: number
}

export const initialOfflineStatus: OfflineStatus = {
  supported: false,
  shell: 'unavailable',
  shellFiles: 0,
  cachedFiles: 0,
  totalFiles: 0,
  cachedBytes: 0,
  failedFiles: 0,
  phase: 'idle',
  updatePending: false,
}

/** State of booth mode; the rest of the app does not read it. */
export const useKioskStore = create<KioskState>()(() => ({
  attract: false,
  staffMenu: 'closed',
  offline: initialOfflineStatus,
  visitsToday: 0,
}))

export function setOfflineStatus(update: Partial<OfflineStatus>): void {
  useKioskStore.setState((state) => ({ offline: { ...state.offline, ...update } }))
}
