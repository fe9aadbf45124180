// How far keywarden reads into an archive: one settings object, with defaults, set by the `archives` key of
// .keywarden.json (config/validate.ts). Every limit counts over one archive in the repository together with
// everything nested in it. A hit is a warning note naming the archive and what was left unread, like a file
// over --max-file-size: the scan's exit code still follows its findings (never 2), because the scan did read
// what it was asked to; the archive is what refuses to be read whole (walk.ts says what each hit stops).
export interface ArchiveLimits {
  /** Archives inside archives: 1 reads only the archive itself, 4 reads `a.zip!/b.jar!/c.zip!/d.tgz!/x`. */
  maxDepth: number;
  /** Uncompressed bytes read from one archive, nested ones included; past it the archive's walk stops. */
  maxBytes: number;
  /** Entries (files, folders, links) in one archive, nested ones included; past it the walk stops. */
  maxEntries: number;
  /** Uncompressed / compressed bytes of one entry or gzip stream, once it is over RATIO_FLOOR bytes. */
  maxRatio: number;
}

export const DEFAULT_ARCHIVE_LIMITS: ArchiveLimits = {
  maxDepth: 4,
  // AWS Lambda accepts deployment packages up to 250 MB unzipped; twice that leaves room for layers and jars.
  maxBytes: 512 * 1024 * 1024,
  maxEntries: 100_000,
  // Text deflates 3-10x, logs and JSON up to ~30x; 100x is what Apache POI's zip-bomb guard allows (0.01).
  maxRatio: 100,
};

/** Below this many uncompressed bytes the ratio is not judged: a small file of one repeated byte is no bomb. */
export const RATIO_FLOOR = 1024 * 1024;
