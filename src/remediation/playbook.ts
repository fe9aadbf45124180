// The leak-response playbook as data: for each leaked key, in order, the five documented steps (remove the
// leaked data, delete the key, check every region for use, rotate every IAM user's keys, prevent it), with
// real commands carrying the real key ID and never a secret. The key's type changes the steps (a temporary
// ASIA key is revoked through its role, a root key gets its own warning, a key from an account that is not
// ours is reported to its owner, not deleted). Sentences come from the words catalogue (words/: playbook), in
// the run's language; the JSON format is this structure as is. The steps follow the AWS pages in
// references.ts, in our own words.
import type { KeyType } from '../aws/key-id.js';
import type { VerifyResult } from '../aws/verify.js';
import type { ScanMode } from '../types.js';
import type { CredentialType, LeakedKey, LeakSet, Sighting } from './leaks.js';
import { lookupEventsEveryRegion } from './cloudtrail.js';
import { credentialSteps, credentialSummary, CREDENTIAL_LABELS, hangingOffNotes } from './credentials.js';
import { ownershipOf, principalOf, type Ownership, type Principal } from './owner.js';
import type { ReferenceId } from './references.js';
// One quoting rule for every command keywarden prints (a value with a control character gets $'…').
import { shellQuote } from '../text/shell-quote.js';
import { guide } from '../words/guide.js';
import type { Command, Step } from './steps.js';

export interface KeyPlaybook {
  /** The access key ID, or what identifies another credential (see LeakedKey.keyId). */
  keyId: string;
  /** An access key, or another kind of credential with its own steps. */
  credential: CredentialType;
  /** For credentials other than access keys: what was found, in sentences (an access key's is derived by the renderer). */
  summary: string[];
  keyType: KeyType;
  keyTypeLabel: string;
  accountId: string | null;
  ownership: Ownership;
  /** From --verify: the IAM user, role session or root user the key belongs to. */
  principal: Principal | null;
  found: Sighting[];
  secret: 'paired' | 'redacted' | 'none';
  sessionToken: 'paired' | 'redacted' | 'none';
  verification: VerifyResult | null;
  notes: string[];
  /** Shell variables the steps' commands use, set once before them; null when they use none. */
  setup: Command | null;
  steps: Step[];
}

export interface HistoryRewrite {
  /** False when nothing reached a commit (a pre-commit --staged scan). */
  needed: boolean;
  expressions: {
    /** The file the commands use: where it was written, or the suggested path. */
    file: string;
    written: boolean;
    /** Lines in the file (each secret, its encoded forms, and each key ID). */
    count: number;
    /** Why the file cannot hold every secret, or null. */
    missing: string | null;
  };
  text: string[];
  commands: Command[];
  warnings: string[];
  references: ReferenceId[];
}

/** Secrets found with no key ID: a playbook of its own, from finding which key they belong to onwards. */
export interface UnpairedSection {
  found: Sighting[];
  text: string[];
  setup: Command | null;
  steps: Step[];
  references: ReferenceId[];
}

export interface Playbook {
  version: 1;
  summary: { keys: number; accounts: string[]; foreignKeys: number; unpairedSecrets: number; scanMode: ScanMode | null };
  /** What the reader must know before starting (warnings). */
  notes: string[];
  /** Optional improvements (a config setting that would make the playbook more precise). */
  tips: string[];
  keys: KeyPlaybook[];
  unpaired: UnpairedSection | null;
  history: HistoryRewrite;
  references: ReferenceId[];
}

export interface PlaybookContext {
  /** config.accounts: the organisation's own AWS accounts. */
  accounts: readonly string[];
  verifications: ReadonlyMap<string, VerifyResult>;
  /** Keys --verify did not check, with the reason. */
  verifySkipped: ReadonlyMap<string, string>;
  expressions: HistoryRewrite['expressions'];
  /** The command (plain, no quoting) that re-runs remediate with --replacements, shown when the file was not written. */
  rerun: string;
  /** The installed git filter-repo has --sensitive-data-removal (2.47 and later); unknown counts as no. */
  sensitiveDataRemoval?: boolean;
}

export const DEFAULT_REPLACEMENTS_FILE = '../keywarden-replacements.txt';

export function buildPlaybook(set: LeakSet, context: PlaybookContext): Playbook {
  const keys: KeyPlaybook[] = [];
  // Account-wide steps (rotating every key of an account, prevention) are written out once, for the first key
  // that needs them; later keys, and the secrets without a key ID, point back to it.
  const accountStepOwner = new Map<string, { keyId: string; step: number }>();
  const shareAccountSteps = (steps: Step[], accountId: string | null, keyId: string): void => {
    for (const step of steps) {
      const scope = step.id === 'rotate-all-keys' ? `rotate:${accountId ?? '?'}` : step.id === 'prevent' ? 'prevent' : null;
      if (scope === null) continue;
      const first = accountStepOwner.get(scope);
      if (first === undefined) accountStepOwner.set(scope, { keyId, step: step.number });
      else step.sameAs = first;
    }
  };
  for (const key of set.keys) {
    const plan = keyPlaybook(key, set.mode, context);
    shareAccountSteps(plan.steps, key.accountId, key.keyId);
    keys.push(plan);
  }
  const unpaired = set.unpaired ? unpairedSection(set.unpaired.sightings, set.mode) : null;
  if (unpaired) shareAccountSteps(unpaired.steps, null, guide().playbook.theSecretsWithoutKeyId);
  const accounts = [...new Set(set.keys.map((key) => key.accountId).filter((id): id is string => id !== null))];
  const w = guide().playbook.notes;
  const notes: string[] = [];
  if (set.mode === 'staged') notes.push(w.staged);
  if (set.keys.some((key) => key.redacted) || set.unpaired?.redacted) notes.push(w.redacted);
  const tips: string[] = [];
  if (context.accounts.length === 0 && accounts.length > 0) tips.push(w.accountsTip);
  return {
    version: 1,
    summary: {
      keys: set.keys.length,
      accounts,
      foreignKeys: keys.filter((key) => key.ownership === 'foreign').length,
      unpairedSecrets: set.unpaired?.sightings.length ?? 0,
      scanMode: set.mode,
    },
    notes,
    tips,
    keys,
    unpaired,
    history: historyRewrite(set, context),
    references: [
      'access-key-best-practices',
      'managing-access-keys',
      'iam-best-practices',
      'temporary-credentials',
      'unauthorized-activity',
      ...(set.keys.some((key) => key.kinds.includes('ses-smtp-password')) ? (['ses-smtp-credentials'] as const) : []),
      ...(set.keys.some((key) => key.kinds.includes('bedrock-short-term-key') || key.kinds.includes('bedrock-api-key')) ? (['bedrock-api-keys'] as const) : []),
    ],
  };
}

function keyPlaybook(key: LeakedKey, mode: ScanMode | null, context: PlaybookContext): KeyPlaybook {
  if (key.credential !== 'access-key') return credentialPlaybook(key, mode, context);
  const verification = context.verifications.get(key.keyId) ?? null;
  const principal = principalOf(verification ?? undefined);
  const ownership = ownershipOf(key.accountId, context.accounts);
  const w = guide();
  const notes: string[] = [];
  if (key.accountId === null && key.keyType !== 'unknown') notes.push(w.playbook.notes.olderFormat(key.keyId));
  if (ownership === 'foreign') notes.push(w.playbook.notes.foreignKey(key.accountId, context.accounts.join(', ')));
  if (verification) notes.push(verificationNote(verification, principal));
  notes.push(...hangingOffNotes(key));
  const skipped = context.verifySkipped.get(key.keyId);
  if (skipped) notes.push(w.playbook.notes.notChecked(skipped));
  const steps: Step[] = [removeLeakedData(key, mode, ownership === 'foreign')];
  if (ownership === 'foreign') {
    steps.push(notifyOwner(key));
  } else {
    steps.push(key.keyType === 'temporary' ? revokeSessions(key, principal) : deleteKey(key, principal));
    steps.push(checkUnauthorizedUse(key.keyId, key.keyType === 'temporary'));
    steps.push(rotateAllKeys(key.accountId));
  }
  steps.push(prevent());
  // A foreign key has no steps 3 and 4 of its own: number what is printed, so that "step N" always exists.
  steps.forEach((step, index) => (step.number = index + 1));
  return {
    keyId: key.keyId,
    credential: 'access-key',
    summary: [],
    keyType: key.keyType,
    keyTypeLabel: principal?.type === 'root' ? w.rootKeyType : w.keyTypeLong[key.keyType],
    accountId: key.accountId,
    ownership,
    principal,
    found: key.sightings,
    secret: key.hasSecret ? (key.secrets.length > 0 ? 'paired' : 'redacted') : 'none',
    sessionToken: key.sessionTokens.length > 0 ? 'paired' : key.hasSessionToken ? 'redacted' : 'none',
    verification,
    notes,
    setup: setupFor(steps, key.keyId),
    steps,
  };
}

/** A credential other than an access key: remove it, revoke it its own way, check its use, prevent. */
function credentialPlaybook(key: LeakedKey, mode: ScanMode | null, context: PlaybookContext): KeyPlaybook {
  const ownership = ownershipOf(key.accountId, context.accounts);
  const notes: string[] = [];
  if (ownership === 'foreign') notes.push(guide().playbook.notes.foreignCredential(key.accountId, context.accounts.join(', ')));
  const steps: Step[] = [removeUnpairedData(key.sightings, mode, 'credential')];
  if (ownership !== 'foreign') steps.push(...credentialSteps(key));
  steps.push(prevent());
  steps.forEach((step, index) => (step.number = index + 1));
  return {
    keyId: key.keyId,
    credential: key.credential,
    summary: credentialSummary(key),
    keyType: key.keyType,
    keyTypeLabel: CREDENTIAL_LABELS[key.credential as Exclude<CredentialType, 'access-key'>](key.kinds),
    accountId: key.accountId,
    ownership,
    principal: null,
    found: key.sightings,
    secret: key.secrets.length > 0 ? 'paired' : key.hasSecret ? 'redacted' : 'none',
    sessionToken: 'none',
    verification: null,
    notes,
    setup: setupFor(steps, null),
    steps,
  };
}

// ── Shell variables, set once ─────────────────────────────────────────────────────────────────────────

/** IAM and STS are global, but the CLI still wants a region for some calls: us-east-1 is always enabled. */
const HOME_REGION = 'us-east-1';

/** Every variable a playbook's commands may use, with the one line that sets it. */
const VARIABLES: ReadonlyArray<{ name: string; line: (keyId: string) => string }> = [
  { name: 'OWNER', line: (keyId) => `OWNER=$(aws iam get-access-key-last-used --access-key-id ${keyId} --query UserName --output text)   ${guide().playbook.ownerComment}` },
  { name: 'REGIONS', line: () => `REGIONS=$(aws ec2 describe-regions --region ${HOME_REGION} --query 'Regions[].RegionName' --output text)   ${guide().playbook.regionsComment}` },
];

/** The variables the steps' commands use ($NAME or "$NAME"), derived from the scripts so that the two never drift apart. */
function setupFor(steps: readonly Step[], keyId: string | null): Command | null {
  const scripts = steps.flatMap((step) => step.commands.map((command) => command.script)).join('\n');
  const used = VARIABLES.filter((variable) => new RegExp(`\\$\\{?${variable.name}\\b`).test(scripts));
  if (used.length === 0) return null;
  return { label: guide().playbook.setup, script: used.map((variable) => variable.line(keyId ?? 'KEY_ID')).join('\n') };
}

function verificationNote(result: VerifyResult, principal: Principal | null): string {
  const w = guide().playbook.notes;
  const who = principal ? w.belongsTo(describePrincipal(principal)) : '';
  switch (result.status) {
    case 'live':
      return w.live(who);
    case 'invalid':
      return w.invalid(result.code);
    case 'expired':
      return w.expired(result.code);
    case 'secret-mismatch':
      return w.mismatch(result.code);
    case 'unknown':
      return w.unknown(result.detail);
  }
}

export function describePrincipal(principal: Principal): string {
  const w = guide().playbook.principal;
  switch (principal.type) {
    case 'root':
      return w.root(principal.account);
    case 'user':
      return w.user(principal.name, principal.account);
    case 'role':
      return w.role(principal.name, principal.account);
    case 'federated-user':
      return w.federated(principal.name, principal.account);
    case 'other':
      return principal.arn;
  }
}

// ── Step 1 ────────────────────────────────────────────────────────────────────────────────────────────

function removeLeakedData(key: LeakedKey, mode: ScanMode | null, foreign: boolean): Step {
  const w = guide().playbook.removeData;
  const inHistory = key.sightings.some((sighting) => sighting.commit !== null);
  const text = [w.takeOut];
  if (mode === 'staged') {
    text.push(w.staged('key'));
  } else {
    text.push(foreign ? w.publicForeign : w.public);
    text.push(inHistory ? w.inHistory : w.listCommits);
  }
  return {
    number: 1,
    id: 'remove-leaked-data',
    title: w.title,
    text,
    commands: [
      { label: w.grepLabel, script: `git grep -n -F '${key.keyId}'` },
      { label: w.logLabel, script: `git log --all --oneline -S '${key.keyId}'` },
    ],
    warnings: [],
    references: ['access-key-best-practices', 'github-sensitive-data'],
  };
}

// ── Step 2 (long-term keys) ───────────────────────────────────────────────────────────────────────────

function deleteKey(key: LeakedKey, principal: Principal | null): Step {
  const w = guide().playbook.deleteKey;
  const id = key.keyId;
  if (principal?.type === 'root') return deleteRootKey(key);
  const known = principal?.type === 'user' ? principal.name : null;
  const owner = known ? shellQuote(known) : '"$OWNER"';
  const commands: Command[] = [{ label: w.accountLabel, script: `aws sts get-access-key-info --region ${HOME_REGION} --access-key-id ${id}` }];
  if (!known) commands.push({ label: w.rootKeysLabel, script: `aws iam get-account-summary --query 'SummaryMap.AccountAccessKeysPresent'` });
  commands.push({ label: w.deactivateLabel, script: `aws iam update-access-key --user-name ${owner} --access-key-id ${id} --status Inactive` });
  commands.push({ label: w.deleteLabel, script: `aws iam delete-access-key --user-name ${owner} --access-key-id ${id}` });
  return {
    number: 2,
    id: 'delete-key',
    title: w.title,
    text: [known ? w.known(known) : w.unknown, w.inactiveFirst, w.maybeRoot],
    commands,
    warnings: [w.permanent, w.quarantine],
    references: ['managing-access-keys', 'get-access-key-info', 'root-keys', 'unauthorized-activity'],
  };
}

function deleteRootKey(key: LeakedKey): Step {
  const w = guide().playbook.deleteRootKey;
  return {
    number: 2,
    id: 'delete-key',
    title: w.title,
    text: w.text(key.keyId),
    commands: [{ label: w.confirmLabel, script: `aws iam get-account-summary --query 'SummaryMap.AccountAccessKeysPresent'` }],
    warnings: [w.warning],
    references: ['root-keys', 'access-key-best-practices', 'iam-best-practices'],
  };
}

// ── Step 2 (temporary keys) ───────────────────────────────────────────────────────────────────────────

function revokeSessions(key: LeakedKey, principal: Principal | null): Step {
  const id = key.keyId;
  const role = principal?.type === 'role' ? principal.name : null;
  const roleArg = role ? shellQuote(role) : '"$ROLE"';
  const policy = `{"Version":"2012-10-17","Statement":[{"Effect":"Deny","Action":"*","Resource":"*","Condition":{"DateLessThan":{"aws:TokenIssueTime":"'"$(date -u +%Y-%m-%dT%H:%M:%SZ)"'"}}}]}`;
  const w = guide().playbook.revokeSessions;
  const commands: Command[] = [];
  if (!role) {
    commands.push({
      label: w.whoLabel,
      script: [
        `for region in $REGIONS; do`,
        `  aws cloudtrail lookup-events --region "$region" --max-items 50 \\`,
        `    --lookup-attributes AttributeKey=AccessKeyId,AttributeValue=${id} \\`,
        `    --query 'Events[].CloudTrailEvent' --output json |`,
        `    jq -r '.[] | fromjson | .userIdentity | [.type, .arn, (.sessionContext.sessionIssuer.arn // "-")] | @tsv'`,
        `done | sort -u`,
      ].join('\n'),
    });
  }
  commands.push({
    label: w.revokeLabel(role),
    script: `${role ? '' : `ROLE=the-role-name${guide().playbook.placeholders.role}\n`}aws iam put-role-policy --role-name ${roleArg} --policy-name AWSRevokeOlderSessions \\\n  --policy-document '${policy}'`,
  });
  return {
    number: 2,
    id: 'revoke-sessions',
    title: w.title,
    text: [w.temporary(id), role ? w.known(role) : w.find, w.forRole, w.forUser, w.source],
    commands,
    warnings: [w.warning],
    references: ['revoke-sessions', 'temporary-credentials', 'cloudtrail-lookup'],
  };
}

// ── Step 2 (a key from another account) ───────────────────────────────────────────────────────────────

function notifyOwner(key: LeakedKey): Step {
  const w = guide().playbook.notifyOwner;
  return {
    number: 2,
    id: 'notify-owner',
    title: w.title,
    text: w.text(key.keyId, key.accountId),
    commands: [],
    warnings: [],
    references: ['report-abuse', 'get-access-key-info'],
  };
}

// ── Step 3 ────────────────────────────────────────────────────────────────────────────────────────────

/** `id` is the key ID, or "$KEY_ID" when the commands are run once per candidate key (secrets without a key ID). */
function checkUnauthorizedUse(id: string, temporary: boolean, number = 3): Step {
  const w = guide().playbook.checkUse;
  const perCandidate = id.startsWith('"$');
  return {
    number,
    id: 'check-unauthorized-use',
    title: w.title,
    text: [...w.text],
    commands: [
      {
        label: w.eventsLabel(perCandidate ? null : id),
        script: [
          ...(perCandidate ? [`KEY_ID=CANDIDATE_KEY_ID   ${w.candidateComment}`] : []),
          lookupEventsEveryRegion('AccessKeyId', id, 'EventTime,EventSource,EventName,Username'),
        ].join('\n'),
      },
      ...(temporary ? [] : [{ label: w.lastUsedLabel, script: `aws iam get-access-key-last-used --access-key-id ${id}` }]),
    ],
    warnings: [w.warning],
    references: ['cloudtrail-lookup', 'unauthorized-activity', 'credential-report'],
  };
}

// ── Step 4 ────────────────────────────────────────────────────────────────────────────────────────────

function rotateAllKeys(accountId: string | null, number = 4): Step {
  const w = guide().playbook.rotate;
  return {
    number,
    id: 'rotate-all-keys',
    title: w.title(accountId),
    text: [...w.text],
    commands: [
      {
        label: w.listLabel,
        script: [
          `for user in $(aws iam list-users --query 'Users[].UserName' --output text); do`,
          `  aws iam list-access-keys --user-name "$user" \\`,
          `    --query 'AccessKeyMetadata[].[UserName,AccessKeyId,Status,CreateDate]' --output text |`,
          `  while read -r name key status created; do`,
          `    last=$(aws iam get-access-key-last-used --access-key-id "$key" --query 'AccessKeyLastUsed.LastUsedDate' --output text)`,
          `    age=$(( ($(date -u +%s) - $(date -u -d "$created" +%s)) / 86400 ))`,
          `    printf '%s\\t%s\\t%s\\t%s ${w.daysOld}\\t${w.lastUsed} %s\\n' "$name" "$key" "$status" "$age" "$last"`,
          `  done`,
          `done`,
        ].join('\n'),
      },
      {
        label: w.reportLabel,
        script: `aws iam generate-credential-report\naws iam get-credential-report --query Content --output text | base64 --decode | cut -d, -f1,9-11,14-16`,
      },
      { label: w.setLabel, script: `USER_NAME=the-user-name${guide().playbook.placeholders.user}\nOLD_KEY_ID=the-old-access-key-id${guide().playbook.placeholders.oldKey}` },
      { label: w.createLabel, script: 'aws iam create-access-key --user-name "$USER_NAME"' },
      { label: w.usedLabel, script: 'aws iam get-access-key-last-used --access-key-id "$OLD_KEY_ID"' },
      { label: w.deactivateLabel, script: 'aws iam update-access-key --user-name "$USER_NAME" --access-key-id "$OLD_KEY_ID" --status Inactive' },
      { label: w.deleteLabel, script: 'aws iam delete-access-key --user-name "$USER_NAME" --access-key-id "$OLD_KEY_ID"' },
    ],
    warnings: [w.warning],
    references: ['managing-access-keys', 'iam-best-practices', 'credential-report', 'unauthorized-activity'],
  };
}

// ── Step 5 ────────────────────────────────────────────────────────────────────────────────────────────

function prevent(): Step {
  const w = guide().playbook.prevent;
  return {
    number: 5,
    id: 'prevent',
    title: w.title,
    text: [...w.text],
    commands: [
      { label: w.initLabel, script: 'npx keywarden init' },
      { label: w.historyLabel, script: 'npx keywarden scan --history' },
    ],
    warnings: [],
    references: ['access-key-best-practices', 'iam-best-practices', 'temporary-credentials'],
  };
}

// ── History rewrite and unpaired secrets ──────────────────────────────────────────────────────────────

/**
 * Keys inside archives (src/archive): --replace-text edits bytes, and an archive's are compressed, so the
 * archive files themselves are removed from every commit (the finding's `file` is the archive in git).
 */
function archiveRemoval(set: LeakSet): Command[] {
  const sightings = [...set.keys.flatMap((key) => key.sightings), ...(set.unpaired?.sightings ?? [])];
  const archives = [...new Set(sightings.filter((sighting) => sighting.entry !== undefined).map((sighting) => sighting.file))].sort();
  if (archives.length === 0) return [];
  return [
    {
      label: guide().playbook.history.archivesLabel,
      script: `git filter-repo --invert-paths ${archives.map((file) => `--path ${shellQuote(file)}`).join(' ')}`,
    },
  ];
}

function historyRewrite(set: LeakSet, context: PlaybookContext): HistoryRewrite {
  const { expressions } = context;
  const file = expressions.file;
  const q = shellQuote(file);
  const needed = set.mode !== 'staged';
  const firstKey = set.keys.find((key) => key.credential === 'access-key')?.keyId;
  const w = guide().playbook.history;
  const text = needed
    ? [w.first, expressions.written ? w.written(file, expressions.count) : w.write(context.rerun), ...(expressions.missing ? [expressions.missing] : []), w.mergeFirst]
    : [w.nothing];
  const commands: Command[] = needed
    ? [
        {
          label: w.filterRepoLabel,
          script: [
            'REMOTE=$(git remote get-url origin)',
            'git clone --mirror "$REMOTE" ../keywarden-rewrite.git',
            'cd ../keywarden-rewrite.git',
            ...(context.sensitiveDataRemoval === true
              ? [`git filter-repo --sensitive-data-removal --replace-text ${q}`]
              : [w.sdrComment, `git filter-repo --replace-text ${q}`]),
            ...(firstKey ? [`git log --all --oneline -S '${firstKey}'   ${w.emptyComment}`] : []),
            `git remote add origin "$REMOTE"   ${w.originComment}`,
            'git push --force --mirror origin',
          ].join('\n'),
        },
        {
          label: w.bfgLabel,
          script: [
            'REMOTE=$(git remote get-url origin)',
            'git clone --mirror "$REMOTE" ../keywarden-rewrite.git',
            `java -jar bfg.jar --replace-text ${q} ../keywarden-rewrite.git`,
            'cd ../keywarden-rewrite.git',
            'git reflog expire --expire=now --all && git gc --prune=now --aggressive',
            'git push --force',
          ].join('\n'),
        },
        ...archiveRemoval(set),
      ]
    : [];
  const warnings = needed ? [...w.warnings] : [];
  return { needed, expressions, text, commands, warnings, references: ['github-sensitive-data', 'filter-repo', 'bfg'] };
}

function unpairedSection(found: Sighting[], mode: ScanMode | null): UnpairedSection {
  const steps = [removeUnpairedData(found, mode), identifyKey(), checkUnauthorizedUse('"$KEY_ID"', false), rotateAllKeys(null), prevent()];
  return {
    found,
    text: [guide().playbook.unpaired.text],
    setup: setupFor(steps, null),
    steps,
    references: ['managing-access-keys', 'unauthorized-activity'],
  };
}

function removeUnpairedData(found: Sighting[], mode: ScanMode | null, what: 'secret' | 'credential' = 'secret'): Step {
  const w = guide().playbook.removeData;
  const files = [...new Set(found.map((sighting) => sighting.file))];
  return {
    number: 1,
    id: 'remove-leaked-data',
    title: w.title,
    text: [mode === 'staged' ? w.staged(what) : what === 'secret' ? w.unpairedSecret : w.unpairedCredential],
    commands: mode === 'staged' ? [] : [{ label: w.filesLabel, script: `git log --all --oneline -- ${files.map(shellQuote).join(' ')}` }],
    warnings: [],
    references: ['access-key-best-practices', 'github-sensitive-data'],
  };
}

function identifyKey(): Step {
  const w = guide().playbook.identifyKey;
  return {
    number: 2,
    id: 'identify-key',
    title: w.title,
    text: [...w.text],
    commands: [
      {
        label: w.reportLabel,
        script: `aws iam generate-credential-report\naws iam get-credential-report --query Content --output text | base64 --decode | cut -d, -f1,9-11,14-16`,
      },
      { label: w.lastUsedLabel, script: 'aws iam get-access-key-last-used --access-key-id CANDIDATE_KEY_ID' },
    ],
    warnings: [],
    references: ['credential-report', 'managing-access-keys'],
  };
}
