// Real git repositories in temp folders. Identity and dates are fixed per call so tests are reproducible and
// never depend on the machine's git config.
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const made: string[] = [];

/** A fresh folder under the system's temp folder, removed when its test file ends (test/support/cleanup.ts). */
export function tempDir(prefix = 'keywarden-'): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), prefix));
  made.push(dir);
  return dir;
}

/** A folder a test made beside a temp folder (a renamed copy): removed with them. */
export function removeLater(dir: string): string {
  made.push(dir);
  return dir;
}

/** Removes every folder tempDir made so far (a test file's afterAll: files run one at a time per worker). */
export function removeTempDirs(): void {
  for (const dir of made.splice(0)) {
    try {
      rmSync(dir, { recursive: true, force: true });
    } catch {
      // Node walks by whole paths: a tree deeper than PATH_MAX (files-skips.test.ts) needs rm, which walks by folder.
      execFileSync('rm', ['-rf', dir]);
    }
  }
}

export const GIT_ENV = {
  GIT_AUTHOR_NAME: 'Test Author',
  GIT_AUTHOR_EMAIL: 'author@example.com',
  GIT_COMMITTER_NAME: 'Test Committer',
  GIT_COMMITTER_EMAIL: 'committer@example.com',
  GIT_CONFIG_NOSYSTEM: '1',
  GIT_CONFIG_GLOBAL: '/dev/null',
};

export class Repo {
  private tick = 0;
  constructor(readonly dir: string) {}

  static init(options: { bare?: boolean; branch?: string } = {}): Repo {
    const repo = new Repo(tempDir('keywarden-repo-'));
    repo.git('init', '-q', '-b', options.branch ?? 'main', ...(options.bare ? ['--bare'] : []));
    return repo;
  }

  git(...args: string[]): string {
    return this.gitWith({}, ...args);
  }

  gitWith(env: Record<string, string>, ...args: string[]): string {
    const date = `2024-01-01T00:00:${String(this.tick++ % 60).padStart(2, '0')}Z`;
    return execFileSync('git', args, {
      cwd: this.dir,
      env: { ...process.env, ...GIT_ENV, GIT_AUTHOR_DATE: date, GIT_COMMITTER_DATE: date, ...env },
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
      maxBuffer: 256 * 1024 * 1024,
    });
  }

  write(file: string, content: string | Buffer): string {
    const full = path.join(this.dir, file);
    mkdirSync(path.dirname(full), { recursive: true });
    writeFileSync(full, content);
    return full;
  }

  remove(file: string): void {
    rmSync(path.join(this.dir, file), { force: true, recursive: true });
  }

  /** Merges `branch` into the current branch, expecting a conflict, and resolves it by writing `file` as `content`; returns the merge's sha. */
  mergeResolvingConflict(branch: string, file: string, content: string): string {
    try {
      this.git('merge', '-q', branch);
    } catch {
      // the conflict is expected
    }
    this.write(file, content);
    this.git('add', file);
    this.git('commit', '-q', '--no-edit');
    return this.head();
  }

  /**
   * A copy in a new temp folder (work tree and .git as they are): a history built once, for tests that each
   * change their own. The copied index's stat data is refreshed, so that git finds it as fresh as the original's.
   */
  copy(): Repo {
    const copy = new Repo(tempDir('keywarden-repo-'));
    cpSync(this.dir, copy.dir, { recursive: true, verbatimSymlinks: true });
    copy.tick = this.tick;
    if (existsSync(path.join(copy.dir, '.git', 'index'))) copy.git('update-index', '-q', '--refresh');
    return copy;
  }

  /** Writes the files, stages everything and commits; returns the new commit's sha. */
  commit(message: string, files: Record<string, string | Buffer> = {}): string {
    for (const [file, content] of Object.entries(files)) this.write(file, content);
    this.git('add', '-A');
    this.git('commit', '-q', '--allow-empty', '-m', message);
    return this.head();
  }

  /**
   * The commit HEAD names, read from .git/HEAD and the loose ref a commit has just written: one git process
   * fewer per commit, for tests that build long histories. Anything else (a linked worktree's .git file, a
   * bare repository, a packed or reftable ref) asks git.
   */
  head(): string {
    const sha = /^[0-9a-f]{40}(?:[0-9a-f]{24})?$/;
    try {
      const head = readFileSync(path.join(this.dir, '.git', 'HEAD'), 'utf8').trim();
      const target = head.startsWith('ref: refs/') ? readFileSync(path.join(this.dir, '.git', head.slice(5)), 'utf8').trim() : head;
      if (sha.test(target)) return target;
    } catch {
      // not the layout above: ask git
    }
    return this.git('rev-parse', 'HEAD').trim();
  }
}
