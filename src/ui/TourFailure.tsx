import { formatProblem } from '../i18n/problems.ts'
import { useT } from '../i18n/useT.ts'
import { useAppStore } from '../state/store.ts'
import type { TourLoadError } from '../tour/load.ts'
import { LanguageSwitch } from './LanguageSwitch.tsx'

/**
 * Renders the full page shown when a tour cannot open: every problem of an invalid tour file, or
 * the reason the file could not be downloaded or parsed. Nothing of the tour is rendered.
 */
export function TourFailure({ error }: { error: TourLoadError }) {
  const t = useT()
  const lang = useAppStore((state) => state.lang)
  const sampleHref = sampleTourHref(location.href)

  return (
    <main className="tour-failure">
      <div className="tour-failure-header">
        <LanguageSwitch />
      </div>
      {error.kind === 'invalid' ? (
        <>
          <h1>{t('tour.invalid.title')}</h1>
          <p>
            {t('tour.invalid.intro', {
              url: error.url,
              count: error.problems.filter((problem) => problem.severity === 'error').length,
            })}
          </p>
          <ol className="problem-list">
            {error.problems
              .filter((problem) => problem.severity === 'error')
              .map((problem) => (
                <li key={`${problem.code}:${problem.path.join('/')}`}>
                  {formatProblem(problem, lang)}
                </li>
              ))}
          </ol>
          {error.problems.some((problem) => problem.severity === 'warning') && (
            <>
              <h2>{t('tour.invalid.warnings')}</h2>
              <ul className="problem-list problem-list--warnings">
                {error.problems
                  .filter((problem) => problem.severity === 'warning')
                  .map((problem) => (
                    <li key={`${problem.code}:${problem.path.join('/')}`}>
                      {formatProblem(problem, lang)}
                    </li>
                  ))}
              </ul>
            </>
          )}
        </>
      ) : (
        <>
          <h1>{t('tour.loadFailed')}</h1>
          <p>{describeLoadError(error, t)}</p>
          <button type="button" className="button" onClick={() => location.reload()}>
            {t('tour.retry')}
          </button>
        </>
      )}
      {sampleHref !== null && (
        <p>
          <a className="button" href={sampleHref}>
            {t('tour.openSample')}
          </a>
        </p>
      )}
    </main>
  )
}

/**
 * Returns the address of this page without the `tour`, `scene` and `view` parameters, which opens
 * the bundled sample tour, or null when the page already shows it.
 */
function sampleTourHref(pageUrl: string): string | null {
  const url = new URL(pageUrl)
  if (!url.searchParams.has('tour')) return null
  for (const name of ['tour', 'scene', 'view']) url.searchParams.delete(name)
  return `${url.pathname}${url.search}`
}

function describeLoadError(error: TourLoadError, t: ReturnType<typeof useT>): string {
  switch (error.kind) {
    case 'http':
      return t('tour.error.http', { status: error.status, url: error.url })
    case 'network':
      return t('tour.error.network', { url: error.url })
    case 'json':
      // The parser's own message is in the browser's language, so only its position is shown.
      return error.line !== undefined && error.column !== undefined
        ? t('tour.error.jsonAt', { line: error.line, column: error.column })
        : t('tour.error.json')
    case 'invalid':
      return ''
  }
}
