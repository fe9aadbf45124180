// Reports built in memory for reporter unit tests: the shapes the pipeline produces, with fake keys only.
import { createHash } from 'node:crypto';
import type { Finding, Report, ReportContext } from '../../src/types.js';
import { fakeKeyId, fakeSecret } from './fakes.js';

export function finding(overrides: Partial<Finding> = {}): Finding {
  const secret = overrides.secret ?? fakeKeyId();
  return {
    ruleId: 'aws-access-key-id',
    kind: 'access-key-id',
    file: 'config/app.env',
    line: 3,
    column: 19,
    endLine: 3,
    endColumn: 39,
    secret,
    fingerprint: createHash('sha256').update(secret).digest('hex').slice(0, 32),
    entropy: 3.7,
    confidence: 'high',
    keyId: null,
    accountId: null,
    commit: null,
    ...overrides,
  };
}

export function secretFinding(keyId: string, overrides: Partial<Finding> = {}): Finding {
  const secret = fakeSecret();
  return finding({ ruleId: 'aws-secret-access-key', kind: 'secret-access-key', secret: secret.slice(0, 4) + '*'.repeat(16), keyId, line: 4, column: 23, endColumn: 63, ...overrides });
}

export function report(findings: Finding[], mode: Report['scan']['mode'] = 'files'): Report {
  return { version: 1, tool: { name: 'keywarden', version: '0.1.0' }, scan: { mode, target: '.', durationMs: 5, bytes: 100, files: 2, commits: 0 }, findings };
}

export const CONTEXT: ReportContext = { allowed: {}, notes: [], color: false, verbose: false };
