// Every sentence a person reads comes from one catalogue per language: en.ts (loaded with the program: the
// default, and the pre-commit hook's path) and ja.ts (a module of its own that only a Japanese run imports,
// so the bundle keeps it in a separate chunk and an English run never reads it). Both have the type `Words`
// (en.ts defines it), so TypeScript refuses a catalogue that lacks a key; a wording change, or a third
// language, is one edit in one file. The entry chooses the language once per run (useLanguage) before it
// writes anything; every writer then reads `words()`. Machine output (JSON fields, rule IDs, fingerprints)
// never goes through here: it is the same in every language.
import { en, type Words } from './en.js';

export type { Words };

export const LANGUAGES = ['en', 'ja'] as const;
export type Language = (typeof LANGUAGES)[number];

let current: Words = en;
let currentLanguage: Language = 'en';

/** The catalogue of this run's language (English until the entry says otherwise). */
export function words(): Words {
  return current;
}

/** The language `words()` speaks: SARIF states it (`language` on the run). */
export function language(): Language {
  return currentLanguage;
}

/** Loads and selects a language's catalogue; only Japanese is a separate module (a lazy chunk). */
export async function useLanguage(lang: Language): Promise<void> {
  current = lang === 'ja' ? (await import('./ja.js')).ja : en;
  currentLanguage = lang;
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
