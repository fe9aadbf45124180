// What every source is given. Sources do I/O (files, git) but never print: they report skipped files and
// other remarks as Notes, and progress through the optional sink, which the entry decides to show or not.
import type { Readable } from 'node:stream';
import type { Config } from '../config/types.js';
import type { ScanRequest } from '../commands/requests.js';
import type { Progress } from '../types.js';
import type { LogReaders } from './git/log.js';

export type { Progress };


export interface SourceContext {
  cwd: string;
  /** Read it only in Source.run: the pipeline loads it after the source is created (from the source's top level). */
  config: Config;
  options: ScanRequest;
  stdin: Readable;
  /** null when progress must not be shown (not a TTY, CI, --quiet, JSON to a pipe). */
  progress: Progress | null;
  /** Every rule keyword: bytes without any cannot hold a finding (the engine's byte prefilter). Only in Source.run. */
  keywords: readonly string[];
  /** Does a path itself give a rule evidence (engine/context.ts pathEvidence)? Only in Source.run. */
  pathEvidence: (path: string) => boolean;
  /** History scans may judge blobs straight from the packs (src/sources/git/pack); KEYWARDEN_READ_PACKS=0 says no. */
  readPacks: boolean;
  /**
   * When folder scans move to every core (src/sources/files-pool): `auto` once slow with many files left (files.ts),
   * or from the first file (KEYWARDEN_FILE_THREADS=1), or never (=0).
   */
  fileThreads: 'auto' | 'always' | 'never';
  /**
   * Whether a whole history's log gets a second reader from its other end (git/log.ts streamLogBothEnds): `auto`
   * once it is long, `one` never (KEYWARDEN_LOG_READERS=1), `two` from the first commit (=2, for the tests).
   */
  logReaders: LogReaders;
}
