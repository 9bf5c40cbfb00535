import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import sharp from 'sharp'
import type { Plugin } from 'vite'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { sharePages } from '../../../tools/lib/vitePlugins.ts'
import { greyJpeg } from '../support/assetFiles.ts'
import { minimalTour } from '../support/tours.ts'

interface HookRun {
  emitted: { fileName: string; source: string | Uint8Array }[]
  warnings: string[]
}

/** Runs the plugin's `generateBundle` hook with a stand-in for the bundler's plugin context. */
async function generateBundle(plugin: Plugin): Promise<HookRun> {
  const run: HookRun = { emitted: [], warnings: [] }
  const context = {
    emitFile(file: { fileName: string; source: string | Uint8Array }) {
      run.emitted.push(file)
      return file.fileName
    },
    warn(message: string) {
      run.warnings.push(message)
    },
  }
  const hook = plugin.generateBundle as unknown as (this: typeof context) => Promise<void>
  await hook.call(context)
  return run
}

let root: string
const savedPublicUrl = process.env.SHOWCASE_PUBLIC_URL

function writeFile(relativePath: string, content: string | Uint8Array): void {
  const path = join(root, relativePath)
  mkdirSync(dirname(path), { recursive: true })
  writeFileSync(path, content)
}

beforeEach(async () => {
  root = mkdtempSync(join(tmpdir(), 'share-pages-'))
  writeFile('public/panoramas/huoi-nha.jpg', await greyJpeg(256, 128))
  writeFile('scenes/minimal/tour.json', JSON.stringify(minimalTour()))
  delete process.env.SHOWCASE_PUBLIC_URL
})

afterEach(() => {
  rmSync(root, { recursive: true, force: true })
  if (savedPublicUrl === undefined) delete process.env.SHOWCASE_PUBLIC_URL
  else process.env.SHOWCASE_PUBLIC_URL = savedPublicUrl
})

describe('tools/lib/vitePlugins sharePages', () => {
  it('writes a page and a preview per scene', async () => {
    const run = await generateBundle(sharePages(join(root, 'scenes'), join(root, 'public')))
    expect(run.emitted.map((file) => file.fileName).sort()).toEqual([
      'share/minimal/only.html',
      'share/minimal/only.jpg',
    ])
    const image = run.emitted.find((file) => file.fileName.endsWith('.jpg'))
    const metadata = await sharp(image?.source as Uint8Array).metadata()
    expect([metadata.width, metadata.height]).toEqual([1200, 630])
  })

  it('warns when the public address is missing', async () => {
    const run = await generateBundle(sharePages(join(root, 'scenes'), join(root, 'public')))
    expect(run.warnings).toHaveLength(1)
    expect(run.warnings[0]).toContain('SHOWCASE_PUBLIC_URL')
  })

  it('writes absolute image URLs with the public address', async () => {
    process.env.SHOWCASE_PUBLIC_URL = 'https://tour.example.org/'
    const run = await generateBundle(sharePages(join(root, 'scenes'), join(root, 'public')))
    expect(run.warnings).toEqual([])
    const page = run.emitted.find((file) => file.fileName.endsWith('.html'))
    expect(String(page?.source)).toContain(
      '<meta property="og:image" content="https://tour.example.org/share/minimal/only.jpg" />',
    )
  })

  it('skips an invalid tour', async () => {
    writeFile('scenes/broken/tour.json', '{ "version": 1, "id": "broken" }')
    const run = await generateBundle(sharePages(join(root, 'scenes'), join(root, 'public')))
    expect(run.emitted.some((file) => file.fileName.includes('broken'))).toBe(false)
  })
})
