// The English catalogue of reports and hooks: every sentence the scan's reports, the hooks and the command
// line's errors write for a person, by where it appears (the rest is in en-guide.ts). Its shape is the type
// `Words`, which every other language's catalogue must match key for key (ja.ts). Entries with data are
// functions: they receive values already escaped for where they go (the callers escape), and decide word order
// and plurals, which differ between languages. Commands inside entries stay valid shell and AWS CLI in every
// language; only their `#` comments are words.

const s = (n: number, one = '', many = 's'): string => (n === 1 ? one : many);

export const en = {
  /** What each rule's `kind` is called in reports and the playbook. */
  kinds: {
    'access-key-id': 'access key ID',
    'secret-access-key': 'secret access key',
    'session-token': 'session token',
    'bedrock-api-key': 'Bedrock API key',
    'bedrock-short-term-key': 'short-term Bedrock API key',
    'service-specific-password': 'service-specific credential password',
    'ses-smtp-password': 'SES SMTP password',
    'appsync-api-key': 'AppSync API key',
    'cloudfront-private-key': 'CloudFront private key',
    'console-password': 'console password',
  } as Record<string, string>,

  /** An access key ID's type, short (the text report's detail line); null shows nothing. */
  keyTypeShort: {
    'long-term': 'long-term key',
    temporary: 'temporary STS key',
    'bearer-token': 'AWS STS service bearer token key',
    'context-specific': 'context-specific credential',
    unknown: null,
  } as Record<'long-term' | 'temporary' | 'bearer-token' | 'context-specific' | 'unknown', string | null>,

  olderFormatKey: 'older-format key',

  /** The text report (src/reporters/text.ts). */
  report: {
    header: ['LINE:COL', 'SECRET', 'KIND', 'RULE', 'CONFIDENCE'] as [string, string, string, string, string],
    confidence: { high: 'high', medium: 'medium', low: 'low' } as Record<string, string>,
    forKey: (keyId: string) => `for ${keyId}`,
    account: (id: string) => `account ${id}`,
    listJoin: ', ',
    verification: {
      live: (arn: string | null) => `LIVE${arn ? ` as ${arn}` : ''}`,
      meaning: {
        invalid: 'AWS does not accept the key ID now',
        expired: 'the session token has expired',
        'secret-mismatch': 'the key ID exists but this is not its secret: treat the key as live',
        unknown: 'no clear answer; the --verify line on stderr says why',
      } as Record<string, string>,
      other: 'unknown answer',
      status: (status: string, meaning: string) => `${status} (${meaning})`,
      line: (what: string, checkedAt: string) => `STS: ${what}, checked ${checkedAt}`,
    },
    presence: {
      more: (shown: string, more: number) => `${shown} and ${more} more`,
      tag: (name: string) => `tag ${name}`,
      noBranch: 'held by no branch (only by tags or stash entries)',
      atTip: (names: string) => `still present at the tip of ${names}`,
      removed: (names: string) => `removed since: gone from the tips of ${names}, still in their history`,
    },
    allowedBy: (n: number, why: string) => `${n} allowed by ${why}`,
    /** What allowed a finding (a finding's allowedBy: a keywarden:allow comment, the baseline), as the report names it. */
    allowedNames: { inline: 'inline', baseline: 'baseline' } as Record<string, string>,
    /** The place a finding in a commit message is shown under (the JSON's `file` stays 'commit message'). */
    commitMessage: 'commit message',
    foundInMessage: (count: number, allowed: string) => `${count} finding${s(count)} in 1 file${allowed}.`,
    allowedList: (items: string[]) => ` (${items.join(', ')})`,
    leftOut: (n: number) => ` ${n} finding${s(n)} left out by --only-verified: STS did not confirm ${n === 1 ? 'its key' : 'their keys'} live.`,
    clean: (live: boolean, allowed: string) => `No ${live ? 'live ' : ''}AWS credentials found.${allowed}`,
    found: (count: number, files: number, allowed: string) => `${count} finding${s(count)} in ${files} file${s(files)}${allowed}.`,
  },

  /** The sentence describing one finding, and the short advice, for annotations and SARIF. */
  finding: {
    annotationTitle: (kind: string, ruleId: string) => `AWS ${kind} (${ruleId})`,
    /** `entry`: ENTRY:LINE inside an archive (the annotation is on the archive file), or null. */
    annotation: (kind: string, secret: string, keyId: string | null, accountId: string | null, entry: string | null) =>
      `AWS ${kind} ${secret}${keyId ? ` for ${keyId}` : ''}${accountId ? ` (account ${accountId})` : ''}${entry ? ` Inside the archive at ${entry}` : ''}.`,
    introduced: (sha: string, author: string, date: string, subject: string) => `Introduced in ${sha} by ${author} on ${date}: ${subject}`,
    verification: (line: string) => `${line}.`,
    advice: 'Deactivate the key in IAM first (rewriting history does not un-leak it), then remove it from the file; `keywarden remediate` prints the commands.',
    githubClean: 'keywarden: no AWS credentials found.',
    githubFound: (count: number) => `keywarden: ${count} AWS credential finding${s(count)}; run \`keywarden remediate\` for the playbook.`,
    sarifResult: (kind: string, secret: string, keyId: string | null, accountId: string | null, entry: string | null, commit: { sha: string; author: string; date: string } | null, verification: { status: string; checkedAt: string } | null) => {
      let text = `AWS ${kind} ${secret}`;
      if (keyId) text += ` (for ${keyId})`;
      if (accountId) text += `, account ${accountId}`;
      if (entry) text += `, inside the archive at ${entry}`;
      if (commit) text += `, introduced in ${commit.sha} by ${commit.author} on ${commit.date}`;
      if (verification) text += `; STS says ${verification.status === 'live' ? 'LIVE' : verification.status} (checked ${verification.checkedAt})`;
      return `${text}.`;
    },
    sarifRoot: 'The root of the scanned repository or folder.',
    sarifShort: (kind: string) => `AWS ${kind} committed to the repository`,
    sarifFull: (kind: string) => `An AWS ${kind} was found in a file. Anyone who can read the repository, its history or a fork can use it until the key is deactivated.`,
    sarifSteps: [
      'Deactivate and delete the key in IAM now (`aws iam update-access-key --status Inactive`, then `aws iam delete-access-key`), after creating a replacement if something depends on it.',
      'Check CloudTrail for what the key did since it was exposed.',
      'Remove the key from the file and keep credentials in `~/.aws/credentials`, environment variables or a secrets manager.',
      'If the commit was pushed, rewriting history does not un-leak the key: deactivation does. `keywarden remediate` prints the full playbook with the real commands for this key.',
      'A false positive: add `keywarden:allow` in a comment on the line, or record it in a baseline (`keywarden baseline --output .keywarden-baseline.json`).',
    ],
    sarifMarkdownTitle: (short: string) => `**${short}.**`,
  },

  /** "What to do now", after a text report with findings (src/remediation/hint.ts). */
  hint: {
    title: 'What to do now:',
    committed: '  1. If a commit holding a key was pushed, treat the key as public: act on the key first, rewrite history last.',
    notCommitted: '  1. Take the credentials out of the files; load them from ~/.aws/credentials or environment variables.',
    deactivate: "  2. Deactivate, then delete each key (a temporary ASIA key: revoke its role's sessions instead):",
    more: (n: number) => `       …and ${n} more key${s(n)}`,
    unpaired: (n: number) => `${n} secret${s(n)} without a key ID: rotate every key that could be its partner.`,
    cloudtrail: "  3. Check CloudTrail in every region for use of the keys, then rotate every IAM user's access keys.",
    full: (command: string) => `Full playbook with ready commands: ${command}`,
    live: (keyId: string, arn: string | null) => `${keyId} is LIVE: AWS accepted it${arn ? ` as ${arn}` : ''}: act on it first.`,
    theRole: (name: string) => `the role ${name}`,
    issuingRole: 'the role that issued it',
    revoke: (keyId: string, role: string) => `${keyId}: IAM console → Roles → ${role} → Revoke sessions`,
    root: (keyId: string) => `${keyId} is the ROOT user's key: sign in as root → Security credentials → Access keys → Deactivate`,
  },

  /** What a commit blocked by the pre-commit or commit-msg hook says after the findings (src/init/advice.ts). */
  blocked: {
    more: (n: number) => `and ${n} more`,
    listJoin: ', ',
    commit: (where: string, files: string) => [
      `Commit blocked: nothing was committed. The staged changes add AWS credentials (${where}).`,
      '',
      'To fix it:',
      '  1. Remove the key from the file. Keep credentials out of the repository: in ~/.aws/credentials',
      '     (`aws configure`), in environment variables (AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY), or in a',
      '     secrets manager, and read them from there.',
      `  2. Stage the fixed file (git add ${files}), or take it out of this commit:`,
      `     git restore --staged ${files}`,
      '  3. Commit again. Only the index is checked: a key left in the working tree but not staged does not block.',
      '',
      'A false positive? Put a `keywarden:allow` comment on that line, or accept it in the baseline the hook reads:',
      '  keywarden baseline --output .keywarden-baseline.json   (at the top of the repository: it records every',
      '  finding in the working tree), then git add .keywarden-baseline.json and commit again.',
    ],
    leaked: (remediate: string) => `Was this key ever pushed, shared or committed elsewhere? Treat it as leaked and deactivate it: ${remediate}`,
    noVerify: 'To commit anyway, skipping every pre-commit check (your responsibility): git commit --no-verify',
    line: (n: number) => `line ${n}`,
    message: (where: string, remediate: string) => [
      `Commit blocked: nothing was committed. The commit message holds AWS credentials (${where}).`,
      '',
      'To fix it: commit again with the key taken out of the message (a message is pushed and kept in the history',
      'like any file). git kept the message you wrote; to edit it: git commit -e -F "$(git rev-parse --git-path COMMIT_EDITMSG)"',
      `Was this key ever pushed, shared or committed elsewhere? Treat it as leaked and deactivate it: ${remediate}`,
      'To commit anyway, skipping every commit-msg check (your responsibility): git commit --no-verify',
    ],
  },

  /** The server-side hook's lines, relayed by git to the pusher (src/cli/pre-receive.ts). */
  preReceive: {
    incomplete: 'push rejected: the scan could not read everything it had to (see above), so it cannot say the push is clean',
    badLine: (n: number) => `--pre-receive reads git's "<old> <new> <ref>" lines on standard input; line ${n} is not one (is this running as a pre-receive hook?)`,
    notCommit: (ref: string, type: string) => `${ref} points at a ${type}, which keywarden does not scan: the push is rejected unscanned`,
    missingObject: (ref: string, sha: string) => `${ref} names an object the repository does not have (${sha}): the push is rejected unscanned`,
    clean: (commits: number) => `no AWS credentials in the ${commits} new commit${s(commits)} of this push`,
    rejected: (n: number) => `push rejected: ${n} AWS credential${s(n)} in the pushed commits:`,
    more: (n: number) => `and ${n} more`,
    seconds: (n: number) => `${n} second${s(n)}`,
    timeoutOpen: (seconds: string) => `warning: the scan for AWS credentials did not finish within ${seconds} (--timeout): the push is accepted UNSCANNED (--on-timeout open)`,
    timeoutClosed: (seconds: string) =>
      `push rejected: the scan for AWS credentials did not finish within ${seconds} (--timeout), and an unscanned push is not let through (--on-timeout closed). Push fewer commits at a time, or ask the administrator to raise the hook's --timeout`,
    inCommit: (sha: string, subject: string) => ` in commit ${sha} "${subject}"`,
    rewrite: 'rewrite these commits without the keys (git rebase -i; a later commit that deletes a key does not take it out of history), then push again',
    leaked: (remediate: string) => `a key that was ever pushed or shared is leaked: deactivate it (${remediate})`,
    falsePositive: "a false positive: a keywarden:allow comment on its line, or an entry in the default branch's .keywarden-baseline.json",
  },

  /** The scan's notes (stderr; the skipped ones under --verbose), from the sources (src/sources/). */
  notes: {
    /** A file or archive entry left unread (listed with --verbose; the Action names them in a warning): what, and why. */
    skip: (what: string, why: string) => `skipped ${what}: ${why}`,
    why: {
      overLimit: (size: number, limit: number) => `${size} bytes is over the ${limit}-byte limit (--max-file-size)`,
      symbolicLink: 'a symbolic link (not followed)',
      notRegularFile: 'not a regular file',
      submodule: 'submodule',
    },
    couldNotRead: (display: string, code: string) => `could not read ${display}: ${code}`,
    notFileOrFolder: (root: string) => `skipped ${root}: not a regular file or folder`,
    couldNotReadFolder: (display: string, code: string) => `could not read folder ${display}: ${code}; its files were not scanned`,
    /** A folder skipped by name (.git, node_modules) unless --no-default-ignores, and why. */
    ignoredFolder: (display: string, name: string) =>
      `skipped ${display}/: ${name === '.git' ? "git's own data (scan --history reads the commits; --no-default-ignores walks it)" : 'installed packages (--no-default-ignores walks it)'}`,
    /** A file with findings that git does not track (a folder scan): the findings stay, this says what it means. */
    untracked: (file: string) => `${file} is not tracked by git: it is not committed yet, but the key is on disk (and \`git add\` would commit it)`,
    ignoredByGit: (file: string) => `${file} is ignored by git: it will not be committed, but the key is on disk`,
    noCommits: 'nothing to scan: the repository has no commits',
    emptyRange: (target: string) => `nothing to scan: ${target} holds no commits`,
    missingBlobs: (count: number, named: string[], more: number, allowed: boolean) =>
      `${count === 1 ? '1 blob is missing from the repository and was not scanned' : `${count} blobs are missing from the repository and were not scanned`} (a partial clone, or damaged objects): ${named.join(', ')}${more > 0 ? `, and ${more} more` : ''}; ${allowed ? 'the scan is incomplete (accepted by --allow-missing)' : 'the scan is incomplete, so the exit code is 2 (--allow-missing accepts that)'}`,
  },

  /** Errors about what the user named (one line, exit 2), common to every command. */
  errors: {
    noSuchPath: (path: string) => `no such file or directory: ${path}`,
    filesWorkerFailed: (message: string) => `folder scan worker failed: ${message}`,
    workerExited: (code: number) => `it stopped with exit code ${code}`,
    notRepository: (dir: string) => `not a git repository: ${dir}`,
    cannotReadReport: (shown: string, code: string) => `cannot read --report ${shown}: ${code}`,
    reportNotJson: (shown: string, problem: string) => `--report ${shown} is not JSON (${problem}); write one with \`keywarden scan --format json --no-redact --output FILE\``,
    reportNotReport: (shown: string, problem: string) => `--report ${shown} is not a keywarden version-1 JSON report: ${problem}`,
    standardInput: '- (standard input)',
    commitMsg: (file: string, code: string) => `--commit-msg: cannot read ${file}: ${code}`,
  },

  /** Errors in what --history, --since and --range name (src/sources/git/revisions.ts, repo.ts). */
  revisions: {
    emptyRef: (flag: string) => `${flag} got an empty value: name a branch, tag or commit, or give none to scan every ref`,
    refSpaces: (flag: string, value: string) => `${flag} takes branches, tags or commits, got '${value}' (a ref has no spaces or control characters)`,
    refDash: (flag: string, value: string) => `${flag} takes branches, tags or commits, got '${value}' (a ref never starts with '-'${flag === '--history' ? '; --history with no value scans every ref' : ''})`,
    refRange: (flag: string, value: string) => `${flag} takes branches, tags or commits, got the range '${value}': scan a range with --range ${value}`,
    refPath: (flag: string, value: string) => `${flag} takes branches, tags or commits, not paths: '${value}' (scan files and folders without ${flag}: keywarden scan ${value})`,
    notRevision: (role: string, rev: string) => `${role} '${rev}' is not a revision`,
    shallow: (role: string, rev: string) => `${role} '${rev}' is not in this shallow clone: fetch the full history (actions/checkout with fetch-depth: 0, or git fetch --unshallow)`,
    notCommit: (role: string, rev: string, type: string) => `${role} '${rev}' names a ${type}, not a commit`,
    shallowNote: 'this is a shallow clone: history is incomplete, and keys in its oldest commits are attributed to them although they may be older (git fetch --unshallow for a full scan)',
    graftsNote: (file: string) => `this repository has a grafts file (${file}), which rewrites commits' parents and can hide commits: keywarden ignores it and scans the real history, as a push or a clone sees it`,
    rangeForms: 'A..B, A...B, A^!, "^A B" or "B --not A"',
    rangeControl: (text: string) => `--range '${text}' holds a tab, newline or control character: separate revisions with spaces`,
    rangeEmpty: (forms: string) => `--range needs revisions: ${forms}`,
    rangeOption: (word: string, forms: string) => `--range takes revisions, not the option '${word}' (only --not is understood; --history scans every ref): ${forms}`,
    rangeNoBase: (text: string, names: string, first: string) => `--range '${text}' excludes nothing, so it is the whole history: scan that with --history ${names}, or name a base (BASE..${first})`,
    rangeOnlyBase: (text: string, rev: string) => `--range '${text}' only excludes commits: name what to scan too (add HEAD, or write ${rev}..HEAD)`,
    rangeNegated: (word: string, rev: string) => `--range '${word}' puts ^ before a range: write '${rev}', or ^A B`,
    rangeNot: (word: string) => `--range: --not applies to single revisions, not '${word}': put the range before --not`,
    rangeDots: (word: string) => `--range '${word}' is not a range: one .. or ... between two revisions`,
    rangeParent: (word: string) => `--range '${word}': parents are numbered from 1 (A^-1 is A^..A)`,
    rangeForm: (word: string, forms: string) => `--range '${word}' is not a form keywarden takes: ${forms}`,
    noParent: (rev: string, parent: number) => `--range '${rev}^-${parent}': '${rev}' has no parent ${parent}`,
    notConnected: (base: string, head: string) => `base '${base}' is not connected to '${head}' in this shallow clone: fetch the full history (actions/checkout with fetch-depth: 0, or git fetch --unshallow)`,
    notConnectedExcluded: (rev: string) => `'${rev}' is not connected to the revisions the range excludes in this shallow clone: fetch the full history (actions/checkout with fetch-depth: 0, or git fetch --unshallow)`,
    historyPath: (message: string, ref: string) => `${message}; --history takes branches, tags or commits, and '${ref}' is a path here (scan files without --history: keywarden scan ${ref})`,
    unknown: (role: string, rev: string, hint: string | null) => `unknown ${role} '${rev}'${hint === null ? ': no such branch, tag or commit' : ` (did you mean '${hint}'?)`}`,
  },

  /** --verify's lines on stderr and why a key was not checked (src/commands/verify-keys.ts). */
  verify: {
    /** What STS's answer means, or why there is none (aws/verify.ts): the detail of a --verify line and the playbook's note. */
    reasons: {
      accepted: 'AWS accepted the key pair: it is active and usable by anyone who has it',
      timeout: (seconds: number) => `no answer within ${seconds} s`,
      busy: (status: number) => `STS answered HTTP ${status}: try again later`,
      rejected: 'AWS does not accept this key ID (deleted, made inactive, or never valid): it does not work now',
      expired: 'the session token has expired: these temporary credentials no longer work',
      mismatch: 'the key ID exists but the secret found with it is not its secret: treat the key as live; the real secret may be elsewhere',
      unclear: (code: string, status: number) => `STS answered ${code} (HTTP ${status}), which does not say whether the key is live`,
      unreachable: (why: string) => `could not reach STS (${why})`,
    },
    skipForeign: 'the key belongs to an account that is not yours; using it could trip a canary token',
    skipRedacted: 'its secret is redacted in the report',
    skipNoSecret: 'no secret access key was found with it',
    skipNoToken: 'a temporary key cannot be checked without its session token, and none was found with it',
    result: (keyId: string, status: string, detail: string) => `--verify ${keyId}: ${status} (${detail})`,
    notChecked: (keyId: string, reason: string) => `--verify ${keyId}: not checked (${reason})`,
    endpointUrl: (raw: string) => `--sts-endpoint wants a URL such as https://sts.eu-west-1.amazonaws.com, got '${raw}'`,
    endpointScheme: (raw: string) => `--sts-endpoint wants an http(s) URL, got '${raw}'`,
  },

  /** The progress bar of long scans (src/io/progress.ts): what it counts, and the time left. */
  progress: {
    labels: { blobs: 'blobs' } as Record<string, string>,
    eta: (seconds: number) => ` ETA ${seconds}s`,
  },

  /** stderr lines of every command (src/output.ts, src/main.ts). */
  output: {
    warning: 'warning: ',
    skippedFiles: (n: number) => `${n} file${s(n)} skipped (over --max-file-size, a submodule, a symbolic link or not a regular file)`,
    skippedFolders: (n: number) => `${n} folder${s(n)} skipped (.git, node_modules)`,
    skipped: (counts: string[]) => `${counts.join(', ')}; --verbose lists them and why`,
    allowed: (why: string, where: string, ruleId: string) => `allowed by ${why}: ${where} ${ruleId}`,
    onlyVerified: (n: number) => `--only-verified: ${n} finding${s(n)} left out (keys STS did not confirm live)`,
    baselineWritten: (n: number, file: string) => `wrote ${n} baseline entr${n === 1 ? 'y' : 'ies'} to ${file}`,
    internalError: (message: string) => `internal error: ${message}`,
    debugHint: ' (run with --debug for details)',
  },

  /** Errors in a configuration, baseline or rules file (src/config/, src/rules/): one line, exit 2. */
  config: {
    empty: (label: string) => `${label}: is empty (expected a JSON object)`,
    invalidJson: (label: string, line: number, column: number, reason: string, hint: string) => `${label}: invalid JSON at line ${line}, column ${column}: ${reason}${hint}`,
    /** Why JSON text is not valid (config/json.ts): a fixed vocabulary, so no data is quoted. */
    json: {
      end: 'unexpected end of input (a missing } or ]?)',
      unterminated: 'unterminated string',
      control: 'a control character (such as a line break) inside a string',
      badUnicode: 'a bad \\u escape',
      badEscape: 'a bad escape sequence',
      trailingComma: 'a trailing comma',
      propertyName: 'expected a property name in double quotes',
      colon: "expected ':' after a property name",
      commaBrace: "expected ',' or '}'",
      commaBracket: "expected ',' or ']'",
      notValue: 'unexpected character (not a JSON value)',
      afterEnd: 'unexpected text after the end of the JSON value',
      tooDeep: 'not valid JSON (nested too deeply to say where)',
      invalid: 'not valid JSON',
    },
    notRead: (file: string) => `not read: keywarden's configuration is JSON only (${file} or "keywarden" in package.json) and a config file is never run; move the settings to ${file}`,
    noKeywardenKey: (label: string) => `${label}: has no "keywarden" key`,
    noSuchFile: 'no such file',
    isFolder: 'is a folder, not a file',
    cannotRead: (code: string) => `cannot read (${code})`,
    linkOutside: (label: string) => `${label}: is a symbolic link (or inside one) that leads outside the repository; keywarden does not read it (name a file outside the repository by its own path to use it)`,
    baselineNoFile: 'no such file (write one with `keywarden baseline --output FILE`)',
    baselineConflict: " (a merge conflict is left in it: keep both sides' lines, or regenerate it)",
    baselineObject: 'expected a JSON object written by `keywarden baseline`',
    baselineNoVersion: 'missing; expected a file written by `keywarden baseline`',
    baselineVersion: (version: string, supported: number, newer: boolean) => `${version} is not a baseline format this keywarden reads (${supported}); ${newer ? 'upgrade keywarden' : 'regenerate the baseline'}`,
    baselineKey: 'not a fingerprint (32 lowercase hexadecimal characters) nor a known key (version, about)',
    baselineEntry: 'expected an object with file and ruleId',
    baselineUnknownKey: (known: string) => `unknown key; known keys: ${known}`,
    baselineFile: 'expected the path of the file',
    baselineRuleId: 'expected a rule id',
    baselineString: 'expected a string',
    baselineLabel: (file: string) => `baseline ${file}`,
    /** What a config's values must be (config/validate.ts); `got` is a value's description (`types`). */
    check: {
      types: { array: 'an array', object: 'an object', string: (text: string) => `the string '${text}'` },
      topObject: 'the configuration must be a JSON object',
      string: (got: string) => `expected a string, got ${got}`,
      entropyNumber: (got: string) => `expected a number (bits per character), got ${got}`,
      entropyRange: (max: number, got: string) => `expected a number from 0 to ${max} (bits per character), got ${got}`,
      rulesArray: (got: string) => `expected an array of rules (the format of patterns/*.json), got ${got}`,
      ruleObject: (got: string) => `expected a rule object (the format of patterns/*.json), got ${got}`,
      accountId: (got: string) => `an AWS account ID is 12 digits, got '${got}'`,
      positive: (got: string) => `expected a positive whole number, got ${got}`,
      emptySecret: 'an allowed secret cannot be empty',
      emptyRegex: 'an empty regex would allow every secret',
      unknownKey: (hint: string | null, known: string) => `unknown key${hint ? ` (did you mean '${hint}'?)` : ''}; known keys: ${known}`,
      ruleId: (id: string) => `'${id}' is not a rule id (lower-case letters, digits and dashes)`,
      emptyGlob: 'an empty glob matches nothing',
      globBackslash: "use '/' in globs, not '\\'",
      globParent: "globs are relative to the config's folder and cannot leave it with '..'",
      bytes: (got: string) => `expected a positive whole number of bytes, got ${got}`,
      sizeText: (got: string) => `expected a size such as 1048576, "512KB" or "10MB", got '${got}'`,
      size: (got: string) => `expected a number of bytes or a size such as "10MB", got ${got}`,
      strings: (got: string) => `expected an array of strings, got ${got}`,
      object: (got: string) => `expected an object, got ${got}`,
    },
  },

  /** Errors in rule files and in what a config says about rules (src/rules/load.ts). */
  rules: {
    cannotReadFolder: (dir: string, message: string) => `cannot read the rules folder ${dir}: ${message}`,
    invalidJson: (origin: string, message: string) => `${origin}: invalid JSON: ${message}`,
    idFileName: (origin: string, name: string) => `${origin}: id: must equal the file name ("${name}")`,
    duplicateId: (origin: string, id: string) => `${origin}: id: "${id}" is already defined by another rule`,
    unknownDisabled: (where: string, id: string) => `${where}: disableRules: unknown rule id "${id}"`,
    unknownEntropy: (where: string, id: string) => `${where}: entropy: unknown rule id "${id}"`,
    entropyRange: (where: string, id: string) => `${where}: entropy.${id}: must be a number from 0 to 8`,
    unknownAllow: (where: string, id: string) => `${where}: allow.rules.${id}: unknown rule id`,
    notObject: (origin: string) => `${origin}: a rule must be a JSON object`,
    /** Regular expressions refused because they may backtrack (rules/regex.ts). */
    regex: {
      unsafe: (where: string, source: string, problem: string) => `${where}: unsafe regular expression /${source}/: ${problem}`,
      nested: 'a repeated group contains another repetition (nested quantifier such as (a+)+); rewrite it without the inner quantifier or bound it',
      nullable: 'a repeated group has an alternative that can match nothing',
      overlap: 'a repeated group has alternatives that can start with the same character (such as (a|ab)*); make the alternatives distinct',
      adjacent: 'two unbounded repetitions in a row can take the same characters (such as \\w+\\s*\\w+x); separate them with a character the first cannot take, or bound them',
    },
    /** What a rule's fields must be (rules/validate.ts). */
    field: {
      nonEmpty: 'must be a non-empty string',
      range: (min: number, max: number) => `must be a number from ${min} to ${max}`,
      boolean: 'must be true or false',
      confidence: 'must be "high", "medium" or "low"',
      object: 'must be an object',
      array: 'must be an array',
      unknown: 'unknown field',
      id: 'must be lower-case letters, digits and dashes',
      flags: 'only i, m, s and u are allowed',
      integer: 'must be an integer',
      groups: (n: number) => `the regex has only ${n} capture group(s)`,
      keywords: 'at least one keyword is needed (the prefilter skips text without any)',
      decoder: (name: string, known: string) => `unknown decoder "${name}" (known: ${known})`,
      source: 'must be "secret" or "match"',
      decode: 'only "base64" is supported',
      template: 'needs a capture group (the key ID) or a template',
      startsCase: 'cannot be used with the i flag (the literals are looked for as written)',
      startsOne: 'needs either "with" (non-empty literals) or "run" (a length), not both',
      context: 'a context needs names, pair or alone',
      hex: 'hex is always a hard gate',
      examples: 'every rule needs examples: { "match": [...], "noMatch": [...] }',
      match: 'at least one example must match',
    },
  },

  /** Git failing under keywarden (src/sources/git/run.ts): keywarden's words around git's own line. */
  git: {
    stopped: 'the scan was stopped',
    logUnread: "the history's log was not read to its end, so neither were its commits' messages",
    cannotRun: (why: string) => `cannot run git: ${why}`,
    notInstalled: 'git is not installed or not on PATH',
    killed: (command: string, signal: string | null) => `git ${command} was ended by ${signal ?? 'a signal'} before it finished: the scan is incomplete`,
    failed: (command: string, line: string) => `git ${command} failed: ${line}`,
    workerFailed: (message: string) => `history worker failed: ${message}`,
    refType: (name: string, said: string) => `cannot tell what ${name} points at (git cat-file said ${said}): the scan would be incomplete`,
    stagedDiff: (why: string) => `cannot read git diff --cached: ${why}`,
    logOutOfStep: 'unexpected git log output (out of step with its format): the scan cannot trust it',
    logEnded: 'git log output ended inside a commit: the scan is incomplete',
    messageMissing: (type: string, sha: string) => `git cat-file: ${type} ${sha} is missing: its message cannot be scanned`,
    notType: (sha: string, type: string) => `git cat-file: ${sha} is not a ${type}`,
    logUnasked: 'git log listed a commit it was not asked for, or out of order: the scan cannot trust it',
    logShort: (listed: number, count: number) => `git log listed ${listed} of the ${count} commits asked for: the scan is incomplete`,
    idLengths: (a: number, b: number) => `commit ids of two lengths in one log (${a} and ${b})`,
    packsFallback: (message: string) => `could not read the packs directly, so every blob was read through git (slower): ${message}`,
    packFallback: (pack: string, message: string) => `read the blobs of ${pack} through git instead of directly: ${message}`,
    packReader: (message: string) => `pack reader: ${message}`,
    packReaderFailed: (message: string) => `pack reader failed: ${message}`,
    packReaderStopped: (code: number) => `pack reader stopped (exit ${code})`,
    blobsFallback: (n: number, message: string) => `the pack reader failed, so ${n} blob${n === 1 ? ' was' : 's were'} read through git instead: ${message}`,
  },

  /** The settings of a base commit or the default branch (the Action on pull requests, --pre-receive). */
  settings: {
    baseLacks: (file: string) => `The base commit has no ${file}: the scan ran without it.`,
    /** `change`: what the pull request does to the file; `added`: the base commit has none. */
    pullRequestChanges: (change: 'adds' | 'removes' | 'changes', file: string, packageJson: boolean, added: boolean) =>
      `This pull request ${change} ${file}${packageJson ? ' (its "keywarden" key)' : ''}: ${added ? 'the scan ran without it, as the base commit has none' : "the scan used the base commit's version"}. Set the input \`trust-pr-config: true\` to scan with the pull request's own.`,
    symlink: (label: string) => `${label}: is a symbolic link; keywarden reads its configuration and baseline only from regular files`,
    configSymlink: (label: string) => `${label}: is a symbolic link; keywarden reads its configuration only from regular files`,
    notFile: (label: string) => `${label}: is not a file`,
    cannotRead: (label: string, line: string) => `cannot read ${label}: ${line}`,
    cannotReadCommit: (rev: string, line: string) => `cannot read commit ${rev}: ${line} (set fetch-depth: 0 on actions/checkout)`,
    defaultBranchLacks: (sha: string, file: string) => `the default branch (${sha}) has no ${file}: the scan ran without it`,
    defaultBranchConfig: (message: string) => `${message} (the default branch's configuration; fix it there)`,
  },

  /** Where --output and --replacements would write, refused before the scan (src/cli/output-path.ts). */
  outputPath: {
    error: (flag: string, file: string, why: string) => `${flag} ${file}: ${why}`,
    noFolder: (folder: string) => `the folder ${folder} does not exist`,
    folderUnreachable: (folder: string, code: string) => `cannot reach the folder ${folder} (${code})`,
    notFolder: (folder: string) => `${folder} is not a folder`,
    unreachable: (code: string) => `cannot reach it (${code})`,
    noPermission: (folder: string) => `no permission to write in ${folder}`,
    notWritable: 'the file is not writable',
  },

  /** Notes about archives (src/archive/): entries skipped or not read. */
  archive: {
    repeated: (archive: string, count: number, reason: string, first: string) => `${archive}: ${count} times: ${reason} (the first: ${first})`,
    stopped: (entries: number, bytes: number, message: string) => `stopped reading the archive after ${entries} entries and ${bytes} bytes: ${message}; the rest was not scanned`,
    asPlainFile: (reason: string) => `${reason}; scanned as a plain file instead`,
    restNotScanned: (reason: string) => `${reason}; the rest of the archive was not scanned`,
    tooDeep: (format: string, depth: number) => `a ${format} archive nested deeper than ${depth} levels (archives.maxDepth): not scanned`,
    notScanned: (skip: string) => `${skip}: not scanned`,
    cannotInflate: (message: string) => `cannot inflate an entry: ${message}`,
    gzipRatio: (ratio: number) => `the gzip stream inflates over ${ratio} times its size (archives.maxRatio)`,
    maxBytes: (bytes: number) => `over ${bytes} uncompressed bytes (archives.maxBytes)`,
    maxEntries: (entries: number) => `over ${entries} entries (archives.maxEntries)`,
    unreadable: (format: string, message: string) => `not a readable ${format} archive (${message})`,
    entryRatio: (ratio: number) => `an entry inflates over ${ratio} times its compressed size (archives.maxRatio)`,
    liar: "an entry inflates to more or less than the size it declares (a zip bomb's sign, or damage)",
    overlap: 'entries overlap (the construction of a zip bomb, written by no zip tool)',
    encrypted: 'an encrypted entry (no password is tried)',
    method: (method: number) => `compression method ${method} is not supported`,
    zipRatio: (ratio: number) => `an entry that inflates over ${ratio} times its compressed size (archives.maxRatio), a zip bomb's sign`,
  },

  /** The command line: --help and the usage errors found before a command runs (src/cli/). */
  cli: {
    errors: {
      unknownFormat: (format: string, command: string, allowed: string) => `unknown --format '${format}' for ${command} (choose ${allowed})`,
      baselineOutput: 'baseline needs --output FILE (where to write the baseline)',
      oneMode: 'choose one of --staged, --history, --range, --since, --stdin, --pre-receive, --commit-msg',
      historyPaths: (paths: string) => `--history scans commits, not paths: ${paths} (refs go right after it: --history main; scan files without --history)`,
      rangeWords: (range: string, paths: string) => `--range is one argument: quote a range of several words (--range "${range} ${paths}"); paths cannot be combined with it`,
      modePaths: (paths: string) => `paths cannot be combined with --staged, --history, --range, --since, --stdin, --pre-receive or --commit-msg: ${paths}`,
      timeoutWithout: (flag: string) => `${flag} is for --pre-receive (the server-side hook); --verify-timeout bounds --verify`,
      timeoutRange: (value: string) => `--timeout wants seconds between 0 and 3600, got '${value}'`,
      onTimeout: (value: string) => `--on-timeout wants open (accept the push) or closed (reject it), got '${value}'`,
      preReceiveOutput: (name: string) => `--pre-receive prints its own lines for git to relay to the pusher: --${name} is not taken with it`,
      preReceiveVerify: (name: string) => `--pre-receive does not take --${name}: the hook never calls AWS (keywarden remediate --verify does, for the keys it found)`,
      maxFileSize: (value: string) => `--max-file-size wants a size such as 1048576, 512KB or 10MB, got '${value}'`,
      verifyTimeout: (value: string) => `--verify-timeout wants seconds between 0 and 300, got '${value}'`,
      cannotWrite: (file: string, code: string) => `cannot write ${file}: ${code}`,
    },
    badLang: (value: string) => `unknown --lang '${value}' (choose en or ja)`,
    unknownCommand: (word: string, hint: string | null, commands: string) => `unknown command '${word}'${hint ? ` (did you mean '${hint}'?)` : ''}; commands: ${commands}`,
    commandFirst: (token: string, command: string) => `name a command before ${token}: keywarden ${command} ${token}`,
    listCommands: 'keywarden --help lists the commands',
    listOptions: (command: string) => `keywarden ${command} --help lists its options`,
    needsValue: (flag: string) => `${flag} needs a value`,
    gotOption: (flag: string, next: string) => `${flag} needs a value, got the option ${next} (write ${flag}=${next} if that is the value)`,
    emptyValue: (flag: string) => `${flag} needs a value, got an empty one`,
    otherCommand: (flag: string, commands: string, command: string) => `${flag} is an option of ${commands}, not of ${command}`,
    /** `scan`, `scan and remediate`, `scan, remediate and merge`. */
    list: (items: readonly string[]): string => (items.length < 2 ? items.join('') : `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`),
    unknownShort: (letter: string, command: string) => `unknown option '-${letter}'; keywarden ${command} --help lists its options`,
    unknownOption: (flag: string, hint: string | null, help: string) => `unknown option '${flag}'${hint ? ` (did you mean '--${hint}'?)` : ''}; ${help}`,
  },

};

export type Words = typeof en;
