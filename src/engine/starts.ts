// A rule's regex run only where its matches can start (rule.starts, declared in patterns/*.json and proven
// by test/rule-starts.test.ts): after the literals a key ID begins with, or at the start of a long enough run
// of key characters. An unanchored `(?<!…)[A-Za-z0-9/+]{40}(?!…)` or `(?<=…)(?:AKIA|ASIA…)` is tried at every
// character of the text: in AWS-heavy files that was most of the engine's time (BENCHMARKS.md, fifth session).
//
// The same matches, in the same order: every match starts at a candidate, so the leftmost match at or after a
// position is the first candidate there at which the regex matches (tried sticky, so lookbehinds still see the
// text before it).
import type { Rule } from '../rules/types.js';
import { eachLongRun, runsOf, SHORTEST_RUN } from './runs.js';

const sticky = new WeakMap<Rule, RegExp>();

/** Calls `found` with each match of `rule.regex` in `text`, as `regex.exec` in a loop would find them. */
export function eachMatch(text: string, rule: Rule, found: (match: RegExpExecArray) => void): void {
  const starts = rule.starts;
  if (starts === null) {
    const { regex } = rule;
    regex.lastIndex = 0;
    for (let m = regex.exec(text); m; m = regex.exec(text)) {
      if (m[0].length === 0) regex.lastIndex++;
      else found(m);
    }
    return;
  }
  let regex = sticky.get(rule);
  if (regex === undefined) sticky.set(rule, (regex = new RegExp(rule.regex.source, `${rule.regex.flags.replace('g', '')}y`)));
  let after = 0;
  const tryAt = (at: number): void => {
    if (at < after) return;
    regex.lastIndex = at;
    const m = regex.exec(text);
    if (m === null || m[0].length === 0) return;
    after = m.index + m[0].length;
    found(m);
  };
  if ('run' in starts) {
    if (starts.run < SHORTEST_RUN) {
      eachLongRun(text, starts.run, (from) => tryAt(from));
      return;
    }
    const runs = runsOf(text);
    for (let i = 0; i < runs.length; i += 2) if (runs[i + 1] - runs[i] >= starts.run) tryAt(runs[i]);
    return;
  }
  const at = candidates(text, starts.with);
  for (const position of at) tryAt(position);
}

/** Every position where one of the literals occurs, ascending. */
function candidates(text: string, literals: readonly string[]): number[] {
  const at: number[] = [];
  for (const literal of literals) for (let i = text.indexOf(literal); i !== -1; i = text.indexOf(literal, i + 1)) at.push(i);
  // (A sort allocates even when there is nothing to order: most views hold none of a key ID's prefixes.)
  if (literals.length > 1 && at.length > 1) at.sort((a, b) => a - b);
  return at;
}
