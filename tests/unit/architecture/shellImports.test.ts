import { existsSync, readFileSync } from 'node:fs'
import { dirname, resolve } from 'node:path'
import { describe, expect, it } from 'vitest'

/** Packages of the 3D view, which load in their own chunk after the page shell. */
const VIEW_PACKAGES = /^(three|three-stdlib|@react-three\/|iwer$)/

/** Static, value-importing `import … from '…'` and `export … from '…'` statements. */
const STATIC_IMPORT = /^(?:import|export)\s+(?!type\s)(?:[^'"]*?\sfrom\s+)?['"]([^'"]+)['"]/gm

/**
 * Follows the static imports of `entry` through the project's own files and returns, for each
 * package of the 3D view that is reached, the chain of files that reaches it.
 */
function viewPackagesReachedFrom(entry: string): string[] {
  const reached: string[] = []
  const seen = new Set<string>()
  const visit = (file: string, chain: string[]) => {
    if (seen.has(file)) return
    seen.add(file)
    const source = readFileSync(file, 'utf8')
    for (const match of source.matchAll(STATIC_IMPORT)) {
      const specifier = match[1] ?? ''
      if (specifier.startsWith('.')) {
        const target = resolve(dirname(file), specifier)
        if (existsSync(target) && /\.tsx?$/.test(target)) visit(target, [...chain, target])
      } else if (VIEW_PACKAGES.test(specifier)) {
        reached.push(`${specifier} via ${chain.map((path) => path.split('/src/')[1]).join(' → ')}`)
      }
    }
  }
  visit(entry, [entry])
  return reached
}

describe('page shell', () => {
  it('reaches three.js and the XR packages only through dynamic imports', () => {
    expect(viewPackagesReachedFrom(resolve('src/main.tsx'))).toEqual([])
  })

  it('keeps the embed entry free of the 3D view as well', () => {
    expect(viewPackagesReachedFrom(resolve('src/entry.ts'))).toEqual([])
  })
})
