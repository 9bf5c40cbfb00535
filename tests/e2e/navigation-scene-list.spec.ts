import { hasFixtures, MISSING_FIXTURES_REASON } from '../support/fixtures.ts'
import { openApp } from './support/test.ts'
import {
  eventsOfType,
  expect,
  test,
  waitForSceneReady,
  writeShowcaseTour,
} from './support/tours.ts'

/** Scene titles of the showcase tour in file order, in Vietnamese. */
const SCENE_TITLES = ['Sân nhà sàn', 'Phòng lưới', 'Quảng trường']

test.describe('scene list', () => {
  test.skip(!hasFixtures, MISSING_FIXTURES_REASON)

  test('lists scenes and marks current', async ({ page }) => {
    await openApp(page, { tour: writeShowcaseTour('nav-list-marks') })
    await waitForSceneReady(page, 'veste')

    const toggle = page.getByRole('button', { name: 'Danh sách cảnh', exact: true })
    await expect(toggle, 'the list starts closed').toHaveAttribute('aria-expanded', 'false')
    await toggle.click()
    await expect(toggle, 'the toggle reports the open list').toHaveAttribute(
      'aria-expanded',
      'true',
    )

    const list = page.getByRole('navigation', { name: 'Danh sách cảnh' })
    await expect(list, 'the scene list is shown').toBeVisible()
    const items = list.getByRole('listitem')
    await expect(items, 'one item per scene, in file order').toHaveText(
      SCENE_TITLES.map((title) => new RegExp(title)),
    )
    const current = list.locator('[aria-current="true"]')
    await expect(current, 'exactly one scene is marked current').toHaveCount(1)
    await expect(current, 'the start scene is marked current').toContainText('Sân nhà sàn')
  })

  test('jumps to another scene', async ({ page }) => {
    await openApp(page, { tour: writeShowcaseTour('nav-list-jump') })
    await waitForSceneReady(page, 'veste')

    await page.getByRole('button', { name: 'Danh sách cảnh', exact: true }).click()
    const list = page.getByRole('navigation', { name: 'Danh sách cảnh' })
    await list.getByRole('button', { name: /Quảng trường/ }).click()
    await waitForSceneReady(page, 'square')

    await expect(list, 'the list closes after a jump').toBeHidden()
    await expect(page.locator('.scene-title'), 'the scene title follows the jump').toHaveText(
      'Quảng trường',
    )
    const enter = (await eventsOfType(page, 'scene-enter')).at(-1)
    expect(enter?.payload.sceneId, 'scene-enter names the chosen scene').toBe('square')
    expect(enter?.payload.via, 'scene-enter says the list was used').toBe('list')
    expect(enter?.payload.from, 'scene-enter names the scene left').toBe('veste')
    const search = new URLSearchParams(await page.evaluate(() => location.search))
    expect(search.get('scene'), 'the address bar follows the jump').toBe('square')

    await page.getByRole('button', { name: 'Danh sách cảnh', exact: true }).click()
    const current = list.locator('[aria-current="true"]')
    await expect(current, 'exactly one scene is marked current').toHaveCount(1)
    await expect(current, 'the new scene is marked current').toContainText('Quảng trường')
  })

  test('Escape and outside press close', async ({ page }) => {
    await openApp(page, { tour: writeShowcaseTour('nav-list-close') })
    await waitForSceneReady(page, 'veste')
    const toggle = page.getByRole('button', { name: 'Danh sách cảnh', exact: true })
    const list = page.getByRole('navigation', { name: 'Danh sách cảnh' })

    await toggle.click()
    await expect(list, 'the list opens').toBeVisible()
    await page.keyboard.press('Escape')
    await expect(list, 'Escape closes the list').toBeHidden()
    await expect(toggle, 'focus returns to the toggle').toBeFocused()

    await toggle.click()
    await expect(list, 'the list opens again').toBeVisible()
    const stage = page.getByRole('application')
    const box = await stage.boundingBox()
    await page.mouse.click((box?.x ?? 0) + 40, (box?.y ?? 0) + (box?.height ?? 0) - 40)
    await expect(list, 'a press outside closes the list').toBeHidden()
  })

  test('keyboard jump keeps focus on stage', async ({ page }) => {
    await openApp(page, { tour: writeShowcaseTour('nav-list-focus') })
    await waitForSceneReady(page, 'veste')
    await expect(page, 'page title names scene and tour').toHaveTitle(/^Sân nhà sàn · /)

    await page.getByRole('button', { name: 'Danh sách cảnh', exact: true }).focus()
    await page.keyboard.press('Enter')
    await page
      .getByRole('navigation', { name: 'Danh sách cảnh' })
      .getByRole('button', { name: /Quảng trường/ })
      .focus()
    await page.keyboard.press('Enter')
    await waitForSceneReady(page, 'square')

    await expect(page.getByRole('application'), 'focus moves to the stage').toBeFocused()
    await expect(page, 'page title follows the scene').toHaveTitle(/^Quảng trường · /)
  })
})
