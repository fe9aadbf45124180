// The action's inputs as the runner hands them over: environment variables named INPUT_ + the input id
// upper-cased with spaces turned into underscores and hyphens kept (INPUT_FAIL-ON-FINDINGS), exactly as
// @actions/core's getInput reads them. Defaults live in action.yml; these fallbacks only cover running the
// entry by hand.
import { UsageError } from '../errors.js';
import { isLanguage, type Language } from '../words/index.js';
import { guide } from '../words/guide.js';

export interface ActionInputs {
  config?: string;
  baseline?: string;
  args: string[];
  failOnFindings: boolean;
  /** Where the SARIF file goes, relative to the workspace; '' = $RUNNER_TEMP/keywarden.sarif. */
  sarif: string;
  /** Where the JSON report goes too (for `keywarden merge`, the organisation scan), relative to the workspace; '' = not written. */
  json: string;
  mode: 'auto' | 'files' | 'history';
  /** On pull_request(_target): read the config and baseline from the pull request, not its base commit. */
  trustPrConfig: boolean;
  /** The language of annotations, the job summary and SARIF messages; undefined: the runner's locale. */
  lang?: Language;
}

type Env = Record<string, string | undefined>;

export function input(env: Env, name: string): string {
  return (env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] ?? '').trim();
}

/** YAML 1.2 core-schema booleans, as @actions/core's getBooleanInput accepts them. */
export function booleanInput(env: Env, name: string, fallback: boolean): boolean {
  const value = input(env, name);
  if (value === '') return fallback;
  if (['true', 'True', 'TRUE'].includes(value)) return true;
  if (['false', 'False', 'FALSE'].includes(value)) return false;
  throw new UsageError(guide().action.badBoolean(name, value));
}

export function readInputs(env: Env): ActionInputs {
  const mode = input(env, 'mode') || 'auto';
  const lang = input(env, 'lang');
  if (lang !== '' && !isLanguage(lang)) throw new UsageError(guide().action.badLang(lang));
  if (mode !== 'auto' && mode !== 'files' && mode !== 'history') throw new UsageError(guide().action.badMode(mode));
  return {
    config: input(env, 'config') || undefined,
    baseline: input(env, 'baseline') || undefined,
    args: splitArgs(input(env, 'args')),
    failOnFindings: booleanInput(env, 'fail-on-findings', true),
    sarif: input(env, 'sarif'),
    json: input(env, 'json'),
    mode,
    trustPrConfig: booleanInput(env, 'trust-pr-config', false),
    ...(lang === '' ? {} : { lang: lang as Language }),
  };
}

/** Splits the `args` input like a shell would for words and quotes ('…', "…", backslash); no expansion. */
export function splitArgs(text: string): string[] {
  const words: string[] = [];
  let word: string | null = null;
  let quote: '"' | "'" | null = null;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quote) {
      if (c === quote) quote = null;
      else if (c === '\\' && quote === '"' && i + 1 < text.length && '"\\$`'.includes(text[i + 1])) word += text[++i];
      else word += c;
    } else if (c === '"' || c === "'") {
      quote = c;
      word ??= '';
    } else if (c === '\\' && i + 1 < text.length) {
      word = (word ?? '') + text[++i];
    } else if (/\s/.test(c)) {
      if (word !== null) words.push(word);
      word = null;
    } else {
      word = (word ?? '') + c;
    }
  }
  if (quote) throw new UsageError(guide().action.unclosedQuote(quote));
  if (word !== null) words.push(word);
  return words;
}
