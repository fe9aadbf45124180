// The staged diff parser (src/sources/git/staged-diff.ts) on real-shaped output: patches matched to raw entries by
// structure (a type change is two patches), checked against each entry's blob ids, fed in every split.
import { describe, expect, it } from 'vitest';
import { LineRuns, parseStagedDiff, StagedDiffParser } from '../src/sources/git/staged-diff.js';

const A = 'a'.repeat(40);
const B = 'b'.repeat(40);
const Z = '0'.repeat(40);

const raw = `:100644 120000 ${A} ${B} T\0link\0:000000 100644 ${Z} ${A} A\0next\0\0`;
const patch = [
  'diff --git a/link b/link',
  'deleted file mode 100644',
  `index ${A}..${Z}`,
  '--- a/link',
  '+++ /dev/null',
  '@@ -1,2 +0,0 @@',
  '-one',
  '-two',
  'diff --git a/link b/link',
  'new file mode 120000',
  `index ${Z}..${B}`,
  '--- /dev/null',
  '+++ b/link',
  '@@ -0,0 +1 @@',
  '+target',
  '\\ No newline at end of file',
  'diff --git a/next b/next',
  'new file mode 100644',
  `index ${Z}..${A}`,
  '--- /dev/null',
  '+++ b/next',
  '@@ -0,0 +1,3 @@',
  '+a',
  '+b',
  '+c',
  '',
].join('\n');

describe('staged diff parser', () => {
  it('gives a type change its two patches, and the next file its own lines, however the output is split', () => {
    const whole = Buffer.from(raw + patch);
    for (let at = 0; at <= whole.length; at++) {
      const parser = new StagedDiffParser();
      parser.push(whole.subarray(0, at));
      parser.push(whole.subarray(at));
      const files = parser.finish();
      expect(files.map((file) => [file.status, file.path, [...(file.added ?? [])]])).toEqual([
        ['T', 'link', [1]],
        ['A', 'next', [1, 2, 3]],
      ]);
    }
  });

  it('is an error, never a guess, when the patches do not match the files', () => {
    // One patch too few: the type change given as one patch.
    const short = patch.split('\n').slice(8).join('\n').replace(`index ${Z}..${B}`, `index ${A}..${B}`);
    expect(() => parseStagedDiff(Buffer.from(raw + short))).toThrow(/cannot read git diff --cached/);
    // A patch naming another blob than its entry.
    expect(() => parseStagedDiff(Buffer.from(raw + patch.replace(`index ${Z}..${A}`, `index ${Z}..${B}`)))).toThrow(/names other blobs/);
    // A hunk cut short.
    expect(() => parseStagedDiff(Buffer.from(raw + patch.replace('+c\n', '')))).toThrow(/cannot read git diff --cached/);
    // Nothing staged is fine.
    expect(parseStagedDiff(Buffer.alloc(0))).toEqual([]);
  });
});

describe('LineRuns', () => {
  it('holds the same lines as a Set, in runs, whatever the order they come in', () => {
    for (const ordered of [true, false]) {
      const lines = Array.from({ length: 400 }, (_, i) => 1 + ((i * 7919) % 997)).filter((line) => line % 5 !== 0);
      if (ordered) lines.sort((a, b) => a - b);
      const runs = new LineRuns();
      for (const line of lines) runs.add(line);
      const set = new Set(lines);
      for (let line = 0; line <= 1000; line++) expect(runs.has(line), `line ${line}`).toBe(set.has(line));
      expect([...runs]).toEqual([...set].sort((a, b) => a - b));
    }
  });
});
