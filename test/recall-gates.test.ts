// Recall against the soft gates (src/engine/entropy.ts, `reject.soft` and soft allowlist regexes in
// patterns/*.json): real keys are random, so now and then one has 4 equal characters in a row, letters only,
// or a key ID that reads like words. Named and paired, such a key must be found; alone, unnamed or next to
// another soft value it stays silent; what a hard gate rejects (documentation keys, placeholders) never comes back.
import { describe, expect, it } from 'vitest';
import { defaultConfig } from '../src/config/types.js';
import { gateSecret } from '../src/engine/entropy.js';
import { scanText } from '../src/engine/scan.js';
import { loadRules } from '../src/rules/load.js';
import type { Candidate } from '../src/types.js';
import {
  keyIdWithRepeat,
  lettersOnlySecret,
  namedPair,
  plainKeyId,
  plainSecret,
  pronounceableKeyId,
  randomKeyId,
  randomSecret,
  secretWithRepeat,
  seeded,
  singleCaseSecret,
  type Random,
} from './support/recall.js';

const rules = loadRules(defaultConfig(process.cwd()));
const scan = (text: string): Candidate[] => scanText(text, rules, 'credentials');
const ID_RULE = rules.find((rule) => rule.id === 'aws-access-key-id')!;
const SK_RULE = rules.find((rule) => rule.id === 'aws-secret-access-key')!;
/** Passes every gate, hard and soft: reported on its own name alone (no pair needed, none rescued). */
const passesId = (value: string) => scan(`aws_access_key_id = ${value}\n`).some((c) => c.secret === value);
const passesSecret = (value: string) => scan(`aws_secret_access_key = ${value}\n`).some((c) => c.secret === value);
const show = (found: Candidate[]) => found.map((c) => `${c.ruleId} ${c.secret} key=${c.keyId}`).join('\n');

const ROUNDS = 40;

/**
 * Redraws a generated value until it passes the hard gates (a run of 5 equal characters can sink a key ID's
 * entropy below 2.7); bounded, so that an engine rejecting the shape outright fails the tests, not hangs them.
 */
const hardPassing = (rule: typeof ID_RULE, make: (random: Random) => string) => (random: Random): string => {
  let value = make(random);
  for (let attempt = 0; attempt < 200 && gateSecret(rule, value) === null; attempt++) value = make(random);
  return value;
};

const softSecrets: Array<[string, (random: Random) => string]> = [
  ['a run of 4 equal characters', hardPassing(SK_RULE, secretWithRepeat)],
  ['letters only', hardPassing(SK_RULE, lettersOnlySecret)],
  ['one letter case (no upper case)', hardPassing(SK_RULE, singleCaseSecret)],
];
const softKeyIds: Array<[string, (random: Random) => string]> = [
  ['alternating consonants and vowels', hardPassing(ID_RULE, pronounceableKeyId)],
  ['a run of 5 equal characters', hardPassing(ID_RULE, keyIdWithRepeat)],
];

describe('generators force the soft shapes (else these tests could not fail)', () => {
  it('each generated value passes the hard gates and fails a soft one', () => {
    const random = seeded(1);
    for (const [, make] of softSecrets) for (let i = 0; i < ROUNDS; i++) expect(passesSecret(make(random))).toBe(false);
    for (const [, make] of softKeyIds) for (let i = 0; i < ROUNDS; i++) expect(passesId(make(random))).toBe(false);
  });
});

describe('a soft-shaped key, named and paired, is found', () => {
  for (const [shape, make] of softSecrets) {
    it(`secret with ${shape}, under aws_secret_access_key next to its key ID`, () => {
      const random = seeded(shape.length * 7919);
      for (let i = 0; i < ROUNDS; i++) {
        const id = plainKeyId(random, passesId);
        const secret = make(random);
        for (const text of [namedPair(id, secret), `AWS_SECRET_ACCESS_KEY=${secret}\nAWS_ACCESS_KEY_ID=${id}\n`, `{"AccessKeyId": "${id}", "SecretAccessKey": "${secret}"}`]) {
          const found = scan(text);
          expect(found.find((c) => c.secret === secret)?.keyId, `${text}\n${show(found)}`).toBe(id);
          expect(found.some((c) => c.secret === id)).toBe(true);
        }
      }
    });
  }
  for (const [shape, make] of softKeyIds) {
    it(`key ID with ${shape}, next to a named secret`, () => {
      const random = seeded(shape.length * 104729);
      for (let i = 0; i < ROUNDS; i++) {
        const id = make(random);
        const secret = plainSecret(random, passesSecret);
        for (const text of [namedPair(id, secret), `export AWS_SECRET_ACCESS_KEY="${secret}"\nexport AWS_ACCESS_KEY_ID="${id}"\n`]) {
          const found = scan(text);
          expect(found.some((c) => c.ruleId === 'aws-access-key-id' && c.secret === id), `${text}\n${show(found)}`).toBe(true);
          expect(found.find((c) => c.secret === secret)?.keyId).toBe(id);
        }
      }
    });
  }
});

describe('a soft-shaped value without strong evidence stays silent', () => {
  for (const [shape, make] of softSecrets) {
    it(`secret with ${shape}: named alone, unnamed next to a key ID, weakly named, or next to a soft key ID`, () => {
      const random = seeded(shape.length * 31);
      for (let i = 0; i < ROUNDS; i++) {
        const secret = make(random);
        const id = plainKeyId(random, passesId);
        const softId = softKeyIds[i % softKeyIds.length][1](random);
        expect(scan(`aws_secret_access_key = ${secret}\n`)).toEqual([]);
        // Unnamed, paired: the key ID is reported, the secret is not.
        expect(scan(`${id},${secret}\n`).map((c) => c.secret)).toEqual([id]);
        // A medium-confidence name (generic `secret_key` with AWS evidence near) is not enough.
        expect(scan(`# aws\nsecret_key = ${secret}\naccess = ${id}\n`).map((c) => c.secret)).toEqual([id]);
        // Both sides soft: two placeholders side by side vouch for nothing.
        expect(scan(namedPair(softId, secret))).toEqual([]);
      }
    });
  }
  for (const [shape, make] of softKeyIds) {
    it(`key ID with ${shape}: alone, named, next to an unnamed secret, or next to a soft secret`, () => {
      const random = seeded(shape.length * 37);
      for (let i = 0; i < ROUNDS; i++) {
        const id = make(random);
        const secret = plainSecret(random, passesSecret);
        const softSecret = softSecrets[i % softSecrets.length][1](random);
        expect(scan(`${id}\n`)).toEqual([]);
        expect(scan(`aws_access_key_id = ${id}\n`)).toEqual([]);
        expect(scan(`${id},${secret}\n`)).toEqual([]);
        expect(scan(namedPair(id, softSecret))).toEqual([]);
      }
    });
  }
});

// AWS's documentation keys (public examples, not credentials), their variants and typed placeholders: hard gates.
const HARD_IDS = ['AKIAIOSFODNN7EXAMPLE', 'AKIAI44QH8DHBEXAMPLE', 'ASIAIOSFODNN7EXAMPLE', 'AKIAIOSFODNN7DSOTPWI', 'AKIAXXXXXXXXXXXXXXXX', 'AKIAABCDEFGHIJKLMNOP', 'AKIA2222222222222222', 'AKIAZZZZZZZZZZZZZZZZ'];
const HARD_SECRETS = [
  'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY',
  'je7MtGbClwBF/2Zp9Utk/h3yCo8nvbEXAMPLEKEY',
  'wJalrXUtnFEMI/K7MDENG/bPxRfiCY239gp6ckey',
  'x'.repeat(40),
  'X'.repeat(40),
  'abc123DEF456ghi789JKL012mno345PQR678stu9',
  'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmn',
  'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMN',
  'AWSSecretAccessKeyGoesInThisPlaceOkThank',
  'YourSecretAccessKeyHereYourSecretAccessK',
  '0123456789abcdef0123456789abcdef01234567',
];

describe('hard gates are never overridden', () => {
  it('the documentation keys and placeholders are silent in every arrangement', () => {
    const random = seeded(99);
    for (let i = 0; i < ROUNDS; i++) {
      const id = plainKeyId(random, passesId);
      const secret = plainSecret(random, passesSecret);
      const softId = softKeyIds[0][1](random);
      const softSecret = softSecrets[1][1](random);
      const texts: string[] = [];
      for (const hardId of HARD_IDS) {
        texts.push(namedPair(hardId, secret), namedPair(hardId, softSecret), `${hardId},${secret}`, `aws_access_key_id = ${hardId}`);
        for (const hardSecret of HARD_SECRETS) texts.push(namedPair(hardId, hardSecret));
      }
      for (const hardSecret of HARD_SECRETS) texts.push(namedPair(id, hardSecret), namedPair(softId, hardSecret), `aws_secret_access_key = ${hardSecret}`);
      for (const text of texts) {
        const found = scan(text);
        const hard = found.filter((c) => HARD_IDS.includes(c.secret) || HARD_SECRETS.includes(c.secret) || HARD_IDS.includes(c.keyId ?? ''));
        expect(hard, `${text}\n${show(found)}`).toEqual([]);
        // Next to a hard-rejected value, a soft one has no partner: nothing at all.
        if (text.includes(softId) || text.includes(softSecret)) expect(found, `${text}\n${show(found)}`).toEqual([]);
      }
    }
  });
});

describe('property: random named pairs', () => {
  it('20,000 pairs as AWS issues them (AKIA + 16 base32, 40 random base64) are all found, paired', () => {
    const random = seeded(20261126);
    const missed: string[] = [];
    // Stopwords (xxxx, test, here, …) are hard gates by decision: a value holding one is redrawn (about 1 pair
    // in 10,000 would be; a placeholder is far likelier than a key to hold `test`).
    const hasStopword = (rule: typeof ID_RULE, value: string) => rule.allowlist.stopwords.some((word) => value.toLowerCase().includes(word));
    let soft = 0;
    for (let i = 0; i < 20000; i++) {
      let id = randomKeyId(random);
      while (hasStopword(ID_RULE, id)) id = randomKeyId(random);
      let secret = randomSecret(random);
      while (hasStopword(SK_RULE, secret)) secret = randomSecret(random);
      if (!passesId(id) || !passesSecret(secret)) soft++;
      const found = scan(namedPair(id, secret));
      if (!found.some((c) => c.secret === id) || found.find((c) => c.secret === secret)?.keyId !== id) missed.push(`${id} ${secret}`);
    }
    expect(soft, 'the sample holds soft-shaped keys').toBeGreaterThan(5);
    expect(missed).toEqual([]);
  }, 60000);
});

describe('the gates\' memory of values seen (entropy.ts)', () => {
  it('never changes an answer: values seen again, past the memory\'s size, and per rule', () => {
    const random = seeded(77);
    const values = Array.from({ length: 6000 }, (_, i) => (i % 3 === 0 ? randomSecret(random) : i % 3 === 1 ? secretWithRepeat(random) : 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY'));
    // A fresh copy of a rule has a memory of its own, empty: its answers are the gates' answers on first sight.
    const first = values.map((value) => gateSecret({ ...SK_RULE }, value));
    for (let round = 0; round < 2; round++) expect(values.map((value) => gateSecret(SK_RULE, value))).toEqual(first);
    expect(first.filter((gate) => gate === null).length).toBeGreaterThan(1000);
    expect(first.filter((gate) => gate !== null && gate.soft !== null).length).toBeGreaterThan(100);
    // Another rule's memory is its own: the same values, its own verdicts (which differ from the secret rule's).
    const byId = values.map((value) => gateSecret({ ...ID_RULE }, value));
    expect(values.map((value) => gateSecret(ID_RULE, value))).toEqual(byId);
    expect(byId).not.toEqual(first);
  });
});
