import { create } from 'zustand'
import type { AssetError } from '../core/download.ts'
import type { AppMode, UtmParams } from '../core/url.ts'
import {
  DEFAULT_LANGUAGE,
  type MessageKey,
  type MessageParams,
  type UiLanguage,
} from '../i18n/translate.ts'
import type { TourLoadError } from '../tour/load.ts'
import type { TourProblem } from '../tour/problems.ts'
import type { Tour } from '../tour/schema.ts'

/** Loading state of the tour file. */
export interface TourSlice {
  tourStatus: 'loading' | 'ready' | 'failed'
  tour: Tour | null
  tourUrl: string | null
  tourError: TourLoadError | null
  /** Validation warnings of a tour that opened; shown to authors in the console. */
  tourWarnings: TourProblem[]
}

/** Visitor's current scene and the transition that led there. */
export interface NavigationSlice {
  /** The scene on screen, or the one being loaded during a transition. */
  sceneId: string | null
  /** Set from a scene change until the new scene has drawn and the crossfade has finished. */
  transition: { from: string | null; to: string; phase: 'loading' | 'fading' } | null
  /** Time the current scene was entered, for the dwell time of `scene-leave` (ms since epoch). */
  sceneEnteredAt: number
  /** True once the visitor has left the first scene, after which the URL stops carrying `view`. */
  hasNavigated: boolean
}

/** Settings from the URL that hold for the whole visit. */
export interface SessionSlice {
  lang: UiLanguage
  mode: AppMode
  utm: UtmParams
}

/** A card opened by a hotspot. */
export type OpenCard = (
  | { kind: 'info'; sceneId: string; hotspotId: string }
  | { kind: 'offer'; sceneId: string; hotspotId: string; offerId: string }
) & {
  /**
   * Number of this opening, new for each one. The card is keyed by it, so opening the card again
   * before the previous dialog's asynchronous `close` event has arrived still mounts a new dialog.
   */
  opening: number
}

/** A short message shown over the app, such as an ignored URL parameter. */
export interface Notice {
  id: number
  key: MessageKey
  params: MessageParams
}

export interface UiSlice {
  card: OpenCard | null
  notices: Notice[]
  sceneListOpen: boolean
}

export type { AssetError }

export interface SceneLoadState {
  status: 'loading' | 'ready' | 'error'
  /** Fraction of bytes received, or null while the size is unknown. */
  progress: number | null
  error?: AssetError
}

export interface AssetsSlice {
  sceneLoads: Record<string, SceneLoadState>
}

export type AppState = TourSlice & NavigationSlice & SessionSlice & UiSlice & AssetsSlice

export const initialState: AppState = {
  tourStatus: 'loading',
  tour: null,
  tourUrl: null,
  tourError: null,
  tourWarnings: [],

  sceneId: null,
  transition: null,
  sceneEnteredAt: 0,
  hasNavigated: false,

  lang: DEFAULT_LANGUAGE,
  mode: 'web',
  utm: {},

  card: null,
  notices: [],
  sceneListOpen: false,

  sceneLoads: {},
}

/** The app's one store; actions are module-level functions in `actions.ts`. */
export const useAppStore = create<AppState>()(() => initialState)
