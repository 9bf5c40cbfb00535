import { UI_LANGUAGES } from '../i18n/translate.ts'
import { useT } from '../i18n/useT.ts'
import { setLanguage } from '../state/actions.ts'
import { useAppStore } from '../state/store.ts'

/** Buttons that switch the interface and tour texts between Vietnamese and English. */
export function LanguageSwitch() {
  const t = useT()
  const lang = useAppStore((state) => state.lang)
  return (
    <fieldset className="language-switch">
      <legend className="visually-hidden">{t('lang.label')}</legend>
      {UI_LANGUAGES.map((code) => (
        <button
          key={code}
          type="button"
          lang={code}
          aria-pressed={lang === code}
          onClick={() => setLanguage(code)}
        >
          <span className="language-name">{t(code === 'vi' ? 'lang.vi' : 'lang.en')}</span>
          {/* Narrow screens show the code; the name above stays the button's accessible name. */}
          <span className="language-code" aria-hidden="true">
            {code.toUpperCase()}
          </span>
        </button>
      ))}
    </fieldset>
  )
}
