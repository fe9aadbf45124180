// The English guide: the words of what a person reads away from the commit hook (the playbook, --help,
// init, the GitHub Action), kept out of en.ts so that the hook, which loads en.ts on every commit, does not
// parse them. Same rules as en.ts; its shape is the type `Guide`, which ja-guide.ts must match.

const s = (n: number, one = '', many = 's'): string => (n === 1 ? one : many);

export const enGuide = {
  /** An access key ID's type, long (the playbook's heading). */
  keyTypeLong: {
    'long-term': 'long-term access key (an IAM user or the root user)',
    temporary: 'temporary access key (AWS STS session)',
    'bearer-token': 'AWS STS service bearer token key',
    'context-specific': 'context-specific credential',
    unknown: 'access key',
  } as Record<'long-term' | 'temporary' | 'bearer-token' | 'context-specific' | 'unknown', string>,

  rootKeyType: 'long-term access key of the ROOT user',

  help: {
    usage: 'keywarden <command> [options]',
    /** Corrections to yargs' own catalogue of this language (its annotations and built-in options); English keeps yargs' own. */
    yargsStrings: { 'choices:': 'choices:', boolean: 'boolean', 'Show help': 'Show help', 'Show version number': 'Show version number', 'Positionals:': 'Positionals:' } as Record<string, string>,
    commands: {
      scan: 'Find AWS credentials in files, the index, history, a range, or stdin',
      remediate: 'The leak-response playbook, with real commands for the keys found',
      baseline: 'Write the current findings as a baseline (--output FILE)',
      init: 'Set up the pre-commit hook in the current repository',
      merge: 'Merge JSON reports (of several repositories) into one: each key once, with every place it was found',
    },
    exitCodes: 'Exit codes: 0 nothing found, 1 findings, 2 usage, configuration or runtime error.',
    historyHelp: [
      'Commits:',
      '  --history              every commit of every ref (branches, tags, remotes) and the stash',
      '  --history main v2.0    the whole history of these refs or commits, root commits included',
      '  --range main..HEAD     commits in HEAD, not in main (a pull request); --since main: the same',
      '  --range A...B          commits in A or in B, not in both',
      '  --range A^!            the one commit A (A^-1 is A^..A; A^@ is the history of its parents)',
      '  --range "^A B"         commits in B, not in A; also "B --not A"',
      'A range excludes something: a lone A is its whole history (--history A). Git options (--all,',
      '--branches) are not taken. --history takes no paths: keywarden scan PATH scans files.',
    ],
    demandCommand: 'name a command: scan, remediate, baseline, init or merge (keywarden --help says what each does)',
    invalidArguments: 'invalid arguments',
    options: {
      staged: 'Scan what the index adds (pre-commit)',
      history: 'Scan every commit reachable from every ref (and the stash), or with REF... only the whole history of those branches, tags or commits',
      range: 'Scan the commits of a range as git rev-list reads it: BASE..HEAD (a pull request), A...B, A^! (one commit), "^A B", "B --not A"',
      since: 'Scan the commits of REF..HEAD',
      stdin: 'Scan standard input',
      'commit-msg': "Scan a commit message file (the commit-msg hook passes git's, $1): a key in the message blocks the commit",
      'pre-receive': "Server-side pre-receive hook: read git's `old new ref` lines on standard input and scan the commits the push brings that no existing ref holds; any finding rejects the push",
      timeout: 'With --pre-receive: seconds the scan may take (default 60); then --on-timeout decides',
      'on-timeout': 'With --pre-receive: when --timeout runs out, closed rejects the push (default), open accepts it with a warning',
      'stdin-name': 'File name to report for standard input',
      format: 'Report format: text|json|sarif|github|html (merge: text|json|sarif|html; remediate: text|markdown|json)',
      output: 'Write the report to FILE instead of standard output',
      config: 'Configuration file (default: nearest .keywarden.json or "keywarden" in package.json)',
      baseline: 'Baseline file of accepted findings',
      redact: 'Redact secret keys and tokens (--no-redact prints them whole)',
      'max-file-size': 'Skip files larger than this (bytes, or e.g. 10MB)',
      'allow-missing': 'Exit 0 or 1 even when blobs the scan needs are missing from the repository (a partial clone, damaged objects); a warning still lists them',
      'no-default-ignores': 'Also walk .git/ and node_modules/ folders',
      verbose: 'Say which files were skipped and why, and list allowed findings',
      quiet: 'No progress, no notes: only the report',
      debug: 'Print stack traces for unexpected errors',
      report: 'A keywarden JSON report to build the playbook from (- reads standard input)',
      key: 'An access key ID to build the playbook for (repeatable)',
      replacements: 'Write the git filter-repo / BFG --replace-text expressions file (holds the secrets) to FILE',
      verify: 'Ask AWS STS whether each found key pair is live (network; never by default)',
      'only-verified':
        'Report only findings whose key STS confirmed live (implies --verify; exit 1 if any, else 0). Keys STS could not confirm (invalid, expired, no answer, not checked) are left out: a filter for triage, not a gate',
      'sts-endpoint': 'STS endpoint for --verify',
      'verify-timeout': 'Seconds to wait for STS in --verify',
      force: 'Overwrite or chain an existing hook',
      lang: 'Language of the messages: en or ja (default: from LC_ALL, LC_MESSAGES or LANG, else en)',
    } as Record<string, string>,
  },

  /** `keywarden init` (src/init/command.ts). */
  /** The HTML report's own words (src/reporters/html/); the table's script gets `shown` and `shownFiltered`. */
  html: {
    title: 'keywarden report',
    heading: 'AWS credentials found',
    clean: 'No AWS credentials found.',
    generated: (version: string) => `keywarden ${version}`,
    scanned: (mode: string, target: string) => `Scan: ${mode} of ${target}`,
    counts: (findings: number, keys: number, repositories: number) =>
      `${findings} finding${findings === 1 ? '' : 's'}, ${keys} key${keys === 1 ? '' : 's'} to rotate${repositories > 0 ? `, in ${repositories} repositor${repositories === 1 ? 'y' : 'ies'}` : ''}`,
    redacted: 'Secret keys and tokens are masked.',
    unredacted: 'This report holds secrets in full (--no-redact): keep it where the secrets themselves may be.',
    findings: 'Findings',
    filter: 'Filter findings',
    filterPlaceholder: 'file, key ID, commit, author…',
    shown: 'Showing {from}–{to} of {count}',
    shownFiltered: 'Showing {from}–{to} of {count} matching ({total} in all)',
    previous: 'Previous',
    next: 'Next',
    noScript: 'The table of findings needs JavaScript; the cards below list every key and where it appears.',
    columns: {
      repository: 'Repository',
      file: 'File',
      line: 'Line',
      kind: 'Credential',
      secret: 'Value',
      keyId: 'Key ID',
      verification: 'Status',
      commit: 'Commit',
      date: 'Date',
      author: 'Author',
      subject: 'Subject',
    },
    keys: 'Keys to rotate',
    unpaired: 'Secrets without a key ID',
    moreKeys: (more: number) => `${more} more key${more === 1 ? ' is' : 's are'} in the table of findings; \`keywarden remediate --report\` writes the playbook for all of them.`,
    type: 'Type',
    account: 'Account',
    accountUnknown: 'unknown',
    verification: 'Verification',
    notVerified: 'not checked (scan with --verify to ask AWS STS)',
    where: (places: number, repositories: number) =>
      `Found in ${places} place${places === 1 ? '' : 's'}${repositories > 1 ? ` across ${repositories} repositories` : ''}`,
    steps: 'What to do (tick each step when done)',
    how: 'How',
    sameAs: (step: number, keyId: string) => `Same as step ${step} for ${keyId}: do it once.`,
    commit: (sha: string) => `commit ${sha}`,
    timeline: 'When each key was introduced',
    moreOnDay: (more: number) => `and ${more} more key${more === 1 ? '' : 's'}`,
    timelineNote: 'The day of the earliest commit that holds each key; a key leaked longer ago has had more time to be copied.',
    /** What a Verification.status means, in a few words. */
    status: {
      live: 'live: the key works',
      invalid: 'invalid (deleted or never valid)',
      expired: 'expired',
      'secret-mismatch': 'the key exists, the secret does not match',
      unknown: 'unknown (STS did not answer)',
    } as Record<string, string>,
    modes: {
      files: 'files',
      staged: 'staged changes',
      history: 'history',
      range: 'commit range',
      stdin: 'standard input',
      'pre-receive': 'push',
      'commit-msg': 'commit message',
    } as Record<string, string>,
  },

  /** remediate's own errors and stderr lines (src/commands/remediate.ts). */
  remediate: {
    reportOrScan: '--report and --key build the playbook from what they name: drop the scan options, or drop --report/--key to scan',
    badKey: (raw: string) => `--key wants an AWS access key ID (AKIA… or ASIA… and 16 more characters of A-Z, 2-7), got '${raw}'`,
    nothingTitle: '## keywarden remediation playbook',
    nothing: 'Nothing to remediate: no AWS credentials found.',
    theReport: 'the report',
    redacted: (report: string) =>
      `The secrets in ${report} are redacted, so the file cannot list them: pipe an unredacted one instead (\`keywarden scan … --format json --no-redact | keywarden remediate --report - --replacements FILE\`), or let remediate run the scan itself.`,
    onlyKeyIds: 'Only key IDs are known (--key), so the file can list the IDs but not the secrets: run remediate on a scan or an unredacted report to include them.',
    needsSecrets: (report: string) =>
      `--replacements needs the real secrets, but --report ${report} is redacted: pipe \`keywarden scan … --format json --no-redact\` into \`keywarden remediate --report -\`, or let remediate run the scan itself`,
    cannotWrite: (file: string, code: string) => `cannot write --replacements ${file}: ${code}`,
    wrote: (n: number, file: string) => `wrote ${n} expressions to ${file}: it holds the leaked secrets; keep it out of the repository and delete it after the rewrite`,
    inside: (file: string, cwd: string) => `warning: ${file} is inside ${cwd}: never commit it; move it out of the repository`,
  },

  /** merge's errors and stderr line (src/commands/merge.ts). */
  merge: {
    needsReports: 'merge needs one or more JSON reports: keywarden merge REPORT... (written by keywarden scan --format json)',
    merged: (reports: number, findings: number, keys: number, output: string) =>
      `merged ${reports} report${reports === 1 ? '' : 's'}: ${findings} finding${findings === 1 ? '' : 's'}, ${keys} key(s) to rotate; wrote ${output}`,
    cannotRead: (shown: string, code: string) => `cannot read the report ${shown}: ${code}`,
    notJson: (shown: string, problem: string) => `the report ${shown} is not JSON (${problem}); merge reads what keywarden scan --format json writes`,
    notReport: (shown: string, problem: string) => `the report ${shown} is not a keywarden version-1 JSON report: ${problem}`,
  },

  init: {
    notDependency:
      'keywarden is not a dependency of this project: run `npm install --save-dev github:OWNER/keywarden` (its git URL: keywarden is not on the npm registry) so every clone has it (a global keywarden works too)',
    huskyWaiting: "husky is not active in this clone yet, so keywarden's hook is in the hooks folder too; once `npm install` runs husky (the prepare script), .husky/pre-commit takes over",
    huskyUnused: 'this project does not use husky, so the hook is in this clone only; to share it with every clone: `npm install --save-dev husky`, then `npx keywarden init` again',
    alreadyHook: (shown: string, name: string) => `${shown} is already keywarden's ${name} hook: nothing to do`,
    updatedHook: (name: string, shown: string) => `updated keywarden's ${name} hook in ${shown}`,
    foreignHook: (shown: string, runs: string, chained: string) => `${shown} already exists and is not keywarden's: add \`${runs}\` to it, or run \`keywarden init --force\` to keep it as ${chained} and run it after keywarden`,
    bothExist: (shown: string, chained: string) => `both ${shown} and ${chained} exist: merge them by hand, then run init again`,
    keptExisting: (chained: string) => `kept the existing hook as ${chained}: it runs after keywarden's scan passes`,
    installed: (name: string, shown: string, runs: string) => `installed keywarden's ${name} hook in ${shown} (it runs \`${runs}\`, finding keywarden in node_modules/.bin, on PATH, or through npx)`,
    prepareRunsHusky: (prepare: string) => `package.json already runs husky in its prepare script ("${prepare}")`,
    prepareSet: (next: string) => `set the prepare script in package.json to "${next}"`,
    hookCreated: (file: string, command: string) => `created ${file} running \`${command}\``,
    hookAlreadyRuns: (file: string) => `${file} already runs keywarden`,
    hookAdded: (command: string, file: string, kept: number) => `added \`${command}\` to the top of ${file} (its ${kept} existing line${s(kept)} kept)`,
    huskyActive: 'husky is already active (core.hooksPath = .husky/_)',
    huskySaid: (said: string) => `ran husky, which said: ${said}`,
    huskyRan: (previous: string | null) => `ran husky: core.hooksPath is now .husky/_${previous !== null ? ` (it was ${previous})` : ''}`,
    notRepository: 'init needs a git repository with a working tree: run it inside one (git init first)',
    manifestNotJson: (reason: string) => `package.json is not valid JSON: ${reason}`,
    manifestNotObject: 'package.json is not a JSON object',
    scriptsNotObject: 'package.json: "scripts" is not an object',
    noHooksFolder: (line: string) => `cannot find the hooks folder: ${line}`,
    hookMissing: (name: string, file: string) => `keywarden's own hooks/${name} is missing from its installation (${file})`,
    todo: (line: string) => `to do: ${line}`,
    active: (messages: boolean) => `the pre-commit hook is active: every commit${messages ? ' (and its message)' : ''} is now checked for AWS credentials; skip the check once with \`git commit --no-verify\``,
  },

  /** The GitHub Action's step summary (src/action/summary.ts). */
  summary: {
    scanned: (what: string, files: number, commits: number) => `Scanned ${what}: ${files} file${s(files)}, ${commits} commit${s(commits)}.`,
    clean: ':white_check_mark: No AWS credentials found.',
    found: (n: number) => `:x: **${n} AWS credential finding${s(n)}.** Secret keys and tokens are redacted.`,
    header: '| File | Line | Credential | Value | Rule | Commit |',
    more: (n: number) => `…and ${n} more findings: see the SARIF report.`,
    tooLong: (n: number) => `The playbook for ${n} findings is too long for a job summary: run \`keywarden remediate\` locally with the same scan options.`,
    whatNow: '**What to do now:** deactivate each key first (a rewrite of history does not un-leak it), then remove it; the playbook below has the real commands.',
    sarif: (path: string) => `The SARIF report is at ${path}; upload it with github/codeql-action/upload-sarif to track these as code scanning alerts.`,
    baseConfigTitle: 'keywarden: configuration from the base commit',
  },

  /** The GitHub Action's own lines in the log (src/action/run.ts). */
  action: {
    plan: {
      history: 'every commit on every ref (mode: history)',
      files: 'the working tree (mode: files)',
      pullRequest: (number: string, range: string) => `the commits of pull request #${number} (${range})`,
      workingTree: (event: string) => `the working tree (${event || 'no'} event)`,
      deleted: (name: string) => `nothing: the push deleted ${name}`,
      deletedNote: (name: string) => `the push deleted ${name}: there are no new commits to scan`,
      pushed: (range: string) => `the pushed commits (${range})`,
    },
    scanning: (what: string) => `scanning ${what}`,
    inlineTitle: 'keywarden: keys allowed inline by this pull request',
    incomplete: 'keywarden could not read every blob it was asked to scan: see the warning',
    found: (n: number) => `keywarden found ${n} AWS credential${s(n)}: see the annotations and the job summary`,
    unscanned: (n: number, files: string, more: number) =>
      `${n} file${n === 1 ? ' was' : 's were'} not scanned, so a key in ${n === 1 ? 'it' : 'them'} would not be found: ${files}${more > 0 ? `; and ${more} more (--verbose in \`args\` lists them)` : ''}`,
    inlineAllowed: (n: number, places: string, more: number) =>
      `this pull request adds ${n === 1 ? 'a credential' : `${n} credentials`} marked keywarden:allow, so ${n === 1 ? 'it is' : 'they are'} not reported: ${places}${more > 0 ? ` and ${more} more` : ''}. A reviewer should confirm each is not a real key.`,
    badLang: (value: string) => `input 'lang' must be en or ja, got '${value}'`,
    badBoolean: (name: string, value: string) => `input '${name}' must be true or false, got '${value}'`,
    badMode: (mode: string) => `input 'mode' must be auto, files or history, got '${mode}'`,
    unclosedQuote: (quote: string) => `input 'args' has an unclosed ${quote} quote`,
    /** The Action's errors (one ::error:: line, exit 2): the event, the inputs, where it writes. */
    errors: {
      payload: (file: string, line: string) => `cannot read the event payload GITHUB_EVENT_PATH=${file}: ${line}`,
      noBaseHead: (event: string) => `the ${event} event payload has no pull_request.base.sha / head.sha`,
      noBase: (event: string) => `the ${event} event payload has no pull_request.base.sha, whose configuration the scan would use (or set trust-pr-config: true)`,
      notCommitId: (field: string, value: string) => `the push event payload's "${field}" is not a commit id: ${value}`,
      pullRequest: (number: string) => `pull request #${number}`,
      missingCommits: (what: string, shas: string, shallow: boolean) =>
        `cannot scan ${what}: commit ${shas} is not in the repository (${shallow ? 'the checkout is shallow' : 'the checkout does not have it'}). Set \`fetch-depth: 0\` on actions/checkout so the whole history is there.`,
      argsNotScan: (args: string) => `input 'args' does not describe a scan: ${args}`,
      argsOutput: "input 'args' cannot set --output: use the 'sarif' input and the step outputs",
      argsStdin: "input 'args' cannot use --stdin in the action",
      argsFormat: "input 'args' cannot set --format: the action writes annotations, the SARIF file and the summary itself",
      sarifReport: 'SARIF report',
      jsonReport: 'JSON report',
      refused: (what: string, file: string, why: string) => `cannot write the ${what} to ${file}: ${why}; the action writes it only inside the workspace or $RUNNER_TEMP, never through a symbolic link that leads out`,
      outside: 'it is outside the workspace and $RUNNER_TEMP',
      linkOut: (walked: string) => `${walked} is a symbolic link that leads outside`,
      notFolder: (walked: string) => `${walked} is not a folder`,
      insideGit: "it would be inside the repository's .git folder",
      isLink: (name: string) => `${name} is a symbolic link`,
      notRegular: (name: string) => `${name} is not a regular file`,
      folderChanged: 'the folder changed while it was being opened',
      cannotWrite: (what: string, file: string, code: string) => `cannot write the ${what} to ${file}: ${code}`,
      runnerFile: (what: string, file: string, code: string) => `cannot write ${what} (${file}): ${code}`,
    },
    /** What a push brought (action/pushed.ts): the plan's description and notes, and its errors. */
    pushed: {
      everyRef: (name: string, type: string) => `every ref in the checkout (${name} points at a ${type}, not a commit)`,
      notCommitScanned: (name: string, type: string, sha: string) => `${name} points at a ${type} (${sha}), not a commit: the whole checkout is scanned, which reads it`,
      nothing: (name: string, type: string) => `nothing: ${name} points at a ${type}, not a commit`,
      noCommits: (name: string, type: string, sha: string) => `${name} points at a ${type} (${sha}), not a commit: there are no commits to scan`,
      nothingNewNote: (name: string, sha: string) => `every commit of ${name} (${sha}) is already on another ref or was on it before the push: nothing new to scan`,
      nothingNew: (name: string) => `nothing new: ${name} brought no commit that another ref does not hold`,
      shallowCut: (name: string) =>
        `the checkout is shallow and the commits of ${name} reach its cut, so where they start is unknown: the oldest commit present is scanned whole and may hold keys that are older than this push. Set \`fetch-depth: 0\` on actions/checkout`,
      everyCommit: (name: string, n: number) => `every commit in the checkout (${name} brought ${n} commit${n === 1 ? '' : 's'} that no other ref holds)`,
      inexact: (name: string, points: number) => `the commits of ${name} join the other refs' history at ${points} points that no single commit reaches: the scan also covers some commits other refs hold`,
      brought: (n: number, name: string, range: string) => `the ${n} commit${n === 1 ? '' : 's'} that ${name} brought and no other ref holds (${range})`,
      cannotResolve: (rev: string) => `cannot resolve ${rev} to a commit`,
      missingTip: (name: string, sha: string, shallow: boolean) =>
        `cannot scan ${name}: commit ${sha} is not in the repository (${shallow ? 'the checkout is shallow' : 'the checkout does not have it'}). Check out the pushed commit, with \`fetch-depth: 0\` on actions/checkout so the whole history is there.`,
      unexpectedLine: (command: string, line: string) => `git ${command} printed an unexpected line: ${line}`,
    },
  },

  /** The leak-response playbook (src/remediation/playbook.ts) and its layout (src/remediation/render.ts). */
  /** The titles of the pages the playbook cites (src/remediation/references.ts has their addresses), and the address of each page's edition in this language. */
  references: {
    titles: {
      'access-key-best-practices': 'AWS General Reference: Best practices for managing AWS access keys',
      'managing-access-keys': 'IAM User Guide: Managing access keys for IAM users',
      'iam-best-practices': 'IAM User Guide: Security best practices in IAM',
      'temporary-credentials': 'IAM User Guide: Temporary security credentials in IAM',
      'unauthorized-activity': 'AWS re:Post Knowledge Center: What do I do if I notice unauthorized activity in my AWS account?',
      'revoke-sessions': 'IAM User Guide: Revoke IAM role temporary security credentials',
      'root-keys': 'IAM User Guide: Delete access keys for the root user',
      'get-access-key-info': 'AWS STS API Reference: GetAccessKeyInfo',
      'cloudtrail-lookup': 'AWS CloudTrail User Guide: Viewing recent management events with the AWS CLI',
      'credential-report': 'IAM User Guide: Getting credential reports for your AWS account',
      'report-abuse': 'AWS re:Post Knowledge Center: How do I report abuse of AWS resources?',
      'github-sensitive-data': 'GitHub Docs: Removing sensitive data from a repository',
      'filter-repo': 'git filter-repo manual (--replace-text)',
      'bfg': 'BFG Repo-Cleaner',
      'bedrock-api-keys': 'IAM User Guide: API keys for Amazon Bedrock',
      'service-specific-credentials': 'IAM API Reference: UpdateServiceSpecificCredential',
      'ses-smtp-credentials': 'Amazon SES Developer Guide: Obtaining Amazon SES SMTP credentials',
      'cloudfront-key-pairs': 'CloudFront Developer Guide: Specify signers that can create signed URLs and signed cookies',
      'appsync-api-keys': 'AWS AppSync Developer Guide: Configuring authorization and authentication (API_KEY)',
      'console-passwords': 'IAM User Guide: Managing passwords for IAM users',
    } as Record<string, string>,
    url: (url: string) => url,
  },

  playbook: {
    /** A comment after a placeholder the reader replaces in a command (`USER_NAME=the-user-name`); none in English, where the name says it. */
    placeholders: { role: '', user: '', oldKey: '' },
    title: (headline: string) => `keywarden remediation playbook: ${headline}`,
    headline: (keys: number, accessKeysOnly: boolean, unpaired: number) => {
      const parts: string[] = [];
      if (keys > 0) parts.push(`${keys} leaked AWS ${accessKeysOnly ? 'access key' : 'credential'}${s(keys)}`);
      if (unpaired > 0) parts.push(`${unpaired} secret${s(unpaired)} without a key ID`);
      return parts.join(' and ');
    },
    introKeys: 'Work through each key in order. Every command carries the real key ID and never a secret. Run the `aws` commands with credentials of the account that owns the key.',
    introNoKeys: 'Work through the steps in order. No command carries a secret. Run the `aws` commands with credentials of the account the secret may belong to.',
    tip: (tip: string) => `Tip: ${tip}`,
    keyHeading: (index: number, total: number, keyId: string, typeLabel: string, accountId: string | null, ownership: string) =>
      `Key ${index} of ${total}: ${keyId} — ${typeLabel}, ${accountId ? `account ${accountId}` : 'account unknown'}${ownership === 'foreign' ? ', NOT ONE OF YOUR ACCOUNTS' : ownership === 'own' ? ', one of your accounts' : ''}`,
    foundAt: 'Found at:',
    inCommit: (sha: string) => ` (commit ${sha})`,
    secretFound: (redacted: boolean) => `its secret access key was found with it${redacted ? ' (redacted in the report)' : ''}`,
    tokenFound: (redacted: boolean) => `its session token was found with it${redacted ? ' (redacted in the report)' : ''}`,
    noSecret: 'no secret access key was found with it (the key ID alone cannot sign requests, but treat the secret as leaked too)',
    /** The pairing lines as one Markdown sentence. */
    pairingSentence: (parts: string[]) => {
      const joined = parts.join('; ');
      return joined.charAt(0).toUpperCase() + joined.slice(1) + '.';
    },
    unpairedHeading: 'Secrets without a key ID',
    rewriteHeading: 'Rewrite history (after the keys are deleted or revoked)',
    sources: 'Sources',
    see: 'See: ',
    sameAs: (step: number, keyId: string) => `Same as step ${step} for ${keyId} above: do it once.`,
    sameAsMarkdown: (step: number, keyId: string) => `same as step ${step} for ${keyId} above: do it once.`,
    /** A command's label as a line: it ends in a colon unless it already ends a sentence. */
    label: (label: string) => (/[?:.]$/.test(label) ? label : `${label}:`),
    theSecretsWithoutKeyId: 'the secrets without a key ID',

    notes: {
      staged:
        'These credentials were caught in staged changes, before any commit: nothing reached git history. Take them out of the files and stage again; the remaining steps are precautions, needed if the files were shared any other way (a chat, a backup, a pushed branch).',
      redacted:
        'The report holds redacted secrets, so the expressions file cannot list them. Pipe an unredacted report instead (`keywarden scan … --format json --no-redact | keywarden remediate --report - --replacements FILE`) or let `keywarden remediate` run the scan itself: either way the values stay in memory and are never printed.',
      accountsTip: 'List your AWS account IDs in the config ("accounts") and keys from any other account are marked as foreign (a canary token or a third party\'s key).',
      olderFormat: (keyId: string) => `The account cannot be read from this key ID offline (older key format): \`aws sts get-access-key-info --access-key-id ${keyId}\` tells it.`,
      foreignKey: (account: string | null, accounts: string) =>
        `Account ${account} is not one of your accounts (${accounts}). This may be a canary token (a decoy key planted to detect leaks: any use alerts its owner) or a third party's key (a vendor's, a customer's, one copied from somewhere). Do not use, test or delete it: tell its owner.`,
      foreignCredential: (account: string | null, accounts: string) =>
        `Account ${account} is not one of your accounts (${accounts}): do not use or test this credential; tell its owner (a vendor, a customer, a partner team) so they revoke it.`,
      notChecked: (reason: string) => `--verify: not checked: ${reason}.`,
      belongsTo: (who: string) => ` It belongs to ${who}.`,
      live: (who: string) => `--verify: LIVE. AWS STS accepted the key pair: anyone holding it can use it now.${who}`,
      invalid: (code: string | undefined) =>
        `--verify: invalid. STS does not accept this key ID (${code}): it was deleted, made inactive, or never valid. An inactive key can be made active again: still delete it, and check step 3 for use before it stopped working.`,
      expired: (code: string | undefined) => `--verify: expired. The session token has expired (${code}). Still revoke the role's older sessions and check step 3: it was usable until it expired.`,
      mismatch: (code: string | undefined) => `--verify: the key ID exists but the secret found with it is not its secret (${code}). Treat the key as live: the real secret may be elsewhere.`,
      unknown: (detail: string) => `--verify: unknown (${detail}). This says nothing about whether the key is live: treat it as live.`,
    },
    principal: {
      root: (account: string) => `the ROOT user of account ${account}`,
      user: (name: string, account: string) => `IAM user ${name} in account ${account}`,
      role: (name: string, account: string) => `a session of role ${name} in account ${account}`,
      federated: (name: string, account: string) => `federated user ${name} in account ${account}`,
    },
    setup: 'First, in the shell where you will run the commands below, set',
    ownerComment: '# the IAM user that owns the key',
    regionsComment: '# every region enabled in the account',

    removeData: {
      title: 'Remove the leaked data',
      takeOut: 'Take the key out of the code now and load it from the AWS credentials file (~/.aws/credentials) or environment variables instead; commit that change.',
      staged: (what: 'key' | 'secret' | 'credential') => `It was caught before the commit: unstage the file (\`git restore --staged FILE\`), remove the ${what}, and stage again.`,
      publicForeign:
        'If a commit holding it was ever pushed, assume the key is public: automated scrapers find keys on GitHub within minutes. Tell its owner first (step 2), rewrite second: a rewrite does not stop anyone who already copied the key.',
      public:
        'If a commit holding it was ever pushed, assume the key is public: automated scrapers find keys on GitHub within minutes. Rotate first, rewrite second: finish steps 2 and 3 before rewriting history, because a rewrite does not stop anyone who already copied the key.',
      inHistory:
        'The commits that introduced it are listed above. After the key is deleted or revoked, remove it from every commit with the expressions file and the commands under "Rewrite history" below.',
      listCommits: 'List the commits that hold it with the command below; if there are any, remove it from every commit with "Rewrite history" below, after the key is deleted or revoked.',
      grepLabel: 'Where the key ID is in the working tree',
      logLabel: 'Every commit on any branch or tag that added or removed it',
      unpairedSecret:
        'Take the secret out of the files above and commit that; if a commit holding it was ever pushed, assume it is public. Replace the key (steps 2 to 4) before rewriting history (below): a rewrite does not stop anyone who already copied it.',
      unpairedCredential:
        'Take the credential out of the files above and commit that; if a commit holding it was ever pushed, assume it is public: scrapers find credentials on GitHub within minutes. Revoke it (the next steps) before rewriting history (below): a rewrite does not stop anyone who already copied it.',
      filesLabel: 'The commits that changed those files',
    },
    deleteKey: {
      title: 'Delete the access key',
      accountLabel: 'Which account owns the key (works with credentials of any account)',
      rootKeysLabel: "Does the root user have access keys? (1 = yes; the key is root's if no IAM user owns it)",
      deactivateLabel: 'Deactivate it first (reversible)',
      deleteLabel: 'Then delete it (permanent)',
      known: (name: string) => `--verify says the key belongs to IAM user ${name}.`,
      unknown: '`aws sts get-access-key-info` names the account; `aws iam get-access-key-last-used` (run once, above, into OWNER) names the IAM user that owns the key.',
      inactiveFirst:
        'Make the key Inactive first: a request signed with it now fails, and you can still switch it back if something you depend on breaks. Give such an application a new key (step 4), never the leaked one back, then delete the leaked key.',
      maybeRoot:
        "If OWNER is empty or names the root user (the call fails or prints `root`) while get-access-key-info names your account, it is the ROOT user's key: root keys reach everything, including billing, and no policy can limit them. Sign in as the root user, open Security credentials, and under Access keys choose Actions → Deactivate, then Delete. The root user should have no access keys at all.",
      permanent: 'Deleting is permanent: a deleted key cannot be restored, and its secret is shown only once, when a key is created. Applications that still use it need a new key.',
      quarantine: 'AWS may already have attached a quarantine policy (AWSCompromisedKeyQuarantine…) to the user and opened a support case: that limits what the key can do but does not replace deleting it.',
    },
    deleteRootKey: {
      title: "Delete the access key (it is the ROOT user's)",
      text: (keyId: string) => [
        `--verify says ${keyId} belongs to the ROOT user. Root access keys reach every resource in the account, including billing and account closure, and no IAM policy can limit them. AWS recommends the root user have no access keys at all.`,
        'Sign in to the AWS Management Console as the root user, choose your account name → Security credentials, and under Access keys select this key, choose Actions → Deactivate, then Delete.',
        'Then change the root password, turn on MFA for the root user, and give the applications that used this key an IAM role or an IAM user with only the permissions they need.',
      ],
      confirmLabel: 'Confirm afterwards (0 = the root user has no access keys left)',
      warning: 'Root keys can only be deleted while signed in as the root user; an IAM administrator cannot do it.',
    },
    revokeSessions: {
      title: 'Revoke the temporary credentials',
      whoLabel: 'Who the session belongs to: the role (sessionIssuer) or IAM user that obtained it, from CloudTrail in every region (needs jq)',
      revokeLabel: (role: string | null) => (role ? `Revoke every session of role ${role} issued before now` : 'Revoke every session of that role issued before now (ROLE = the role name from the lookup)'),
      temporary: (keyId: string) =>
        `${keyId} is a temporary key from AWS STS: it cannot be deleted and stays valid until it expires (15 minutes to 36 hours after it was issued; role sessions last up to 12 hours). Expiry alone is not enough: revoke it now.`,
      known: (role: string) => `--verify says it is a session of role ${role}.`,
      find: 'Find who obtained it in CloudTrail: for an AssumedRole session, sessionIssuer is the role; for an IAMUser or Root, the user ran GetSessionToken or GetFederationToken.',
      forRole:
        'For a role: in the IAM console open the role, tab "Revoke sessions", and choose "Revoke active sessions"; it adds the inline policy AWSRevokeOlderSessions, which denies everything to sessions issued before that moment. The command below adds the same policy.',
      forUser:
        "For an IAM user's session: attach the same deny policy to the user (`aws iam put-user-policy --user-name USER --policy-name AWSRevokeOlderSessions --policy-document …`) and rotate the user's long-term keys, which can mint new sessions. A root user's session cannot be limited by policy: delete the root access keys and wait for the expiry.",
      source: 'Temporary credentials usually leak with the place that held them (a CI log, a dumped environment, an instance metadata proxy): find and fix that source, or new sessions will leak too.',
      warning:
        'Revoking denies every current session of the role, legitimate ones included: those users and services must obtain new credentials (they usually do so automatically). Sessions of service-linked roles cannot be revoked.',
    },
    notifyOwner: {
      title: 'Do not use or delete the key: notify its owner',
      text: (keyId: string, account: string | null) => [
        `${keyId} belongs to account ${account}, which is not one of yours. You cannot delete it, and calling AWS with it (even to test it) uses someone else's credentials and may trip a canary alert; --verify skips it for that reason.`,
        'If you know whose key it is (a vendor, a customer, a partner team), tell them so they delete it and check their account. If it is a canary token you planted, it did its job. Otherwise report it to AWS, which contacts the account owner.',
        'Checking the account for unauthorized use and rotating its keys belong to the account owner. If your code relied on this key, give it credentials from your own account instead.',
      ],
    },
    checkUse: {
      title: 'Check all regions for unauthorized use',
      text: [
        'CloudTrail event history keeps 90 days of management events per region, and an attacker chooses regions you do not use, so check every enabled region. Events of IAM, STS and other global services are in us-east-1.',
        'Look for: new IAM users, keys and passwords (CreateUser, CreateAccessKey, CreateLoginProfile, UpdateLoginProfile), new or widened permissions (AttachUserPolicy, PutUserPolicy, CreateRole, AttachRolePolicy, PutRolePolicy, UpdateAssumeRolePolicy, CreatePolicyVersion), compute (RunInstances, RequestSpotInstances, CreateFunction20150331, UpdateFunctionCode20150331v2, ImportKeyPair, AuthorizeSecurityGroupIngress), reconnaissance (GetCallerIdentity, ListUsers, ListBuckets, GetSecretValue) and cover-up (StopLogging, DeleteTrail, UpdateTrail).',
        "Check the bill too: the Billing console's Bills page and Cost Explorer show charges by service and region; a spike in EC2 or a region you never use is the classic sign. If you find anything you did not do, follow AWS's guide on unauthorized activity (delete the resources and IAM identities you did not create, contact AWS Support).",
      ],
      eventsLabel: (keyId: string | null) => `Every CloudTrail event signed with ${keyId ?? 'each candidate key'}, region by region`,
      candidateComment: '# run once per candidate key from step 2',
      lastUsedLabel: 'When, where and for which service the key was last used',
      warning: 'Event history covers management events only: reads of S3 objects or DynamoDB items show up only if a trail records data events.',
    },
    rotate: {
      title: (accountId: string | null) => `Rotate the access keys of all IAM users${accountId ? ` in account ${accountId}` : ''}`,
      text: [
        "Whoever had this key may have read or created other credentials, and the leak shows how keys are handled, so rotate every IAM user's keys, not just the leaked one. The procedure keeps applications running:",
        '1. Create a second key for the user while the first is still active. A user can have at most two keys (delete an unused one first), and the new secret is shown only now: store it straight into the secret store the application reads.',
        '2. Update every application and tool that uses the old key to the new one.',
        '3. Check that the old key is no longer used (`aws iam get-access-key-last-used`); waiting a few days is safer.',
        '4. Make the old key Inactive rather than deleting it.',
        '5. Check that everything still works with only the new key. If something broke, make the old key Active again, fix that application (back to 2), and repeat.',
        '6. After a while with nothing broken, delete the old key.',
      ],
      listLabel: "Every IAM user's keys with status, age and last use (GNU date; on macOS use gdate)",
      daysOld: 'days old',
      lastUsed: 'last used',
      reportLabel: 'The same from the credential report (CSV, includes the root user; run the second line again if the report is not ready yet)',
      setLabel: 'For each user in turn, set the user and the key being replaced (from the list above)',
      createLabel: '1. Create the second key',
      usedLabel: '3. Is the old key still used?',
      deactivateLabel: '4. Deactivate the old key',
      deleteLabel: '6. Delete the old key',
      warning: 'create-access-key prints the new secret once, to your terminal: do not paste it into code, a ticket or a chat.',
    },
    prevent: {
      title: 'Prevent it',
      text: [
        'Keep keys out of code: the AWS SDKs and CLI read the credentials file (~/.aws/credentials, written by `aws configure`) and the environment variables AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY; on a shared machine use user-level, not system-wide, variables. List .env and credential files in .gitignore.',
        'Prefer temporary credentials to long-term keys: IAM roles for EC2 instances, ECS tasks and Lambda functions, OIDC federation for CI (for example GitHub Actions assuming a role), IAM Identity Center (`aws configure sso`) for people, Amazon Cognito for mobile apps. Never embed keys in an app, even encrypted.',
        'Least privilege: one key per application, with only the permissions it needs, so a leak is contained and CloudTrail tells applications apart. Require MFA for people, give the root user no access keys, and delete keys nobody uses.',
        'Install the keywarden pre-commit hook so a key never reaches a commit again, and scan pull requests in CI.',
      ],
      initLabel: 'Install the pre-commit hook in this repository',
      historyLabel: 'Check the whole history from time to time',
    },
    history: {
      first: 'Do this after every key above is deleted or revoked: rewriting history hides the key from new clones but does not stop anyone who already has it.',
      written: (file: string, count: number) =>
        `The expressions file ${file} holds ${count} replacement${s(count)} (each leaked secret, its JSON- and URL-escaped forms, and each key ID). It is in the format of both git filter-repo and BFG.`,
      write: (rerun: string) => `Write the expressions file with \`${rerun}\`. It will hold each leaked secret (that is why it is never written unless asked), in the format of both git filter-repo and BFG.`,
      mergeFirst: 'First merge or close open pull requests, and commit the removal from step 1 (BFG never changes the latest commit, so the key must already be gone from it).',
      nothing: 'Nothing to rewrite: the credentials were found in staged changes, not in a commit.',
      filterRepoLabel: 'git filter-repo, in a fresh mirror clone next to your working copy',
      sdrComment: '# git filter-repo 2.47 or later: add --sensitive-data-removal (it fetches every ref first and lists the first changed commits, which GitHub Support asks for)',
      emptyComment: '# must print nothing',
      originComment: '# filter-repo removes origin so nothing is pushed by accident',
      archivesLabel:
        'Keys inside archives: --replace-text cannot reach into compressed files, so also remove the archives from every commit (in the same mirror clone, before the push; rebuild them without the keys and commit them again afterwards)',
      bfgLabel: 'Or BFG Repo-Cleaner, with the same file',
      warnings: [
        'Every commit after the first leaked one gets a new ID: everyone must re-clone (a pull or merge from an old clone brings the secret back), and open pull requests must be recreated.',
        "Forks, other clones, CI caches and GitHub's pull-request refs (refs/pull/*, which a push cannot change) keep the old commits; GitHub may keep cached views of them. Contact GitHub Support to remove cached views and unreferenced commits, and ask fork owners to delete their forks.",
        'The expressions file holds the leaked secrets: keep it outside the repository, never commit it, and delete it when the rewrite is done.',
      ],
    },
    unpaired: {
      text: 'These secret access keys were found with no access key ID next to them. AWS cannot look a key up by its secret (only the key ID identifies a key), so first narrow down which key each one belongs to, then treat every candidate as leaked: check its use and replace it, as below.',
    },
    identifyKey: {
      title: 'Find the access keys it could belong to',
      text: [
        'The key is one of the active keys of the application, environment or person whose file held the secret: a profile or user name in the same file, the service that reads it, or the author of the commit points to it.',
        'List every access key with when, where and for which service it was last used, and pick the candidates: keys used by that application, from that region, around the time of the commit. If nothing narrows it down, every active key is a candidate.',
        'Each candidate then goes through steps 3 and 4: check its use in every region, and replace it. A candidate that is not the partner is replaced needlessly but harmlessly; missing the real one leaves the leak open.',
      ],
      reportLabel: 'Every access key of the account (including the root user) with status and last use, from the credential report (run the second line again if the report is not ready yet)',
      lastUsedLabel: 'The last use of one candidate (service, region, date) and the IAM user it belongs to',
    },
  },

  /** The playbook's entries for credentials other than access keys (src/remediation/credentials.ts). */
  credentials: {
    labels: {
      bedrock: 'Amazon Bedrock long-term API key (IAM service-specific credential)',
      serviceSpecific: 'IAM service-specific credential (CodeCommit Git credentials or Amazon Keyspaces password)',
      cloudfront: 'CloudFront key pair (private key for signed URLs and cookies)',
      appsync: 'AWS AppSync API key',
      console: 'IAM user console password (credentials.csv)',
    },
    summary: {
      value: (redacted: boolean): string => (redacted ? 'found (redacted in the report)' : 'found'),
      serviceUser: (value: string, user: string, accountId: string | null, bedrock: boolean) =>
        `the credential itself was ${value}; it belongs to IAM user ${user}${accountId ? ` in account ${accountId}` : ''}${bedrock ? ' (read from the decoded key)' : ' (its service user name was next to it)'}`,
      serviceNoUser: (value: string) => `the credential itself was ${value}; its IAM user could not be read from it`,
      cloudfront: (value: string, keyPairId: string | null) =>
        `the private key was ${value}${keyPairId ? `, next to its key pair ID ${keyPairId}` : ', named for CloudFront but without its key pair ID'}`,
      appsync: (count: number, value: string) =>
        `${count === 1 ? 'the key was' : `${count} keys were`} ${value}; an AppSync API key is its own ID, so the commands below ask for it instead of printing it`,
      console: (value: string, user: string | null, accountId: string | null) =>
        `the password was ${value}${user ? ` for IAM user ${user} in account ${accountId}` : '; the user name is in the same row of the file'}`,
    },
    sesNote: (keyId: string) =>
      `An Amazon SES SMTP password was found with ${keyId}: it is derived from this key's secret (the key ID is its SMTP user name), so anyone holding it can send mail as you until the key is deleted (step 2). Then create new SMTP credentials (SES console → SMTP settings, or derive them from the new key) and update the mail configuration.`,
    bedrockShortNote: (keyId: string, temporary: boolean) =>
      `A short-term Amazon Bedrock API key signed with ${keyId} was found: it works for up to 12 hours after it was made (its X-Amz-Date), or until the signing session expires, and carries the permissions of whoever signed it. It stops working when ${temporary ? "the role's older sessions are revoked (step 2)" : 'this key is deactivated (step 2)'}.`,
    service: {
      userLabel: 'The IAM user the credential belongs to (from the file, or ask its owner)',
      listLabel: (bedrock: boolean, serviceUser: string) =>
        `The user's ${bedrock ? 'Bedrock API keys' : 'service-specific credentials'}: note the ServiceSpecificCredentialId of the one whose ServiceUserName is ${serviceUser}`,
      setLabel: 'Set the credential ID from that list',
      deactivateLabel: 'Deactivate it first (reversible)',
      deleteLabel: 'Then delete it (permanent)',
      unknownUser: '(unknown)',
      bedrock: (user: string, keyId: string) =>
        `A long-term Bedrock API key is an IAM service-specific credential of IAM user ${user}: it works until it expires or is deactivated, for every Bedrock action the user may call. Decoded, the key names its user and account (${keyId}); nothing else about it is needed to revoke it.`,
      other: (user: string) =>
        `CodeCommit HTTPS Git credentials and Amazon Keyspaces passwords are IAM service-specific credentials of IAM user ${user}: they work until deactivated, for that service only, with the user's permissions.`,
      two: 'A user has at most two credentials per service and they share the service user name: if you cannot tell which one leaked, deactivate both and give the application a new one (`aws iam create-service-specific-credential` or, to keep the ID, `aws iam reset-service-specific-credential`).',
      consoleUser:
        'A key made in the Bedrock console comes with its own IAM user (BedrockAPIKey-…) that has no other use: after deleting the credential, detach its policies and delete that user too. Prefer short-term Bedrock API keys, which expire within 12 hours.',
      titleBedrock: 'Deactivate and delete the Bedrock API key',
      title: 'Deactivate and delete the service-specific credential',
      warning: 'Deleting is permanent; the password or key is shown only once, when it is created or reset.',
    },
    checkByUser: {
      title: 'Check all regions for unauthorized use',
      console:
        'Console sign-ins are CloudTrail events (ConsoleLogin, in us-east-1 or the region signed in to), and everything done in the console afterwards is logged as the user. Look for sign-ins from addresses you do not know, and for what followed: new users, keys, passwords or MFA devices (CreateUser, CreateAccessKey, CreateLoginProfile, EnableMFADevice), changed permissions, new compute.',
      service:
        'Calls made with a service-specific credential are logged as its IAM user: Bedrock model invocations, CodeCommit Git pushes and pulls (GitPush, GitPull), Keyspaces control-plane calls. Look for calls from addresses or at times you do not recognise, and check the bill (Bedrock model usage, in every region) for spend you did not cause.',
      retention: 'CloudTrail event history keeps 90 days of management events per region.',
      eventsLabel: (user: string) => `Every CloudTrail event of IAM user ${user}, region by region`,
      warning: 'Event history covers management events only: data events (S3 object reads, some Keyspaces operations) show up only if a trail records them.',
    },
    cloudfront: {
      title: 'Delete the CloudFront key pair',
      thePairId: 'the key pair ID',
      text: (id: string) => [
        `With this private key anyone can sign URLs and cookies that your distributions accept, for any path and any expiry, until ${id} is deleted.`,
        'Key pairs with an APKA… ID are the older, account-wide CloudFront key pairs, which only the root user manages: sign in as the root user, open Security credentials → CloudFront key pairs, and delete this one (make it inactive first if you need time to switch the signers).',
        'Then move signing to a key group (a public key you upload to CloudFront, which an IAM administrator can manage), point the distributions at it (Restrict viewer access → Trusted key groups), and store the new private key in a secret store, never in the repository.',
      ],
      distributionsLabel: 'The distributions that accept signed URLs or cookies from the account (trusted signers) or from key groups',
      warning: 'Deleting the key pair breaks every signed URL and cookie made with it, legitimate ones included: have the new key group in place first.',
      checkTitle: 'Check for signed requests you did not make',
      checkText: [
        "Requests with signed URLs are not in CloudTrail: they are in the distributions' standard logs (access logs), if logging is on. A signed URL carries the key pair ID in its Key-Pair-Id parameter.",
        'Look for signed requests for paths, from addresses or at times your application does not produce, and check the CloudFront data transfer on the bill.',
      ],
      logsLabel: 'Where a distribution writes its standard logs (DISTRIBUTION_ID from the list in step 2)',
      requestsLabel: (id: string) => `Signed requests with ${id} in those logs (date, time, client address, path), most frequent first`,
      bucketComment: '# Bucket above, without .s3.amazonaws.com',
      prefixComment: '# Prefix above',
    },
    appsync: {
      title: 'Delete the AppSync API key',
      text: [
        'An AppSync API key lets anyone call the operations your GraphQL API allows with API_KEY authorization, from anywhere, until the key expires or is deleted. Its ID is the key itself, so the commands read it from a hidden prompt rather than printing it.',
        'Find the API that has the key (every region), create a new key for the clients that need one, then delete the leaked key. If clients outside your control use API-key access, consider Amazon Cognito or IAM authorization instead.',
      ],
      findLabel: 'Find the API holding the key, in every region (the key is typed, not shown)',
      prompt: 'Leaked AppSync API key (not shown): ',
      found: 'found: region $region, API $api',
      setLabel: 'Set the region and API from that line',
      createLabel: 'A new key for the clients that need one (its value is printed once)',
      deleteLabel: 'Delete the leaked key',
      warning: 'Deleting the key breaks every client that still uses it: hand out the new key first.',
      checkTitle: 'Check the API for calls you did not make',
      checkText: [
        'GraphQL requests are not in CloudTrail. If the API logs to CloudWatch (field-level or request logging), look there for requests from unknown addresses or for operations your clients never run; otherwise turn logging on now.',
        "Check what the API-key authorization lets a caller read or change (the schema's @aws_api_key operations and the resolvers behind them) and the data those resolvers reach.",
      ],
      loggingLabel: "The API's logging settings (REGION and API_ID from step 2)",
    },
    console: {
      title: 'Remove or reset the console password',
      userLabel: 'The IAM user (first column of the row in credentials.csv)',
      deleteLabel: 'Remove the console password (the user can no longer sign in to the console)',
      resetLabel: 'Or, if the person needs console access, set a new password they must change at first sign-in',
      sessionsLabel: 'End console sessions that are already signed in: deny everything to sessions issued before now',
      devicesLabel: 'MFA devices and access keys the user has now (an intruder may have added some)',
      text: (user: string | null) => [
        `credentials.csv holds the console password of IAM user ${user ?? '(first column of the row)'}: with it, anyone can sign in to the console as that user (unless MFA is required) and do all the user may do.`,
        'Delete the login profile, or replace the password with one the user must change, and end the sessions already signed in. If the same file holds an access key, it is listed as a key of its own: delete that too.',
      ],
      warning: 'create-login-profile prints nothing secret, but the new password passes through your shell: hand it over out of band.',
    },
  },
};

export type Guide = typeof enGuide;
