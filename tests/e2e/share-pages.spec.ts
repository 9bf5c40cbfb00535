import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import sharp from 'sharp'
import { APP_PATH, DIST_DIR } from './support/server.ts'
import { expect, test, waitForSceneReady } from './support/tours.ts'

interface BundledScene {
  id: string
  title: string | Record<string, string>
}

const TOUR_ID = 'tay-bac'
const tour = JSON.parse(readFileSync(join(DIST_DIR, 'scenes', TOUR_ID, 'tour.json'), 'utf8')) as {
  locales: string[]
  scenes: BundledScene[]
}

/** Returns the content of `<meta property|name="key">` in a page, or null. */
function metaContent(html: string, key: string): string | null {
  const pattern = new RegExp(`<meta (?:property|name)="${key}" content="([^"]*)"`)
  return pattern.exec(html)?.[1] ?? null
}

function decode(text: string): string {
  return text
    .replaceAll('&quot;', '"')
    .replaceAll('&lt;', '<')
    .replaceAll('&gt;', '>')
    .replaceAll('&amp;', '&')
}

test.describe('share pages', () => {
  for (const scene of tour.scenes) {
    test(`meta tags and preview of ${scene.id}`, async () => {
      const file = join(DIST_DIR, 'share', TOUR_ID, `${scene.id}.html`)
      expect(existsSync(file), `${file} is written by the build`).toBe(true)
      const html = readFileSync(file, 'utf8')
      const locale = tour.locales[0] ?? 'vi'
      const title = typeof scene.title === 'string' ? scene.title : scene.title[locale]

      expect(decode(metaContent(html, 'og:title') ?? ''), 'og:title names the scene').toContain(
        title,
      )
      expect(metaContent(html, 'og:description'), 'og:description').toMatch(/\S/)
      expect(metaContent(html, 'twitter:card')).toBe('summary_large_image')
      expect(metaContent(html, 'og:image:width')).toBe('1200')
      expect(metaContent(html, 'og:image:height')).toBe('630')
      expect(html, 'the page is in the tour’s first language').toContain(`<html lang="${locale}">`)

      const image = metaContent(html, 'og:image')
      expect(image, 'og:image').not.toBeNull()
      expect(metaContent(html, 'twitter:image')).toBe(image)
      const imageFile = new URL(image ?? '', `file://${file}`).pathname
      const metadata = await sharp(imageFile).metadata()
      expect([metadata.width, metadata.height], 'preview size').toEqual([1200, 630])
      expect(metadata.format).toBe('jpeg')
    })
  }

  test('share page opens the app at its scene', async ({ page }) => {
    await page.goto(`${APP_PATH}share/${TOUR_ID}/tea-hills.html`)
    await waitForSceneReady(page, 'tea-hills')
    expect(new URL(page.url()).searchParams.get('scene')).toBe('tea-hills')
  })

  test('share page has a plain link for no script', async ({ browser }) => {
    const context = await browser.newContext({ javaScriptEnabled: false })
    const page = await context.newPage()
    await page.goto(`${APP_PATH}share/${TOUR_ID}/tea-hills.html`)
    const link = page.getByRole('link')
    await expect(link).toHaveAttribute('href', '../../?scene=tea-hills')
    await context.close()
  })
})
