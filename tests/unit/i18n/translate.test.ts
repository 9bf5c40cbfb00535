import { describe, expect, it } from 'vitest'
import { localize, localizedLanguage, translate } from '../../../src/i18n/translate.ts'

describe('i18n/translate', () => {
  describe('translate', () => {
    it('fills placeholders', () => {
      expect(translate('en', 'scene.loading', { title: 'Yard' })).toBe('Loading “Yard”')
    })

    it('keeps a placeholder without value', () => {
      expect(translate('en', 'scene.loading', {})).toBe('Loading “{title}”')
    })
  })

  describe('localize', () => {
    const text = { fr: 'Cour', vi: 'Sân' }

    it('picks the requested locale', () => {
      expect(localize(text, 'vi', 'vi')).toBe('Sân')
    })

    it('falls back to the tour default', () => {
      expect(localize(text, 'en', 'vi')).toBe('Sân')
    })

    it('falls back to any text', () => {
      expect(localize({ fr: 'Cour' }, 'en', 'vi')).toBe('Cour')
    })

    it('returns a plain string as is', () => {
      expect(localize('Sân', 'en', 'vi')).toBe('Sân')
    })
  })

  describe('localizedLanguage', () => {
    it('names the requested locale', () => {
      expect(localizedLanguage({ vi: 'Sân', en: 'Yard' }, 'en', 'vi')).toBe('en')
    })

    it('names the fallback locale', () => {
      expect(localizedLanguage({ fr: 'Cour', vi: 'Sân' }, 'en', 'vi')).toBe('vi')
    })

    it('names the only locale', () => {
      expect(localizedLanguage({ fr: 'Cour' }, 'en', 'vi')).toBe('fr')
    })

    it('leaves a plain string unnamed', () => {
      expect(localizedLanguage('Sân', 'en', 'vi')).toBeNull()
    })
  })
})
