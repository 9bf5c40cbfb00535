import type { TourProblem } from '../tour/problems.ts'
import { type MessageKey, translate, type UiLanguage } from './translate.ts'

/** Longest quoted value in a problem message; longer values are cut with an ellipsis. */
const MAX_QUOTED_LENGTH = 80

/** Quotes a value from a tour file the way it is written in JSON, cut to a readable length. */
export function quoteValue(value: unknown): string {
  let text: string
  try {
    text = value === undefined ? 'undefined' : JSON.stringify(value)
  } catch {
    text = String(value)
  }
  return text.length > MAX_QUOTED_LENGTH ? `${text.slice(0, MAX_QUOTED_LENGTH - 1)}…` : text
}

/** Returns where a problem sits, such as "Scene “market”, hotspot “to-tea”". */
export function formatProblemLocation(problem: TourProblem, lang: UiLanguage): string {
  const { scene, hotspot, offer } = problem.where
  if (scene !== undefined && hotspot !== undefined) {
    return translate(lang, 'problem.where.hotspot', { scene, hotspot })
  }
  if (scene !== undefined) return translate(lang, 'problem.where.scene', { scene })
  if (offer !== undefined) return translate(lang, 'problem.where.offer', { offer })
  return translate(lang, 'problem.where.tour')
}

/** Returns a one-line message for a tour problem, naming its place and quoting the bad value. */
export function formatProblem(problem: TourProblem, lang: UiLanguage): string {
  const key = `problem.${problem.code}` as MessageKey
  const detail = translate(lang, key, {
    field: problem.field ?? problem.path.join('.'),
    value: quoteValue(problem.value),
    expected: problem.expected ?? '',
    actual: problem.actual ?? '',
  })
  return `${formatProblemLocation(problem, lang)}: ${detail}`
}
