// Expected failures are typed and short: they become one line on stderr and exit code 2.
// Anything else that escapes is a bug and is reported loudly (with the stack under --debug).
import { words } from './words/index.js';

/** The user asked for something that cannot be done as asked: unknown flag, missing path, bad range. */
export class UsageError extends Error {
  override name = 'UsageError';
}

/** A configuration, rule file or baseline is invalid; the message names the file and the field. */
export class ConfigError extends Error {
  override name = 'ConfigError';
}

/** The environment failed us: git missing, not a repository, a git command failed. */
export class RuntimeError extends Error {
  override name = 'RuntimeError';
}

export function isExpected(error: unknown): error is UsageError | ConfigError | RuntimeError {
  return error instanceof UsageError || error instanceof ConfigError || error instanceof RuntimeError;
}

/**
 * The one line a failed run ends with, before escaping (every entry turns it into exit code 2): an expected
 * error's message, or "internal error: " and the first line of a bug's message.
 */
export function errorLine(error: unknown): string {
  if (isExpected(error)) return error.message;
  const message = error instanceof Error ? error.message : String(error);
  return words().output.internalError(message.split('\n')[0]);
}
