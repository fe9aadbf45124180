// A git server for the pre-receive hook's tests: a bare repository with keywarden's hooks/pre-receive
// installed (the real script, running the real built CLI through $KEYWARDEN), pushes over file:// that report
// their exit status and what the pusher saw, and `git daemon` on 127.0.0.1 with receive-pack enabled.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { chmodSync, copyFileSync, mkdtempSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { BIN, ROOT } from './cli.js';
import { GIT_ENV, Repo } from './repo.js';

/** The command line the hook runs keywarden with. */
export const KEYWARDEN = `"${process.execPath}" "${BIN}"`;

/** The environment of every push (and of the daemon): fixed identity, no user config, keywarden for the hook. */
export const PUSH_ENV: NodeJS.ProcessEnv = { ...process.env, ...GIT_ENV, KEYWARDEN, NO_COLOR: '1', LC_ALL: 'C' };

/**
 * A bare repository with the pre-receive hook: the shipped script, or one running `keywarden scan --pre-receive
 * ARGS`. In a new temporary folder, or inside `parent` (the folder a git daemon serves).
 */
export function bareServer(hookArgs?: string, parent?: string): Repo {
  const server = parent === undefined ? Repo.init({ bare: true }) : new Repo(mkdtempSync(path.join(parent, 'repo-')));
  if (parent !== undefined) server.git('init', '-q', '--bare', '-b', 'main');
  const hook = path.join(server.dir, 'hooks', 'pre-receive');
  if (hookArgs === undefined) copyFileSync(path.join(ROOT, 'hooks', 'pre-receive'), hook);
  else writeFileSync(hook, `#!/bin/sh\neval "$KEYWARDEN scan --pre-receive ${hookArgs}"\n`);
  chmodSync(hook, 0o755);
  return server;
}

/** Installs the hook in a server that did not have it (history pushed before the hook existed). */
export function installHook(server: Repo): void {
  const hook = path.join(server.dir, 'hooks', 'pre-receive');
  copyFileSync(path.join(ROOT, 'hooks', 'pre-receive'), hook);
  chmodSync(hook, 0o755);
}

export interface PushResult {
  status: number;
  /** What git printed to the pusher (the hook's lines come as `remote: …`). */
  stderr: string;
  /** --porcelain's lines: one per ref, with its status (`!` rejected). */
  stdout: string;
  /** The hook's lines, without git's `remote: ` prefix and the padding git adds after them. */
  remote: string[];
}

export function push(repo: Repo, url: string, ...args: string[]): PushResult {
  const result = spawnSync('git', ['push', '--porcelain', url, ...args], { cwd: repo.dir, env: PUSH_ENV, encoding: 'utf8', timeout: 60_000 });
  if (result.error) throw result.error;
  const stderr = String(result.stderr);
  const remote = stderr
    .split('\n')
    .filter((line) => line.startsWith('remote: '))
    .map((line) => line.slice('remote: '.length).replace(/\s+$/, ''));
  return { status: result.status ?? -1, stderr, stdout: String(result.stdout), remote };
}

/** The sha a ref has on the server, or null when it has no such ref. */
export function serverRef(server: Repo, ref: string): string | null {
  const result = spawnSync('git', ['rev-parse', '--verify', '--quiet', ref], { cwd: server.dir, encoding: 'utf8' });
  return result.status === 0 ? String(result.stdout).trim() : null;
}

export interface Daemon {
  url(repo: Repo): string;
  stop(): Promise<void>;
}

/** `git daemon` serving `base` on 127.0.0.1 (push enabled), started once its port answers. */
export async function startDaemon(base: string): Promise<Daemon> {
  const port = await freePort();
  const child: ChildProcess = spawn('git', ['daemon', '--reuseaddr', '--export-all', '--enable=receive-pack', '--listen=127.0.0.1', `--port=${port}`, `--base-path=${base}`, base], { env: PUSH_ENV, stdio: 'ignore' });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const daemon: Daemon = {
    url: (repo) => `git://127.0.0.1:${port}/${path.relative(base, repo.dir)}`,
    async stop() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 5000))]);
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    },
  };
  // Bounded wait for the daemon to accept connections.
  for (let attempt = 0; attempt < 100; attempt++) {
    if (child.exitCode !== null) throw new Error(`git daemon exited with ${child.exitCode}`);
    if (await connects(port)) return daemon;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  await daemon.stop();
  throw new Error('git daemon did not start listening within 10 s');
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

function connects(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect(port, '127.0.0.1');
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}
