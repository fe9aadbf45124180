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
import type { Command, Step } from './playbook.js';

type Other = Exclude<CredentialType, 'access-key'>;

const BEDROCK = 'bedrock.amazonaws.com';

export const CREDENTIAL_LABELS: Record<Other, (kinds: readonly Kind[]) => string> = {
  'service-specific': (kinds) =>
    kinds.includes('bedrock-api-key') ? 'Amazon Bedrock long-term API key (IAM service-specific credential)' : 'IAM service-specific credential (CodeCommit Git credentials or Amazon Keyspaces password)',
  'cloudfront-key-pair': () => 'CloudFront key pair (private key for signed URLs and cookies)',
  'appsync-api-key': () => 'AWS AppSync API key',
  'console-password': () => 'IAM user console password (credentials.csv)',
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
  const value = key.secrets.length > 0 ? 'found' : 'found (redacted in the report)';
  switch (key.credential as Other) {
    case 'service-specific': {
      const user = iamUserOf(key);
      return [
        user
          ? `the credential itself was ${value}; it belongs to IAM user ${user}${key.accountId ? ` in account ${key.accountId}` : ''}${key.kinds.includes('bedrock-api-key') ? ' (read from the decoded key)' : ' (its service user name was next to it)'}`
          : `the credential itself was ${value}; its IAM user could not be read from it`,
      ];
    }
    case 'cloudfront-key-pair':
      return [`the private key was ${value}${identified(key) ? `, next to its key pair ID ${key.keyId}` : ', named for CloudFront but without its key pair ID'}`];
    case 'appsync-api-key':
      return [`${key.sightings.length === 1 ? 'the key was' : `${key.sightings.length} keys were`} ${value}; an AppSync API key is its own ID, so the commands below ask for it instead of printing it`];
    case 'console-password': {
      const user = iamUserOf(key);
      return [`the password was ${value}${user ? ` for IAM user ${user} in account ${key.accountId}` : '; the user name is in the same row of the file'}`];
    }
  }
}

/** Notes for an access key that other credentials hang off. */
export function hangingOffNotes(key: LeakedKey): string[] {
  const notes: string[] = [];
  if (key.kinds.includes('ses-smtp-password')) {
    notes.push(
      `An Amazon SES SMTP password was found with ${key.keyId}: it is derived from this key's secret (the key ID is its SMTP user name), so anyone holding it can send mail as you until the key is deleted (step 2). Then create new SMTP credentials (SES console → SMTP settings, or derive them from the new key) and update the mail configuration.`,
    );
  }
  if (key.kinds.includes('bedrock-short-term-key')) {
    notes.push(
      `A short-term Amazon Bedrock API key signed with ${key.keyId} was found: it works for up to 12 hours after it was made (its X-Amz-Date), or until the signing session expires, and carries the permissions of whoever signed it. It stops working when ${key.keyType === 'temporary' ? "the role's older sessions are revoked (step 2)" : 'this key is deactivated (step 2)'}.`,
    );
  }
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
  const commands: Command[] = [];
  if (!user) commands.push({ label: 'The IAM user the credential belongs to (from the file, or ask its owner)', script: 'USER_NAME=the-iam-user' });
  commands.push(
    {
      label: `The user's ${bedrock ? 'Bedrock API keys' : 'service-specific credentials'}: note the ServiceSpecificCredentialId of the one whose ServiceUserName is ${key.keyId}`,
      script: `aws iam list-service-specific-credentials --user-name ${userArg}${service} \\\n  --query 'ServiceSpecificCredentials[].[ServiceSpecificCredentialId,ServiceName,ServiceUserName,Status,CreateDate]' --output text`,
    },
    { label: 'Set the credential ID from that list', script: 'CREDENTIAL_ID=the-service-specific-credential-id' },
    { label: 'Deactivate it first (reversible)', script: `aws iam update-service-specific-credential --user-name ${userArg} --service-specific-credential-id "$CREDENTIAL_ID" --status Inactive` },
    { label: 'Then delete it (permanent)', script: `aws iam delete-service-specific-credential --user-name ${userArg} --service-specific-credential-id "$CREDENTIAL_ID"` },
  );
  const text = [
    bedrock
      ? `A long-term Bedrock API key is an IAM service-specific credential of IAM user ${user ?? '(unknown)'}: it works until it expires or is deactivated, for every Bedrock action the user may call. Decoded, the key names its user and account (${key.keyId}); nothing else about it is needed to revoke it.`
      : `CodeCommit HTTPS Git credentials and Amazon Keyspaces passwords are IAM service-specific credentials of IAM user ${user ?? '(unknown)'}: they work until deactivated, for that service only, with the user's permissions.`,
    'A user has at most two credentials per service and they share the service user name: if you cannot tell which one leaked, deactivate both and give the application a new one (`aws iam create-service-specific-credential` or, to keep the ID, `aws iam reset-service-specific-credential`).',
  ];
  if (bedrock) {
    text.push(
      'A key made in the Bedrock console comes with its own IAM user (BedrockAPIKey-…) that has no other use: after deleting the credential, detach its policies and delete that user too. Prefer short-term Bedrock API keys, which expire within 12 hours.',
    );
  }
  const references: Step['references'] = bedrock ? ['bedrock-api-keys', 'service-specific-credentials'] : ['service-specific-credentials'];
  return step('delete-service-credential', bedrock ? 'Deactivate and delete the Bedrock API key' : 'Deactivate and delete the service-specific credential', text, commands, ['Deleting is permanent; the password or key is shown only once, when it is created or reset.'], references);
}

/** CloudTrail events of one IAM user in every region (service-specific credentials and console sign-ins act as the user). */
function checkUseByUser(key: LeakedKey, user: string | null): Step {
  const userArg = user ? shellQuote(user) : '"$USER_NAME"';
  const console = key.credential === 'console-password';
  return step(
    'check-unauthorized-use',
    'Check all regions for unauthorized use',
    [
      console
        ? 'Console sign-ins are CloudTrail events (ConsoleLogin, in us-east-1 or the region signed in to), and everything done in the console afterwards is logged as the user. Look for sign-ins from addresses you do not know, and for what followed: new users, keys, passwords or MFA devices (CreateUser, CreateAccessKey, CreateLoginProfile, EnableMFADevice), changed permissions, new compute.'
        : 'Calls made with a service-specific credential are logged as its IAM user: Bedrock model invocations, CodeCommit Git pushes and pulls (GitPush, GitPull), Keyspaces control-plane calls. Look for calls from addresses or at times you do not recognise, and check the bill (Bedrock model usage, in every region) for spend you did not cause.',
      'CloudTrail event history keeps 90 days of management events per region.',
    ],
    [
      {
        label: `Every CloudTrail event of IAM user ${user ?? '$USER_NAME'}, region by region`,
        script: lookupEventsEveryRegion('Username', userArg, 'EventTime,EventSource,EventName'),
      },
    ],
    ['Event history covers management events only: data events (S3 object reads, some Keyspaces operations) show up only if a trail records them.'],
    ['cloudtrail-lookup', 'unauthorized-activity'],
  );
}

function deleteCloudFrontKeyPair(key: LeakedKey): Step {
  const id = identified(key) ? key.keyId : 'the key pair ID';
  return step(
    'delete-cloudfront-key-pair',
    'Delete the CloudFront key pair',
    [
      `With this private key anyone can sign URLs and cookies that your distributions accept, for any path and any expiry, until ${id} is deleted.`,
      'Key pairs with an APKA… ID are the older, account-wide CloudFront key pairs, which only the root user manages: sign in as the root user, open Security credentials → CloudFront key pairs, and delete this one (make it inactive first if you need time to switch the signers).',
      'Then move signing to a key group (a public key you upload to CloudFront, which an IAM administrator can manage), point the distributions at it (Restrict viewer access → Trusted key groups), and store the new private key in a secret store, never in the repository.',
    ],
    [
      {
        label: 'The distributions that accept signed URLs or cookies from the account (trusted signers) or from key groups',
        script: `aws cloudfront list-distributions \\\n  --query 'DistributionList.Items[].[Id,DomainName,DefaultCacheBehavior.TrustedSigners.Enabled,DefaultCacheBehavior.TrustedKeyGroups.Enabled]' --output text`,
      },
    ],
    ['Deleting the key pair breaks every signed URL and cookie made with it, legitimate ones included: have the new key group in place first.'],
    ['cloudfront-key-pairs', 'root-keys'],
  );
}

function checkCloudFrontUse(key: LeakedKey): Step {
  const id = identified(key) ? key.keyId : 'KEY_PAIR_ID';
  return step(
    'check-unauthorized-use',
    'Check for signed requests you did not make',
    [
      'Requests with signed URLs are not in CloudTrail: they are in the distributions\' standard logs (access logs), if logging is on. A signed URL carries the key pair ID in its Key-Pair-Id parameter.',
      'Look for signed requests for paths, from addresses or at times your application does not produce, and check the CloudFront data transfer on the bill.',
    ],
    [
      {
        label: "Where a distribution writes its standard logs (DISTRIBUTION_ID from the list in step 2)",
        script: `DISTRIBUTION_ID=the-distribution-id\naws cloudfront get-distribution-config --id "$DISTRIBUTION_ID" --query 'DistributionConfig.Logging'`,
      },
      {
        label: `Signed requests with ${id} in those logs (date, time, client address, path), most frequent first`,
        script: `LOG_BUCKET=the-log-bucket   # Bucket above, without .s3.amazonaws.com\nLOG_PREFIX=the-log-prefix   # Prefix above\naws s3 sync "s3://$LOG_BUCKET/$LOG_PREFIX" ./cloudfront-logs\nzgrep -h 'Key-Pair-Id=${id}' ./cloudfront-logs/*.gz | cut -f1,2,5,8 | sort | uniq -c | sort -rn | head -50`,
      },
    ],
    [],
    ['cloudfront-key-pairs'],
  );
}

function deleteAppSyncKey(): Step {
  return step(
    'delete-appsync-key',
    'Delete the AppSync API key',
    [
      'An AppSync API key lets anyone call the operations your GraphQL API allows with API_KEY authorization, from anywhere, until the key expires or is deleted. Its ID is the key itself, so the commands read it from a hidden prompt rather than printing it.',
      'Find the API that has the key (every region), create a new key for the clients that need one, then delete the leaked key. If clients outside your control use API-key access, consider Amazon Cognito or IAM authorization instead.',
    ],
    [
      {
        label: 'Find the API holding the key, in every region (the key is typed, not shown)',
        script: [
          `API_KEY=$(read -r -s -p 'Leaked AppSync API key (not shown): ' key && echo "$key"); echo`,
          `for region in $REGIONS; do`,
          `  for api in $(aws appsync list-graphql-apis --region "$region" --query 'graphqlApis[].apiId' --output text); do`,
          `    aws appsync list-api-keys --region "$region" --api-id "$api" --query "apiKeys[?id=='$API_KEY'].id" --output text |`,
          `      grep -q . && echo "found: region $region, API $api"`,
          `  done`,
          `done`,
        ].join('\n'),
      },
      { label: 'Set the region and API from that line', script: 'REGION=the-region\nAPI_ID=the-api-id' },
      { label: 'A new key for the clients that need one (its value is printed once)', script: 'aws appsync create-api-key --region "$REGION" --api-id "$API_ID" --description "replaces a leaked key"' },
      { label: 'Delete the leaked key', script: 'aws appsync delete-api-key --region "$REGION" --api-id "$API_ID" --id "$API_KEY"' },
    ],
    ['Deleting the key breaks every client that still uses it: hand out the new key first.'],
    ['appsync-api-keys'],
  );
}

function checkAppSyncUse(): Step {
  return step(
    'check-unauthorized-use',
    'Check the API for calls you did not make',
    [
      'GraphQL requests are not in CloudTrail. If the API logs to CloudWatch (field-level or request logging), look there for requests from unknown addresses or for operations your clients never run; otherwise turn logging on now.',
      'Check what the API-key authorization lets a caller read or change (the schema\'s @aws_api_key operations and the resolvers behind them) and the data those resolvers reach.',
    ],
    [{ label: "The API's logging settings (REGION and API_ID from step 2)", script: 'aws appsync get-graphql-api --region "$REGION" --api-id "$API_ID" --query \'graphqlApi.logConfig\'' }],
    [],
    ['appsync-api-keys'],
  );
}

function removeConsolePassword(key: LeakedKey): Step {
  const user = iamUserOf(key);
  const userArg = user ? shellQuote(user) : '"$USER_NAME"';
  const policy = `{"Version":"2012-10-17","Statement":[{"Effect":"Deny","Action":"*","Resource":"*","Condition":{"DateLessThan":{"aws:TokenIssueTime":"'"$(date -u +%Y-%m-%dT%H:%M:%SZ)"'"}}}]}`;
  const commands: Command[] = [];
  if (!user) commands.push({ label: 'The IAM user (first column of the row in credentials.csv)', script: 'USER_NAME=the-iam-user' });
  commands.push(
    { label: 'Remove the console password (the user can no longer sign in to the console)', script: `aws iam delete-login-profile --user-name ${userArg}` },
    { label: 'Or, if the person needs console access, set a new password they must change at first sign-in', script: `aws iam create-login-profile --user-name ${userArg} --password-reset-required --password "$(openssl rand -base64 24)"` },
    {
      label: 'End console sessions that are already signed in: deny everything to sessions issued before now',
      script: `aws iam put-user-policy --user-name ${userArg} --policy-name AWSRevokeOlderSessions \\\n  --policy-document '${policy}'`,
    },
    { label: 'MFA devices and access keys the user has now (an intruder may have added some)', script: `aws iam list-mfa-devices --user-name ${userArg}\naws iam list-access-keys --user-name ${userArg}` },
  );
  return step(
    'remove-console-password',
    'Remove or reset the console password',
    [
      `credentials.csv holds the console password of IAM user ${user ?? '(first column of the row)'}: with it, anyone can sign in to the console as that user (unless MFA is required) and do all the user may do.`,
      'Delete the login profile, or replace the password with one the user must change, and end the sessions already signed in. If the same file holds an access key, it is listed as a key of its own: delete that too.',
    ],
    commands,
    ['create-login-profile prints nothing secret, but the new password passes through your shell: hand it over out of band.'],
    ['console-passwords', 'revoke-sessions'],
  );
}
