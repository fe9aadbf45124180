// An in-memory Io for run(argv, io) (src/main.ts): what a command writes, without spawning the CLI.
import { Readable } from 'node:stream';
import type { Io } from '../../src/io/io.js';
import { GIT_ENV } from './repo.js';

export interface FakeIo {
  io: Io;
  stdout(): string;
  stderr(): string;
}

/** `env` defaults to this process's, with git's test identity (repo.ts GIT_ENV) and NO_COLOR. */
export function fakeIo(cwd: string, stdin: string | Buffer = '', env: Io['env'] = { ...process.env, ...GIT_ENV, NO_COLOR: '1' }): FakeIo {
  let out = '';
  let err = '';
  const io: Io = {
    stdout: { write: (text: string) => (out += text) },
    stderr: { write: (text: string) => (err += text) },
    stdin: Readable.from([stdin]),
    env,
    cwd,
  };
  return { io, stdout: () => out, stderr: () => err };
}
