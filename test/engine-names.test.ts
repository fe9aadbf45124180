// Name-only keywords (issue #13, item 2): `aws`, `AWS_SECRET_ACCESS_KEY`, `secretKey` are evidence next to a
// value, not values. In a file that mentions AWS on every line the rules must read only what is near a value
// (a long run of key characters, or an encoding that could hide one), and still find every key there.
import { describe, expect, it } from 'vitest';
import { defaultConfig } from '../src/config/types.js';
import { scanText } from '../src/engine/scan.js';
import { loadRules } from '../src/rules/load.js';
import type { Rule } from '../src/rules/types.js';
import { expandExample } from './support/rules-examples.js';
import { fakeKeyId, fakeSecret } from './support/fakes.js';

const rules = loadRules(defaultConfig(process.cwd()));

/** The rules with every regex counting the characters it is run over (each scan of a view starts at 0). */
function countingRules(): { rules: Rule[]; read: () => number } {
  let read = 0;
  class Counting extends RegExp {
    override exec(text: string): RegExpExecArray | null {
      if (this.lastIndex === 0) read += text.length;
      return super.exec(text);
    }
  }
  const counted = rules.map((rule) => ({ ...rule, regex: new Counting(rule.regex.source, rule.regex.flags) }));
  return { rules: counted, read: () => read };
}

/** moto-style lines: AWS named everywhere, credentials only as "testing" and AWS's documented example. */
function awsHeavy(lines: number): string[] {
  const out: string[] = [];
  for (let i = 0; i < lines; i++) {
    out.push(
      i % 3 === 0
        ? `    client = boto3.client("s3", region_name="us-east-1", aws_access_key_id="testing", aws_secret_access_key="testing")  # AWS ${i}`
        : i % 3 === 1
          ? `    os.environ["AWS_SECRET_ACCESS_KEY"] = "foobar_key"  # aws ${i}`
          : `    assert resp["Arn"] == f"arn:aws:iam::{ACCOUNT_ID}:role/my-role-${i}"`,
    );
  }
  return out;
}

describe('name-only keywords', () => {
  it('a file naming AWS on every line but holding no value: the rules read almost none of it', () => {
    const text = awsHeavy(3000).join('\n');
    const counting = countingRules();
    expect(scanText(text, counting.rules)).toEqual([]);
    // Before: windows around every `aws` covered the whole text, and every rule read it (tens of times its length).
    expect(counting.read()).toBeLessThan(text.length / 100);
  });

  it('still finds a pair, a named secret alone, and encoded or split secrets among such lines', () => {
    const lines = awsHeavy(3000);
    const [id, secret, alone, encoded, split] = [fakeKeyId(), fakeSecret(), fakeSecret(), fakeSecret(), fakeSecret()];
    lines[500] = `    client = boto3.client("s3", aws_access_key_id="${id}", aws_secret_access_key="${secret}")`;
    lines[1200] = `AWS_SECRET_ACCESS_KEY = "${alone}"`;
    // No plain run of 40 where a key character is escaped: only the decoded view holds the value.
    const slashed = `${encoded.slice(0, 20)}/${encoded.slice(21)}`;
    const escaped = `${encoded.slice(0, 20)}%2F${encoded.slice(21)}`;
    lines[1800] = `    url = "https://example.com/?aws_secret_access_key=${escaped}"`;
    lines[2400] = `    aws_secret_access_key = "${split.slice(0, 20)}" + "${split.slice(20)}"`;
    const counting = countingRules();
    const found = scanText(lines.join('\n'), counting.rules);
    const secrets = found.map((candidate) => candidate.secret);
    expect(secrets).toEqual(expect.arrayContaining([id, secret, alone, slashed, split]));
    expect(found.find((candidate) => candidate.secret === secret)?.keyId).toBe(id);
    expect(counting.read()).toBeLessThan(lines.join('\n').length);
  });

  it('finds split and encoded secrets in stretches far apart, with no break between them (one pass of the breaks)', () => {
    const filler = (n: number) => Array.from({ length: n }, (_, i) => `    value_${i} = compute(input, ${i})`).join('\n');
    const [first, last] = [fakeSecret(), fakeSecret()];
    const escaped = `${last.slice(0, 20)}%2F${last.slice(21)}`;
    const text = [
      `aws_secret_access_key = "${first.slice(0, 20)}" + "${first.slice(20)}"`,
      ...Array.from({ length: 6 }, (_, i) => `${filler(300)}\n# aws ${i}`),
      filler(300),
      `    url = "https://example.com/?aws_secret_access_key=${escaped}"`,
    ].join('\n');
    const secrets = scanText(text, rules).map((candidate) => candidate.secret);
    expect(secrets).toEqual(expect.arrayContaining([first, `${last.slice(0, 20)}/${last.slice(21)}`]));
  });

  it('keywords that are values or that other rules need still open windows (appsync, console passwords)', () => {
    // These rules' keywords are not names: a window opens with no long run near them.
    const apiKey = `da2-${'k3xq9pz7m2vbc4wy8tr6nd5hfa'}`;
    const found = scanText(`# aws appsync\nconst apiKey = "${apiKey}";\n`, rules);
    expect(found.map((candidate) => candidate.ruleId)).toContain('aws-appsync-api-key');
  });

  it('a rule declaring valueRun keeps its word: every secret its examples find holds a run that long', () => {
    const declaring = rules.filter((rule) => rule.valueRun > 0);
    expect(declaring.map((rule) => rule.id).sort()).toEqual(['aws-secret-access-key', 'aws-session-token']);
    for (const rule of declaring) {
      for (const example of rule.examples.match) {
        const [text] = expandExample(example.text).texts;
        for (const candidate of scanText(text, rules, 'example.txt').filter((c) => c.ruleId === rule.id)) {
          const longest = Math.max(0, ...(candidate.secret.match(/[A-Za-z0-9/+]+/g) ?? []).map((run) => run.length));
          expect(longest, `${rule.id}: ${text}`).toBeGreaterThanOrEqual(rule.valueRun);
        }
      }
    }
  });
});
