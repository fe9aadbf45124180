// What `--history REF...` and `--range` accept, read before git is asked anything: the shape of each word, so
// that an option, a path or a form keywarden does not support gets one line saying what to write instead. git
// then resolves each revision to a commit (sources/history.ts, sources/range.ts) and only those shas reach
// `git log`, so nothing a user or a repository names can pass for one of its options.
//
// --range follows `git rev-list`: its words are separated by spaces, one argument (`--range "^A B"`).
//   A..B  ..B  A..     commits of B (default HEAD) not in A (default HEAD)
//   A...B              commits of either side not in both (symmetric difference)
//   A^!                the one commit A           A^-N   A^N..A (N defaults to 1; git has it since 2.28)
//   A^@                the history of A's parents (with a base: ^B A^@)
//   ^A  B  --not       a revision excluded, included; --not flips the ^ of the revisions after it
// A range needs something to exclude: `A` alone is A's whole history, which is `--history A`.
import { UsageError } from '../../errors.js';
import { words as catalogue } from '../../words/index.js';

export type RangeWord =
  | { kind: 'rev'; rev: string; negative: boolean }
  | { kind: 'range'; base: string; head: string; symmetric: boolean }
  | { kind: 'commit'; rev: string }
  | { kind: 'parents'; rev: string }
  | { kind: 'parent-range'; rev: string; parent: number };


/** A value of --history: a branch, tag or commit, which git resolves later. Throws a UsageError otherwise. */
export function checkRef(flag: string, value: string): void {
  const w = catalogue().revisions;
  if (value === '') throw new UsageError(w.emptyRef(flag));
  if (/[\s\x00-\x1f\x7f]/.test(value)) throw new UsageError(w.refSpaces(flag, value));
  if (value.startsWith('-')) throw new UsageError(w.refDash(flag, value));
  if (value.includes('..')) throw new UsageError(w.refRange(flag, value));
  if (value.startsWith('.') || value.startsWith('/')) throw new UsageError(w.refPath(flag, value));
}

/** The words of a --range value; throws a UsageError naming a form keywarden does not take, and what to write. */
export function parseRange(text: string): RangeWord[] {
  if (/[\x00-\x1f\x7f]|[^\S ]/.test(text)) throw new UsageError(catalogue().revisions.rangeControl(text));
  const words = text.split(' ').filter((word) => word !== '');
  if (words.length === 0) throw new UsageError(catalogue().revisions.rangeEmpty(catalogue().revisions.rangeForms));
  const parsed: RangeWord[] = [];
  let not = false;
  for (const word of words) {
    if (word === '--not') {
      not = !not;
      continue;
    }
    if (word.startsWith('-')) throw new UsageError(catalogue().revisions.rangeOption(word, catalogue().revisions.rangeForms));
    parsed.push(parseWord(word, not));
  }
  if (!parsed.some(excludes)) {
    const names = parsed.map((word) => (word as { rev: string }).rev).join(' ');
    throw new UsageError(catalogue().revisions.rangeNoBase(text, names, names.split(' ')[0]));
  }
  if (!parsed.some(includes)) {
    throw new UsageError(catalogue().revisions.rangeOnlyBase(text, (parsed[0] as { rev: string }).rev));
  }
  return parsed;
}

/** Whether a word leaves some commits out (a range) or adds some in (a commit to scan). */
const excludes = (word: RangeWord): boolean => (word.kind === 'rev' ? word.negative : word.kind !== 'parents');
const includes = (word: RangeWord): boolean => word.kind !== 'rev' || !word.negative;

function parseWord(word: string, not: boolean): RangeWord {
  const negated = word.startsWith('^');
  const rev = negated ? word.slice(1) : word;
  const range = /^(.*?)(\.\.\.?)(.*)$/.exec(rev);
  const suffix = /^(.+)\^(!|@|-(\d*))$/.exec(rev);
  if (range === null && suffix === null) {
    checkRev(rev, word);
    return { kind: 'rev', rev, negative: negated !== not };
  }
  if (negated) throw new UsageError(catalogue().revisions.rangeNegated(word, rev));
  if (not) throw new UsageError(catalogue().revisions.rangeNot(word));
  if (range !== null) {
    const [, base, dots, head] = range;
    if (base.includes('..') || head.includes('..')) throw new UsageError(catalogue().revisions.rangeDots(word));
    if (base !== '') checkRev(base, word);
    if (head !== '') checkRev(head, word);
    return { kind: 'range', base: base || 'HEAD', head: head || 'HEAD', symmetric: dots === '...' };
  }
  const [, target, mark, parent] = suffix as RegExpExecArray;
  checkRev(target, word);
  if (mark === '!') return { kind: 'commit', rev: target };
  if (mark === '@') return { kind: 'parents', rev: target };
  const number = parent === '' ? 1 : Number(parent);
  if (!(number >= 1)) throw new UsageError(catalogue().revisions.rangeParent(word));
  return { kind: 'parent-range', rev: target, parent: number };
}

/** One revision inside a range word: git resolves it later; here only what could be an option or nothing. */
function checkRev(rev: string, word: string): void {
  if (rev === '' || rev.startsWith('-') || rev.startsWith('^')) throw new UsageError(catalogue().revisions.rangeForm(word, catalogue().revisions.rangeForms));
}
