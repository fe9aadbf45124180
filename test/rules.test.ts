// Every rule proves itself: each `match` example of each patterns/*.json must produce a candidate of that
// rule (with the expected decoded secret), each `noMatch` example must produce none. Examples are expanded
// with fresh fakes several times, so a rule that only works for lucky random values fails here.
import { describe, expect, it } from 'vitest';
import { defaultConfig } from '../src/config/types.js';
import { scanText } from '../src/engine/scan.js';
import { loadRules } from '../src/rules/load.js';
import { expandExample } from './support/rules-examples.js';

const rules = loadRules(defaultConfig(process.cwd()));
const ROUNDS = 12;

describe('rule examples', () => {
  it('has the AWS rules', () => {
    expect(rules.map((rule) => rule.id).sort()).toEqual([
      'aws-access-key-id',
      'aws-access-key-id-unverified',
      'aws-appsync-api-key',
      'aws-bedrock-api-key',
      'aws-bedrock-short-term-key',
      'aws-cloudfront-key-pair-id',
      'aws-cloudfront-private-key',
      'aws-console-password',
      'aws-iam-service-password',
      'aws-iam-service-user-name',
      'aws-secret-access-key',
      'aws-ses-smtp-password',
      'aws-session-token',
    ]);
  });

  it('every rule has match and noMatch examples', () => {
    for (const rule of rules) {
      expect(rule.examples.match.length, rule.id).toBeGreaterThan(0);
      expect(rule.examples.noMatch.length, rule.id).toBeGreaterThan(0);
    }
  });

  for (const rule of rules.filter((r) => r.partnerOnly)) {
    // A partner-only rule (an identifier) is never a finding: its examples say which key ID a finding next to
    // it carries (match) or that no finding carries one of its values (noMatch).
    const whole = new RegExp(`^(?:${rule.regex.source})$`, rule.regex.flags.replace(/[gd]/g, ''));
    describe(rule.id, () => {
      for (const example of rule.examples.match) {
        it(`pairs ${JSON.stringify(example.text)}`, () => {
          for (let round = 0; round < ROUNDS; round++) {
            const [text, keyId] = expandExample(example.text, example.secret ?? '').texts;
            const found = scanText(text, rules, 'example.txt');
            expect(found.filter((c) => c.ruleId === rule.id), text).toEqual([]);
            expect(found.map((c) => c.keyId), text).toContain(keyId);
          }
        });
      }
      for (const example of rule.examples.noMatch) {
        it(`does not pair ${JSON.stringify(example.text)} (${example.reason})`, () => {
          for (let round = 0; round < ROUNDS; round++) {
            const [text] = expandExample(example.text).texts;
            const found = scanText(text, rules, 'example.txt');
            expect(found.filter((c) => c.ruleId === rule.id || (c.keyId !== null && whole.test(c.keyId))), text).toEqual([]);
          }
        });
      }
    });
  }

  for (const rule of rules.filter((r) => !r.partnerOnly)) {
    describe(rule.id, () => {
      for (const example of rule.examples.match) {
        it(`matches ${JSON.stringify(example.text)}`, () => {
          for (let round = 0; round < ROUNDS; round++) {
            const { texts } = expandExample(example.text, example.secret ?? '');
            const [text, secret] = texts;
            const found = scanText(text, rules, 'example.txt').filter((c) => c.ruleId === rule.id);
            expect(found, text).not.toHaveLength(0);
            if (secret) expect(found.map((c) => c.secret), text).toContain(secret);
            for (const candidate of found) {
              expect(candidate.kind).toBe(rule.kind);
              expect(candidate.line).toBeGreaterThanOrEqual(1);
              expect(candidate.column).toBeGreaterThanOrEqual(1);
            }
          }
        });
      }
      for (const example of rule.examples.noMatch) {
        it(`does not match ${JSON.stringify(example.text)} (${example.reason})`, () => {
          for (let round = 0; round < ROUNDS; round++) {
            const [text] = expandExample(example.text).texts;
            const found = scanText(text, rules, 'example.txt').filter((c) => c.ruleId === rule.id);
            expect(found, text).toEqual([]);
          }
        });
      }
    });
  }
});
