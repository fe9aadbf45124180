// Expands the placeholders of rule examples (patterns/*.json) into freshly generated fakes, so no literal
// fake key ever lives in patterns/. {{AKIA}} / {{ASIA}} / any 4-character prefix → a key ID with that prefix;
// {{SECRET}}, {{TOKEN}}, {{HEX40}} (a SHA-1), {{B64LONG}} (a sha512 integrity value). A transformation may
// follow a bar: {{SECRET|urlencode}}, {{SECRET|base64}}, {{SECRET|jsonslash}}, {{SECRET|split:12}},
// {{AKIA|tail}} (without its prefix), {{SECRET|html}} / {{SECRET|es6}} (every character as &#x..; / \u{..}).
// Other kinds: {{ABSK}}, {{BEDROCKST}}, {{SVCUSER}}, {{SVCPASS}}, {{SMTP}}, {{DA2}}, {{PEM}}, {{PASSWORD}}, {{ACCOUNT}},
// {{CREDFILE}} (a credentials file with the example's {{AKIA}} and {{SECRET}}), {{JWTCREDS}} (a JWT carrying one).
// The same placeholder expands to the same value throughout one example.
import { randomBytes } from 'node:crypto';
import { fakeKeyId, fakeSecret, fakeSessionToken } from './fakes.js';
import {
  fakeAccount,
  fakeAppSyncKey,
  fakeBedrockApiKey,
  fakeBedrockShortTermKey,
  fakeConsolePassword,
  fakeCredentialsFile,
  fakeJwt,
  fakePem,
  fakeServicePassword,
  fakeServiceUserName,
  fakeSmtpPassword,
} from './fakes-kinds.js';

const PLACEHOLDER = /\{\{([A-Z0-9]+)(?:\|([a-z0-9]+)(?::(\d+))?)?\}\}/g;

/**
 * A fake secret with both symbols, so that URL- and JSON-encoding really change it, and clear of the
 * placeholder heuristics that reject about 1 in 2000 random strings (a run of 4 equal characters, an
 * embedded word such as "here"), so tests never flake.
 */
export function fakeSecretWithSymbols(): string {
  for (;;) {
    const secret = fakeSecret();
    if (!secret.includes('/') || !secret.includes('+')) continue;
    if (/(.)\1\1\1/.test(secret) || /example|sample|secret|s3cr3t|password|passw0rd|placeholder|changeme|dummy|redacted|your|xxxx|here|access|fake|test/i.test(secret)) continue;
    return secret;
  }
}

/** Placeholders of the other credential kinds; CREDFILE and JWTCREDS reuse the example's own {{AKIA}} and {{SECRET}}. */
function generate(name: string, values: Map<string, string>): string {
  const value = (other: string) => {
    if (!values.has(other)) values.set(other, generate(other, values));
    return values.get(other)!;
  };
  switch (name) {
    case 'ABSK': return fakeBedrockApiKey().key;
    case 'BEDROCKST': return fakeBedrockShortTermKey();
    case 'SVCUSER': return fakeServiceUserName();
    case 'SVCPASS': return fakeServicePassword();
    case 'SMTP': return fakeSmtpPassword();
    case 'SHA256B64': return randomBytes(32).toString('base64');
    case 'DA2': return fakeAppSyncKey();
    case 'DA2TAIL': return fakeAppSyncKey().slice(4);
    case 'DA2UPPER': return fakeAppSyncKey().slice(4).toUpperCase();
    case 'PEM': return fakePem();
    case 'PASSWORD': return fakeConsolePassword();
    case 'ACCOUNT': return fakeAccount();
    case 'CREDFILE': return fakeCredentialsFile(value('AKIA'), value('SECRET'));
    case 'JWTCREDS': return fakeJwt({ sub: 'ci', creds: Buffer.from(fakeCredentialsFile(value('ASIA'), value('SECRET'))).toString('base64') });
  }
  if (name === 'SECRET') return fakeSecretWithSymbols();
  if (name === 'TOKEN') return fakeSessionToken();
  if (name === 'HEX40') return randomBytes(20).toString('hex');
  if (name === 'B64LONG') return randomBytes(64).toString('base64');
  if (/^[A-Z0-9]{4}$/.test(name)) return fakeKeyId(name);
  throw new Error(`unknown example placeholder {{${name}}}`);
}

function transform(value: string, how: string | undefined, arg: string | undefined): string {
  switch (how) {
    case undefined:
      return value;
    case 'tail':
      return value.slice(4);
    case 'trim':
      return value.trim();
    case 'html':
      return [...value].map((c) => `&#x${c.charCodeAt(0).toString(16).toUpperCase()};`).join('');
    case 'es6':
      return [...value].map((c) => `\\u{${c.charCodeAt(0).toString(16)}}`).join('');
    case 'jsonstring':
      return JSON.stringify(value).slice(1, -1);
    case 'urlencode':
      return encodeURIComponent(value);
    case 'base64':
      return Buffer.from(value).toString('base64');
    case 'jsonslash':
      return value.replaceAll('/', '\\/');
    case 'split': {
      const at = Number(arg ?? 20);
      return `${value.slice(0, at)}" + "${value.slice(at)}`;
    }
    default:
      throw new Error(`unknown example transformation |${how}`);
  }
}

/** Expands every placeholder of `texts` (consistently across them) and returns the texts and the values. */
export function expandExample(...texts: string[]): { texts: string[]; values: Map<string, string> } {
  const values = new Map<string, string>();
  const expanded = texts.map((text) =>
    text.replace(PLACEHOLDER, (_all, name: string, how?: string, arg?: string) => {
      if (!values.has(name)) values.set(name, generate(name, values));
      return transform(values.get(name)!, how, arg);
    }),
  );
  return { texts: expanded, values };
}
