// Reading packs directly (src/sources/git/pack): the history scan trusts the pack reader's word that a blob holds no
// keyword, so that word must be exactly the byte prefilter's over the whole blob, on packs git really wrote:
// deep delta chains, OFS and REF deltas, index v1 and v2, SHA-1 and SHA-256, parts judged separately, a
// cache too small to hold anything. The histories are random edits (seeded, so a failure reproduces) that
// make and break keywords across delta seams. Then the CLI end to end: the same report with the reader on
// and off, over packed, loose and damaged objects.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { deflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { defaultConfig } from '../src/config/types.js';
import { createPrefilter, keywordSet } from '../src/engine/prefilter.js';
import { BatchParser } from '../src/sources/git/cat-file.js';
import { MissingBlobs } from '../src/sources/git/missing-blobs.js';
import { catFileScanner, packScanner } from '../src/sources/git/commits/blob-scanner.js';
import { detectChunk } from '../src/detect/detect.js';
import { BlobCache } from '../src/sources/git/pack/blob-cache.js';
import { parsePackIndex } from '../src/sources/git/pack/index-file.js';
import { PackJudge } from '../src/sources/git/pack/keyword-blobs.js';
import { PackFile } from '../src/sources/git/pack/pack-file.js';
import { startPackScan } from '../src/sources/git/pack/packs.js';
import type { Note } from '../src/types.js';
import { loadRules } from '../src/rules/load.js';
import { valueAnchors } from '../src/engine/scan.js';
import { jsonReport } from './support/cli.js';
import { runKeywarden } from './support/run.js';
import { fakeLeak } from './support/fakes.js';
import { GIT_ENV, Repo, tempDir } from './support/repo.js';
import { seeded } from './support/random.js';

const RULES = loadRules(defaultConfig(process.cwd()));
const KEYWORDS = RULES.flatMap((rule) => rule.keywords);
const PREFILTER = createPrefilter(RULES);

/** Whole numbers in [0, n) from a seeded PRNG: the same seed, the same history. */
function random(seed: number): (n: number) => number {
  const next = seeded(seed);
  return (n) => Math.floor(next() * n);
}

// Edits are drawn from keyword pieces, so that keywords appear and vanish at and across the seams of deltas.
const PIECES = ['AK', 'IA', 'A', 'K', 'I', 'S', 'aw', 's', 'AWS', 'ecret', 'Key', 'ecretKey', 'secret_key', 'ession', 'Token', '_token', 'StaticCred', 'entials', 'QUtJ', 'Q', 'A3', 'T', 'x', 'y', ' ', '\n', 'const value = 1;\n'];
const LINES = Array.from({ length: 400 }, (_, i) => `  const item${i} = compute(${i}, "label-${(i * 7919) % 1000}"); // line ${i}\n`).join('');

function edit(text: string, next: (n: number) => number): string {
  const at = next(text.length + 1);
  switch (next(4)) {
    case 0: // insert a few pieces
      return text.slice(0, at) + Array.from({ length: 1 + next(3) }, () => PIECES[next(PIECES.length)]).join('') + text.slice(at);
    case 1: // delete a short run (joins what was either side)
      return text.slice(0, at) + text.slice(Math.min(text.length, at + 1 + next(12)));
    case 2: // replace one character
      return text.slice(0, at) + PIECES[next(PIECES.length)][0] + text.slice(at + 1);
    default: // move a block of lines (copies from elsewhere in the base)
      return text.slice(at) + text.slice(0, at);
  }
}

/** A random history: text files edited at random, a UTF-16 file, a binary, an empty file, a big file. */
function randomHistory(repo: Repo, seed: number, commits: number): void {
  const next = random(seed);
  const files: Record<string, string> = { 'src/a.ts': LINES, 'src/b.ts': LINES.slice(5000) + 'aws secretKey\n', 'conf/c.ini': 'x = 1\n'.repeat(300) };
  repo.commit('start', { ...files, 'empty.txt': '', 'data.bin': Buffer.from(Array.from({ length: 3000 }, (_, i) => (i * 31) % 256)) });
  for (let i = 0; i < commits; i++) {
    const changed: Record<string, string | Buffer> = {};
    for (const name of Object.keys(files)) {
      if (next(3) !== 0) continue;
      let text = files[name];
      for (let e = 1 + next(4); e > 0; e--) text = edit(text, next);
      files[name] = changed[name] = text;
    }
    if (i % 17 === 0) changed['notes.txt'] = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(`note ${i} ${files['src/a.ts'].slice(0, 200)}`, 'utf16le')]);
    if (i % 23 === 0) changed['big.log'] = files['conf/c.ini'].repeat(40) + PIECES[next(PIECES.length)];
    repo.commit(`edit ${i}`, changed);
  }
}

/**
 * Seams at every offset of the longest and shortest keywords: commit by commit, one character of each is
 * broken and then mended, so that deltas either way start or end an instruction at that offset.
 */
function seamHistory(repo: Repo): void {
  const byLength = [...new Set(KEYWORDS)].sort((a, b) => b.length - a.length);
  const chosen = [...byLength.slice(0, 3), ...byLength.slice(-2)];
  const around = (keyword: string) => `${LINES.slice(0, 2000)}${keyword}${LINES.slice(2000, 4000)}`;
  for (let offset = 0; offset < chosen[0].length; offset++) {
    const broken: Record<string, string> = {};
    const mended: Record<string, string> = {};
    chosen.forEach((keyword, i) => {
      const at = offset % keyword.length;
      broken[`seams/${i}.txt`] = around(keyword.slice(0, at) + '#' + keyword.slice(at + 1));
      mended[`seams/${i}.txt`] = around(keyword);
    });
    repo.commit(`break ${offset}`, broken);
    repo.commit(`mend ${offset}`, mended);
  }
}

/** Every blob in the repository by the byte prefilter over its whole content: name → [dirty, content]. */
function truth(repo: Repo): Map<string, { dirty: boolean; data: Buffer }> {
  const out = spawnSync('git', ['cat-file', '--batch-all-objects', '--batch'], { cwd: repo.dir, maxBuffer: 1 << 30 });
  const blobs = new Map<string, { dirty: boolean; data: Buffer }>();
  const parser = new BatchParser({ maxSize: Infinity, onBlob: (blob) => blob.data && blobs.set(blob.sha, { dirty: PREFILTER(blob.data), data: Buffer.from(blob.data) }) });
  parser.push(out.stdout);
  parser.finish();
  return blobs;
}

function packsOf(repo: Repo): string[] {
  const dir = path.join(repo.dir, '.git', 'objects', 'pack');
  return readdirSync(dir).filter((name) => name.endsWith('.pack')).map((name) => path.join(dir, name));
}

interface Judged {
  clean: Set<string>;
  dirty: Set<string>;
  judges: PackJudge[];
}

function judgeRepo(repo: Repo, options: { hashLength?: number; maxSize?: number; cacheBytes?: number; parts?: number; values?: boolean } = {}): Judged {
  const judged: Judged = { clean: new Set(), dirty: new Set(), judges: [] };
  const keywords = keywordSet(KEYWORDS);
  const cache = new BlobCache(options.cacheBytes ?? 32 * 1024 * 1024);
  const anchors = options.values ? valueAnchors(RULES) : null;
  const values = anchors === null ? undefined : { anchors: keywordSet(anchors.anchors), longRun: anchors.longRun };
  packsOf(repo).forEach((pack, packNumber) => {
    const index = parsePackIndex(readFileSync(pack.replace(/\.pack$/, '.idx')), options.hashLength ?? 20);
    const judge = new PackJudge(new PackFile(pack), index, { keywords, values, maxSize: options.maxSize ?? 10 * 1024 * 1024, cache, packNumber });
    const parts = options.parts ?? 1;
    // Parts in reverse: a later part judged first must reach back for its bases on its own.
    for (let part = parts - 1; part >= 0; part--) {
      const verdict = judge.judgeRanks(judge.rankAtFraction(part / parts), judge.rankAtFraction((part + 1) / parts));
      for (const name of verdict.clean) judged.clean.add(name);
      for (const name of verdict.dirty) judged.dirty.add(name);
    }
    judged.judges.push(judge);
  });
  return judged;
}

/** All keyword occurrences of `data`, as the pack reader keeps them (sorted by start, then length). */
function occurrencesOf(data: Buffer): number[] {
  const found = keywordSet(KEYWORDS).occurrences(data, 0, data.length);
  const pairs: Array<[number, number]> = [];
  for (let i = 0; i < found.length; i += 2) pairs.push([found[i], found[i + 1]]);
  return pairs.sort((a, b) => a[0] - b[0] || a[1] - b[1]).flat();
}

function expectExact(repo: Repo, judged: Judged, maxSize = 10 * 1024 * 1024): void {
  const blobs = truth(repo);
  let judgedCount = 0;
  for (const [name, { dirty, data }] of blobs) {
    if (data.length > maxSize) {
      expect(judged.clean.has(name) || judged.dirty.has(name), `${name} is over the size limit: left to git`).toBe(false);
      continue;
    }
    judgedCount++;
    expect(judged.dirty.has(name), `${name} dirty`).toBe(dirty);
    expect(judged.clean.has(name), `${name} clean`).toBe(!dirty);
    // The positions too: they are what later deltas and the full scan build on.
    const blob = judged.judges.map((judge) => judge.blob(name)).find((found) => found !== null);
    expect(blob?.data.equals(data), `${name} rebuilt`).toBe(true);
    expect(blob?.keywords, `${name} keyword positions`).toEqual(occurrencesOf(data));
  }
  expect(judgedCount).toBeGreaterThan(40);
  expect(judged.dirty.size).toBeGreaterThan(10);
  expect(judged.clean.size).toBeGreaterThan(10);
}

describe('pack reader with the engine value anchors: names alone are clean', () => {
  it('judges a blob that only names AWS clean and one holding a value dirty, through deltas, and the engine finds nothing in any blob it judges clean', async () => {
    const repo = Repo.init();
    randomHistory(repo, 20261126, 60);
    const names = `aws region us-east-1\n${LINES.slice(0, 6000)}const awsClient = makeAwsClient(); // AWS SDK\n`;
    repo.commit('names only', { 'aws.ts': names });
    const leak = fakeLeak();
    repo.commit('a key', { 'aws.ts': names + leak.text });
    repo.commit('a long run', { 'aws.ts': names.replace('// line 7\n', `// line 7 ${'wJalrXUtnFEMIK7MDENGbPxRfiCYEXAMPLEKEY0'.slice(0, 20).repeat(2)}\n`) });
    repo.commit('a join', { 'aws.ts': names.replace('// line 9\n', `const part = "abc" + "def";\n`) });
    repo.git('repack', '-adfq', '--depth=50', '--window=50');
    const byName = (file: string, rev: string) => repo.git('rev-parse', `${rev}:${file}`).trim();
    const judged = judgeRepo(repo, { values: true });
    const blobs = truth(repo);
    let namesOnly = 0;
    for (const [name, { dirty, data }] of blobs) {
      expect(judged.clean.has(name) || judged.dirty.has(name), `${name} judged`).toBe(true);
      // Never dirtier than the byte prefilter; cleaner only where the engine finds nothing.
      if (!dirty) expect(judged.clean.has(name), `${name} clean`).toBe(true);
      if (dirty && judged.clean.has(name)) {
        namesOnly++;
        expect(detectChunk({ path: 'f.ts', data }, RULES).candidates, `${name} has findings`).toEqual([]);
      }
      const blob = judged.judges.map((judge) => judge.blob(name)).find((found) => found !== null);
      expect(blob?.keywords, `${name} keyword positions`).toEqual(occurrencesOf(data));
    }
    expect(namesOnly).toBeGreaterThan(3);
    expect(judged.clean.has(byName('aws.ts', 'HEAD~3'))).toBe(true);
    for (const rev of ['HEAD~2', 'HEAD~1', 'HEAD']) expect(judged.dirty.has(byName('aws.ts', rev)), `aws.ts at ${rev}`).toBe(true);
  });
});

describe('pack reader: clean or dirty, exactly as the byte prefilter says', () => {
  const repo = Repo.init();
  randomHistory(repo, 20261122, 150);
  seamHistory(repo);

  it('on an aggressively deltified pack (OFS deltas, chains up to 50), whole and in parts', async () => {
    repo.git('repack', '-adfq', '--depth=50', '--window=50');
    expect(packsOf(repo)).toHaveLength(1);
    expect(repo.git('verify-pack', '-v', packsOf(repo)[0].replace(/\.pack$/, '.idx'))).toMatch(/chain length = (?:[2-9]|[1-9]\d): /);
    expectExact(repo, judgeRepo(repo));
    expectExact(repo, judgeRepo(repo, { parts: 5 }));
  });

  it('with a cache too small to keep anything (every base rebuilt from its chain)', async () => {
    expectExact(repo, judgeRepo(repo, { cacheBytes: 1024, parts: 3 }));
  });

  it('leaves blobs over the size limit, and deltas built on them, to git', async () => {
    expectExact(repo, judgeRepo(repo, { maxSize: 20_000 }), 20_000);
  });

  it('on REF deltas and a version 1 index', async () => {
    repo.gitWith({}, '-c', 'repack.useDeltaBaseOffset=false', 'repack', '-adfq', '--depth=20');
    expectExact(repo, judgeRepo(repo));
    repo.gitWith({}, '-c', 'pack.indexVersion=1', 'repack', '-adfq');
    expect(readFileSync(packsOf(repo)[0].replace(/\.pack$/, '.idx')).readUInt32BE(0)).not.toBe(0xff744f63);
    expectExact(repo, judgeRepo(repo, { parts: 2 }));
  });

  it('on a SHA-256 repository', async () => {
    const sha256 = new Repo(tempDir('keywarden-repo-'));
    sha256.git('init', '-q', '--object-format=sha256', '-b', 'main');
    randomHistory(sha256, 7, 40);
    sha256.git('repack', '-adfq', '--depth=30');
    expectExact(sha256, judgeRepo(sha256, { hashLength: 32 }));
  });
});

/** A pack written by hand (git's format), so that deltas put their seams exactly where a test wants them. */
class PackWriter {
  private readonly parts: Buffer[] = [];
  private at = 12;
  private count = 0;

  /** Adds a whole blob; returns its entry's offset. */
  blob(data: Buffer): number {
    return this.entry(3, data.length, Buffer.alloc(0), data);
  }

  /** Adds an OFS_DELTA on the entry at `base` (of `baseLength` bytes) from instructions; returns its offset. */
  delta(base: number, baseLength: number, ops: Array<{ copy: [number, number] } | { insert: Buffer }>): number {
    const body: number[] = [...varint(baseLength), ...varint(ops.reduce((sum, op) => sum + ('copy' in op ? op.copy[1] : op.insert.length), 0))];
    for (const op of ops) {
      if ('insert' in op) body.push(op.insert.length, ...op.insert);
      else {
        const [offset, length] = op.copy;
        body.push(0x80 | 0x0f | 0x30, offset & 255, (offset >> 8) & 255, (offset >> 16) & 255, offset >>> 24, length & 255, (length >> 8) & 255);
      }
    }
    // The distance back to the base, in git's offset encoding.
    let distance = this.at - base;
    const encoded = [distance & 127];
    while ((distance >>= 7)) encoded.unshift(128 | (--distance & 127));
    return this.entry(6, body.length, Buffer.from(encoded), Buffer.from(body));
  }

  /** Writes the pack into the repository and lets git index it. */
  install(repo: Repo): void {
    const head = Buffer.alloc(12);
    head.write('PACK', 0, 'latin1');
    head.writeUInt32BE(2, 4);
    head.writeUInt32BE(this.count, 8);
    const body = Buffer.concat([head, ...this.parts]);
    const checksum = createHash('sha1').update(body).digest();
    const file = path.join(repo.dir, '.git', 'objects', 'pack', `pack-${checksum.toString('hex')}.pack`);
    writeFileSync(file, Buffer.concat([body, checksum]));
    repo.git('index-pack', file); // verifies every object and writes the .idx beside it
  }

  private entry(type: number, size: number, extra: Buffer, data: Buffer): number {
    const header = [(type << 4) | (size & 15)];
    for (let rest = Math.floor(size / 16); rest > 0; rest = Math.floor(rest / 128)) {
      header[header.length - 1] |= 0x80;
      header.push(rest & 127);
    }
    const offset = this.at;
    const bytes = Buffer.concat([Buffer.from(header), extra, deflateSync(data)]);
    this.parts.push(bytes);
    this.at += bytes.length;
    this.count++;
    return offset;
  }
}

function varint(value: number): number[] {
  const bytes: number[] = [];
  do {
    bytes.push((value & 127) | (value >= 128 ? 128 : 0));
    value = Math.floor(value / 128);
  } while (value > 0);
  return bytes;
}

describe('pack reader: keywords at the very edges of delta instructions', () => {
  it('finds a keyword completed by a one-byte insert at each of its offsets, or joined from two copies, and carried on', async () => {
    const byLength = [...new Set(KEYWORDS)].sort((a, b) => b.length - a.length);
    const pack = new PackWriter();
    const filler = (n: number) => Buffer.from('-'.repeat(n));
    for (const keyword of [...byLength.slice(0, 3), byLength[byLength.length - 1]]) {
      const word = Buffer.from(keyword);
      for (let k = 0; k < word.length; k++) {
        // Base: the keyword with byte k broken; result: mended by inserting that one byte.
        const broken = Buffer.concat([filler(40), word.subarray(0, k), Buffer.from('#'), word.subarray(k + 1), filler(40)]);
        const base = pack.blob(broken);
        const mended = pack.delta(base, broken.length, [{ copy: [0, 40 + k] }, { insert: word.subarray(k, k + 1) }, { copy: [41 + k, broken.length - 41 - k] }]);
        // A delta on the mended blob that copies the keyword whole, elsewhere: found through the base's positions.
        pack.delta(mended, broken.length, [{ insert: Buffer.from('moved:') }, { copy: [20, broken.length - 20] }]);
        // The keyword joined from two copies of distant halves: the only seam near it is between them, at k.
        if (k > 0) {
          const halves = Buffer.concat([filler(100), word.subarray(0, k), filler(60), word.subarray(k), filler(10)]);
          const apart = pack.blob(halves);
          pack.delta(apart, halves.length, [{ copy: [50, 50 + k] }, { copy: [100 + k + 60, word.length - k] }, { copy: [0, 40] }]);
        }
      }
    }
    const repo = Repo.init();
    pack.install(repo);
    const judged = judgeRepo(repo);
    expectExact(repo, judged);
  });
});

describe('pack reader: damaged packs', () => {
  it('throws an error or answers, never hangs or crashes, whatever byte of a pack is damaged', async () => {
    const repo = Repo.init();
    randomHistory(repo, 5, 25);
    repo.git('repack', '-adfq', '--depth=20');
    const [pack] = packsOf(repo);
    const index = parsePackIndex(readFileSync(pack.replace(/\.pack$/, '.idx')), 20);
    const original = readFileSync(pack);
    const next = random(42);
    const damaged = path.join(tempDir(), 'damaged.pack');
    let errors = 0;
    for (let round = 0; round < 150; round++) {
      const bytes = Buffer.from(original);
      // Past the 12-byte header (a bad header is refused at once): one to three bytes changed.
      for (let flips = 1 + next(3); flips > 0; flips--) bytes[12 + next(bytes.length - 32)] ^= 1 + next(255);
      writeFileSync(damaged, bytes);
      try {
        const judge = new PackJudge(new PackFile(damaged), index, { keywords: keywordSet(KEYWORDS), maxSize: 1024 * 1024 });
        judge.judgeRanks(0, index.count);
      } catch (error) {
        expect(error).toBeInstanceOf(Error);
        errors++;
      }
    }
    expect(errors).toBeGreaterThan(10); // the damage was real
  });
});

describe('scan --history reading packs', () => {
  const scan = async (repo: Repo, env: Record<string, string> = {}) => {
    const result = await runKeywarden(['scan', '--history', '--format', 'json', '--no-redact'], { cwd: repo.dir, env });
    const report = jsonReport(result);
    delete report.scan.durationMs;
    return { report, stderr: result.stderr, status: result.status };
  };

  /** A history with keys on branches and in files edited around them; part packed, part loose. */
  function leakyHistory(repo: Repo): string[] {
    const secrets: string[] = [];
    randomHistory(repo, 99, 30);
    const first = fakeLeak();
    secrets.push(first.secret);
    repo.commit('add a key', { 'src/a.ts': readFileSync(path.join(repo.dir, 'src/a.ts'), 'utf8') + `// setup\n${first.text}` });
    repo.commit('more', { 'src/a.ts': readFileSync(path.join(repo.dir, 'src/a.ts'), 'utf8').replace('// setup', '// set up') });
    repo.git('checkout', '-q', '-b', 'side');
    const second = fakeLeak('ASIA');
    secrets.push(second.secret);
    repo.commit('side key', { 'conf/c.ini': readFileSync(path.join(repo.dir, 'conf/c.ini'), 'utf8') + second.text });
    repo.git('checkout', '-q', 'main');
    repo.git('repack', '-adfq', '--depth=50');
    // After the pack: a loose commit, and a second pack of more loose objects.
    const third = fakeLeak();
    secrets.push(third.secret);
    repo.commit('loose key', { 'deploy.env': third.text });
    repo.git('repack', '-dq');
    const fourth = fakeLeak();
    secrets.push(fourth.secret);
    repo.commit('still loose', { 'src/b.ts': readFileSync(path.join(repo.dir, 'src/b.ts'), 'utf8') + fourth.text });
    return secrets;
  }

  let leaky: { repo: Repo; secrets: string[] } | undefined;

  /** leakyHistory in a SHA-1 repository, built once per file; each test gets a copy of its own. */
  function leakyRepo(): { repo: Repo; secrets: string[] } {
    if (leaky === undefined) {
      const repo = Repo.init();
      leaky = { repo, secrets: leakyHistory(repo) };
    }
    return { repo: leaky.repo.copy(), secrets: leaky.secrets };
  }

  it('reports exactly what reading every blob through git reports, over packed and loose objects', async () => {
    const { repo, secrets } = leakyRepo();
    expect(packsOf(repo).length).toBe(2);
    const direct = await scan(repo);
    const throughGit = await scan(repo, { KEYWARDEN_READ_PACKS: '0' });
    expect(direct.status).toBe(1);
    expect(direct.report).toEqual(throughGit.report);
    for (const secret of secrets) expect(direct.report.findings.filter((finding: any) => finding.secret === secret)).toHaveLength(1);
    expect(direct.stderr).toBe(throughGit.stderr);
  });

  it('gives up judging a history whose bytes are mostly dirty (AWS named next to values), quietly, and reads it through git', async () => {
    const next = seeded(13);
    const key = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
    const run = (length: number) => Array.from({ length }, () => key[Math.floor(next() * 64)]).join('');
    // Files that name AWS and hold a long run of key characters (fixtures of random base64, a minified bundle):
    // dirty, all of them. Random text does not compress, so the pack is past the one-thread minimum (4 MiB).
    const heavy = Repo.init();
    for (let c = 0; c < 2; c++) {
      const files: Record<string, string> = {};
      for (let f = 0; f < 20; f++) files[`tests/fixture_${f}.b64`] = `# aws fixture ${c}.${f}\n${run(200_000)}\n`;
      heavy.commit(`fixtures ${c}`, files);
    }
    const leak = fakeLeak();
    heavy.commit('a key', { 'deploy.env': leak.text });
    heavy.git('repack', '-adq');
    const notes: Note[] = [];
    const packs = startPackScan(heavy.dir, defaultConfig(heavy.dir), KEYWORDS, notes, () => {});
    expect(await packs.verdict).toBeNull();
    await packs.close();
    expect(notes).toEqual([]);
    // The same history with the runs broken short: no value anywhere, so judged as before (every blob clean).
    const light = Repo.init();
    for (let c = 0; c < 2; c++) {
      const files: Record<string, string> = {};
      for (let f = 0; f < 20; f++) files[`tests/fixture_${f}.b64`] = `# aws fixture ${c}.${f}\n${run(200_000).toLowerCase().replace(/(.{30})/g, '$1 ')}\n`;
      light.commit(`fixtures ${c}`, files);
    }
    light.git('repack', '-adq');
    const lightPacks = startPackScan(light.dir, defaultConfig(light.dir), KEYWORDS, notes, () => {});
    const lightVerdict = await lightPacks.verdict;
    expect(lightVerdict!.sizes.size - lightVerdict!.dirty.size).toBeGreaterThan(0);
    await lightPacks.close();
    // The report is the same as the reader's off, and the key is found.
    const direct = await scan(heavy);
    expect(direct.report).toEqual((await scan(heavy, { KEYWARDEN_READ_PACKS: '0' })).report);
    expect(direct.report.findings.map((finding: any) => finding.secret)).toContain(leak.secret);
    expect(direct.stderr).toBe('');
  });

  it('scans dirty blobs alike whether the threads hand them over and stop, or keep them and scan them', async () => {
    const { repo, secrets } = leakyRepo();
    const scanWith = async (keepBytes: number) => {
      const notes: Note[] = [];
      const packs = startPackScan(repo.dir, defaultConfig(repo.dir), KEYWORDS, notes, () => {}, keepBytes);
      const verdict = (await packs.verdict)!;
      const found = new Map<string, string[]>();
      let clean = 0;
      await packs.scan([...verdict.dirty.keys()].map((sha) => ({ sha, path: 'deploy/credentials' })), {
        onFound: (sha, result) => found.set(sha, result.candidates.map((candidate) => candidate.secret).sort()),
        onClean: (items) => (clean += items),
        onProgress: () => {},
      });
      await packs.close();
      expect(notes).toEqual([]);
      return { found: [...found].sort(), clean, dirty: verdict.dirty.size };
    };
    const handedOver = await scanWith(32 * 1024 * 1024);
    const onThreads = await scanWith(0);
    expect(handedOver).toEqual(onThreads);
    // The two keys of the packed history (the others are loose: not the pack reader's).
    expect(handedOver.found.flatMap(([, found]) => found)).toEqual(expect.arrayContaining(secrets.slice(0, 2)));
    expect(handedOver.found.length).toBeGreaterThan(2);
    expect(handedOver.clean + handedOver.found.length).toBe(handedOver.dirty);
  });

  it('reads a repository of many small packs (each fetch or push leaves one), keys in some of them', async () => {
    const repo = Repo.init();
    const secrets: string[] = [];
    for (let i = 0; i < 30; i++) {
      const leak = i % 7 === 3 ? fakeLeak() : null;
      if (leak) secrets.push(leak.secret);
      repo.commit(`step ${i}`, { [`part${i % 4}.txt`]: `step ${i}\n${LINES.slice(0, 3000 + i * 10)}${leak ? leak.text : ''}` });
      repo.git('repack', '-dq'); // a new pack of just the objects since the last one
    }
    expect(packsOf(repo).length).toBe(30);
    const direct = await scan(repo);
    expect(direct.report).toEqual((await scan(repo, { KEYWARDEN_READ_PACKS: '0' })).report);
    expect(direct.report.findings.map((finding: any) => finding.secret).filter((secret: string) => secrets.includes(secret)).sort()).toEqual([...secrets].sort());
  });

  it('reads the dirty blobs through git when the pack threads fail while scanning them, counting nothing twice', async () => {
    const repo = Repo.init();
    const leak = fakeLeak();
    repo.commit('keys', { 'a.env': leak.text, 'b.txt': 'aws region only\n' });
    const blobs = repo.git('ls-tree', '-r', 'HEAD').trim().split('\n').map((line) => {
      const [meta, path] = line.split('\t');
      return { sha: meta.split(' ')[2], path, size: Number(repo.git('cat-file', '-s', meta.split(' ')[2]).trim()) };
    });
    // Threads that report one blob and then fail: that report must be dropped, not counted.
    const failing = {
      verdict: Promise.resolve(null),
      async scan(_blobs: unknown, callbacks: { onFound: (sha: string, result: unknown) => void; onClean: (items: number, bytes: number) => void }) {
        callbacks.onFound(blobs[0].sha, { candidates: [] });
        callbacks.onClean(5, 500);
        throw new Error('pack reader: lost');
      },
      close: async () => {},
    };
    const rules = loadRules(defaultConfig(repo.dir));
    const context = { cwd: repo.dir, config: defaultConfig(repo.dir), options: {} as never, stdin: process.stdin, progress: null, keywords: KEYWORDS, readPacks: true, logReaders: 'two' };
    const recorded: string[] = [];
    const stats = { files: 0, bytes: 0, commits: 0 };
    const notes: Array<{ message: string }> = [];
    const record = (plan: { sha: string; path: string }, result: { candidates: Array<{ secret: string }> }) => {
      recorded.push(`${plan.path}:${result.candidates.map((candidate) => candidate.secret).sort().join(',')}`);
      stats.files++;
    };
    const fallback = catFileScanner(context, async (chunk) => detectChunk(chunk, rules));
    const sink = { record: record as never, clean: (items: number) => void (stats.files += items), scanned: () => {}, missing: new MissingBlobs() };
    await packScanner(failing as never, fallback, notes as never).scan(blobs, sink);
    expect(recorded.sort()).toEqual([`a.env:${[leak.id, leak.secret].sort().join(',')}`, 'b.txt:']);
    expect(stats.files).toBe(2);
    expect(notes.map((note) => note.message)).toEqual(['the pack reader failed, so 2 blobs were read through git instead: pack reader: lost']);
  });

  it('falls back to git for a pack it cannot read, and says so', async () => {
    const { repo, secrets } = leakyRepo();
    const bogus = path.join(repo.dir, '.git', 'objects', 'pack', `pack-${'0'.repeat(40)}`);
    writeFileSync(`${bogus}.pack`, Buffer.concat([Buffer.from('PACK'), Buffer.from([0, 0, 0, 9, 0, 0, 0, 0])]));
    writeFileSync(`${bogus}.idx`, Buffer.alloc(2048, 7));
    const result = await scan(repo);
    expect(result.stderr).toMatch(/read the blobs of pack-0+\.pack through git instead of directly: pack version 9 is not supported/);
    expect(result.report).toEqual((await scan(repo, { KEYWARDEN_READ_PACKS: '0' })).report);
    for (const secret of secrets) expect(result.report.findings.some((finding: any) => finding.secret === secret)).toBe(true);
  });

  it('scans a SHA-256 repository the same way', async () => {
    const repo = new Repo(tempDir('keywarden-repo-'));
    repo.git('init', '-q', '--object-format=sha256', '-b', 'main');
    const secrets = leakyHistory(repo);
    const direct = await scan(repo);
    expect(direct.report).toEqual((await scan(repo, { KEYWARDEN_READ_PACKS: '0' })).report);
    for (const secret of secrets) expect(direct.report.findings.filter((finding: any) => finding.secret === secret)).toHaveLength(1);
    expect(direct.report.findings[0].commit.sha).toMatch(/^[0-9a-f]{64}$/);
  });

  it('changes nothing in the repository', async () => {
    const { repo } = leakyRepo();
    const before = spawnSync('sh', ['-c', 'find .git -type f -exec sha1sum {} + | sort; git status --porcelain'], { cwd: repo.dir, env: { ...process.env, ...GIT_ENV }, encoding: 'utf8' }).stdout;
    await scan(repo);
    const after = spawnSync('sh', ['-c', 'find .git -type f -exec sha1sum {} + | sort; git status --porcelain'], { cwd: repo.dir, env: { ...process.env, ...GIT_ENV }, encoding: 'utf8' }).stdout;
    expect(after).toBe(before);
  });
});
