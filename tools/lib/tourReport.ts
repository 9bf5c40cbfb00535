import { formatProblem } from '../../src/i18n/problems.ts'
import type { UiLanguage } from '../../src/i18n/translate.ts'
import type { FileProblem } from './validateTourFile.ts'

/** The problems found in one tour file. */
export interface TourFileReport {
  /** The file as it was named on the command line. */
  file: string
  problems: FileProblem[]
}

export interface ProblemCounts {
  errors: number
  warnings: number
}

interface ReportText {
  error: string
  warning: string
  summary(counts: ProblemCounts, files: number): string
  noProblems(files: number): string
}

function plural(count: number, singular: string, pluralForm: string): string {
  return `${count} ${count === 1 ? singular : pluralForm}`
}

/** Words of the command's own output. The problem messages come from the app's catalogs. */
const REPORT_TEXT: Record<UiLanguage, ReportText> = {
  en: {
    error: 'error',
    warning: 'warning',
    summary: ({ errors, warnings }, files) =>
      `${plural(errors, 'error', 'errors')} and ${plural(warnings, 'warning', 'warnings')} in ${plural(files, 'file', 'files')}.`,
    noProblems: (files) => `No problems found in ${plural(files, 'file', 'files')}.`,
  },
  vi: {
    error: 'lỗi',
    warning: 'cảnh báo',
    summary: ({ errors, warnings }, files) =>
      `${errors} lỗi và ${warnings} cảnh báo trong ${files} tệp.`,
    noProblems: (files) => `Không tìm thấy vấn đề nào trong ${files} tệp.`,
  },
}

/** Counts the errors and warnings of all reports. */
export function countProblems(reports: readonly TourFileReport[]): ProblemCounts {
  let errors = 0
  let warnings = 0
  for (const { problems } of reports) {
    for (const problem of problems) {
      if (problem.severity === 'error') errors++
      else warnings++
    }
  }
  return { errors, warnings }
}

/**
 * Formats reports as text: one line per problem (severity, `file:line:column`, message), then a
 * summary line.
 */
export function formatTextReport(reports: readonly TourFileReport[], lang: UiLanguage): string[] {
  const text = REPORT_TEXT[lang]
  const labelWidth = Math.max(text.error.length, text.warning.length)
  const lines: string[] = []
  for (const { file, problems } of reports) {
    for (const problem of problems) {
      const label = problem.severity === 'error' ? text.error : text.warning
      const place = problem.line === undefined ? file : `${file}:${problem.line}:${problem.column}`
      lines.push(`${label.padEnd(labelWidth)}  ${place}  ${formatProblem(problem, lang)}`)
    }
  }
  const counts = countProblems(reports)
  lines.push(
    counts.errors + counts.warnings === 0
      ? text.noProblems(reports.length)
      : text.summary(counts, reports.length),
  )
  return lines
}

/**
 * Formats reports as one JSON document: per file, its counts and its problems, each with the
 * message in `lang` beside the structured fields of the problem.
 */
export function formatJsonReport(reports: readonly TourFileReport[], lang: UiLanguage): string {
  const files = reports.map(({ file, problems }) => ({
    file,
    ...countProblems([{ file, problems }]),
    problems: problems.map((problem) => ({
      severity: problem.severity,
      code: problem.code,
      message: formatProblem(problem, lang),
      line: problem.line,
      column: problem.column,
      path: problem.path,
      where: problem.where,
      field: problem.field,
      value: problem.value,
      expected: problem.expected,
      actual: problem.actual,
    })),
  }))
  return JSON.stringify({ ...countProblems(reports), files }, null, 2)
}
