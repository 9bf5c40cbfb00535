import { realpathSync } from 'node:fs'
import { fileURLToPath } from 'node:url'

/**
 * Output channels of a command, passed in so that tests can run it in-process and read what it
 * printed. Results go to `log`, and usage mistakes and failures of the command itself to `error`.
 */
export interface CommandOutput {
  /** Writes one line (or several, joined by `\n`) to standard output. */
  log(text: string): void
  /** Writes one line (or several, joined by `\n`) to standard error. */
  error(text: string): void
}

/** Writes to the process's standard output and standard error. */
export const processOutput: CommandOutput = {
  log(text) {
    process.stdout.write(`${text}\n`)
  },
  error(text) {
    process.stderr.write(`${text}\n`)
  },
}

/** Exit status of a command: success, problems found, or an invalid command line. */
export const EXIT_OK = 0
export const EXIT_PROBLEMS = 1
export const EXIT_USAGE = 2

/**
 * Returns true when the module at `moduleUrl` is the script that Node (or tsx) was started with,
 * so a command file runs when executed and stays inert when a test imports it.
 */
export function isMainModule(moduleUrl: string): boolean {
  const entry = process.argv[1]
  if (entry === undefined) return false
  try {
    return realpathSync(entry) === realpathSync(fileURLToPath(moduleUrl))
  } catch {
    return false
  }
}

/** Returns true for the error `util.parseArgs` throws on an unknown or malformed option. */
export function isArgumentError(error: unknown): error is Error {
  const code = (error as { code?: unknown } | null)?.code
  return error instanceof Error && typeof code === 'string' && code.startsWith('ERR_PARSE_ARGS')
}
