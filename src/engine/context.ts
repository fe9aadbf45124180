// Is a value attached to an AWS-ish name? The name must be the last thing before the value apart from
// separators (quotes, `=`, `:`, `=>`, `(`, tags, whitespace, up to two line breaks for YAML block scalars and
// values on the next line), so `{"aws_secret_access_key": "A", "other": "B"}` names A and not B.
import type { NameContext, Rule } from '../rules/types.js';
import type { Confidence } from '../types.js';
import { linesBack, linesForward } from './lines.js';

/** How far back from a value a name may start. */
const LOOKBACK = 400;
/**
 * A name may sit at most this many line breaks above its value. Plain names need only separators between
 * them and the value (so in practice one or two lines); structured names (a Terraform variable block, a
 * CloudFormation parameter with its Default) spell out the lines between in their own regex.
 */
const MAX_NAME_LINES = 8;
/** `near` evidence is looked for within this many characters either side, whatever the line count. */
const NEAR_CHARS = 6000;

const RANK: Record<Confidence, number> = { high: 3, medium: 2, low: 1 };

export function better(a: Confidence | null, b: Confidence | null): Confidence | null {
  if (a === null) return b;
  if (b === null) return a;
  return RANK[a] >= RANK[b] ? a : b;
}

/** The text a name attached to the value at `index` of `viewText` would be in. */
export function leftContext(viewText: string, index: number): string {
  let from = Math.max(0, index - LOOKBACK);
  let breaks = 0;
  for (let i = index - 1; i >= from; i--) {
    if (viewText.charCodeAt(i) === 10 && ++breaks > MAX_NAME_LINES) {
      from = i + 1;
      break;
    }
  }
  return viewText.slice(from, index);
}

/**
 * The names attached to the value at `index` of `viewText`, read from the view alone: the best confidence of
 * those that need nothing more, and those that count only with `near` evidence (nameConfidence decides).
 * Split so that a window's reading can be remembered and replayed in another text (detect/window-memo.ts).
 */
export interface AttachedNames {
  plain: Confidence | null;
  near: readonly NameContext[];
}

const NO_NAMES: AttachedNames = { plain: null, near: [] };

export function attachedNames(rule: Rule, viewText: string, index: number): AttachedNames {
  const names = rule.context?.names;
  if (!names || names.length === 0) return NO_NAMES;
  const left = leftContext(viewText, index);
  let plain: Confidence | null = null;
  const near: NameContext[] = [];
  for (const name of names) {
    if (!name.regex.test(left)) continue;
    if (name.near) near.push(name);
    else plain = better(plain, name.confidence);
  }
  if (plain === null && near.length === 0) return NO_NAMES;
  // A near name no better than a plain one cannot raise the confidence: not worth its search.
  return { plain, near: plain === null ? near : near.filter((name) => RANK[name.confidence] > RANK[plain]) };
}

/**
 * The best confidence the attached names give the value, or null when none is attached. `near` evidence is
 * searched in the original text around the value (`offset` to `end`), and in the path.
 */
export function nameConfidence(attached: AttachedNames, original: string, offset: number, end: number, path: string | undefined): Confidence | null {
  let best = attached.plain;
  for (const name of attached.near) {
    if (best !== null && RANK[name.confidence] <= RANK[best]) continue;
    if (isNear(name, original, offset, end, path)) best = better(best, name.confidence);
  }
  return best;
}

/**
 * Does a path itself give some rule's `near` evidence (`aws/creds.txt`)? It is the one thing detection reads of
 * a path (isNear), and evidence only ever raises a confidence: a blob that several paths hold, judged under one
 * that gives evidence, has every finding it would have under any other (plan.ts prefers such a path).
 */
export function pathEvidence(rules: readonly Rule[]): (path: string) => boolean {
  const regexes = [...new Set(rules.flatMap((rule) => (rule.context?.names ?? []).flatMap((name) => (name.near ? [name.near.regex] : []))))];
  return (path) => regexes.some((regex) => regex.test(path));
}

/**
 * Evidence around the value, never inside it: 40 random characters hold "aws" in some case about once in 600,
 * and a value cannot vouch for itself. The two sides are joined by a line break so no match spans the gap.
 */
function isNear(name: NameContext, original: string, offset: number, end: number, path: string | undefined): boolean {
  const near = name.near!;
  if (path !== undefined && near.regex.test(path)) return true;
  const from = linesBack(original, offset, near.lines, offset - NEAR_CHARS);
  const to = linesForward(original, offset, near.lines, offset + NEAR_CHARS);
  return near.regex.test(`${original.slice(from, offset)}\n${original.slice(Math.max(offset, end), Math.max(to, end))}`);
}
