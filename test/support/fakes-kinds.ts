// Fakes of the credential kinds beyond access keys, generated at run time (never real, never committed):
// Bedrock API keys (long-term ABSK…, short-term bedrock-api-key-…), IAM service-specific credentials, SES SMTP
// passwords, AppSync API keys, CloudFront key pairs, console passwords. Shapes follow the formats cited in the
// patterns/*.json that find them.
import { createHash, randomBytes, randomInt } from 'node:crypto';
import { fakeKeyId, fakeSecret, fakeSessionToken } from './fakes.js';

const LOWER = 'abcdefghijklmnopqrstuvwxyz0123456789';

function pick(alphabet: string, length: number): string {
  let out = '';
  for (let i = 0; i < length; i++) out += alphabet[randomInt(alphabet.length)];
  return out;
}

/** A 12-digit account ID that is plainly not a typed-out one. */
export function fakeAccount(): string {
  return String(randomInt(100_000_000_000, 999_999_999_999));
}

/** An IAM service-specific credential user name: <IAM user>-at-<account>. */
export function fakeServiceUserName(user = `ci-${pick(LOWER, 6)}`, account = fakeAccount()): string {
  return `${user}-at-${account}`;
}

/** A service-specific credential password (base64 of 32 random bytes, 44 characters). */
export function fakeServicePassword(): string {
  for (;;) {
    const value = randomBytes(32).toString('base64');
    if (/[A-Z]/.test(value) && /[a-z]/.test(value) && /[0-9]/.test(value) && !/(.)\1\1\1/.test(value)) return value;
  }
}

/** A long-term Bedrock API key: ABSK + base64 of "BedrockAPIKey-xxxx-at-<account>:<secret>". */
export function fakeBedrockApiKey(account = fakeAccount(), user = `BedrockAPIKey-${pick(LOWER, 4)}`): { key: string; serviceUserName: string } {
  const serviceUserName = `${user}-at-${account}`;
  const key = `ABSK${Buffer.from(`${serviceUserName}:${randomBytes(44).toString('base64')}`).toString('base64')}`;
  return { key, serviceUserName };
}

/** A short-term Bedrock API key signed with `keyId` (the token generator's presigned-URL shape). */
export function fakeBedrockShortTermKey(keyId = fakeKeyId('ASIA'), region = 'us-east-1'): string {
  const query = [
    'Action=CallWithBearerToken',
    'X-Amz-Algorithm=AWS4-HMAC-SHA256',
    `X-Amz-Credential=${keyId}%2F20250101%2F${region}%2Fbedrock%2Faws4_request`,
    'X-Amz-Date=20250101T000000Z',
    'X-Amz-Expires=43200',
    'X-Amz-SignedHeaders=host',
    ...(keyId.startsWith('ASIA') ? [`X-Amz-Security-Token=${encodeURIComponent(fakeSessionToken())}`] : []),
    `X-Amz-Signature=${randomBytes(32).toString('hex')}`,
  ].join('&');
  return `bedrock-api-key-${Buffer.from(`bedrock.amazonaws.com/?${query}&Version=1`).toString('base64')}`;
}

/** An SES SMTP password: base64 of version byte 0x04 and an HMAC-SHA256 (44 characters, starting with B). */
export function fakeSmtpPassword(): string {
  for (;;) {
    const value = Buffer.concat([Buffer.from([4]), createHash('sha256').update(randomBytes(32)).digest()]).toString('base64');
    if (/[a-z]/.test(value) && /[0-9]/.test(value) && !/(.)\1\1\1/.test(value)) return value;
  }
}

/** An AppSync API key: da2- and 26 lower-case letters and digits. */
export function fakeAppSyncKey(): string {
  for (;;) {
    const value = `da2-${pick(LOWER, 26)}`;
    if (/[0-9]/.test(value.slice(4)) && !/(.)\1\1/.test(value)) return value;
  }
}

/** A PEM private key block of random material (not a key at all), `lines` lines of 64 characters. */
export function fakePem(lines = 25, label = 'RSA PRIVATE KEY'): string {
  const body = randomBytes(lines * 48).toString('base64').match(/.{1,64}/g)!;
  return [`-----BEGIN ${label}-----`, ...body, `-----END ${label}-----`].join('\n');
}

/** A console password as IAM generates them: letters, digits and symbols. */
export function fakeConsolePassword(): string {
  return `${pick('ABCDEFGHJKLMNPQRSTUVWXYZ', 3)}${pick(LOWER, 8)}!${pick('0123456789', 2)}#`;
}

/** A ~/.aws/credentials file. */
export function fakeCredentialsFile(keyId: string, secret = fakeSecret(), token?: string): string {
  return `[default]\naws_access_key_id = ${keyId}\naws_secret_access_key = ${secret}\n${token ? `aws_session_token = ${token}\n` : ''}`;
}

/** A JWT (unsigned-looking, random signature) whose payload carries `claims`. */
export function fakeJwt(claims: Record<string, unknown>): string {
  const segment = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
  return `${segment({ alg: 'HS256', typ: 'JWT' })}.${segment(claims)}.${randomBytes(32).toString('base64url')}`;
}
