import { describe, expect, it } from 'vitest'
import { xrAllowedByPolicy, xrSupport } from '../../../src/xr/support.ts'

function fakeNavigator(isSessionSupported?: (mode: string) => Promise<boolean>): Navigator {
  return (isSessionSupported ? { xr: { isSessionSupported } } : {}) as unknown as Navigator
}

function fakeDocument(allows?: boolean, key = 'permissionsPolicy'): Document {
  if (allows === undefined) return {} as Document
  return { [key]: { allowsFeature: () => allows } } as unknown as Document
}

describe('xr/support', () => {
  it('reports no-webxr without navigator.xr', async () => {
    expect(await xrSupport('immersive-vr', { nav: fakeNavigator(), doc: fakeDocument() })).toEqual({
      supported: false,
      reason: 'no-webxr',
    })
  })

  it('reports supported modes', async () => {
    const nav = fakeNavigator(async (mode) => mode === 'immersive-vr')
    expect(await xrSupport('immersive-vr', { nav, doc: fakeDocument(true) })).toEqual({
      supported: true,
    })
    expect(await xrSupport('immersive-ar', { nav, doc: fakeDocument(true) })).toEqual({
      supported: false,
      reason: 'unsupported',
    })
  })

  it('reports not-allowed when the policy blocks WebXR', async () => {
    const nav = fakeNavigator(async () => true)
    expect(await xrSupport('immersive-vr', { nav, doc: fakeDocument(false) })).toEqual({
      supported: false,
      reason: 'not-allowed',
    })
    expect(
      await xrSupport('immersive-vr', { nav, doc: fakeDocument(false, 'featurePolicy') }),
    ).toEqual({
      supported: false,
      reason: 'not-allowed',
    })
  })

  it('turns a SecurityError into not-allowed', async () => {
    const nav = fakeNavigator(async () => {
      throw new DOMException('blocked', 'SecurityError')
    })
    expect(await xrSupport('immersive-vr', { nav, doc: fakeDocument() })).toEqual({
      supported: false,
      reason: 'not-allowed',
    })
  })

  it('turns any other rejection into unsupported', async () => {
    const nav = fakeNavigator(async () => {
      throw new Error('boom')
    })
    expect(await xrSupport('immersive-vr', { nav, doc: fakeDocument() })).toEqual({
      supported: false,
      reason: 'unsupported',
    })
  })

  it('treats a throwing policy as unknown', () => {
    const doc = {
      permissionsPolicy: {
        allowsFeature: () => {
          throw new Error('boom')
        },
      },
    } as unknown as Document
    expect(xrAllowedByPolicy(doc)).toBeNull()
  })
})
