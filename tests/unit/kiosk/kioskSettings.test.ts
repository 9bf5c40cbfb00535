import { describe, expect, it } from 'vitest'
import { formatProblem } from '../../../src/i18n/problems.ts'
import { DEFAULT_KIOSK_IDLE_SECONDS } from '../../../src/tour/schema.ts'
import { validateTour } from '../../../src/tour/validate.ts'
import { sampleTour } from '../support/tours.ts'

function withKiosk(kiosk: unknown): Record<string, unknown> {
  return { ...sampleTour(), kiosk }
}

describe('kiosk settings in a tour', () => {
  it('valid settings are accepted', () => {
    const result = validateTour(withKiosk({ idleSeconds: 30, highlights: ['huoi-nha'] }))
    expect(result.problems).toEqual([])
    expect(result.tour?.kiosk).toEqual({ idleSeconds: 30, highlights: ['huoi-nha'] })
  })

  it('idle period defaults to 90 seconds', () => {
    const result = validateTour(withKiosk({}))
    expect(result.tour?.kiosk?.idleSeconds).toBe(DEFAULT_KIOSK_IDLE_SECONDS)
  })

  it('tour without kiosk section opens', () => {
    const result = validateTour(sampleTour())
    expect(result.tour).not.toBeNull()
    expect(result.tour?.kiosk).toBeUndefined()
  })

  it('too short idle period is out of range', () => {
    const result = validateTour(withKiosk({ idleSeconds: 2 }))
    expect(result.tour).toBeNull()
    const problem = result.problems.find((item) => item.code === 'out-of-range')
    if (!problem) throw new Error(`no out-of-range problem in ${JSON.stringify(result.problems)}`)
    expect(problem.path).toEqual(['kiosk', 'idleSeconds'])
    expect(formatProblem(problem, 'en')).toContain('kiosk.idleSeconds')
    expect(formatProblem(problem, 'en')).toContain('≥ 5')
  })

  it('unknown highlight names the id', () => {
    const result = validateTour(withKiosk({ highlights: ['huoi-nha', 'nowhere'] }))
    expect(result.tour).toBeNull()
    const [problem, ...others] = result.problems
    if (!problem) throw new Error('no problem reported')
    expect(others).toEqual([])
    expect(problem.code).toBe('unknown-highlight')
    expect(problem.path).toEqual(['kiosk', 'highlights', 1])
    expect(formatProblem(problem, 'en')).toBe(
      'Tour: the attract loop highlight "nowhere" is not a scene of this tour.',
    )
    expect(formatProblem(problem, 'vi')).toBe(
      'Tour: cảnh nổi bật "nowhere" của vòng giới thiệu không có trong tour này.',
    )
  })

  it('unknown key inside kiosk is a warning', () => {
    const result = validateTour(withKiosk({ idleSeconds: 60, sound: true }))
    expect(result.tour).not.toBeNull()
    expect(result.problems.map((problem) => problem.code)).toEqual(['unknown-key'])
  })
})
