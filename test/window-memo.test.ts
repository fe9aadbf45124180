// The window memo (src/detect/window-memo.ts, issue #13): a history's versions of a file share most of their
// windows, and a window read once is replayed, not read again. Replaying must give exactly what reading gives,
// including a confidence that `near` evidence outside the window decides differently in each text.
import { describe, expect, it } from 'vitest';
import { defaultConfig } from '../src/config/types.js';
import { scanText } from '../src/engine/scan.js';
import { WindowMemo } from '../src/detect/window-memo.js';
import { loadRules } from '../src/rules/load.js';
import { fakeKeyId, fakeSecret, fakeSessionToken } from './support/fakes.js';
import { seeded } from './support/random.js';

const rules = loadRules(defaultConfig(process.cwd()));
const newMemo = (): WindowMemo => new WindowMemo();

/** Lines an AWS-heavy file is made of: names everywhere, example keys, fixtures, and now and then a real-looking key. */
function line(next: () => number): string {
  const pick = Math.floor(next() * 12);
  const n = Math.floor(next() * 1000);
  switch (pick) {
    case 0:
      return `    client = boto3.client("s3", aws_access_key_id="AKIAIOSFODNN7EXAMPLE", aws_secret_access_key="wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY")  # ${n}`;
    case 1:
      return `    os.environ["AWS_SECRET_ACCESS_KEY"] = "foobar_key"  # aws ${n}`;
    case 2:
      return `    fixture_${n} = "${fakeSecret()}"`;
    case 3:
      return `    assert resp["Arn"] == f"arn:aws:iam::{ACCOUNT_ID}:role/my-role-${n}"`;
    case 4:
      return next() < 0.2 ? `aws_secret_access_key = ${fakeSecret()}` : `    secret = "${fakeSecret()}"`;
    case 5:
      return next() < 0.3 ? `aws_access_key_id = ${fakeKeyId()}` : `    # comment ${n}`;
    case 6:
      return `    token = "${fakeSessionToken(120)}"  # aws_session_token`;
    case 7:
      return `    data = "${Buffer.from(`aws_secret_access_key=${fakeSecret()}`).toString('base64')}"`;
    case 8:
      return `    url = "https://s3.amazonaws.com/bucket/${n}?X-Amz-Credential=${fakeKeyId()}%2F20260101%2Fus-east-1"`;
    case 9:
      return `# aws ${n}`;
    default:
      return `    value_${n} = compute(input, ${n})`;
  }
}

/** Versions of one file: each one the last with a few lines changed, added or removed. */
function versions(seed: number, count: number, lines: number): string[] {
  const next = seeded(seed);
  let current = Array.from({ length: lines }, () => line(next));
  const out = [current.join('\n')];
  for (let v = 1; v < count; v++) {
    current = [...current];
    for (let edits = 1 + Math.floor(next() * 3); edits > 0; edits--) {
      const at = Math.floor(next() * current.length);
      const kind = next();
      if (kind < 0.4) current[at] = line(next);
      else if (kind < 0.7) current.splice(at, 0, line(next));
      else current.splice(at, 1);
    }
    out.push(current.join('\n'));
  }
  return out;
}

describe('the window memo', () => {
  it('gives every version of an AWS-heavy file exactly the findings a fresh read gives, and replays most windows', () => {
    for (const seed of [1, 2, 3]) {
      const texts = versions(seed, 40, 400);
      const memo = newMemo();
      for (const [i, text] of texts.entries()) {
        const path = i % 2 === 0 ? 'src/aws/client.py' : 'src/other.py';
        expect(scanText(text, rules, path, undefined, memo), `seed ${seed}, version ${i}`).toEqual(scanText(text, rules, path));
      }
      // Without replays this test would prove nothing: most windows of a version are its predecessor's.
      expect(memo.recalled, `seed ${seed}`).toBeGreaterThan(memo.read);
    }
  });

  it('decides the confidence of a replayed match in the text at hand (near evidence outside the window, the path)', () => {
    const secret = fakeSecret();
    // `secret = …` names a value only with AWS near it (within 30 lines): here far above the window, or not at all.
    const filler = Array.from({ length: 12 }, (_, i) => `    value_${i} = compute(input, ${i})  # padding the window past the memo's minimum`);
    const window = [...filler, `secret_key = "${secret}"`, ...filler].join('\n');
    const gap = Array.from({ length: 14 }, (_, i) => `    step_${i}()`).join('\n');
    const withAws = `# amazon s3 uploader\n${gap}\n${window}\n`;
    const without = `# uploader\n${gap}\n${window}\n`;
    const fresh = (text: string, path: string) => scanText(text, rules, path).map((c) => c.secret);
    // The fixture does what it means to: the same window, found in one text and not in the other.
    expect(fresh(withAws, 'a.py')).toContain(secret);
    expect(fresh(without, 'a.py')).not.toContain(secret);
    expect(fresh(without, 'aws/a.py')).toContain(secret);
    for (const order of [[withAws, without], [without, withAws]]) {
      const memo = newMemo();
      for (const text of order) expect(scanText(text, rules, 'a.py', undefined, memo)).toEqual(scanText(text, rules, 'a.py'));
      expect(scanText(without, rules, 'aws/a.py', undefined, memo)).toEqual(scanText(without, rules, 'aws/a.py'));
      expect(memo.recalled).toBeGreaterThan(0);
    }
  });
});
