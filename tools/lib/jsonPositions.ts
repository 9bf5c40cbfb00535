import { findNodeAtLocation, type Node, type ParseError, parseTree } from 'jsonc-parser'

/**
 * Source positions in JSON text, so that a problem in a tour file can be shown at its line and
 * column. `JSON.parse` reports neither the offset of every value nor, for some syntax errors, the
 * offset of the error, so the text is also parsed into a syntax tree with `jsonc-parser`.
 */
export interface JsonScan {
  /** Offset of the token where parsing failed, or null for valid JSON. */
  errorOffset: number | null
  /** Syntax tree of the text, or undefined when nothing could be parsed. */
  root: Node | undefined
}

/** A 1-based line and column, with columns counted in UTF-16 code units (string indices). */
export interface TextPosition {
  line: number
  column: number
}

/** Parses JSON text strictly (no comments, no trailing commas) into a tree with offsets. */
export function scanJson(text: string): JsonScan {
  const errors: ParseError[] = []
  const root = parseTree(text, errors, { disallowComments: true, allowTrailingComma: false })
  const first = errors.reduce<ParseError | undefined>(
    (earliest, error) =>
      earliest === undefined || error.offset < earliest.offset ? error : earliest,
    undefined,
  )
  return { errorOffset: first?.offset ?? null, root }
}

/**
 * Returns the offset of the value at `path`, or of its nearest ancestor that exists in the text,
 * so that a missing field points at the object it is missing from.
 */
export function offsetOfPath(
  scan: JsonScan,
  path: readonly (string | number)[],
): number | undefined {
  if (!scan.root) return undefined
  for (let length = path.length; length >= 0; length--) {
    const node = findNodeAtLocation(scan.root, path.slice(0, length))
    if (node) return node.offset
  }
  return undefined
}

/**
 * Returns the offset of the key of the object property at `path`, such as the opening quote of
 * `"tagret"` in `{ "tagret": "x" }`, or undefined when `path` does not end at an object property.
 */
export function offsetOfKey(
  scan: JsonScan,
  path: readonly (string | number)[],
): number | undefined {
  if (!scan.root || path.length === 0) return undefined
  const property = findNodeAtLocation(scan.root, [...path])?.parent
  if (property?.type !== 'property') return undefined
  return property.children?.[0]?.offset
}

/** Returns the line and column of an offset. `\n`, `\r\n` and a lone `\r` each end a line. */
export function positionAt(text: string, offset: number): TextPosition {
  let line = 1
  let lineStart = 0
  const end = Math.min(offset, text.length)
  for (let index = 0; index < end; index++) {
    const character = text[index]
    if (character === '\n' || (character === '\r' && text[index + 1] !== '\n')) {
      line++
      lineStart = index + 1
    }
  }
  return { line, column: offset - lineStart + 1 }
}
