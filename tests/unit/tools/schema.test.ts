import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { exportSchemaCommand } from '../../../tools/export-schema.ts'
import type { CommandOutput } from '../../../tools/lib/cli.ts'
import {
  buildTourJsonSchema,
  formatTourJsonSchema,
  TOUR_SCHEMA_FILE,
} from '../../../tools/lib/tourJsonSchema.ts'

const PROJECT_ROOT = fileURLToPath(new URL('../../../', import.meta.url))

interface JsonSchemaObject {
  properties: Record<string, unknown>
  required: string[]
  additionalProperties?: unknown
}

describe('tools/schema', () => {
  describe('committed schema', () => {
    it('is up to date', () => {
      const path = join(PROJECT_ROOT, TOUR_SCHEMA_FILE)
      expect(existsSync(path), `${TOUR_SCHEMA_FILE} is missing: run npm run schema:export`).toBe(
        true,
      )
      const committed = readFileSync(path, 'utf8')
      expect(
        committed === formatTourJsonSchema(),
        `${TOUR_SCHEMA_FILE} differs from src/tour/schema.ts: run npm run schema:export`,
      ).toBe(true)
    })
  })

  describe('buildTourJsonSchema', () => {
    const schema = buildTourJsonSchema() as unknown as JsonSchemaObject & Record<string, unknown>

    it('uses draft 2020-12', () => {
      expect(schema.$schema).toBe('https://json-schema.org/draft/2020-12/schema')
    })

    it('sets id, title and description', () => {
      expect(schema.$id).toBe('tour.v1.json')
      expect(schema.title).toBe('Tour file, version 1')
      expect(schema.description).toEqual(expect.stringContaining('npm run tour:validate'))
    })

    it('allows $schema property', () => {
      expect(schema.properties.$schema).toEqual({ type: 'string' })
      expect(schema.required).not.toContain('$schema')
    })

    it('requires only fields without default', () => {
      expect([...schema.required].sort()).toEqual(
        ['id', 'locales', 'scenes', 'start', 'title', 'version'].sort(),
      )
    })

    it('leaves unknown keys open', () => {
      expect(schema.additionalProperties).toBeUndefined()
    })

    it('ends text with a newline', () => {
      expect(formatTourJsonSchema().endsWith('}\n')).toBe(true)
    })
  })

  describe('export command', () => {
    let root: string
    const lines: string[] = []
    const output: CommandOutput = {
      log: (text) => lines.push(text),
      error: (text) => lines.push(text),
    }

    beforeEach(() => {
      root = mkdtempSync(join(tmpdir(), 'export-schema-'))
      lines.length = 0
    })

    afterEach(() => {
      rmSync(root, { recursive: true, force: true })
    })

    it('writes schema file', () => {
      expect(exportSchemaCommand([], output, root)).toBe(0)
      expect(readFileSync(join(root, TOUR_SCHEMA_FILE), 'utf8')).toBe(formatTourJsonSchema())
      expect(lines[0]).toMatch(/^Wrote public\/schema\/tour\.v1\.json \(\d+ bytes\)\.$/)
    })

    it('reports unchanged file', () => {
      exportSchemaCommand([], output, root)
      expect(exportSchemaCommand([], output, root)).toBe(0)
      expect(lines[1]).toBe('public/schema/tour.v1.json is already up to date.')
    })

    it('rejects unknown option', () => {
      expect(exportSchemaCommand(['--out', 'x.json'], output, root)).toBe(2)
      expect(existsSync(join(root, TOUR_SCHEMA_FILE))).toBe(false)
    })
  })
})
