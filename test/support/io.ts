// An in-memory Io for run(argv, io) (src/main.ts): what a command writes, without spawning the CLI.
import { Readable } from 'node:stream';
import type { Io } from '../../src/io/io.js';
import { GIT_ENV } from './repo.js';

export interface FakeIo {
  io: Io;
  stdout(): string;
  stderr(): string;
}

export function fakeIo(cwd: string, stdin = ''): FakeIo {
  let out = '';
  let err = '';
  const io: Io = {
    stdout: { write: (text: string) => (out += text) },
    stderr: { write: (text: string) => (err += text) },
    stdin: Readable.from([stdin]),
    env: { ...process.env, ...GIT_ENV, NO_COLOR: '1' },
    cwd,
  };
  return { io, stdout: () => out, stderr: () => err };
}
