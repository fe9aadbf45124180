// The human report: grouping, redaction already applied, commit lines, colour only when asked, summary.
import { describe, expect, it } from 'vitest';
import { textReporter } from '../src/reporters/text.js';
import { fakeKeyId } from './support/fakes.js';
import { CONTEXT as plain, finding as sample, report } from './support/sample-report.js';
import type { Finding } from '../src/types.js';

const KEY = fakeKeyId();
const finding = (overrides: Partial<Finding>): Finding => sample({ file: 'a.env', line: 1, column: 1, secret: KEY, ...overrides });

describe('text reporter', () => {
  it('groups findings by file with position, value, kind and rule', () => {
    const out = textReporter(
      report([
        finding({ accountId: '123456789012' }),
        finding({ line: 2, column: 23, ruleId: 'aws-secret-access-key', kind: 'secret-access-key', secret: 'wJal****************', keyId: KEY }),
        finding({ file: 'b/c.tf', line: 7, column: 3 }),
      ]),
      plain,
    );
    expect(out).toBe(
      [
        'a.env',
        `  1:1     ${KEY}  access key ID (long-term key), account 123456789012  aws-access-key-id high`,
        `  2:23    wJal****************  secret access key for ${KEY}  aws-secret-access-key high`,
        '',
        'b/c.tf',
        `  7:3     ${KEY}  access key ID (long-term key)  aws-access-key-id high`,
        '',
        '3 findings in 2 files.',
        '',
      ].join('\n'),
    );
  });

  it('shows the introducing commit under a git finding', () => {
    const commit = { sha: 'a'.repeat(40), author: 'Ann Dev', email: 'ann@example.com', date: '2024-03-04T05:06:07Z', message: 'add config' };
    const out = textReporter(report([finding({ commit })]), plain);
    expect(out).toContain('          aaaaaaaaaaaa Ann Dev <ann@example.com> 2024-03-04 add config');
  });

  it('says nothing was found, counting allowed findings', () => {
    expect(textReporter(report([]), plain)).toBe('No AWS credentials found.\n');
    expect(textReporter(report([]), { ...plain, allowed: { inline: 2, baseline: 1 } })).toBe('No AWS credentials found. (2 allowed by inline, 1 allowed by baseline)\n');
  });

  it('colours only when the context says so', () => {
    expect(textReporter(report([finding({})]), plain)).not.toContain('\x1b[');
    expect(textReporter(report([finding({})]), { ...plain, color: true })).toContain(`\x1b[31;1m${KEY}\x1b[0m`);
  });
});
