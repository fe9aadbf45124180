// The git output parsers, fed in every possible split of real-shaped output (streams arrive in pieces).
import { describe, expect, it } from 'vitest';
import { BatchParser, type Blob } from '../src/sources/git/cat-file.js';
import { findIntroductions } from '../src/sources/git/commits/introductions.js';
import { decodePath, LogParser, type LogCommit } from '../src/sources/git/log.js';
import { parseStagedDiff } from '../src/sources/git/staged-diff.js';
import type { Candidate } from '../src/types.js';
import { pathBytes } from './support/hostile-git.js';
import { seeded } from './support/random.js';

const A = 'a'.repeat(40);
const B = 'b'.repeat(40);
const C = 'c'.repeat(40);
const Z = '0'.repeat(40);

function splits(data: Buffer, feed: (piece: Buffer) => void, at: number): void {
  feed(data.subarray(0, at));
  feed(data.subarray(at));
}

describe('cat-file --batch parser', () => {
  const output = Buffer.concat([
    Buffer.from(`${A} blob 5\nhello\n`),
    Buffer.from(`${B} missing\n`),
    Buffer.from(`${C} blob 0\n\n`),
    Buffer.from(`${A} blob 12\nline1\nline2\n\n`),
  ]);

  it('parses blobs, empty blobs and missing objects at any split', () => {
    for (let at = 0; at <= output.length; at++) {
      const blobs: Blob[] = [];
      const parser = new BatchParser({ maxSize: 100, onBlob: (blob) => blobs.push(blob) });
      splits(output, (piece) => parser.push(piece), at);
      parser.finish();
      expect(blobs.map((blob) => [blob.sha[0], blob.size, blob.missing, blob.data?.toString()]), `split at ${at}`).toEqual([
        ['a', 5, false, 'hello'],
        ['b', 0, true, undefined],
        ['c', 0, false, ''],
        ['a', 12, false, 'line1\nline2\n'],
      ]);
    }
  });

  it('borrowing: a blob read whole is a view of the read, a split one is copied, at any split', () => {
    for (let at = 0; at <= output.length; at++) {
      const seen: Array<[string, string | undefined, boolean]> = [];
      const pieces: Buffer[] = [];
      const parser = new BatchParser({
        maxSize: 100,
        borrow: true,
        // Consumed during the call, as the contract says: the views are only valid then.
        onBlob: (blob) => seen.push([blob.sha[0], blob.data?.toString(), blob.data !== null && blob.data.length > 0 && pieces.some((piece) => piece.buffer === blob.data!.buffer)]),
      });
      splits(output, (piece) => {
        const copy = Buffer.from(piece); // a fresh ArrayBuffer per read, as from a pipe
        pieces.push(copy);
        parser.push(copy);
      }, at);
      parser.finish();
      expect(seen.map(([sha, text]) => [sha, text]), `split at ${at}`).toEqual([['a', 'hello'], ['b', undefined], ['c', ''], ['a', 'line1\nline2\n']]);
      const helloWhole = at <= A.length + 8 || at >= A.length + 8 + 5;
      expect(seen[0][2], `split at ${at}`).toBe(helloWhole);
    }
  });

  it('skips blobs over the size limit without keeping them', () => {
    const blobs: Blob[] = [];
    const parser = new BatchParser({ maxSize: 6, onBlob: (blob) => blobs.push(blob) });
    parser.push(output);
    expect(blobs.map((blob) => blob.data === null)).toEqual([false, true, false, true]);
    expect(blobs[3].size).toBe(12);
  });

  it('refuses output that is out of step', () => {
    const parser = new BatchParser({ maxSize: 100, onBlob: () => {} });
    expect(() => parser.push(Buffer.from(`${A} blob 2\nabX`))).toThrow(/out of step/);
  });
});

describe('git log --raw -z parser', () => {
  // Exactly what git writes (checked with od -c on git 2.39): five NUL-terminated header fields, then, when
  // the commit changed anything, a newline and NUL-terminated change/path pairs; the next header follows.
  const header = (sha: string, parents: string, subject = 'subject: with spaces') => `${sha} ${parents}\0Ann\0ann@example.com\0 2024-01-01T00:00:00+00:00\0${subject}\0`;
  const output = Buffer.from(
    header(C, `${A} ${B}`) + `\n:100644 100644 ${A} ${B} M\0:odd\nname\0` + header(C, `${A} ${B}`) + `\n:000000 100644 ${Z} ${B} A\0x y\0` + header(B, A, 'empty') + header(A, '', '\x01 refactor') + `\n:000000 160000 ${Z} ${C} A\0sub\0:000000 100644 ${Z} ${A} A\0\x01x\0`,
  );

  it('groups one block per compared parent, keeps odd paths and subjects, at any split', () => {
    for (let at = 0; at <= output.length; at++) {
      const parser = new LogParser();
      splits(output, (piece) => parser.push(piece), at);
      const commits = parser.finish();
      expect(commits.map((commit) => [commit.sha[0], commit.parents.length, commit.blocks.map((block) => block.map((change) => `${change.status}:${change.path}`))]), `split at ${at}`).toEqual([
        ['c', 2, [['M::odd\nname'], ['A:x y']]],
        ['b', 1, [[]]],
        ['a', 0, [['A:sub', 'A:\x01x']]],
      ]);
      expect(commits[0]).toMatchObject({ author: 'Ann', email: 'ann@example.com', subject: 'subject: with spaces' });
      expect(commits[0].blocks[1][0]).toMatchObject({ oldSha: null, newSha: B });
      expect(commits[2].subject).toBe('\x01 refactor');
    }
  });

  it('property: subjects, names and paths of arbitrary bytes never change the parse (every byte value, any split)', () => {
    const random = seeded(0x6b657977);
    // Data that looks like structure: a change line, a header, the old record marker, newlines, colons.
    const tricky = [`:100644 100644 ${A} ${B} M`, `\n:000000 100644 ${Z} ${B} A`, `${A} ${B}`, `${C} `, '\x01', '\n', ':', ''];
    const bytes = (max: number, allowEmpty: boolean): Buffer => {
      if (random() < 0.25) return Buffer.from(tricky[Math.floor(random() * tricky.length)] || (allowEmpty ? '' : 'p'));
      const length = (allowEmpty ? 0 : 1) + Math.floor(random() * max);
      return Buffer.from(Array.from({ length }, () => 1 + Math.floor(random() * 255))); // 1..255: never NUL
    };
    const every = Buffer.from(Array.from({ length: 255 }, (_, index) => index + 1));
    for (let round = 0; round < 40; round++) {
      const expected: Array<{ sha: string; author: string; email: string; subject: string; paths: string[] }> = [];
      const pieces: Buffer[] = [];
      const commits = 1 + Math.floor(random() * 6);
      for (let index = 0; index < commits; index++) {
        const sha = hex(random, 40);
        const author = round === 0 && index === 0 ? every : bytes(30, true);
        const email = bytes(20, true);
        const subject = round === 0 && index === 0 ? every : bytes(60, true);
        const paths = Array.from({ length: Math.floor(random() * 4) }, () => (round === 0 && index === 0 ? every : bytes(24, false)));
        pieces.push(Buffer.from(`${sha} ${index === 0 ? '' : hex(random, 40)}\0`), author, Buffer.from('\0'), email, Buffer.from('\0 2024-01-01T00:00:00+00:00\0'), subject, Buffer.from('\0'));
        if (paths.length > 0) pieces.push(Buffer.from('\n'));
        for (const path of paths) pieces.push(Buffer.from(`:000000 100644 ${Z} ${hex(random, 40)} A\0`), path, Buffer.from('\0'));
        expected.push({ sha, author: author.toString('utf8'), email: email.toString('utf8'), subject: subject.toString('utf8'), paths: paths.map((path) => decodePath(path)) });
      }
      const data = Buffer.concat(pieces);
      for (let split = 0; split < 8; split++) {
        const parser = new LogParser();
        // Random piece sizes, and one byte at a time once per round.
        for (let at = 0; at < data.length; ) {
          const size = split === 0 ? 1 : 1 + Math.floor(random() * 64);
          parser.push(data.subarray(at, at + size));
          at += size;
        }
        const parsed = parser.finish().map((commit) => ({ sha: commit.sha, author: commit.author, email: commit.email, subject: commit.subject, paths: commit.blocks.flat().map((change) => change.path) }));
        expect(parsed, `round ${round}`).toEqual(expected);
      }
    }
  });

  it('reads a merge\'s combined changes (--diff-merges=combined): one per path, against the first parent, octopus too, at any split', () => {
    // As git 2.39 writes them under -z: an empty field after every merge's header, then "::" (a colon a parent).
    const combined = Buffer.from(
      header(C, `${A} ${B}`, 'merge') + `\0::100644 100644 100644 ${A} ${B} ${C} MM\0evil\0::000000 100644 100644 ${Z} ${A} ${B} AM\0new\0` +
        header(B, `${A} ${A} ${C}`, 'octopus') + `\0:::100644 100644 100644 100644 ${A} ${A} ${A} ${C} MMMM\0o\0` +
        header(A, `${B} ${C}`, 'clean merge') + '\0' + header(Z.replace(/0/g, 'd'), '') + `\n:000000 100644 ${Z} ${A} A\0root\0`,
    );
    for (let at = 0; at <= combined.length; at++) {
      const parser = new LogParser();
      splits(combined, (piece) => parser.push(piece), at);
      const commits = parser.finish();
      expect(commits.map((commit) => commit.blocks.map((block) => block.map((change) => `${change.status}:${change.oldSha?.[0] ?? '-'}>${change.newSha?.[0]}:${change.path}`))), `split at ${at}`).toEqual([
        [['M:a>c:evil', 'A:->b:new']],
        [['M:a>c:o']],
        [[]],
        [['A:->a:root']],
      ]);
    }
    const parse = (text: string) => {
      const parser = new LogParser();
      parser.push(Buffer.from(text));
      return parser.finish();
    };
    // A colon a parent, a mode and a sha a parent and the merge's own, a status letter: anything else is refused.
    expect(() => parse(header(C, `${A} ${B}`) + `\0::100644 100644 ${A} ${B} ${C} MM\0p\0`)).toThrow(/out of step/);
    expect(() => parse(header(C, `${A} ${B}`) + `\0::100644 100644 100644 ${A} ${B} ${C} M1\0p\0`)).toThrow(/out of step/);
    expect(() => parse(header(C, `${A} ${B}`) + `\0\0::100644 100644 100644 ${A} ${B} ${C} MM\0p\0`)).toThrow(/out of step/);
  });

  it('refuses output that is out of step or cut short, instead of returning part of it', () => {
    const parse = (text: string) => {
      const parser = new LogParser();
      parser.push(Buffer.from(text));
      return parser.finish();
    };
    expect(() => parse(header(A, '') + '\n:000000 100644 nonsense\0path\0')).toThrow(/out of step/);
    expect(() => parse(header(A, '') + '\n:000000 100644 ' + `${Z} ${B} A\0path\0not a header\0`)).toThrow(/out of step/);
    expect(() => parse(`\x01${A} \0`)).toThrow(/out of step/);
    expect(() => parse(header(A, '').slice(0, -10))).toThrow(/ended inside a commit/);
    expect(() => parse(header(A, '') + `\n:000000 100644 ${Z} ${B} A\0`)).toThrow(/ended inside a commit/);
    expect(() => parse(header(A, '') + `\n:000000 100644 ${Z} ${B} A\0pa`)).toThrow(/ended inside a commit/);
    expect(parse('')).toEqual([]);
  });

  it('keeps every path apart: invalid UTF-8 bytes become lone surrogates, valid UTF-8 is plain text', () => {
    const random = seeded(42);
    expect(decodePath(Buffer.from('héllo/wörld'))).toBe('héllo/wörld');
    expect(decodePath(Buffer.from([0xff]))).not.toBe(decodePath(Buffer.from([0xfe])));
    expect(decodePath(Buffer.from([0xed, 0xa0, 0x80]))).toBe('\udced\udca0\udc80'); // an encoded surrogate is not UTF-8
    for (let round = 0; round < 2000; round++) {
      const bytes = Buffer.from(Array.from({ length: Math.floor(random() * 12) }, () => (random() < 0.5 ? 0x80 + Math.floor(random() * 128) : Math.floor(random() * 256))));
      expect(pathBytes(decodePath(bytes)).equals(bytes), bytes.toString('hex')).toBe(true);
    }
  });
});


function hex(random: () => number, length: number): string {
  return Array.from({ length }, () => '0123456789abcdef'[Math.floor(random() * 16)]).join('');
}

describe('staged diff parser', () => {
  it('maps each raw entry to its added lines, by order, including renames, merged hunks and binary files', () => {
    const raw = `:100644 100644 ${A} ${B} M\0a b.txt\0:100644 100644 ${A} ${C} R090\0old\0new\nname\0:000000 100644 ${Z} ${A} A\0bin\0\0`;
    const patch = [
      'diff --git a/a b.txt b/a b.txt',
      `index ${A}..${B} 100644`,
      '--- a/a b.txt',
      '+++ b/a b.txt',
      '@@ -2 +2,2 @@',
      '-old',
      '+new 2',
      '+new 3',
      '@@ -10,0 +12 @@ ctx',
      '+++ looks like a header',
      '\\ No newline at end of file',
      'diff --git a/old "b/new\\nname"',
      'similarity index 90%',
      `index ${A}..${C} 100644`,
      '@@ -1,3 +1,3 @@',
      ' same',
      '-x',
      '+y',
      ' same',
      'diff --git a/bin b/bin',
      'new file mode 100644',
      `index ${Z}..${A}`,
      'Binary files /dev/null and b/bin differ',
      '',
    ].join('\n');
    const files = parseStagedDiff(Buffer.from(raw + patch));
    expect(files.map((file) => [file.path, file.fromPath, file.added === null ? null : [...file.added]])).toEqual([
      ['a b.txt', null, [2, 3, 12]],
      ['new\nname', 'old', [2]],
      ['bin', null, null],
    ]);
  });
});

describe('introductions', () => {
  const candidate = (secret: string): Candidate => ({ ruleId: 'r', kind: 'secret-access-key', line: 1, column: 1, endLine: 1, endColumn: 2, secret, entropy: 5, confidence: 'high', keyId: null });
  const commit = (sha: string, parents: string[], blocks: LogCommit['blocks']): LogCommit => ({ sha, parents, author: 'a', email: 'e', date: 'd', subject: 's', blocks });
  const change = (status: string, path: string, oldSha: string | null, newSha: string | null) => ({ status, oldMode: '100644', newMode: newSha ? '100644' : '000000', oldSha, newSha, path });

  it('applies the definition: parents holding it, renames, pure copies, merges', async () => {
    const hits = new Map([
      ['k1', [candidate('S')]],
      ['k2', [candidate('S')]],
    ]);
    const commits = [
      commit('root', [], [[change('A', 'a', null, 'k1')]]),
      commit('edit', ['root'], [[change('M', 'a', 'k1', 'k2')]]), // S already there
      commit('rename', ['edit'], [[change('D', 'a', 'k2', null), change('A', 'b', null, 'k2')]]),
      commit('copy', ['rename'], [[change('A', 'c', null, 'k2')]]), // parent tree holds k2
      commit('merge-carry', ['m1', 'm2'], [[change('A', 'd', null, 'k1')]]), // one block: a parent had it all
      commit('merge-evil', ['m1', 'm2'], [[change('M', 'e', 'x', 'k1')], [change('M', 'e', 'y', 'k1')]]),
    ];
    for (const wholeHistory of [false, true]) {
      const found = await findIntroductions(commits, hits, async (parent, blob) => parent === 'rename' && blob === 'k2', { wholeHistory });
      expect(found.map((item) => `${item.commit.sha}:${item.path}`)).toEqual(['root:a', 'merge-evil:e']);
    }
  });

  it('lists a parent tree only when some other commit adds the blob (whole history), always for a range', async () => {
    const hits = new Map([
      ['new', [candidate('S')]],
      ['shared', [candidate('T')]],
    ]);
    const commits = [
      commit('adds-new', ['p1'], [[change('A', 'a', null, 'new')]]),
      commit('adds-shared', ['p2'], [[change('A', 'b', null, 'shared')]]),
      commit('elsewhere', ['p3'], [[change('A', 'c', null, 'shared')]]),
    ];
    const asked = (wholeHistory: boolean) => {
      const parents: string[] = [];
      return findIntroductions(commits, hits, async (parent) => (parents.push(parent), false), { wholeHistory }).then((found) => ({ parents: parents.sort(), found: found.length }));
    };
    expect(await asked(true)).toEqual({ parents: ['p2', 'p3'], found: 3 });
    expect(await asked(false)).toEqual({ parents: ['p1', 'p2', 'p3'], found: 3 });
  });
});
