// --lang, read from the raw command line before anything else is parsed: every message of the run, the usage
// errors of the parsers included, is then in the chosen language. The option is also in the option table
// (options.ts), so yargs lists it in --help and both parsers accept it; this is the one place its value is
// checked. Tokens after `--` are paths; a `--lang` with no value is left to check-argv.ts, which says so.
import { UsageError } from '../errors.js';
import { isFlag } from './options.js';
import { isLanguage, languageFromEnv, useLanguage, words, type Language } from '../words/index.js';

/** The value of the last `--lang X` / `--lang=X` before `--`, or undefined when none is given. */
export function langArgument(argv: readonly string[]): string | undefined {
  let value: string | undefined;
  for (let i = 0; i < argv.length && argv[i] !== '--'; i++) {
    const token = argv[i];
    if (token.startsWith('--lang=')) value = token.slice('--lang='.length);
    else if (token === '--lang' && argv[i + 1] !== undefined && !isFlag(argv[i + 1]) && argv[i + 1] !== '--') value = argv[++i];
  }
  return value;
}

/**
 * Chooses and loads the run's language: --lang, else the locale (LC_ALL, LC_MESSAGES, LANG), else English.
 * An unknown --lang is a usage error, written in the locale's language.
 */
export async function chooseLanguage(argv: readonly string[], env: Readonly<Record<string, string | undefined>>): Promise<Language> {
  const typed = langArgument(argv);
  const fallback = languageFromEnv(env);
  if (typed !== undefined && !isLanguage(typed)) await useLanguage(fallback);
  const chosen = typed === undefined ? fallback : checkLanguage(typed);
  await useLanguage(chosen);
  return chosen;
}

/** A --lang value as a Language, or the one-line usage error. */
export function checkLanguage(value: string): Language {
  if (isLanguage(value)) return value;
  throw new UsageError(words().cli.badLang(value));
}
