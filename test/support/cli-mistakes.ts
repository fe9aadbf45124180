// Command lines a newcomer gets wrong, with the one line keywarden must answer (after `keywarden: `, exit 2).
// Shared by test/cli-mistakes.test.ts (every row in-process, the value rows through the built CLI) and
// test/argv.test.ts (the fast path declines each `scan` row and yargs' path gives the same answer).

export interface Mistake {
  argv: string[];
  /** The stderr line after `keywarden: `. */
  error: string;
}

/** Value options, each with what must come before it for the command line to make sense. */
const VALUE_OPTIONS: Array<{ before: string[]; flag: string }> = [
  { before: ['scan'], flag: '--since' },
  { before: ['scan'], flag: '--range' },
  { before: ['scan'], flag: '--format' },
  { before: ['scan'], flag: '--output' },
  { before: ['scan'], flag: '--config' },
  { before: ['scan'], flag: '--baseline' },
  { before: ['scan'], flag: '--max-file-size' },
  { before: ['scan', '--stdin'], flag: '--stdin-name' },
  { before: ['scan'], flag: '--verify-timeout' },
  { before: ['scan'], flag: '--sts-endpoint' },
  { before: ['remediate'], flag: '--report' },
  { before: ['remediate'], flag: '--key' },
  { before: ['remediate'], flag: '--replacements' },
  { before: ['baseline'], flag: '--output' },
];

/** Item 4: a value option with no value, an empty one (`--since "$BASE"` with BASE unset), or a flag in its place. */
export const MISSING_VALUES: Mistake[] = [
  ...VALUE_OPTIONS.flatMap(({ before, flag }) => [
    { argv: [...before, flag], error: `${flag} needs a value` },
    { argv: [...before, `${flag}=`], error: `${flag} needs a value, got an empty one` },
    { argv: [...before, flag, ''], error: `${flag} needs a value, got an empty one` },
    { argv: [...before, flag, '--quiet'], error: `${flag} needs a value, got the option --quiet (write ${flag}=--quiet if that is the value)` },
  ]),
  { argv: ['scan', '--output', '--history'], error: '--output needs a value, got the option --history (write --output=--history if that is the value)' },
  { argv: ['scan', '--since', '', '--quiet'], error: '--since needs a value, got an empty one' },
  { argv: ['scan', '--since', '-q'], error: '--since needs a value, got the option -q (write --since=-q if that is the value)' },
  { argv: ['scan', '-o'], error: '-o needs a value' },
  { argv: ['scan', '-o', '--history'], error: '-o needs a value, got the option --history (write -o=--history if that is the value)' },
  { argv: ['scan', '-qo'], error: '-o needs a value' },
  { argv: ['scan', '--format', 'json', '--format'], error: '--format needs a value' },
];

/** Item 5: misspelt commands and options get a "did you mean"; options without a command say where they go. */
export const UNKNOWN_NAMES: Mistake[] = [
  { argv: ['scna'], error: "unknown command 'scna' (did you mean 'scan'?); commands: scan, remediate, baseline, init, merge, help, version" },
  { argv: ['remedaite', '--key', 'x'], error: "unknown command 'remedaite' (did you mean 'remediate'?); commands: scan, remediate, baseline, init, merge, help, version" },
  { argv: ['help', 'scna'], error: "unknown command 'scna' (did you mean 'scan'?); commands: scan, remediate, baseline, init, merge" },
  { argv: ['frobnicate'], error: "unknown command 'frobnicate'; commands: scan, remediate, baseline, init, merge, help, version" },
  { argv: ['scan', '--fromat', 'json'], error: "unknown option '--fromat' (did you mean '--format'?); keywarden scan --help lists its options" },
  { argv: ['scan', '--stagd'], error: "unknown option '--stagd' (did you mean '--staged'?); keywarden scan --help lists its options" },
  { argv: ['scan', '--history', '--baselien=b.json'], error: "unknown option '--baselien' (did you mean '--baseline'?); keywarden scan --help lists its options" },
  { argv: ['remediate', '--kye', 'x'], error: "unknown option '--kye' (did you mean '--key'?); keywarden remediate --help lists its options" },
  { argv: ['scan', '--bogus'], error: "unknown option '--bogus'; keywarden scan --help lists its options" },
  { argv: ['scan', '-x'], error: "unknown option '-x'; keywarden scan --help lists its options" },
  { argv: ['--fromat', 'json'], error: "unknown option '--fromat' (did you mean '--format'?); keywarden --help lists the commands" },
  { argv: ['--staged'], error: 'name a command before --staged: keywarden scan --staged' },
  { argv: ['scan', '--report', 'r.json'], error: '--report is an option of remediate, not of scan' },
  { argv: ['init', '--format', 'json'], error: '--format is an option of scan, remediate and merge, not of init' },
  { argv: ['baseline'], error: 'baseline needs --output FILE (where to write the baseline)' },
  { argv: [], error: 'name a command: scan, remediate, baseline, init or merge (keywarden --help says what each does)' },
];

/** Item 15 (part): values that are there but wrong; --output is checked before anything is scanned. */
export const BAD_VALUES: Mistake[] = [
  { argv: ['scan', '--verify-timeout', 'abc'], error: "--verify-timeout wants seconds between 0 and 300, got 'abc'" },
  { argv: ['scan', '--verify-timeout', '0'], error: "--verify-timeout wants seconds between 0 and 300, got '0'" },
  { argv: ['scan', '--verify-timeout=-5'], error: "--verify-timeout wants seconds between 0 and 300, got '-5'" },
  { argv: ['scan', '--output', 'missing/dir/x.json'], error: '--output missing/dir/x.json: the folder missing/dir does not exist' },
  { argv: ['scan', '--history', '--output', 'missing/x.json'], error: '--output missing/x.json: the folder missing does not exist' },
  { argv: ['scan', '--staged', '--output', 'file.txt/x.json'], error: '--output file.txt/x.json: file.txt is not a folder' },
  { argv: ['scan', '--output', 'folder'], error: '--output folder: is a folder, not a file' },
  { argv: ['baseline', '--output', 'missing/b.json'], error: '--output missing/b.json: the folder missing does not exist' },
  { argv: ['remediate', '--replacements', 'missing/r.txt'], error: '--replacements missing/r.txt: the folder missing does not exist' },
];

/** Item 13: `--history [REF...]` takes refs only (every word after it up to the next option or `--`), and --range is one argument. */
export const REF_VALUES: Mistake[] = [
  { argv: ['scan', '--history', ''], error: '--history got an empty value: name a branch, tag or commit, or give none to scan every ref' },
  { argv: ['scan', '--history='], error: '--history got an empty value: name a branch, tag or commit, or give none to scan every ref' },
  { argv: ['scan', '--history', 'main', ''], error: '--history got an empty value: name a branch, tag or commit, or give none to scan every ref' },
  { argv: ['scan', '--history', '-'], error: "--history takes branches, tags or commits, got '-' (a ref never starts with '-'; --history with no value scans every ref)" },
  { argv: ['scan', '--history', 'main', '-5'], error: "--history takes branches, tags or commits, got '-5' (a ref never starts with '-'; --history with no value scans every ref)" },
  { argv: ['scan', '--history=--all'], error: "--history takes branches, tags or commits, got '--all' (a ref never starts with '-'; --history with no value scans every ref)" },
  { argv: ['scan', '--history', 'main..feature'], error: "--history takes branches, tags or commits, got the range 'main..feature': scan a range with --range main..feature" },
  { argv: ['scan', '--history', '.'], error: "--history takes branches, tags or commits, not paths: '.' (scan files and folders without --history: keywarden scan .)" },
  { argv: ['scan', '--history', 'main', '--', 'src'], error: '--history scans commits, not paths: src (refs go right after it: --history main; scan files without --history)' },
  { argv: ['scan', 'src', '--history'], error: '--history scans commits, not paths: src (refs go right after it: --history main; scan files without --history)' },
  { argv: ['scan', '--range', 'main', 'feature'], error: '--range is one argument: quote a range of several words (--range "main feature"); paths cannot be combined with it' },
  { argv: ['remediate', '--history', 'a..b'], error: "--history takes branches, tags or commits, got the range 'a..b': scan a range with --range a..b" },
];

/** Help and version, asked for the ways other CLIs answer: exit 0, the text on stdout. */
export const ANSWERED: Array<{ argv: string[]; stdout: 'version' | RegExp }> = [
  { argv: ['-h'], stdout: /keywarden scan \[paths\.\.\]/ },
  { argv: ['scan', '-h'], stdout: /--staged/ },
  { argv: ['remediate', '-h'], stdout: /--replacements/ },
  { argv: ['init', '-h'], stdout: /--force/ },
  { argv: ['help', 'scan'], stdout: /--staged/ },
  { argv: ['-v'], stdout: 'version' },
  { argv: ['-V'], stdout: 'version' },
  { argv: ['version'], stdout: 'version' },
  { argv: ['scan', '-V'], stdout: 'version' },
];

/** The repository files the rows above expect: a file and a folder named in --output paths. */
export const MISTAKE_FILES: Record<string, string> = { 'file.txt': 'text\n', 'folder/keep.txt': 'text\n' };
