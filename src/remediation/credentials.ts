// The playbook's steps for credentials other than access keys, each revoked its own way: IAM service-specific
// credentials (Bedrock long-term API keys, CodeCommit Git credentials, Keyspaces passwords), CloudFront key
// pairs, AppSync API keys and IAM console passwords; and the notes for credentials that hang off an access
// key (an SES SMTP password, a short-term Bedrock API key), which go when the key goes. Commands carry the
// identifier (user name, key pair ID, user ARN) and never the secret: an AppSync API key, whose ID is the key
// itself, is read from a hidden prompt.
import type { Kind } from '../types.js';
import type { CredentialType, LeakedKey } from './leaks.js';
import { UNIDENTIFIED } from './leaks.js';
import { shellQuote } from '../text/shell-quote.js';
import { lookupEventsEveryRegion } from './cloudtrail.js';
import type { Command, Step } from './steps.js';
import { guide } from '../words/guide.js';

type Other = Exclude<CredentialType, 'access-key'>;

const BEDROCK = 'bedrock.amazonaws.com';

export const CREDENTIAL_LABELS: Record<Other, (kinds: readonly Kind[]) => string> = {
  'service-specific': (kinds) => (kinds.includes('bedrock-api-key') ? guide().credentials.labels.bedrock : guide().credentials.labels.serviceSpecific),
  'cloudfront-key-pair': () => guide().credentials.labels.cloudfront,
  'appsync-api-key': () => guide().credentials.labels.appsync,
  'console-password': () => guide().credentials.labels.console,
};

/** `jane-at-123456789012` → `jane`; an ARN `arn:aws:iam::123456789012:user/path/jane` → `jane`. */
function iamUserOf(key: LeakedKey): string | null {
  const service = /^(.+)-at-\d{12}$/.exec(key.keyId);
  if (service) return service[1];
  const arn = /^arn:aws[\w-]*:iam::\d{12}:user\/(?:.*\/)?([^/]+)$/.exec(key.keyId);
  return arn ? arn[1] : null;
}

function identified(key: LeakedKey): boolean {
  return key.keyId !== UNIDENTIFIED[key.credential as Other];
}

/** What was found, in sentences, for the heading of the entry. */
export function credentialSummary(key: LeakedKey): string[] {
  const w = guide().credentials.summary;
  const value = w.value(key.secrets.length === 0);
  switch (key.credential as Other) {
    case 'service-specific': {
      const user = iamUserOf(key);
      return [user ? w.serviceUser(value, user, key.accountId, key.kinds.includes('bedrock-api-key')) : w.serviceNoUser(value)];
    }
    case 'cloudfront-key-pair':
      return [w.cloudfront(value, identified(key) ? key.keyId : null)];
    case 'appsync-api-key':
      return [w.appsync(key.sightings.length, value)];
    case 'console-password': {
      const user = iamUserOf(key);
      return [w.console(value, user, key.accountId)];
    }
  }
}

/** Notes for an access key that other credentials hang off. */
export function hangingOffNotes(key: LeakedKey): string[] {
  const w = guide().credentials;
  const notes: string[] = [];
  if (key.kinds.includes('ses-smtp-password')) notes.push(w.sesNote(key.keyId));
  if (key.kinds.includes('bedrock-short-term-key')) notes.push(w.bedrockShortNote(key.keyId, key.keyType === 'temporary'));
  return notes;
}

/** Steps 2 and 3 (revoke, check use) for a credential that is not an access key. */
export function credentialSteps(key: LeakedKey): Step[] {
  switch (key.credential as Other) {
    case 'service-specific':
      return [deleteServiceCredential(key), checkUseByUser(key, iamUserOf(key))];
    case 'cloudfront-key-pair':
      return [deleteCloudFrontKeyPair(key), checkCloudFrontUse(key)];
    case 'appsync-api-key':
      return [deleteAppSyncKey(), checkAppSyncUse()];
    case 'console-password':
      return [removeConsolePassword(key), checkUseByUser(key, iamUserOf(key))];
  }
}

function step(id: Step['id'], title: string, text: string[], commands: Command[], warnings: string[], references: Step['references']): Step {
  return { number: 0, id, title, text, commands, warnings, references };
}

function deleteServiceCredential(key: LeakedKey): Step {
  const user = iamUserOf(key);
  const userArg = user ? shellQuote(user) : '"$USER_NAME"';
  const bedrock = key.kinds.includes('bedrock-api-key');
  const service = bedrock ? ` --service-name ${BEDROCK}` : '';
  const w = guide().credentials.service;
  const commands: Command[] = [];
  if (!user) commands.push({ label: w.userLabel, script: 'USER_NAME=the-iam-user' });
  commands.push(
    {
      label: w.listLabel(bedrock, key.keyId),
      script: `aws iam list-service-specific-credentials --user-name ${userArg}${service} \\\n  --query 'ServiceSpecificCredentials[].[ServiceSpecificCredentialId,ServiceName,ServiceUserName,Status,CreateDate]' --output text`,
    },
    { label: w.setLabel, script: 'CREDENTIAL_ID=the-service-specific-credential-id' },
    { label: w.deactivateLabel, script: `aws iam update-service-specific-credential --user-name ${userArg} --service-specific-credential-id "$CREDENTIAL_ID" --status Inactive` },
    { label: w.deleteLabel, script: `aws iam delete-service-specific-credential --user-name ${userArg} --service-specific-credential-id "$CREDENTIAL_ID"` },
  );
  const text = [bedrock ? w.bedrock(user ?? w.unknownUser, key.keyId) : w.other(user ?? w.unknownUser), w.two];
  if (bedrock) text.push(w.consoleUser);
  const references: Step['references'] = bedrock ? ['bedrock-api-keys', 'service-specific-credentials'] : ['service-specific-credentials'];
  return step('delete-service-credential', bedrock ? w.titleBedrock : w.title, text, commands, [w.warning], references);
}

/** CloudTrail events of one IAM user in every region (service-specific credentials and console sign-ins act as the user). */
function checkUseByUser(key: LeakedKey, user: string | null): Step {
  const userArg = user ? shellQuote(user) : '"$USER_NAME"';
  const console = key.credential === 'console-password';
  const w = guide().credentials.checkByUser;
  return step(
    'check-unauthorized-use',
    w.title,
    [console ? w.console : w.service, w.retention],
    [{ label: w.eventsLabel(user ?? '$USER_NAME'), script: lookupEventsEveryRegion('Username', userArg, 'EventTime,EventSource,EventName') }],
    [w.warning],
    ['cloudtrail-lookup', 'unauthorized-activity'],
  );
}

function deleteCloudFrontKeyPair(key: LeakedKey): Step {
  const w = guide().credentials.cloudfront;
  const id = identified(key) ? key.keyId : w.thePairId;
  return step(
    'delete-cloudfront-key-pair',
    w.title,
    w.text(id),
    [
      {
        label: w.distributionsLabel,
        script: `aws cloudfront list-distributions \\\n  --query 'DistributionList.Items[].[Id,DomainName,DefaultCacheBehavior.TrustedSigners.Enabled,DefaultCacheBehavior.TrustedKeyGroups.Enabled]' --output text`,
      },
    ],
    [w.warning],
    ['cloudfront-key-pairs', 'root-keys'],
  );
}

function checkCloudFrontUse(key: LeakedKey): Step {
  const w = guide().credentials.cloudfront;
  const id = identified(key) ? key.keyId : 'KEY_PAIR_ID';
  return step(
    'check-unauthorized-use',
    w.checkTitle,
    [...w.checkText],
    [
      {
        label: w.logsLabel,
        script: `DISTRIBUTION_ID=the-distribution-id\naws cloudfront get-distribution-config --id "$DISTRIBUTION_ID" --query 'DistributionConfig.Logging'`,
      },
      {
        label: w.requestsLabel(id),
        script: `LOG_BUCKET=the-log-bucket   ${w.bucketComment}\nLOG_PREFIX=the-log-prefix   ${w.prefixComment}\naws s3 sync "s3://$LOG_BUCKET/$LOG_PREFIX" ./cloudfront-logs\nzgrep -h 'Key-Pair-Id=${id}' ./cloudfront-logs/*.gz | cut -f1,2,5,8 | sort | uniq -c | sort -rn | head -50`,
      },
    ],
    [],
    ['cloudfront-key-pairs'],
  );
}

function deleteAppSyncKey(): Step {
  const w = guide().credentials.appsync;
  return step(
    'delete-appsync-key',
    w.title,
    [...w.text],
    [
      {
        label: w.findLabel,
        script: [
          `API_KEY=$(read -r -s -p '${w.prompt}' key && echo "$key"); echo`,
          `for region in $REGIONS; do`,
          `  for api in $(aws appsync list-graphql-apis --region "$region" --query 'graphqlApis[].apiId' --output text); do`,
          `    aws appsync list-api-keys --region "$region" --api-id "$api" --query "apiKeys[?id=='$API_KEY'].id" --output text |`,
          `      grep -q . && echo "${w.found}"`,
          `  done`,
          `done`,
        ].join('\n'),
      },
      { label: w.setLabel, script: 'REGION=the-region\nAPI_ID=the-api-id' },
      { label: w.createLabel, script: 'aws appsync create-api-key --region "$REGION" --api-id "$API_ID" --description "replaces a leaked key"' },
      { label: w.deleteLabel, script: 'aws appsync delete-api-key --region "$REGION" --api-id "$API_ID" --id "$API_KEY"' },
    ],
    [w.warning],
    ['appsync-api-keys'],
  );
}

function checkAppSyncUse(): Step {
  const w = guide().credentials.appsync;
  return step(
    'check-unauthorized-use',
    w.checkTitle,
    [...w.checkText],
    [{ label: w.loggingLabel, script: 'aws appsync get-graphql-api --region "$REGION" --api-id "$API_ID" --query \'graphqlApi.logConfig\'' }],
    [],
    ['appsync-api-keys'],
  );
}

function removeConsolePassword(key: LeakedKey): Step {
  const user = iamUserOf(key);
  const userArg = user ? shellQuote(user) : '"$USER_NAME"';
  const policy = `{"Version":"2012-10-17","Statement":[{"Effect":"Deny","Action":"*","Resource":"*","Condition":{"DateLessThan":{"aws:TokenIssueTime":"'"$(date -u +%Y-%m-%dT%H:%M:%SZ)"'"}}}]}`;
  const w = guide().credentials.console;
  const commands: Command[] = [];
  if (!user) commands.push({ label: w.userLabel, script: 'USER_NAME=the-iam-user' });
  commands.push(
    { label: w.deleteLabel, script: `aws iam delete-login-profile --user-name ${userArg}` },
    { label: w.resetLabel, script: `aws iam create-login-profile --user-name ${userArg} --password-reset-required --password "$(openssl rand -base64 24)"` },
    {
      label: w.sessionsLabel,
      script: `aws iam put-user-policy --user-name ${userArg} --policy-name AWSRevokeOlderSessions \\\n  --policy-document '${policy}'`,
    },
    { label: w.devicesLabel, script: `aws iam list-mfa-devices --user-name ${userArg}\naws iam list-access-keys --user-name ${userArg}` },
  );
  return step(
    'remove-console-password',
    w.title,
    w.text(user),
    commands,
    [w.warning],
    ['console-passwords', 'revoke-sessions'],
  );
}
