// The leak-response playbook as data: for each leaked key, in order, the five documented steps (remove the
// leaked data, delete the key, check every region for use, rotate every IAM user's keys, prevent it), with
// real commands carrying the real key ID and never a secret. The key's type changes the steps (a temporary
// ASIA key is revoked through its role, a root key gets its own warning, a key from an account that is not
// ours is reported to its owner, not deleted). Sentences live here and in the renderers only; the JSON
// format is this structure as is. The steps follow the AWS pages in references.ts, in our own words.
import { KEY_TYPE_LABELS, type KeyType } from '../aws/key-id.js';
import type { VerifyResult } from '../aws/verify.js';
import type { ScanMode } from '../types.js';
import type { CredentialType, LeakedKey, LeakSet, Sighting } from './leaks.js';
import { lookupEventsEveryRegion } from './cloudtrail.js';
import { credentialSteps, credentialSummary, CREDENTIAL_LABELS, hangingOffNotes } from './credentials.js';
import { ownershipOf, principalOf, type Ownership, type Principal } from './owner.js';
import type { ReferenceId } from './references.js';
// One quoting rule for every command keywarden prints (a value with a control character gets $'…').
import { shellQuote } from '../text/shell-quote.js';

export interface Command {
  /** What the command does, one line. */
  label: string;
  /** POSIX shell (bash/zsh), ready to paste. */
  script: string;
}

export interface Step {
  /** 1–5, the documented order. */
  number: number;
  id:
    | 'remove-leaked-data'
    | 'identify-key'
    | 'delete-key'
    | 'revoke-sessions'
    | 'notify-owner'
    | 'check-unauthorized-use'
    | 'rotate-all-keys'
    | 'prevent'
    | 'delete-service-credential'
    | 'delete-cloudfront-key-pair'
    | 'delete-appsync-key'
    | 'remove-console-password';
  title: string;
  text: string[];
  commands: Command[];
  warnings: string[];
  references: ReferenceId[];
  /** Set when an earlier key in this playbook already has the same account-wide step. */
  sameAs?: { keyId: string; step: number };
}

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
  if (unpaired) shareAccountSteps(unpaired.steps, null, 'the secrets without a key ID');
  const accounts = [...new Set(set.keys.map((key) => key.accountId).filter((id): id is string => id !== null))];
  const notes: string[] = [];
  if (set.mode === 'staged') {
    notes.push(
      'These credentials were caught in staged changes, before any commit: nothing reached git history. Take them out of the files and stage again; the remaining steps are precautions, needed if the files were shared any other way (a chat, a backup, a pushed branch).',
    );
  }
  if (set.keys.some((key) => key.redacted) || set.unpaired?.redacted) {
    notes.push(
      'The report holds redacted secrets, so the expressions file cannot list them. Pipe an unredacted report instead (`keywarden scan … --format json --no-redact | keywarden remediate --report - --replacements FILE`) or let `keywarden remediate` run the scan itself: either way the values stay in memory and are never printed.',
    );
  }
  const tips: string[] = [];
  if (context.accounts.length === 0 && accounts.length > 0) {
    tips.push('List your AWS account IDs in the config ("accounts") and keys from any other account are marked as foreign (a canary token or a third party\'s key).');
  }
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
  const notes: string[] = [];
  if (key.accountId === null && key.keyType !== 'unknown') {
    notes.push(`The account cannot be read from this key ID offline (older key format): \`aws sts get-access-key-info --access-key-id ${key.keyId}\` tells it.`);
  }
  if (ownership === 'foreign') {
    notes.push(
      `Account ${key.accountId} is not one of your accounts (${context.accounts.join(', ')}). This may be a canary token (a decoy key planted to detect leaks: any use alerts its owner) or a third party's key (a vendor's, a customer's, one copied from somewhere). Do not use, test or delete it: tell its owner.`,
    );
  }
  if (verification) notes.push(verificationNote(verification, principal));
  notes.push(...hangingOffNotes(key));
  const skipped = context.verifySkipped.get(key.keyId);
  if (skipped) notes.push(`--verify: not checked: ${skipped}.`);
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
    keyTypeLabel: principal?.type === 'root' ? 'long-term access key of the ROOT user' : KEY_TYPE_LABELS[key.keyType],
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
  if (ownership === 'foreign') {
    notes.push(`Account ${key.accountId} is not one of your accounts (${context.accounts.join(', ')}): do not use or test this credential; tell its owner (a vendor, a customer, a partner team) so they revoke it.`);
  }
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
  { name: 'OWNER', line: (keyId) => `OWNER=$(aws iam get-access-key-last-used --access-key-id ${keyId} --query UserName --output text)   # the IAM user that owns the key` },
  { name: 'REGIONS', line: () => `REGIONS=$(aws ec2 describe-regions --region ${HOME_REGION} --query 'Regions[].RegionName' --output text)   # every region enabled in the account` },
];

/** The variables the steps' commands use ($NAME or "$NAME"), derived from the scripts so that the two never drift apart. */
function setupFor(steps: readonly Step[], keyId: string | null): Command | null {
  const scripts = steps.flatMap((step) => step.commands.map((command) => command.script)).join('\n');
  const used = VARIABLES.filter((variable) => new RegExp(`\\$\\{?${variable.name}\\b`).test(scripts));
  if (used.length === 0) return null;
  return { label: 'First, in the shell where you will run the commands below, set', script: used.map((variable) => variable.line(keyId ?? 'KEY_ID')).join('\n') };
}

function verificationNote(result: VerifyResult, principal: Principal | null): string {
  const who = principal ? ` It belongs to ${describePrincipal(principal)}.` : '';
  switch (result.status) {
    case 'live':
      return `--verify: LIVE. AWS STS accepted the key pair: anyone holding it can use it now.${who}`;
    case 'invalid':
      return `--verify: invalid. STS does not accept this key ID (${result.code}): it was deleted, made inactive, or never valid. An inactive key can be made active again: still delete it, and check step 3 for use before it stopped working.`;
    case 'expired':
      return `--verify: expired. The session token has expired (${result.code}). Still revoke the role's older sessions and check step 3: it was usable until it expired.`;
    case 'secret-mismatch':
      return `--verify: the key ID exists but the secret found with it is not its secret (${result.code}). Treat the key as live: the real secret may be elsewhere.`;
    case 'unknown':
      return `--verify: unknown (${result.detail}). This says nothing about whether the key is live: treat it as live.`;
  }
}

export function describePrincipal(principal: Principal): string {
  switch (principal.type) {
    case 'root':
      return `the ROOT user of account ${principal.account}`;
    case 'user':
      return `IAM user ${principal.name} in account ${principal.account}`;
    case 'role':
      return `a session of role ${principal.name} in account ${principal.account}`;
    case 'federated-user':
      return `federated user ${principal.name} in account ${principal.account}`;
    case 'other':
      return principal.arn;
  }
}

// ── Step 1 ────────────────────────────────────────────────────────────────────────────────────────────

function removeLeakedData(key: LeakedKey, mode: ScanMode | null, foreign: boolean): Step {
  const inHistory = key.sightings.some((sighting) => sighting.commit !== null);
  const text = [
    'Take the key out of the code now and load it from the AWS credentials file (~/.aws/credentials) or environment variables instead; commit that change.',
  ];
  if (mode === 'staged') {
    text.push('It was caught before the commit: unstage the file (`git restore --staged FILE`), remove the key, and stage again.');
  } else {
    text.push(
      foreign
        ? 'If a commit holding it was ever pushed, assume the key is public: automated scrapers find keys on GitHub within minutes. Tell its owner first (step 2), rewrite second: a rewrite does not stop anyone who already copied the key.'
        : 'If a commit holding it was ever pushed, assume the key is public: automated scrapers find keys on GitHub within minutes. Rotate first, rewrite second: finish steps 2 and 3 before rewriting history, because a rewrite does not stop anyone who already copied the key.',
    );
    text.push(
      inHistory
        ? 'The commits that introduced it are listed above. After the key is deleted or revoked, remove it from every commit with the expressions file and the commands under "Rewrite history" below.'
        : 'List the commits that hold it with the command below; if there are any, remove it from every commit with "Rewrite history" below, after the key is deleted or revoked.',
    );
  }
  return {
    number: 1,
    id: 'remove-leaked-data',
    title: 'Remove the leaked data',
    text,
    commands: [
      { label: 'Where the key ID is in the working tree', script: `git grep -n -F '${key.keyId}'` },
      { label: 'Every commit on any branch or tag that added or removed it', script: `git log --all --oneline -S '${key.keyId}'` },
    ],
    warnings: [],
    references: ['access-key-best-practices', 'github-sensitive-data'],
  };
}

// ── Step 2 (long-term keys) ───────────────────────────────────────────────────────────────────────────

function deleteKey(key: LeakedKey, principal: Principal | null): Step {
  const id = key.keyId;
  if (principal?.type === 'root') return deleteRootKey(key);
  const known = principal?.type === 'user' ? principal.name : null;
  const owner = known ? shellQuote(known) : '"$OWNER"';
  const commands: Command[] = [
    { label: 'Which account owns the key (works with credentials of any account)', script: `aws sts get-access-key-info --region ${HOME_REGION} --access-key-id ${id}` },
  ];
  if (!known) {
    commands.push({
      label: "Does the root user have access keys? (1 = yes; the key is root's if no IAM user owns it)",
      script: `aws iam get-account-summary --query 'SummaryMap.AccountAccessKeysPresent'`,
    });
  }
  commands.push({ label: 'Deactivate it first (reversible)', script: `aws iam update-access-key --user-name ${owner} --access-key-id ${id} --status Inactive` });
  commands.push({ label: 'Then delete it (permanent)', script: `aws iam delete-access-key --user-name ${owner} --access-key-id ${id}` });
  return {
    number: 2,
    id: 'delete-key',
    title: 'Delete the access key',
    text: [
      known
        ? `--verify says the key belongs to IAM user ${known}.`
        : '`aws sts get-access-key-info` names the account; `aws iam get-access-key-last-used` (run once, above, into OWNER) names the IAM user that owns the key.',
      'Make the key Inactive first: a request signed with it now fails, and you can still switch it back if something you depend on breaks. Give such an application a new key (step 4), never the leaked one back, then delete the leaked key.',
      'If OWNER is empty or names the root user (the call fails or prints `root`) while get-access-key-info names your account, it is the ROOT user\'s key: root keys reach everything, including billing, and no policy can limit them. Sign in as the root user, open Security credentials, and under Access keys choose Actions → Deactivate, then Delete. The root user should have no access keys at all.',
    ],
    commands,
    warnings: [
      'Deleting is permanent: a deleted key cannot be restored, and its secret is shown only once, when a key is created. Applications that still use it need a new key.',
      'AWS may already have attached a quarantine policy (AWSCompromisedKeyQuarantine…) to the user and opened a support case: that limits what the key can do but does not replace deleting it.',
    ],
    references: ['managing-access-keys', 'get-access-key-info', 'root-keys', 'unauthorized-activity'],
  };
}

function deleteRootKey(key: LeakedKey): Step {
  return {
    number: 2,
    id: 'delete-key',
    title: "Delete the access key (it is the ROOT user's)",
    text: [
      `--verify says ${key.keyId} belongs to the ROOT user. Root access keys reach every resource in the account, including billing and account closure, and no IAM policy can limit them. AWS recommends the root user have no access keys at all.`,
      'Sign in to the AWS Management Console as the root user, choose your account name → Security credentials, and under Access keys select this key, choose Actions → Deactivate, then Delete.',
      'Then change the root password, turn on MFA for the root user, and give the applications that used this key an IAM role or an IAM user with only the permissions they need.',
    ],
    commands: [{ label: 'Confirm afterwards (0 = the root user has no access keys left)', script: `aws iam get-account-summary --query 'SummaryMap.AccountAccessKeysPresent'` }],
    warnings: ['Root keys can only be deleted while signed in as the root user; an IAM administrator cannot do it.'],
    references: ['root-keys', 'access-key-best-practices', 'iam-best-practices'],
  };
}

// ── Step 2 (temporary keys) ───────────────────────────────────────────────────────────────────────────

function revokeSessions(key: LeakedKey, principal: Principal | null): Step {
  const id = key.keyId;
  const role = principal?.type === 'role' ? principal.name : null;
  const roleArg = role ? shellQuote(role) : '"$ROLE"';
  const policy = `{"Version":"2012-10-17","Statement":[{"Effect":"Deny","Action":"*","Resource":"*","Condition":{"DateLessThan":{"aws:TokenIssueTime":"'"$(date -u +%Y-%m-%dT%H:%M:%SZ)"'"}}}]}`;
  const commands: Command[] = [];
  if (!role) {
    commands.push({
      label: 'Who the session belongs to: the role (sessionIssuer) or IAM user that obtained it, from CloudTrail in every region (needs jq)',
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
    label: role ? `Revoke every session of role ${role} issued before now` : 'Revoke every session of that role issued before now (ROLE = the role name from the lookup)',
    script: `${role ? '' : 'ROLE=the-role-name\n'}aws iam put-role-policy --role-name ${roleArg} --policy-name AWSRevokeOlderSessions \\\n  --policy-document '${policy}'`,
  });
  return {
    number: 2,
    id: 'revoke-sessions',
    title: 'Revoke the temporary credentials',
    text: [
      `${id} is a temporary key from AWS STS: it cannot be deleted and stays valid until it expires (15 minutes to 36 hours after it was issued; role sessions last up to 12 hours). Expiry alone is not enough: revoke it now.`,
      role
        ? `--verify says it is a session of role ${role}.`
        : "Find who obtained it in CloudTrail: for an AssumedRole session, sessionIssuer is the role; for an IAMUser or Root, the user ran GetSessionToken or GetFederationToken.",
      'For a role: in the IAM console open the role, tab "Revoke sessions", and choose "Revoke active sessions"; it adds the inline policy AWSRevokeOlderSessions, which denies everything to sessions issued before that moment. The command below adds the same policy.',
      "For an IAM user's session: attach the same deny policy to the user (`aws iam put-user-policy --user-name USER --policy-name AWSRevokeOlderSessions --policy-document …`) and rotate the user's long-term keys, which can mint new sessions. A root user's session cannot be limited by policy: delete the root access keys and wait for the expiry.",
      'Temporary credentials usually leak with the place that held them (a CI log, a dumped environment, an instance metadata proxy): find and fix that source, or new sessions will leak too.',
    ],
    commands,
    warnings: [
      "Revoking denies every current session of the role, legitimate ones included: those users and services must obtain new credentials (they usually do so automatically). Sessions of service-linked roles cannot be revoked.",
    ],
    references: ['revoke-sessions', 'temporary-credentials', 'cloudtrail-lookup'],
  };
}

// ── Step 2 (a key from another account) ───────────────────────────────────────────────────────────────

function notifyOwner(key: LeakedKey): Step {
  return {
    number: 2,
    id: 'notify-owner',
    title: "Do not use or delete the key: notify its owner",
    text: [
      `${key.keyId} belongs to account ${key.accountId}, which is not one of yours. You cannot delete it, and calling AWS with it (even to test it) uses someone else's credentials and may trip a canary alert; --verify skips it for that reason.`,
      'If you know whose key it is (a vendor, a customer, a partner team), tell them so they delete it and check their account. If it is a canary token you planted, it did its job. Otherwise report it to AWS, which contacts the account owner.',
      'Checking the account for unauthorized use and rotating its keys belong to the account owner. If your code relied on this key, give it credentials from your own account instead.',
    ],
    commands: [],
    warnings: [],
    references: ['report-abuse', 'get-access-key-info'],
  };
}

// ── Step 3 ────────────────────────────────────────────────────────────────────────────────────────────

/** `id` is the key ID, or "$KEY_ID" when the commands are run once per candidate key (secrets without a key ID). */
function checkUnauthorizedUse(id: string, temporary: boolean, number = 3): Step {
  return {
    number,
    id: 'check-unauthorized-use',
    title: 'Check all regions for unauthorized use',
    text: [
      'CloudTrail event history keeps 90 days of management events per region, and an attacker chooses regions you do not use, so check every enabled region. Events of IAM, STS and other global services are in us-east-1.',
      'Look for: new IAM users, keys and passwords (CreateUser, CreateAccessKey, CreateLoginProfile, UpdateLoginProfile), new or widened permissions (AttachUserPolicy, PutUserPolicy, CreateRole, AttachRolePolicy, PutRolePolicy, UpdateAssumeRolePolicy, CreatePolicyVersion), compute (RunInstances, RequestSpotInstances, CreateFunction20150331, UpdateFunctionCode20150331v2, ImportKeyPair, AuthorizeSecurityGroupIngress), reconnaissance (GetCallerIdentity, ListUsers, ListBuckets, GetSecretValue) and cover-up (StopLogging, DeleteTrail, UpdateTrail).',
      'Check the bill too: the Billing console\'s Bills page and Cost Explorer show charges by service and region; a spike in EC2 or a region you never use is the classic sign. If you find anything you did not do, follow AWS\'s guide on unauthorized activity (delete the resources and IAM identities you did not create, contact AWS Support).',
    ],
    commands: [
      {
        label: `Every CloudTrail event signed with ${id.startsWith('"$') ? 'each candidate key' : id}, region by region`,
        script: [
          ...(id.startsWith('"$') ? ['KEY_ID=CANDIDATE_KEY_ID   # run once per candidate key from step 2'] : []),
          lookupEventsEveryRegion('AccessKeyId', id, 'EventTime,EventSource,EventName,Username'),
        ].join('\n'),
      },
      ...(temporary ? [] : [{ label: 'When, where and for which service the key was last used', script: `aws iam get-access-key-last-used --access-key-id ${id}` }]),
    ],
    warnings: ['Event history covers management events only: reads of S3 objects or DynamoDB items show up only if a trail records data events.'],
    references: ['cloudtrail-lookup', 'unauthorized-activity', 'credential-report'],
  };
}

// ── Step 4 ────────────────────────────────────────────────────────────────────────────────────────────

function rotateAllKeys(accountId: string | null, number = 4): Step {
  const account = accountId ? ` in account ${accountId}` : '';
  return {
    number,
    id: 'rotate-all-keys',
    title: `Rotate the access keys of all IAM users${account}`,
    text: [
      'Whoever had this key may have read or created other credentials, and the leak shows how keys are handled, so rotate every IAM user\'s keys, not just the leaked one. The procedure keeps applications running:',
      '1. Create a second key for the user while the first is still active. A user can have at most two keys (delete an unused one first), and the new secret is shown only now: store it straight into the secret store the application reads.',
      '2. Update every application and tool that uses the old key to the new one.',
      '3. Check that the old key is no longer used (`aws iam get-access-key-last-used`); waiting a few days is safer.',
      '4. Make the old key Inactive rather than deleting it.',
      '5. Check that everything still works with only the new key. If something broke, make the old key Active again, fix that application (back to 2), and repeat.',
      '6. After a while with nothing broken, delete the old key.',
    ],
    commands: [
      {
        label: "Every IAM user's keys with status, age and last use (GNU date; on macOS use gdate)",
        script: [
          `for user in $(aws iam list-users --query 'Users[].UserName' --output text); do`,
          `  aws iam list-access-keys --user-name "$user" \\`,
          `    --query 'AccessKeyMetadata[].[UserName,AccessKeyId,Status,CreateDate]' --output text |`,
          `  while read -r name key status created; do`,
          `    last=$(aws iam get-access-key-last-used --access-key-id "$key" --query 'AccessKeyLastUsed.LastUsedDate' --output text)`,
          `    age=$(( ($(date -u +%s) - $(date -u -d "$created" +%s)) / 86400 ))`,
          `    printf '%s\\t%s\\t%s\\t%s days old\\tlast used %s\\n' "$name" "$key" "$status" "$age" "$last"`,
          `  done`,
          `done`,
        ].join('\n'),
      },
      {
        label: 'The same from the credential report (CSV, includes the root user; run the second line again if the report is not ready yet)',
        script: `aws iam generate-credential-report\naws iam get-credential-report --query Content --output text | base64 --decode | cut -d, -f1,9-11,14-16`,
      },
      { label: 'For each user in turn, set the user and the key being replaced (from the list above)', script: 'USER_NAME=the-user-name\nOLD_KEY_ID=the-old-access-key-id' },
      { label: '1. Create the second key', script: 'aws iam create-access-key --user-name "$USER_NAME"' },
      { label: '3. Is the old key still used?', script: 'aws iam get-access-key-last-used --access-key-id "$OLD_KEY_ID"' },
      { label: '4. Deactivate the old key', script: 'aws iam update-access-key --user-name "$USER_NAME" --access-key-id "$OLD_KEY_ID" --status Inactive' },
      { label: '6. Delete the old key', script: 'aws iam delete-access-key --user-name "$USER_NAME" --access-key-id "$OLD_KEY_ID"' },
    ],
    warnings: ['create-access-key prints the new secret once, to your terminal: do not paste it into code, a ticket or a chat.'],
    references: ['managing-access-keys', 'iam-best-practices', 'credential-report', 'unauthorized-activity'],
  };
}

// ── Step 5 ────────────────────────────────────────────────────────────────────────────────────────────

function prevent(): Step {
  return {
    number: 5,
    id: 'prevent',
    title: 'Prevent it',
    text: [
      'Keep keys out of code: the AWS SDKs and CLI read the credentials file (~/.aws/credentials, written by `aws configure`) and the environment variables AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY; on a shared machine use user-level, not system-wide, variables. List .env and credential files in .gitignore.',
      'Prefer temporary credentials to long-term keys: IAM roles for EC2 instances, ECS tasks and Lambda functions, OIDC federation for CI (for example GitHub Actions assuming a role), IAM Identity Center (`aws configure sso`) for people, Amazon Cognito for mobile apps. Never embed keys in an app, even encrypted.',
      'Least privilege: one key per application, with only the permissions it needs, so a leak is contained and CloudTrail tells applications apart. Require MFA for people, give the root user no access keys, and delete keys nobody uses.',
      'Install the keywarden pre-commit hook so a key never reaches a commit again, and scan pull requests in CI.',
    ],
    commands: [
      { label: 'Install the pre-commit hook in this repository', script: 'npx keywarden init' },
      { label: 'Check the whole history from time to time', script: 'npx keywarden scan --history' },
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
      label: 'Keys inside archives: --replace-text cannot reach into compressed files, so also remove the archives from every commit (in the same mirror clone, before the push; rebuild them without the keys and commit them again afterwards)',
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
  const text = needed
    ? [
        'Do this after every key above is deleted or revoked: rewriting history hides the key from new clones but does not stop anyone who already has it.',
        expressions.written
          ? `The expressions file ${file} holds ${expressions.count} replacement${expressions.count === 1 ? '' : 's'} (each leaked secret, its JSON- and URL-escaped forms, and each key ID). It is in the format of both git filter-repo and BFG.`
          : `Write the expressions file with \`${context.rerun}\`. It will hold each leaked secret (that is why it is never written unless asked), in the format of both git filter-repo and BFG.`,
        ...(expressions.missing ? [expressions.missing] : []),
        'First merge or close open pull requests, and commit the removal from step 1 (BFG never changes the latest commit, so the key must already be gone from it).',
      ]
    : ['Nothing to rewrite: the credentials were found in staged changes, not in a commit.'];
  const commands: Command[] = needed
    ? [
        {
          label: 'git filter-repo, in a fresh mirror clone next to your working copy',
          script: [
            'REMOTE=$(git remote get-url origin)',
            'git clone --mirror "$REMOTE" ../keywarden-rewrite.git',
            'cd ../keywarden-rewrite.git',
            ...(context.sensitiveDataRemoval === true
              ? [`git filter-repo --sensitive-data-removal --replace-text ${q}`]
              : ['# git filter-repo 2.47 or later: add --sensitive-data-removal (it fetches every ref first and lists the first changed commits, which GitHub Support asks for)', `git filter-repo --replace-text ${q}`]),
            ...(firstKey ? [`git log --all --oneline -S '${firstKey}'   # must print nothing`] : []),
            'git remote add origin "$REMOTE"   # filter-repo removes origin so nothing is pushed by accident',
            'git push --force --mirror origin',
          ].join('\n'),
        },
        {
          label: 'Or BFG Repo-Cleaner, with the same file',
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
  const warnings = needed
    ? [
        'Every commit after the first leaked one gets a new ID: everyone must re-clone (a pull or merge from an old clone brings the secret back), and open pull requests must be recreated.',
        'Forks, other clones, CI caches and GitHub\'s pull-request refs (refs/pull/*, which a push cannot change) keep the old commits; GitHub may keep cached views of them. Contact GitHub Support to remove cached views and unreferenced commits, and ask fork owners to delete their forks.',
        `The expressions file holds the leaked secrets: keep it outside the repository, never commit it, and delete it when the rewrite is done.`,
      ]
    : [];
  return { needed, expressions, text, commands, warnings, references: ['github-sensitive-data', 'filter-repo', 'bfg'] };
}

function unpairedSection(found: Sighting[], mode: ScanMode | null): UnpairedSection {
  const steps = [removeUnpairedData(found, mode), identifyKey(), checkUnauthorizedUse('"$KEY_ID"', false), rotateAllKeys(null), prevent()];
  return {
    found,
    text: [
      'These secret access keys were found with no access key ID next to them. AWS cannot look a key up by its secret (only the key ID identifies a key), so first narrow down which key each one belongs to, then treat every candidate as leaked: check its use and replace it, as below.',
    ],
    setup: setupFor(steps, null),
    steps,
    references: ['managing-access-keys', 'unauthorized-activity'],
  };
}

function removeUnpairedData(found: Sighting[], mode: ScanMode | null, what: 'secret' | 'credential' = 'secret'): Step {
  const files = [...new Set(found.map((sighting) => sighting.file))];
  return {
    number: 1,
    id: 'remove-leaked-data',
    title: 'Remove the leaked data',
    text: [
      mode === 'staged'
        ? `It was caught before the commit: unstage the file (\`git restore --staged FILE\`), remove the ${what}, and stage again.`
        : what === 'secret'
          ? 'Take the secret out of the files above and commit that; if a commit holding it was ever pushed, assume it is public. Replace the key (steps 2 to 4) before rewriting history (below): a rewrite does not stop anyone who already copied it.'
          : 'Take the credential out of the files above and commit that; if a commit holding it was ever pushed, assume it is public: scrapers find credentials on GitHub within minutes. Revoke it (the next steps) before rewriting history (below): a rewrite does not stop anyone who already copied it.',
    ],
    commands: mode === 'staged' ? [] : [{ label: 'The commits that changed those files', script: `git log --all --oneline -- ${files.map(shellQuote).join(' ')}` }],
    warnings: [],
    references: ['access-key-best-practices', 'github-sensitive-data'],
  };
}

function identifyKey(): Step {
  return {
    number: 2,
    id: 'identify-key',
    title: 'Find the access keys it could belong to',
    text: [
      'The key is one of the active keys of the application, environment or person whose file held the secret: a profile or user name in the same file, the service that reads it, or the author of the commit points to it.',
      'List every access key with when, where and for which service it was last used, and pick the candidates: keys used by that application, from that region, around the time of the commit. If nothing narrows it down, every active key is a candidate.',
      'Each candidate then goes through steps 3 and 4: check its use in every region, and replace it. A candidate that is not the partner is replaced needlessly but harmlessly; missing the real one leaves the leak open.',
    ],
    commands: [
      {
        label: 'Every access key of the account (including the root user) with status and last use, from the credential report (run the second line again if the report is not ready yet)',
        script: `aws iam generate-credential-report\naws iam get-credential-report --query Content --output text | base64 --decode | cut -d, -f1,9-11,14-16`,
      },
      { label: 'The last use of one candidate (service, region, date) and the IAM user it belongs to', script: 'aws iam get-access-key-last-used --access-key-id CANDIDATE_KEY_ID' },
    ],
    warnings: [],
    references: ['credential-report', 'managing-access-keys'],
  };
}
