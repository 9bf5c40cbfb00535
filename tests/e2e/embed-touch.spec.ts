import type { CDPSession, Page } from '@playwright/test'
import { appFrame, embedSrc, frameView, waitForFrameScene, writeHostPage } from './support/embed.ts'
import { expect, test } from './support/tours.ts'

/** Height of the host page's text above the tour, in CSS pixels. */
const INTRO_HEIGHT = 1200

type Point = { x: number; y: number }

/**
 * Drags touch points through Chrome's input pipeline, as a finger on a phone: press, then `steps`
 * moves by `delta` in total, then release. The browser decides between scrolling and the page's
 * own handling, as it does on a real device.
 */
async function touchDrag(cdp: CDPSession, start: Point[], delta: Point, steps = 12): Promise<void> {
  const points = (fraction: number) =>
    start.map((point, id) => ({
      x: point.x + delta.x * fraction,
      y: point.y + delta.y * fraction,
      id,
    }))
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: points(0) })
  for (let step = 1; step <= steps; step++) {
    await cdp.send('Input.dispatchTouchEvent', {
      type: 'touchMove',
      touchPoints: points(step / steps),
    })
  }
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] })
}

function scrollY(page: Page): Promise<number> {
  return page.evaluate(() => window.scrollY)
}

test.describe('embedded panorama on a touch screen', () => {
  test.use({ hasTouch: true, isMobile: true, viewport: { width: 412, height: 780 } })

  test('one finger scrolls the host, two turn the view', async ({ page }) => {
    const url = writeHostPage('embed-touch', {
      src: embedSrc({ autostart: '1' }),
      before: `<div style="height:${INTRO_HEIGHT}px;background:#eee">Campaign text</div>`,
      after: '<div style="height:2000px;background:#ddd">More text</div>',
    })
    await page.goto(url)
    const frame = await appFrame(page)
    // Chromium draws no frames in an iframe that is off screen, so the tour is scrolled into view.
    await page.evaluate((top) => window.scrollTo(0, top), INTRO_HEIGHT)
    await expect.poll(() => scrollY(page)).toBe(INTRO_HEIGHT)
    await waitForFrameScene(frame, 'huoi-nha')

    const cdp = await page.context().newCDPSession(page)
    const viewBefore = await frameView(frame)

    // Two fingers dragged sideways and a little down over the middle of the tour.
    await touchDrag(
      cdp,
      [
        { x: 260, y: 380 },
        { x: 320, y: 440 },
      ],
      { x: -150, y: 40 },
    )
    await expect
      .poll(async () => Math.abs((await frameView(frame)).yaw - viewBefore.yaw), {
        message: 'the view turned under two fingers',
      })
      .toBeGreaterThan(5)
    expect(await scrollY(page), 'two fingers leave the host page where it was').toBe(INTRO_HEIGHT)

    // One finger swiped up through the middle of the tour, which fills the screen.
    const viewBeforeSwipe = await frameView(frame)
    await touchDrag(cdp, [{ x: 206, y: 560 }], { x: 0, y: -300 })
    await expect
      .poll(() => scrollY(page), { message: 'the host page scrolled under one finger' })
      .toBeGreaterThan(INTRO_HEIGHT + 100)
    const viewAfterSwipe = await frameView(frame)
    expect(viewAfterSwipe.yaw, 'one finger leaves the yaw').toBeCloseTo(viewBeforeSwipe.yaw, 5)
    expect(viewAfterSwipe.pitch, 'one finger leaves the pitch').toBeCloseTo(
      viewBeforeSwipe.pitch,
      5,
    )
  })

  test('one-finger drag shows the two-finger hint', async ({ page }) => {
    await page.goto(writeHostPage('embed-touch-hint', { src: embedSrc({ autostart: '1' }) }))
    const frame = await appFrame(page)
    await waitForFrameScene(frame, 'huoi-nha')
    const cdp = await page.context().newCDPSession(page)

    await touchDrag(cdp, [{ x: 300, y: 400 }], { x: -200, y: 0 })
    await expect(frame.locator('.touch-hint')).toHaveText('Dùng hai ngón tay để xoay ảnh')
  })
})
