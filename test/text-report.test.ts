// The human report: a table (header row, columns aligned by display width), grouping, redaction already
// applied, commit lines, colour only when asked, summary.
import { describe, expect, it } from 'vitest';
import { textReporter } from '../src/reporters/text.js';
import { displayWidth } from '../src/text/width.js';
import { fakeKeyId } from './support/fakes.js';
import { CONTEXT as plain, finding as sample, report } from './support/sample-report.js';
import type { Finding } from '../src/types.js';

const KEY = fakeKeyId();
const finding = (overrides: Partial<Finding>): Finding => sample({ file: 'a.env', line: 1, column: 1, secret: KEY, ...overrides });

describe('text reporter', () => {
  it('is a table: one header row, columns aligned across every file, details under each row', () => {
    const out = textReporter(
      report([
        finding({ accountId: '123456789012' }),
        finding({ line: 2, column: 23, ruleId: 'aws-secret-access-key', kind: 'secret-access-key', secret: 'wJal****************', keyId: KEY }),
        finding({ file: 'b/c.tf', line: 117, column: 3 }),
      ]),
      plain,
    );
    expect(out).toBe(
      [
        '  LINE:COL  SECRET                KIND               RULE                   CONFIDENCE',
        'a.env',
        `  1:1       ${KEY}  access key ID      aws-access-key-id      high`,
        '            long-term key, account 123456789012',
        '  2:23      wJal****************  secret access key  aws-secret-access-key  high',
        `            for ${KEY}`,
        '',
        'b/c.tf',
        `  117:3     ${KEY}  access key ID      aws-access-key-id      high`,
        '            long-term key',
        '',
        '3 findings in 2 files.',
        '',
      ].join('\n'),
    );
  });

  it('aligns by display width: wide (Japanese) and combining characters, hostile values escaped first', () => {
    const out = textReporter(
      report([
        finding({ kind: '秘密鍵', ruleId: '社内-ルール', secret: 'キー*****', confidence: 'medium' }),
        finding({ line: 2, kind: 'cafe\u0301-token', ruleId: 'evil\x1b[2J\u202erule', secret: 'abc' }),
        finding({ line: 3, secret: '👍🏽****' }),
      ]),
      plain,
    );
    const rows = out.split('\n').filter((line) => /^  (LINE|\d)/.test(line));
    expect(rows).toHaveLength(4);
    expect(out).not.toMatch(/[\x1b\u202e]/);
    expect(out).toContain('evil\\x1b[2J\\u202erule');
    // Each column starts at the same display column on every row: the header's titles mark where.
    const starts = (line: string) => ['SECRET', 'KIND', 'RULE', 'CONFIDENCE'].map((_, i) => displayWidth(cellPrefix(line, i + 1)));
    const header = starts(rows[0]);
    for (const row of rows.slice(1)) expect(starts(row), row).toEqual(header);
  });

  it('stays within 100 columns for the AWS rules, with redacted values', () => {
    const id = fakeKeyId('ASIA');
    const out = textReporter(
      report([
        finding({ line: 1234, column: 567, secret: id, accountId: '123456789012' }),
        finding({ line: 1235, column: 1, ruleId: 'aws-session-token', kind: 'session-token', secret: 'IQoJ****************', keyId: id, confidence: 'medium' }),
      ]),
      plain,
    );
    for (const line of out.split('\n')) expect(displayWidth(line), line).toBeLessThanOrEqual(100);
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

/** A table row up to the start of its column `n` (0-based): cells are separated by two spaces or more. */
function cellPrefix(line: string, n: number): string {
  let at = 2;
  for (let i = 0; i < n; i++) {
    const gap = line.indexOf('  ', at);
    at = gap + 2;
    while (line[at] === ' ') at++;
  }
  return line.slice(0, at);
}
