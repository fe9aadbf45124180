// The documentation the playbook follows and cites. One place, so a moved page is fixed once and every
// format (text, markdown, JSON) cites the same addresses. Each page's title, and the address of its edition in
// the run's language (AWS's Japanese documentation under docs.aws.amazon.com/ja_jp/), are words (guide().references).
import { guide } from '../words/guide.js';

export interface Reference {
  id: string;
  title: string;
  url: string;
}

const LIST = [
  ['access-key-best-practices', 'https://docs.aws.amazon.com/general/latest/gr/aws-access-keys-best-practices.html'],
  ['managing-access-keys', 'https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_access-keys.html'],
  ['iam-best-practices', 'https://docs.aws.amazon.com/IAM/latest/UserGuide/best-practices.html'],
  ['temporary-credentials', 'https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_temp.html'],
  ['unauthorized-activity', 'https://repost.aws/knowledge-center/potential-account-compromise'],
  ['revoke-sessions', 'https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_use_revoke-sessions.html'],
  ['root-keys', 'https://docs.aws.amazon.com/IAM/latest/UserGuide/id_root-user_manage_delete-key.html'],
  ['get-access-key-info', 'https://docs.aws.amazon.com/STS/latest/APIReference/API_GetAccessKeyInfo.html'],
  ['cloudtrail-lookup', 'https://docs.aws.amazon.com/awscloudtrail/latest/userguide/view-cloudtrail-events-cli.html'],
  ['credential-report', 'https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_getting-report.html'],
  ['report-abuse', 'https://repost.aws/knowledge-center/report-aws-abuse'],
  ['github-sensitive-data', 'https://docs.github.com/en/authentication/keeping-your-account-and-data-secure/removing-sensitive-data-from-a-repository'],
  ['filter-repo', 'https://github.com/newren/git-filter-repo/blob/main/Documentation/git-filter-repo.txt'],
  ['bfg', 'https://rtyley.github.io/bfg-repo-cleaner/'],
  ['bedrock-api-keys', 'https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_bedrock.html'],
  ['service-specific-credentials', 'https://docs.aws.amazon.com/IAM/latest/APIReference/API_UpdateServiceSpecificCredential.html'],
  ['ses-smtp-credentials', 'https://docs.aws.amazon.com/ses/latest/dg/smtp-credentials.html'],
  ['cloudfront-key-pairs', 'https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/private-content-trusted-signers.html'],
  ['appsync-api-keys', 'https://docs.aws.amazon.com/appsync/latest/devguide/security-authz.html'],
  ['console-passwords', 'https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_passwords_admin-change-user.html'],
] as const;

export type ReferenceId = (typeof LIST)[number][0];

const URLS: Record<ReferenceId, string> = Object.fromEntries(LIST) as Record<ReferenceId, string>;

/** A cited page in the run's language: its title and the address of that language's edition. */
export function reference(id: ReferenceId): Reference {
  const words = guide().references;
  return { id, title: words.titles[id] ?? id, url: words.url(URLS[id]) };
}

/** Every page the playbook may cite, by ID (the JSON playbook's index). */
export function referenceIndex(): Record<ReferenceId, Reference> {
  return Object.fromEntries(LIST.map(([id]) => [id, reference(id)])) as Record<ReferenceId, Reference>;
}
