// --verify for a set of leaked keys: which keys can be checked (a secret is known, a temporary key has its
// session token, the account is not someone else's, where using the key could trip a canary token), STS asked
// a few keys at a time, one line per key on stderr. Used by `remediate --verify` and `scan --verify`, which
// puts each answer on the findings of its key (verificationOf: the report's Finding.verification).
import type { VerifyResult } from '../aws/verify.js';
import { UsageError } from '../errors.js';
import { words } from '../words/index.js';
import type { Io } from '../io/io.js';
import type { VerifyRequest } from './requests.js';
import { writeLine } from '../io/output.js';
import type { Verification } from '../types.js';
import type { LeakedKey, LeakSet } from '../remediation/leaks.js';
import { ownershipOf, principalOf } from '../remediation/owner.js';

export interface Verified {
  results: Map<string, VerifyResult>;
  /** Keys not checked, with the reason. */
  skipped: Map<string, string>;
}

export async function verifyKeys(set: LeakSet, accounts: readonly string[], options: VerifyRequest, io: Io): Promise<Verified> {
  const seconds = options.verifyTimeout;
  const { DEFAULT_VERIFY_TIMEOUT_SECONDS, verifyPair } = await import('../aws/verify.js');
  if (seconds !== undefined && !(Number.isFinite(seconds) && seconds > 0 && seconds <= 300)) {
    throw new UsageError(words().cli.errors.verifyTimeout(String(seconds)));
  }
  const endpoint = stsEndpoint(options.stsEndpoint);
  const verifyOptions = { endpoint, region: endpoint ? signingRegionOf(endpoint) : undefined, timeoutMs: (seconds ?? DEFAULT_VERIFY_TIMEOUT_SECONDS) * 1000 };
  const results = new Map<string, VerifyResult>();
  const skipped = new Map<string, string>();
  const check = async (key: LeakedKey) => {
    const reason = skipReason(key, accounts);
    if (reason) {
      skipped.set(key.keyId, reason);
      return;
    }
    // Several secrets may sit next to one key ID; the first that is not a mismatch answers for the key.
    let result: VerifyResult | undefined;
    for (const secret of key.secrets) {
      result = await verifyPair({ accessKeyId: key.keyId, secretAccessKey: secret, sessionToken: key.sessionTokens[0] }, verifyOptions);
      if (result.status !== 'secret-mismatch') break;
    }
    results.set(key.keyId, result!);
  };
  // A few requests at a time: bounded by the timeout per key, polite to STS.
  const queue = [...set.keys];
  await Promise.all(Array.from({ length: Math.min(4, queue.length) }, async () => {
    for (let key = queue.shift(); key; key = queue.shift()) await check(key);
  }));
  if (!options.quiet) {
    for (const key of set.keys) {
      const result = results.get(key.keyId);
      // writeLine escapes: the key ID comes from the scanned files (or a report file) and the detail from STS.
      writeLine(result ? words().verify.result(key.keyId, result.status, result.detail) : words().verify.notChecked(key.keyId, skipped.get(key.keyId) ?? ''), io);
    }
  }
  return { results, skipped };
}

/**
 * STS's answer as the report carries it (Finding.verification): the account, the ARN and the user or role
 * name it names (principalOf), only from a live answer. Data from STS: every value goes through `redactText`
 * (a secret of the scan may be anywhere) and is escaped by whoever prints it.
 */
export function verificationOf(result: VerifyResult, redactText: (text: string) => string = (text) => text): Verification {
  const principal = principalOf(result);
  const user = principal && 'name' in principal ? principal.name : null;
  const live = result.status === 'live';
  return {
    status: result.status,
    account: live && result.account ? redactText(result.account) : null,
    arn: live && result.arn ? redactText(result.arn) : null,
    user: user ? redactText(user) : null,
    checkedAt: result.checkedAt ?? new Date().toISOString(),
  };
}

function skipReason(key: LeakedKey, accounts: readonly string[]): string | null {
  if (ownershipOf(key.accountId, accounts) === 'foreign') return words().verify.skipForeign;
  if (key.secrets.length === 0) return key.redacted ? words().verify.skipRedacted : words().verify.skipNoSecret;
  if (key.keyType === 'temporary' && key.sessionTokens.length === 0) return words().verify.skipNoToken;
  return null;
}

function stsEndpoint(raw: string | undefined): string | undefined {
  if (raw === undefined) return undefined;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new UsageError(words().verify.endpointUrl(raw));
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new UsageError(words().verify.endpointScheme(raw));
  return raw;
}

/**
 * The region a request to an STS endpoint must be signed for: a regional endpoint (sts.eu-west-1.amazonaws.com,
 * sts-fips.us-east-2.amazonaws.com, sts.cn-north-1.amazonaws.com.cn) rejects a signature scoped to another
 * region, which would read as a wrong secret. The global endpoint and any other host (a proxy, a local test
 * server) are signed for us-east-1.
 */
export function signingRegionOf(endpoint: string): string {
  const host = new URL(endpoint).hostname;
  const match = /^sts(?:-fips)?\.([a-z]{2}(?:-[a-z]+)+-\d+)\.amazonaws\.com(?:\.cn)?$/.exec(host);
  return match ? match[1] : 'us-east-1';
}
