import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { validateTour } from '../../../src/tour/validate.ts'

/** Returns the first ```json block of a Markdown file. */
function jsonExample(file: string): string {
  const match = /```json\n([\s\S]*?)```/.exec(readFileSync(file, 'utf8'))
  if (!match?.[1]) throw new Error(`no json example in ${file}`)
  return match[1]
}

describe('README tour example', () => {
  for (const file of ['README.md', 'README.vi.md']) {
    it(`${file} example is valid`, () => {
      const { tour, problems } = validateTour(JSON.parse(jsonExample(file)))
      expect(problems, 'problems in the example').toEqual([])
      expect(tour, 'parsed tour').not.toBeNull()
    })
  }

  it('both READMEs show one example', () => {
    expect(jsonExample('README.vi.md')).toBe(jsonExample('README.md'))
  })
})
