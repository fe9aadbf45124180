// Every sentence a person reads comes from one catalogue per language, in two parts: the words of reports
// and hooks (en.ts, ja.ts: `words()`) and the guide, what a person reads away from the commit hook (the
// playbook, --help, init, the Action: en-guide.ts, ja-guide.ts: `guide()` in words/guide.ts). The English
// report words load with the program; the English guide loads with the modules that use it, so the
// pre-commit hook parses neither the guide nor any Japanese. The Japanese parts are modules of their own that
// only a Japanese run imports (separate bundle chunks). Each language's parts have the types `Words` and
// `Guide` (defined by the English ones), so TypeScript refuses a catalogue that lacks a key; a wording
// change, or a third language, is one edit per file. The entry chooses the language once per run
// (useLanguage, and loadGuide where a guide is shown) before it writes anything. Machine output (JSON fields, rule IDs, fingerprints) never goes
// through here: it is the same in every language.
import { getEnvironmentData, setEnvironmentData } from 'node:worker_threads';
import { en, type Words } from './en.js';
import type { Guide } from './en-guide.js';

export type { Guide, Words };

export const LANGUAGES = ['en', 'ja'] as const;
export type Language = (typeof LANGUAGES)[number];

let current: Words = en;
let currentLanguage: Language = 'en';
/** The guide of a language other than English, once loaded; null: English (words/guide.ts imports it). */
let currentGuide: Guide | null = null;

/** The catalogue of this run's language (English until the entry says otherwise). */
export function words(): Words {
  return current;
}

/** The language `words()` speaks: SARIF states it (`language` on the run). */
export function language(): Language {
  return currentLanguage;
}

/** Loads and selects a language's report words (Japanese: a lazily imported module, a chunk of its own). */
export async function useLanguage(lang: Language): Promise<void> {
  current = lang === 'ja' ? (await import('./ja.js')).ja : en;
  currentGuide = null;
  currentLanguage = lang;
  setEnvironmentData(INHERITED, lang);
}

/** Where worker threads started after useLanguage find the run's language (useInheritedLanguage). */
const INHERITED = 'keywarden:language';

/**
 * In a worker thread (the history pool, the pack readers): speak the language the main thread chose, which
 * Node hands every new worker (setEnvironmentData). Call it before wording anything there; a no-op when the
 * language is already the one chosen, as on the main thread.
 */
export async function useInheritedLanguage(): Promise<void> {
  const lang = getEnvironmentData(INHERITED);
  if (typeof lang === 'string' && isLanguage(lang) && lang !== currentLanguage) await useLanguage(lang);
}

/**
 * Loads the guide of the run's language, for the commands that show one (--help and every command parsed by
 * yargs, remediate, init, the Action); the commit hook never needs it. English needs no loading.
 */
export async function loadGuide(): Promise<void> {
  if (currentLanguage === 'ja') currentGuide ??= (await import('./ja-guide.js')).jaGuide;
}

/** The chosen language's guide when it is not English (words/guide.ts falls back to the English one). */
export function loadedGuide(): Guide | null {
  return currentGuide;
}

export function isLanguage(value: string): value is Language {
  return (LANGUAGES as readonly string[]).includes(value);
}

/**
 * The language the environment asks for, as POSIX's setlocale reads it for messages: the first set one of
 * LC_ALL, LC_MESSAGES, LANG (`ja_JP.UTF-8`, `ja`); Japanese when it names Japanese, else English (C, POSIX,
 * en_US.UTF-8, or nothing set).
 */
export function languageFromEnv(env: Readonly<Record<string, string | undefined>>): Language {
  const locale = [env.LC_ALL, env.LC_MESSAGES, env.LANG].find((value) => value !== undefined && value !== '') ?? '';
  return /^ja(?:[_.@-]|$)/i.test(locale) ? 'ja' : 'en';
}

/** What a rule's kind is called (the catalogue's kind labels), the kind itself when a config's rule names another. */
export function kindLabel(kind: string): string {
  return words().kinds[kind] ?? kind;
}
