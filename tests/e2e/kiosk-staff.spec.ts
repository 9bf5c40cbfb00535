import type { Page } from '@playwright/test'
import {
  kioskState,
  longPressStaffCorner,
  openKiosk,
  setStaffPin,
  TEST_PIN,
} from './support/kiosk.ts'
import { expect, test } from './support/tours.ts'

async function enterPin(page: Page, pin: string): Promise<void> {
  const dialog = page.getByRole('dialog')
  for (const digit of pin) await dialog.getByRole('button', { name: digit, exact: true }).click()
  await dialog.getByRole('button', { name: 'Mở menu' }).click()
}

test.describe('kiosk staff menu', () => {
  test('needs the PIN and changes booth settings', async ({ page }) => {
    await setStaffPin(page)
    await openKiosk(page, 'huoi-nha')
    await longPressStaffCorner(page)
    const dialog = page.getByRole('dialog')
    await expect(dialog.getByRole('heading', { name: 'Nhập mã PIN nhân viên' })).toBeVisible()
    const state = await kioskState(page)
    expect(state.attract, 'staff input keeps the attract loop').toBe(true)
    expect(state.visitsToday, 'staff input is not a visit').toBe(0)

    await enterPin(page, '1111')
    await expect(dialog.getByRole('alert')).toHaveText('Mã PIN không đúng.')
    await expect(dialog.getByRole('heading', { name: 'Menu nhân viên' })).toHaveCount(0)
    expect((await kioskState(page)).staffMenu).toBe('pin')

    await enterPin(page, TEST_PIN)
    await expect(dialog.getByRole('heading', { name: 'Menu nhân viên' })).toBeVisible()
    await expect(dialog).toContainText('Lượt khách hôm nay: 0')
    await expect(dialog.locator('.kiosk-menu-offline')).not.toBeEmpty()

    await dialog.getByRole('radio', { name: 'English' }).check()
    await expect(dialog.getByRole('heading', { name: 'Staff menu' })).toBeVisible()
    await expect(page.locator('html')).toHaveAttribute('lang', 'en')

    await dialog.getByRole('button', { name: 'Leave kiosk mode' }).click()
    await page.waitForURL((url) => !url.searchParams.has('mode'))
    await expect(page.locator('.scene-title')).not.toBeEmpty()
    await expect(page.locator('.kiosk-attract')).toHaveCount(0)
    await expect(page.locator('html')).not.toHaveAttribute('data-mode', 'kiosk')
  })

  test('chosen language survives a reload', async ({ page }) => {
    await setStaffPin(page)
    await openKiosk(page, 'huoi-nha')
    await longPressStaffCorner(page)
    await enterPin(page, TEST_PIN)
    await page.getByRole('dialog').getByRole('radio', { name: 'English' }).check()
    await page.goto(page.url().replace(/[?&]lang=[a-z]+/, ''))
    await expect(page.locator('.kiosk-attract')).toBeVisible()
    await expect(page.locator('html')).toHaveAttribute('lang', 'en')
  })

  test('menu stays locked without a PIN', async ({ page }) => {
    await openKiosk(page, 'huoi-nha')
    await longPressStaffCorner(page)
    await expect(page.getByRole('dialog').getByRole('alert')).toContainText('chưa có mã PIN')
    await expect(page.getByRole('dialog').getByRole('textbox')).toHaveCount(0)
  })
})
