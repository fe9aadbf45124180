// The expressions file for `git filter-repo --replace-text` and BFG's `--replace-text` (the same format:
// one `literal==>replacement` per line; filter-repo treats a line without a `regex:`/`glob:` prefix as a
// literal). The file has no comments on purpose: filter-repo has no comment syntax, so a `# …` line would be
// replaced throughout history. A secret is listed as found and in the encodings the scanner decodes (JSON
// `\/`, URL `%2F`/`%2B`), so a copy written in a JSON or URL context is replaced too.
import type { LeakSet } from './leaks.js';

export interface Replacement {
  literal: string;
  replacement: string;
}

export const SECRET_REPLACEMENT = '***REMOVED-AWS-SECRET-ACCESS-KEY***';
export const TOKEN_REPLACEMENT = '***REMOVED-AWS-SESSION-TOKEN***';
export const KEY_ID_REPLACEMENT = '***REMOVED-AWS-ACCESS-KEY-ID***';

export function replacementsFor(set: LeakSet): Replacement[] {
  const out: Replacement[] = [];
  const seen = new Set<string>();
  const add = (value: string, replacement: string) => {
    for (const literal of encodings(value)) {
      if (seen.has(literal)) continue;
      seen.add(literal);
      out.push({ literal, replacement });
    }
  };
  const tokens = set.keys.flatMap((key) => key.sessionTokens);
  const secrets = [...set.keys.flatMap((key) => key.secrets), ...(set.unpaired?.secrets ?? [])];
  for (const token of tokens) add(token, TOKEN_REPLACEMENT);
  for (const secret of secrets) add(secret, SECRET_REPLACEMENT);
  // Other credentials' identifiers (a service user name, an IAM user ARN, a label) stay: they are no secret.
  for (const key of set.keys) if (key.credential === 'access-key') add(key.keyId, KEY_ID_REPLACEMENT);
  // filter-repo applies literals in file order: the longest first, so a value that contains a shorter one
  // (a token holding a secret, a secret with a suffix) is replaced whole before the shorter one can split it.
  return out.map((item, index) => ({ item, index })).sort((a, b) => b.item.literal.length - a.item.literal.length || a.index - b.index).map(({ item }) => item);
}

export function formatReplacements(replacements: readonly Replacement[]): string {
  return replacements.map((item) => `${item.literal}==>${item.replacement}\n`).join('');
}

/** The value as found and as JSON- and URL-escaped, when those differ. */
function encodings(value: string): string[] {
  const forms = [value, value.replaceAll('/', '\\/')];
  const url = value.replaceAll('/', '%2F').replaceAll('+', '%2B').replaceAll('=', '%3D');
  forms.push(url, url.replace(/%[0-9A-F]{2}/g, (escape) => escape.toLowerCase()));
  // `==>` cannot occur in base64-style secrets; a value holding it could not be written in this format.
  return [...new Set(forms)].filter((form) => !form.includes('==>') && !/[\r\n]/.test(form));
}
