// Every English word the HTML report shows, in one place (the page's code holds none), so the words module of
// issue #15 can take them over whole. Functions where a number changes the sentence.
export const WORDS = {
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
} as const;

/** What a Verification.status means, in a few words. */
export const STATUS_WORDS: Record<string, string> = {
  live: 'live: the key works',
  invalid: 'invalid (deleted or never valid)',
  expired: 'expired',
  'secret-mismatch': 'the key exists, the secret does not match',
  unknown: 'unknown (STS did not answer)',
};

export const MODE_WORDS: Record<string, string> = {
  files: 'files',
  staged: 'staged changes',
  history: 'history',
  range: 'commit range',
  stdin: 'standard input',
  'pre-receive': 'push',
  'commit-msg': 'commit message',
};
