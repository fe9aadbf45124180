// Objects a tree or the index names but the repository lacks (a deleted loose object, a partial clone's
// blobs): never fetched, never skipped in silence. The scan says how many and where, and exits 2 unless
// --allow-missing; it changes nothing in .git.
import { readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { jsonReport } from './support/cli.js';
import { runKeywarden } from './support/run.js';
import { fakeLeak } from './support/fakes.js';
import { removeLater, Repo, tempDir } from './support/repo.js';

async function scan(repo: Repo, ...args: string[]): Promise<{ status: number; report: any; stderr: string }> {
  const result = await runKeywarden(['scan', '--format', 'json', '--no-redact', ...args], { cwd: repo.dir, env: { KEYWARDEN_READ_PACKS: undefined } });
  return { status: result.status, report: jsonReport(result), stderr: result.stderr };
}

const secrets = (report: any): string[] => report.findings.map((finding: any) => finding.secret).sort();

/** Deletes a loose object, as damage or a careless cleanup would. */
function dropObject(repo: Repo, sha: string): void {
  rmSync(path.join(repo.dir, '.git', 'objects', sha.slice(0, 2), sha.slice(2)));
}

/** Every file under .git/objects with its size: what a fetch or any write would change. */
function objectFiles(repo: Repo): string[] {
  const root = path.join(repo.dir, '.git', 'objects');
  const out: string[] = [];
  const walk = (dir: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else out.push(`${path.relative(root, full)} ${statSync(full).size}`);
    }
  };
  walk(root);
  return out.sort();
}

describe('missing objects', () => {
  it('--history and --range: a blob the history names but the repository lacks is noted, exit 2; --allow-missing exits on the findings', async () => {
    const repo = Repo.init();
    const lost = fakeLeak();
    const kept = fakeLeak();
    repo.commit('base', { 'README.md': 'hello\n' });
    repo.commit('add', { 'deploy/lost.env': lost.text, 'deploy/kept.env': kept.text });
    dropObject(repo, repo.git('rev-parse', 'HEAD:deploy/lost.env').trim());

    for (const mode of [['--history'], ['--range', 'HEAD~1..HEAD']]) {
      const strict = await scan(repo, ...mode);
      expect(strict.status, strict.stderr).toBe(2);
      expect(strict.stderr).toMatch(/warning: 1 blob is missing from the repository and was not scanned .*: deploy\/lost\.env; .*exit code is 2/);
      expect(secrets(strict.report)).toEqual([kept.id, kept.secret].sort());

      const allowed = await scan(repo, ...mode, '--allow-missing');
      expect(allowed.status, allowed.stderr).toBe(1);
      expect(allowed.stderr).toMatch(/warning: 1 blob is missing .*: deploy\/lost\.env; the scan is incomplete/);
    }
    // Nothing else found, nothing missing: exit 0 stays 0 (the note only with a missing blob).
    const clean = Repo.init();
    clean.commit('base', { 'README.md': 'hello\n' });
    expect(await scan(clean, '--history')).toMatchObject({ status: 0, stderr: '' });
  });

  it('--staged: a staged blob the object store lacks is noted, exit 2 (not skipped as if too large)', async () => {
    const repo = Repo.init();
    repo.commit('base', { 'README.md': 'hello\n' });
    const key = fakeLeak();
    repo.write('prod.env', key.text);
    repo.git('add', 'prod.env');
    // git diff reads the unchanged work-tree file instead; the blob itself is gone.
    dropObject(repo, repo.git('rev-parse', ':prod.env').trim());
    const strict = await scan(repo, '--staged');
    expect(strict.status, strict.stderr).toBe(2);
    expect(strict.stderr).toMatch(/warning: 1 blob is missing from the repository and was not scanned .*: prod\.env;/);
    const allowed = await scan(repo, '--staged', '--allow-missing');
    expect(allowed.status, allowed.stderr).toBe(0);
    expect(allowed.stderr).toMatch(/1 blob is missing .*: prod\.env; the scan is incomplete/);
  });

  it('a partial clone: --history never fetches (no new objects, no contact with the remote), notes the missing blobs, exit 2', async () => {
    const origin = Repo.init();
    origin.git('config', 'uploadpack.allowFilter', 'true');
    const old = fakeLeak();
    const current = fakeLeak();
    origin.commit('base', { 'README.md': 'hello\n' });
    origin.commit('old key', { 'config/old.env': old.text, 'notes/a.txt': 'a\n', 'notes/b.txt': 'b\n' });
    origin.commit('rotate', { 'config/old.env': 'rotated\n', 'notes/a.txt': 'a2\n' });
    origin.commit('current key', { 'config/current.env': current.text });
    const clone = new Repo(path.join(tempDir(), 'clone'));
    // --no-local: a file:// clone that goes through upload-pack, which honours the filter.
    new Repo(path.dirname(clone.dir)).git('clone', '-q', '--no-local', '--filter=blob:none', `file://${origin.dir}`, clone.dir);
    expect(readdirSync(path.join(clone.dir, '.git', 'objects', 'pack')).some((name) => name.endsWith('.promisor'))).toBe(true);
    const before = objectFiles(clone);

    // Blobs of older commits were never fetched: the old key's file and the first notes/a.txt.
    const strict = await scan(clone, '--history');
    expect(strict.status, strict.stderr).toBe(2);
    expect(strict.stderr).toMatch(/warning: 2 blobs are missing from the repository and were not scanned \(a partial clone, or damaged objects\): (config\/old\.env, notes\/a\.txt|notes\/a\.txt, config\/old\.env);/);
    expect(secrets(strict.report)).toEqual([current.id, current.secret].sort());
    expect(objectFiles(clone)).toEqual(before);

    const allowed = await scan(clone, '--history', '--allow-missing');
    expect(allowed.status, allowed.stderr).toBe(1);
    expect(allowed.stderr).toMatch(/2 blobs are missing .*the scan is incomplete \(accepted by --allow-missing\)/);
    expect(objectFiles(clone)).toEqual(before);

    // Through git only (no pack reader), and with the remote gone: a fetch attempt would fail loudly.
    renameSync(origin.dir, removeLater(`${origin.dir}-moved`));
    const viaGit = await runKeywarden(['scan', '--history', '--format', 'json'], { cwd: clone.dir, env: { KEYWARDEN_READ_PACKS: '0' } });
    expect(viaGit.status, viaGit.stderr).toBe(2);
    expect(viaGit.stderr).toMatch(/2 blobs are missing/);
    expect(viaGit.stderr).not.toMatch(/fetch|promisor|fatal/i);
    const range = await runKeywarden(['scan', '--range', 'HEAD~3..HEAD', '--format', 'json'], { cwd: clone.dir });
    expect(range.status, range.stderr).toBe(2);
    expect(range.stderr).toMatch(/blobs? (is|are) missing .*config\/old\.env/);
    expect(objectFiles(clone)).toEqual(before);
  });
});
