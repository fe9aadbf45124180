// The vocabulary of keywarden, used the same way in code, docs, JSON and tests.
//
//   Source ──Chunk──▶ Detect (engine: rules → Candidate[]) ──Located──▶ filters ──▶ Finding ──▶ Reporter
//
// A Source knows git and the file system and nothing of rules; the engine knows rules and nothing of
// git, files or output; reporters know findings and nothing else (docs/ARCHITECTURE.md, checked by
// `npm run lint:deps`). Sentences are made only in reporters and remediation, so JSON and SARIF never
// depend on prose.

/** A scan report's format (`scan --format`). */
export type Format = 'text' | 'json' | 'sarif' | 'github' | 'html';
/** A remediation playbook's format (`remediate --format`). */
export type RemediateFormat = 'text' | 'markdown' | 'json';
/** A merged report's format (`merge --format`). */
export type MergeFormat = 'text' | 'json' | 'sarif' | 'html';

/** What kind of credential a rule finds. */
export type Kind = 'access-key-id' | 'secret-access-key' | 'session-token' | (string & {});

export type Confidence = 'high' | 'medium' | 'low';

export type ScanMode = 'files' | 'staged' | 'history' | 'range' | 'stdin' | 'pre-receive' | 'commit-msg';

/** The commit that introduced a finding (git sources only). `message` is the subject line. */
export interface Commit {
  sha: string;
  author: string;
  email: string;
  /** ISO 8601 author date. */
  date: string;
  message: string;
}

/** One unit of content to scan: a file, a staged blob, a history blob, standard input. */
export interface Chunk {
  /** Posix path relative to the scan root or repository; for a history blob, one path it was seen at. */
  path: string;
  /** Raw bytes (decoded by the engine: UTF-8, UTF-8 BOM, UTF-16 BOM, UTF-16 without; binary as the text inside it) or already-decoded text. */
  data: Buffer | string;
  /**
   * Every keyword occurrence in the bytes (flat [start, length, ...]), when whoever read them already found
   * them all (the pack reader has, for the blobs it judged dirty): the engine then skips its own search.
   */
  keywordsAt?: readonly number[];
}

/** A match the engine reports inside one chunk, before any path, commit, allowlist or baseline is known. */
export interface Candidate {
  ruleId: string;
  kind: Kind;
  /** 1-based, pointing at the secret itself; endColumn is exclusive (column + length on one line). */
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  /** The secret value as it would be used (decoded if it was URL-, JSON- or base64-encoded in the file). */
  secret: string;
  entropy: number;
  confidence: Confidence;
  /** The access key ID a secret or token is paired with, or null. */
  keyId: string | null;
  /** Inside an archive (src/archive): the entry's path in it, nested archives joined by `!/` (`lib/b.jar!/x.properties`); line and column are the entry's. */
  entry?: string;
  /** Set by a filter that accepted this candidate ('inline', 'allowlist', 'baseline', 'path'); such candidates are counted, not reported. */
  allowedBy?: string;
}

export interface DetectResult {
  candidates: Candidate[];
  /** What reading an archive left unread (limits, encrypted entries, damage); only from worker threads' detection (src/archive/detect.ts). */
  notes?: Note[];
}

/** Detection as a service handed to sources: the engine plus the content filters (inline ignores), possibly on worker threads. */
export type Detect = (chunk: Chunk) => Promise<DetectResult>;

/** A candidate placed in the repository: which file, and for git sources which commit introduced it. */
export interface Located extends Candidate {
  file: string;
  commit: Commit | null;
  /** Folder scans inside a git work tree: whether git tracks the file, and whether it ignores it (src/sources/worktree.ts). */
  tracked?: boolean;
  ignored?: boolean;
  /** Found in a commit's or tag's message (git/messages.ts), not in a file: no tip holds it at a path. */
  inMessage?: boolean;
}

/** The reported unit; the JSON report's `findings[]` entries are exactly these fields. */
export interface Finding {
  ruleId: string;
  kind: Kind;
  /** The file in the repository (for an archive: the archive, which is what a history rewrite removes). */
  file: string;
  /** Only for a finding inside an archive: the entry's path in it (`src/.env`, nested `lib/b.jar!/x.properties`); line and column are the entry's. */
  entry?: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  /** Redacted for secret keys and tokens unless --no-redact; access key IDs whole. */
  secret: string;
  /** Stable across runs and machines: rule + path + hash of the secret. What a baseline stores. */
  fingerprint: string;
  entropy: number;
  confidence: Confidence;
  keyId: string | null;
  accountId: string | null;
  commit: Commit | null;
  /** History and range scans: which branches hold the commit, and at which of their tips the secret still is. */
  presence?: Presence;
  /** Folder scans inside a git work tree: whether git tracks the file (false: the key is on disk, not committed). */
  tracked?: boolean;
  /** With tracked false: whether git ignores the file (it will not be committed by `git add -A`). */
  ignored?: boolean;
  /** scan --verify: what STS said about the key (on the key ID's finding and its paired secret and token); absent when the key was not checked. */
  verification?: Verification;
  /** keywarden merge only: the report (repository) the finding came from (src/commands/merge.ts). */
  repository?: string;
}

/** STS GetCallerIdentity's answer for a found key pair (src/aws/verify.ts says what each status means). */
export interface Verification {
  status: 'live' | 'invalid' | 'expired' | 'secret-mismatch' | 'unknown';
  /** From a live answer (else null): the account, the caller ARN, and the IAM user or role name in it. */
  account: string | null;
  arn: string | null;
  user: string | null;
  /** ISO 8601: when STS was asked. */
  checkedAt: string;
}

/** Where a history finding stands today (src/sources/git/presence.ts). */
export interface Presence {
  /** Branches (local, then remote) whose history holds the introducing commit; cut at a limit. */
  refs: string[];
  /** How many branches hold it in all. */
  refCount: number;
  /** Of `refs`, those whose tip still has the secret in the same file. */
  presentAt: string[];
}

export interface ScanStats {
  bytes: number;
  files: number;
  commits: number;
}

/** Something a scan wants the user to know that is not a finding: a skipped file, a shallow history. */
export interface Note {
  level: 'info' | 'warn';
  message: string;
  /** Shown only with --verbose (e.g. one line per file over --max-file-size). */
  verbose?: boolean;
  /** Something the scan was asked to read could not be read (missing objects): exit 2 unless --allow-missing. */
  incomplete?: boolean;
  /** A folder left unwalked (not a file): counted apart when --verbose is off. */
  folder?: boolean;
  /** A file or archive entry left unread, and why (the message says it too): the Action names these in a warning. */
  skipped?: { what: string; why: string };
}

export interface Source {
  mode: ScanMode;
  /** What was scanned, for the report: a path list, a range, "index", "stdin". */
  target: string;
  /**
   * Runs the source to completion, calling detect for each chunk, and returns where each candidate lives. The
   * notes of archives read off the main thread (which detect does not see) go to `archiveNotes`, in order.
   */
  run(detect: Detect, archiveNotes: Note[]): Promise<Located[]>;
  /** The folder reported paths are relative to, when it is not the working directory (git: the repository's top level). */
  root?: string;
  stats: ScanStats;
  notes: Note[];
  /** Where each finding with a commit stands today (git history sources: sources/git/presence.ts). */
  presence?(findings: readonly Located[], detect: Detect, maxSize: number): Promise<Map<Located, Presence>>;
}

/** The version-1 JSON report (docs/ARCHITECTURE.md). */
export interface Report {
  version: 1;
  tool: { name: 'keywarden'; version: string };
  scan: { mode: ScanMode; target: string; durationMs: number; bytes: number; files: number; commits: number };
  findings: Finding[];
}

/** What reporters get beyond the report itself. */
export interface ReportContext {
  /** Findings accepted by inline ignores, allowlists or the baseline, by reason. */
  allowed: Record<string, number>;
  notes: Note[];
  color: boolean;
  verbose: boolean;
  /** scan --only-verified: how many findings were left out because STS did not confirm their key live. */
  leftOut?: number;
}

export type Reporter = (report: Report, context: ReportContext) => string;

/** A progress sink: sources report how far they are; the entry decides whether it is shown (io/progress.ts). */
export interface Progress {
  /**
   * Called often; the sink throttles. Totals may be unknown (0); `fraction` (0..1), when given, says how far
   * the work is when the byte total is not known in advance.
   */
  update(done: { items: number; bytes: number; totalItems: number; totalBytes: number; fraction?: number; label: string }): void;
  done(): void;
}
