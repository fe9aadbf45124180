// Who a key belongs to: ownership against config.accounts, and the principal in a GetCallerIdentity ARN.
import { describe, expect, it } from 'vitest';
import { ownershipOf, principalOf } from '../src/remediation/owner.js';

const live = (arn: string) => ({ status: 'live' as const, detail: '', arn });

describe('ownershipOf', () => {
  it('is own, foreign, unchecked (no list) or unknown (no account)', () => {
    expect(ownershipOf('111122223333', ['111122223333'])).toBe('own');
    expect(ownershipOf('444455556666', ['111122223333'])).toBe('foreign');
    expect(ownershipOf('444455556666', [])).toBe('unchecked');
    expect(ownershipOf(null, ['111122223333'])).toBe('unknown');
  });
});

describe('principalOf', () => {
  it('reads users (with paths), role sessions, federated users and the root user, in any partition', () => {
    expect(principalOf(live('arn:aws:iam::111122223333:user/ci/deploy-bot'))).toEqual({ type: 'user', account: '111122223333', name: 'deploy-bot' });
    expect(principalOf(live('arn:aws-cn:iam::111122223333:root'))).toEqual({ type: 'root', account: '111122223333' });
    expect(principalOf(live('arn:aws:sts::111122223333:assumed-role/deployer/i-0abc'))).toEqual({ type: 'role', account: '111122223333', name: 'deployer', session: 'i-0abc' });
    expect(principalOf(live('arn:aws-us-gov:sts::111122223333:federated-user/bob'))).toEqual({ type: 'federated-user', account: '111122223333', name: 'bob' });
    expect(principalOf(live('arn:aws:iam::111122223333:role/odd'))).toEqual({ type: 'other', account: '111122223333', arn: 'arn:aws:iam::111122223333:role/odd' });
  });

  it('knows nothing without a live answer or from a malformed ARN', () => {
    expect(principalOf(undefined)).toBeNull();
    expect(principalOf({ status: 'invalid', detail: '', arn: 'arn:aws:iam::111122223333:root' })).toBeNull();
    expect(principalOf(live('not an arn'))).toBeNull();
  });
});
