// The CLI contract (DESIGN.md): exit codes, one-line errors, help, version.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, runCli } from './support/cli.js';
import { tempDir } from './support/repo.js';

describe('cli contract', () => {
  it('exits 2 with one line for a missing path', () => {
    const result = runCli(['scan', 'no/such/path']);
    expect(result.status).toBe(2);
    expect(result.stderr.trim().split('\n')).toEqual(['keywarden: no such file or directory: no/such/path']);
    expect(result.stdout).toBe('');
  });

  it('exits 2 with one line for an unknown flag, on both the fast path and yargs', () => {
    for (const args of [['scan', '--bogus'], ['remediate', '--bogus'], ['scan', '-x']]) {
      const result = runCli(args);
      expect(result.status, args.join(' ')).toBe(2);
      expect(result.stderr.trim().split('\n')).toHaveLength(1);
      expect(result.stderr).toMatch(/^keywarden: .*(bogus|x)/);
    }
  });

  it('exits 2 for an unknown command, a bad --format and conflicting modes', () => {
    expect(runCli(['frobnicate']).status).toBe(2);
    const format = runCli(['scan', '--format', 'xml']);
    expect(format.status).toBe(2);
    expect(format.stderr).toContain("unknown --format 'xml'");
    const modes = runCli(['scan', '--staged', '--history']);
    expect(modes.status).toBe(2);
    expect(modes.stderr).toContain('choose one of');
    expect(runCli(['scan', '--max-file-size', 'huge']).status).toBe(2);
  });

  it('prints help and version with exit 0', () => {
    const help = runCli(['--help']);
    expect(help.status).toBe(0);
    expect(help.stdout).toContain('keywarden scan');
    const version = runCli(['--version']);
    expect(version.status).toBe(0);
    const pkg = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
    expect(version.stdout.trim()).toBe(pkg.version);
  });

  it('exits 2 with one line when git is missing or the folder is not a repository', () => {
    const dir = tempDir();
    for (const mode of ['--staged', '--history', '--range=main..HEAD']) {
      const noGit = runCli(['scan', mode], { cwd: dir, env: { PATH: path.join(dir, 'no-such-bin') } });
      expect(noGit.status, mode).toBe(2);
      expect(noGit.stderr, mode).toBe('keywarden: git is not installed or not on PATH\n');
      const notRepo = runCli(['scan', mode], { cwd: dir, env: { GIT_CEILING_DIRECTORIES: path.dirname(dir) } });
      expect(notRepo.status, mode).toBe(2);
      expect(notRepo.stderr, mode).toBe(`keywarden: not a git repository: ${dir}\n`);
    }
    // A plain file scan needs no git at all.
    expect(runCli(['scan', dir], { env: { PATH: path.join(dir, 'no-such-bin') } }).status).toBe(0);
  });

  it('exits 0 on a clean folder', () => {
    const dir = tempDir();
    const result = runCli(['scan', dir]);
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('No AWS credentials found.');
  });
});
