// Prints "N passed, N failed" from the vitest and Playwright JSON reports. A stage that failed
// before writing a report (typecheck, lint, build) counts as one failure.
import { existsSync, readFileSync } from 'node:fs'

const status = Number(process.argv[2] ?? 0)
let passed = 0
let failed = 0

if (existsSync('test-results/unit.json')) {
  const unit = JSON.parse(readFileSync('test-results/unit.json', 'utf8'))
  passed += unit.numPassedTests ?? 0
  failed += unit.numFailedTests ?? 0
}
for (const report of ['test-results/e2e.json', 'test-results/soak.json']) {
  if (!existsSync(report)) continue
  const e2e = JSON.parse(readFileSync(report, 'utf8'))
  passed += (e2e.stats?.expected ?? 0) + (e2e.stats?.flaky ?? 0)
  failed += e2e.stats?.unexpected ?? 0
}
if (status !== 0 && failed === 0) failed = 1

console.log(`${passed} passed, ${failed} failed`)
