import { useT } from '../i18n/useT.ts'
import { dismissNotice } from '../state/actions.ts'
import { useAppStore } from '../state/store.ts'

/** Short messages about ignored URL parameters and similar; they leave on their own. */
export function Notices() {
  const t = useT()
  const notices = useAppStore((state) => state.notices)
  return (
    <div className="notices" role="status" aria-live="polite">
      {notices.map((notice) => (
        <div key={notice.id} className="notice">
          <span>{t(notice.key, notice.params)}</span>
          <button
            type="button"
            className="notice-dismiss"
            aria-label={t('notice.dismiss')}
            onClick={() => dismissNotice(notice.id)}
          >
            ×
          </button>
        </div>
      ))}
    </div>
  )
}
