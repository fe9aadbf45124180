// Who a key belongs to, from what is known without asking AWS (the account decoded from the key ID, checked
// against the configured list of the organisation's accounts) and, after --verify, from STS's answer (the
// caller ARN names the IAM user, the role of a session, or the root user).
import type { VerifyResult } from '../aws/verify.js';

/** own: in config.accounts; foreign: a known account not in the list; unchecked: no list configured; unknown: no account known. */
export type Ownership = 'own' | 'foreign' | 'unchecked' | 'unknown';

export type Principal =
  | { type: 'root'; account: string }
  | { type: 'user'; account: string; name: string }
  | { type: 'role'; account: string; name: string; session: string }
  | { type: 'federated-user'; account: string; name: string }
  | { type: 'other'; account: string; arn: string };

export function ownershipOf(accountId: string | null, accounts: readonly string[]): Ownership {
  if (accountId === null) return 'unknown';
  if (accounts.length === 0) return 'unchecked';
  return accounts.includes(accountId) ? 'own' : 'foreign';
}

/** Parses a GetCallerIdentity ARN: arn:aws:iam::ACCOUNT:root | :user/PATH/NAME | arn:aws:sts::ACCOUNT:assumed-role/ROLE/SESSION. */
export function principalOf(verification: VerifyResult | undefined): Principal | null {
  const arn = verification?.status === 'live' ? verification.arn : undefined;
  if (!arn) return null;
  const match = /^arn:aws[a-z-]*:(iam|sts)::(\d{12}):(.+)$/.exec(arn);
  if (!match) return null;
  const [, service, account, resource] = match;
  if (service === 'iam' && resource === 'root') return { type: 'root', account };
  if (service === 'iam' && resource.startsWith('user/')) return { type: 'user', account, name: resource.split('/').pop()! };
  if (service === 'sts' && resource.startsWith('assumed-role/')) {
    const [, name, session] = resource.split('/');
    return { type: 'role', account, name, session: session ?? '' };
  }
  if (service === 'sts' && resource.startsWith('federated-user/')) return { type: 'federated-user', account, name: resource.slice('federated-user/'.length) };
  return { type: 'other', account, arn };
}
