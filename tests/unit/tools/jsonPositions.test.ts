import { describe, expect, it } from 'vitest'
import {
  offsetOfKey,
  offsetOfPath,
  positionAt,
  scanJson,
} from '../../../tools/lib/jsonPositions.ts'

describe('tools/lib/jsonPositions', () => {
  describe('scanJson', () => {
    it.each([
      '{}',
      '[]',
      '0',
      '-1.5e+10',
      '"\\u00e9\\n"',
      ' { "a" : [ true , false , null ] } ',
      '{"a":{"b":[1,{"c":"d"}]}}',
    ])('accepts %s', (text) => {
      expect(scanJson(text).errorOffset).toBeNull()
    })

    // Offsets are those of the token where parsing stops, which is where an editor should jump.
    it.each([
      ['object without quotes', '{a}', 1],
      ['trailing comma in object', '{"a": 1,}', 8],
      ['unclosed object', '{"a": 1', 7],
      ['missing comma in array', '[1 2]', 3],
      ['raw newline in string', '{"a":"x\ny"}', 5],
      ['text after value', '{"a":1}}', 7],
      ['leading zero', '{"a": 01}', 7],
      ['bad escape', '{"a": "\\q"}', 6],
      ['missing value', '{"a": }', 6],
      ['trailing comma in array', '[1,]', 3],
      ['truncated literal', '{"a": tru}', 6],
      ['empty text', '', 0],
      ['only spaces', '   ', 3],
      ['bad unicode escape', '"\\u12G4"', 0],
      ['unterminated string', '"abc', 0],
      ['lone minus', '-', 0],
      ['single quotes', "{'a': 1}", 1],
      ['comment', '{"a": 1 // note\n}', 8],
    ])('finds offset for %s', (_name, text, offset) => {
      expect(scanJson(text).errorOffset).toBe(offset)
    })

    // NOTE: with a key given twice, JSON.parse keeps the last value but positions point at the first.
    it('finds first duplicate key', () => {
      const scan = scanJson('{"a": 1, "a": 2}')
      expect(offsetOfPath(scan, ['a'])).toBe(6)
    })
  })

  describe('offsetOfPath', () => {
    const scan = scanJson('{"scenes": [{"id": "a"}]}')

    it('finds exact path', () => {
      expect(offsetOfPath(scan, ['scenes', 0, 'id'])).toBe(19)
    })

    it('falls back to nearest ancestor', () => {
      expect(offsetOfPath(scan, ['scenes', 0, 'title'])).toBe(12)
    })

    it('falls back to document', () => {
      expect(offsetOfPath(scan, ['offers', 3])).toBe(0)
    })
  })

  describe('offsetOfKey', () => {
    const scan = scanJson('{"scenes": [{"id": "a", "tagret": {"x": 1}}]}')

    it('finds key of property', () => {
      expect(offsetOfKey(scan, ['scenes', 0, 'tagret'])).toBe(24)
      expect(offsetOfKey(scan, ['scenes'])).toBe(1)
    })

    it('has no key for array item', () => {
      expect(offsetOfKey(scan, ['scenes', 0])).toBeUndefined()
    })

    it('has no key for missing path', () => {
      expect(offsetOfKey(scan, ['scenes', 0, 'target'])).toBeUndefined()
    })

    it('has no key for document', () => {
      expect(offsetOfKey(scan, [])).toBeUndefined()
    })
  })

  describe('positionAt', () => {
    it('starts at 1:1', () => {
      expect(positionAt('{}', 0)).toEqual({ line: 1, column: 1 })
    })

    it('counts LF lines', () => {
      expect(positionAt('{\n  "a": 1\n}', 9)).toEqual({ line: 2, column: 8 })
    })

    it('counts CRLF as one break', () => {
      expect(positionAt('{\r\n  "a": 1\r\n}', 13)).toEqual({ line: 3, column: 1 })
    })

    it('counts lone CR', () => {
      expect(positionAt('{\r"a": 1}', 2)).toEqual({ line: 2, column: 1 })
    })

    it('handles end of text', () => {
      expect(positionAt('ab\n', 3)).toEqual({ line: 2, column: 1 })
    })
  })
})
