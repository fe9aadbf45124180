// `--verify`: asks AWS STS GetCallerIdentity whether a found key pair is live. Never run by default: it sends
// the found secret to AWS (signed, never in clear) and it can trip a canary token. GetCallerIdentity needs no
// permission, so any live pair answers; the answer also names the owner (user, role session or root).
// Honesty rules: only a signed success is "live"; a network error, a timeout, a 5xx or an unexpected error
// code is "unknown", never "not live". The SDK (the official AWS SDK for JavaScript) is imported only here,
// lazily, and given explicit credentials, region and endpoint so it reads no profile, no ~/.aws file and no
// AWS_* variable for them; one attempt, no retries, bounded by the timeout.
import type { Verification } from '../types.js';
import { words } from '../words/index.js';

export interface CredentialPair {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken?: string;
}

export type Liveness = Verification['status'];

export interface VerifyResult {
  status: Liveness;
  /** One sentence in the run's language (words/: verify.reasons): what the answer means, or why it is unknown. */
  detail: string;
  /** From a live answer: who the key belongs to. */
  arn?: string;
  account?: string;
  userId?: string;
  /** The STS error code, when there was one. */
  code?: string;
  /** ISO 8601: when STS was asked (set by verifyPair). */
  checkedAt?: string;
}

export interface VerifyOptions {
  /** e.g. https://sts.amazonaws.com; default: the regional endpoint of `region`. */
  endpoint?: string;
  region?: string;
  timeoutMs: number;
}

export const DEFAULT_VERIFY_TIMEOUT_SECONDS = 10;

export async function verifyPair(pair: CredentialPair, options: VerifyOptions): Promise<VerifyResult> {
  const checkedAt = new Date().toISOString();
  return { ...(await ask(pair, options)), checkedAt };
}

async function ask(pair: CredentialPair, options: VerifyOptions): Promise<VerifyResult> {
  const { STSClient, GetCallerIdentityCommand } = await import('@aws-sdk/client-sts');
  const client = new STSClient({
    region: options.region ?? 'us-east-1',
    endpoint: options.endpoint,
    credentials: { accessKeyId: pair.accessKeyId, secretAccessKey: pair.secretAccessKey, sessionToken: pair.sessionToken },
    maxAttempts: 1,
    // Only --sts-endpoint decides where a found secret's signature goes, not AWS_ENDPOINT_URL* or a profile.
    ignoreConfiguredEndpointUrls: true,
    useFipsEndpoint: false,
    useDualstackEndpoint: false,
  });
  const abort = new AbortController();
  const timer = setTimeout(() => abort.abort(), options.timeoutMs);
  try {
    const answer = await client.send(new GetCallerIdentityCommand({}), { abortSignal: abort.signal });
    return {
      status: 'live',
      detail: words().verify.reasons.accepted,
      arn: answer.Arn,
      account: answer.Account,
      userId: answer.UserId,
    };
  } catch (error) {
    if (abort.signal.aborted) return { status: 'unknown', detail: words().verify.reasons.timeout(options.timeoutMs / 1000) };
    return classify(error);
  } finally {
    clearTimeout(timer);
    client.destroy();
  }
}

/** STS error → liveness. Codes from the STS API reference (Common Errors) and GetCallerIdentity's behaviour. */
export function classify(error: unknown): VerifyResult {
  const e = error as { name?: string; Code?: string; message?: string; $fault?: string; $metadata?: { httpStatusCode?: number }; code?: string };
  const status = e.$metadata?.httpStatusCode;
  const code = e.Code ?? e.name;
  if (status !== undefined && status >= 500) return { status: 'unknown', code, detail: words().verify.reasons.busy(status) };
  switch (code) {
    case 'InvalidClientTokenId':
      return { status: 'invalid', code, detail: words().verify.reasons.rejected };
    case 'ExpiredToken':
    case 'ExpiredTokenException':
      return { status: 'expired', code, detail: words().verify.reasons.expired };
    case 'SignatureDoesNotMatch':
      return {
        status: 'secret-mismatch',
        code,
        detail: words().verify.reasons.mismatch,
      };
  }
  if (status !== undefined && code && code !== 'Error' && code !== 'UnknownError') {
    return { status: 'unknown', code, detail: words().verify.reasons.unclear(code, status) };
  }
  const reason = e.code ?? e.message?.split('\n')[0] ?? String(error);
  return { status: 'unknown', detail: words().verify.reasons.unreachable(reason) };
}
