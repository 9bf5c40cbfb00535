import { describe, expect, it } from 'vitest'
import { formatProblem } from '../../../src/i18n/problems.ts'
import { validateTour } from '../../../src/tour/validate.ts'
import { minimalTour } from '../support/tours.ts'

function withOrigins(allowedOrigins: unknown): unknown {
  return { ...(minimalTour() as Record<string, unknown>), embed: { allowedOrigins } }
}

describe('tour/validate embed settings', () => {
  it('accepts plain origins', () => {
    const { tour, problems } = validateTour(
      withOrigins(['https://portal.example.org', 'http://127.0.0.1:4372']),
    )
    expect(problems).toEqual([])
    expect(tour?.embed?.allowedOrigins).toEqual([
      'https://portal.example.org',
      'http://127.0.0.1:4372',
    ])
  })

  it('defaults to no origins', () => {
    const { tour } = validateTour({ ...(minimalTour() as Record<string, unknown>), embed: {} })
    expect(tour?.embed?.allowedOrigins).toEqual([])
  })

  it('rejects an origin with a path', () => {
    const { tour, problems } = validateTour(withOrigins(['https://portal.example.org/page']))
    expect(tour).toBeNull()
    expect(problems).toHaveLength(1)
    const [problem] = problems
    if (!problem) throw new Error('no problem reported')
    expect(problem.code).toBe('invalid-origin')
    expect(problem.path).toEqual(['embed', 'allowedOrigins', 0])
    expect(formatProblem(problem, 'en')).toContain('"https://portal.example.org/page"')
    expect(formatProblem(problem, 'vi')).toContain('origin')
  })

  it('rejects a list that is not strings', () => {
    const { problems } = validateTour(withOrigins('https://portal.example.org'))
    expect(problems.map((problem) => problem.code)).toEqual(['invalid-type'])
  })

  it('warns about unknown embed keys', () => {
    const input = { ...(minimalTour() as Record<string, unknown>), embed: { origins: [] } }
    const { problems } = validateTour(input)
    expect(problems.map((problem) => [problem.severity, problem.code])).toEqual([
      ['warning', 'unknown-key'],
    ])
  })
})
