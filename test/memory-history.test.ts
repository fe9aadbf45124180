// Memory must not grow with the history (issue #13, item 0: on git/git's 203k commits keywarden died of "heap
// out of memory" at 4.4 GB). A git/git-shaped history from the bench's generator, small but long: 8,000
// commits, a merge in about every fourth, topics forked up to 400 mainline commits behind, so that the merges'
// comparisons with each parent list about 640,000 changes; 1,000 refs (tags, refs/pull/N/head).
// Before the fix the CLI kept every commit with every change and needed a heap of more than 192 MB for this
// (it died at 128 and 192, passed at 256); it must now finish under 48 MB (it passes at 24), and still
// attribute each planted key to the commit that added it.
import { execFileSync, spawnSync } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { BIN, ROOT } from './support/cli.js';
import { fakeLeak } from './support/fakes.js';
import { Repo, tempDir } from './support/repo.js';

const HEAP_MB = 48;

describe('memory for a long history', () => {
  it(`scan --history of 8,000 commits with big merges runs under --max-old-space-size=${HEAP_MB} and attributes every plant`, () => {
    const dir = path.join(tempDir(), 'history');
    const leaks = [fakeLeak(), fakeLeak(), fakeLeak()].map(({ id, secret }) => ({ id, secret }));
    try {
      execFileSync(process.execPath, [path.join(ROOT, 'bench', 'make-history-repo.mjs'), '--out', dir, '--commits', '8000', '--files', '800', '--lag', '400', '--refs', '1000', '--no-repack', '--plants', JSON.stringify(leaks)], { stdio: ['ignore', 'ignore', 'pipe'] });
      const planted = JSON.parse(readFileSync(`${dir}.planted.json`, 'utf8'));
      expect(planted.plants).toHaveLength(3);
      const result = spawnSync(process.execPath, [`--max-old-space-size=${HEAP_MB}`, BIN, 'scan', '--history', '--format', 'json', '--no-redact', '--quiet'], { cwd: dir, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024, env: { ...process.env, NO_COLOR: '1' } });
      expect(result.status, `exit ${result.status} (signal ${result.signal}): ${result.stderr.slice(-2000)}`).toBe(1);
      const report = JSON.parse(result.stdout);
      expect(report.scan.commits).toBe(8000);
      const found = report.findings.map((finding: any) => `${finding.secret} ${finding.file} ${finding.commit.sha}`).sort();
      const expected = planted.plants.flatMap((plant: any) => [plant.id, plant.secret].map((value) => `${value} ${plant.path} ${plant.commit}`)).sort();
      expect(found).toEqual(expected);
      // Where each stands today, over 8,000 commits numbered as rev-list lists them (presence.ts): the branches
      // git itself says contain the commit.
      for (const finding of report.findings) {
        const containing = execFileSync('git', ['for-each-ref', '--contains', finding.commit.sha, '--format=%(refname)', 'refs/heads/', 'refs/remotes/'], { cwd: dir, encoding: 'utf8' }).trim().split('\n').filter(Boolean);
        expect(finding.presence.refCount, finding.commit.sha).toBe(containing.length);
        expect(containing, finding.commit.sha).toEqual(expect.arrayContaining(finding.presence.refs));
      }
      expect(report.findings.some((finding: any) => finding.presence.refCount > 0)).toBe(true);
    } finally {
      rmSync(path.dirname(dir), { recursive: true, force: true });
    }
  }, 120_000);

  it('attributes keys in more blobs than fit on one command line (a full second read instead of --find-object)', () => {
    const repo = Repo.init();
    try {
      const leaks = Array.from({ length: 1001 }, () => fakeLeak());
      const first = repo.commit('many keys', Object.fromEntries(leaks.map((leak, index) => [`keys/${index}.ini`, leak.text])));
      repo.git('checkout', '-q', '-b', 'side');
      const second = repo.commit('one more on a side branch, and a copy', { 'keys/copy.ini': leaks[0].text, 'keys/new.ini': fakeLeak().text });
      repo.git('checkout', '-q', 'main');
      repo.git('merge', '-q', '--no-ff', '-m', 'merge side', 'side');
      const result = spawnSync(process.execPath, [BIN, 'scan', '--history', '--format', 'json', '--no-redact', '--quiet'], { cwd: repo.dir, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
      expect(result.status, result.stderr).toBe(1);
      const findings = JSON.parse(result.stdout).findings;
      expect(findings).toHaveLength(2 * 1001 + 2);
      expect(findings.filter((finding: any) => finding.commit.sha === first)).toHaveLength(2 * 1001);
      expect(findings.filter((finding: any) => finding.commit.sha === second).map((finding: any) => finding.file)).toEqual(['keys/new.ini', 'keys/new.ini']);
    } finally {
      rmSync(repo.dir, { recursive: true, force: true });
    }
  }, 120_000);
});
