// The documentation the playbook follows and cites. One place, so a moved page is fixed once and every
// format (text, markdown, JSON) cites the same addresses.

export interface Reference {
  id: string;
  title: string;
  url: string;
}

const LIST = [
  ['access-key-best-practices', 'AWS General Reference: Best practices for managing AWS access keys', 'https://docs.aws.amazon.com/general/latest/gr/aws-access-keys-best-practices.html'],
  ['managing-access-keys', 'IAM User Guide: Managing access keys for IAM users', 'https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_access-keys.html'],
  ['iam-best-practices', 'IAM User Guide: Security best practices in IAM', 'https://docs.aws.amazon.com/IAM/latest/UserGuide/best-practices.html'],
  ['temporary-credentials', 'IAM User Guide: Temporary security credentials in IAM', 'https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_temp.html'],
  ['unauthorized-activity', 'AWS re:Post Knowledge Center: What do I do if I notice unauthorized activity in my AWS account?', 'https://repost.aws/knowledge-center/potential-account-compromise'],
  ['revoke-sessions', 'IAM User Guide: Revoke IAM role temporary security credentials', 'https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_use_revoke-sessions.html'],
  ['root-keys', 'IAM User Guide: Delete access keys for the root user', 'https://docs.aws.amazon.com/IAM/latest/UserGuide/id_root-user_manage_delete-key.html'],
  ['get-access-key-info', 'AWS STS API Reference: GetAccessKeyInfo', 'https://docs.aws.amazon.com/STS/latest/APIReference/API_GetAccessKeyInfo.html'],
  ['cloudtrail-lookup', 'AWS CloudTrail User Guide: Viewing recent management events with the AWS CLI', 'https://docs.aws.amazon.com/awscloudtrail/latest/userguide/view-cloudtrail-events-cli.html'],
  ['credential-report', 'IAM User Guide: Getting credential reports for your AWS account', 'https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_getting-report.html'],
  ['report-abuse', 'AWS re:Post Knowledge Center: How do I report abuse of AWS resources?', 'https://repost.aws/knowledge-center/report-aws-abuse'],
  ['github-sensitive-data', 'GitHub Docs: Removing sensitive data from a repository', 'https://docs.github.com/en/authentication/keeping-your-account-and-data-secure/removing-sensitive-data-from-a-repository'],
  ['filter-repo', 'git filter-repo manual (--replace-text)', 'https://github.com/newren/git-filter-repo/blob/main/Documentation/git-filter-repo.txt'],
  ['bfg', 'BFG Repo-Cleaner', 'https://rtyley.github.io/bfg-repo-cleaner/'],
  ['bedrock-api-keys', 'IAM User Guide: API keys for Amazon Bedrock', 'https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_bedrock.html'],
  ['service-specific-credentials', 'IAM API Reference: UpdateServiceSpecificCredential', 'https://docs.aws.amazon.com/IAM/latest/APIReference/API_UpdateServiceSpecificCredential.html'],
  ['ses-smtp-credentials', 'Amazon SES Developer Guide: Obtaining Amazon SES SMTP credentials', 'https://docs.aws.amazon.com/ses/latest/dg/smtp-credentials.html'],
  ['cloudfront-key-pairs', 'CloudFront Developer Guide: Specify signers that can create signed URLs and signed cookies', 'https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/private-content-trusted-signers.html'],
  ['appsync-api-keys', 'AWS AppSync Developer Guide: Configuring authorization and authentication (API_KEY)', 'https://docs.aws.amazon.com/appsync/latest/devguide/security-authz.html'],
  ['console-passwords', 'IAM User Guide: Managing passwords for IAM users', 'https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_passwords_admin-change-user.html'],
] as const;

export type ReferenceId = (typeof LIST)[number][0];

export const REFERENCES: Record<ReferenceId, Reference> = Object.fromEntries(LIST.map(([id, title, url]) => [id, { id, title, url }])) as Record<
  ReferenceId,
  Reference
>;
