// The AWS account an access key ID belongs to, decoded offline. AWS documents no format beyond the prefix;
// the decoding was published by Aidan Steele (https://awsteele.com/blog/2020/09/26/aws-access-key-format.html)
// and completed by Tal Be'ery (https://medium.com/@TalBeerySec/a-short-note-on-aws-key-id-f88cc4317489):
// base32-decode the 16 characters after the 4-character prefix, read the first 6 bytes as a big-endian
// number, mask 0x7fffffffff80 and shift right by 7. `aws sts get-access-key-info` returns the same account
// online. The top bit the mask drops is set in every newer-format ID (fifth character Q–Z or 2–7); IDs whose
// fifth character is I or J (AKIAI…, AKIAJ…) are the older format and encode no account, so they — and any
// other ID with that bit clear — give null rather than a wrong account.

const BASE32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
const SHAPE = /^A[A-Z0-9]{3}[A-Z2-7]{16}$/;

export function accountIdFromKeyId(keyId: string): string | null {
  if (!SHAPE.test(keyId)) return null;
  // 6 bytes = 48 bits = the first 10 base32 characters minus 2 bits; BigInt keeps all 50 bits exact.
  let bits = 0n;
  for (const char of keyId.slice(4, 14)) bits = (bits << 5n) | BigInt(BASE32.indexOf(char));
  const first6 = bits >> 2n;
  if ((first6 & 0x800000000000n) === 0n) return null;
  const account = (first6 & 0x7fffffffff80n) >> 7n;
  // 40 bits reach 1,099,511,627,775; account IDs have 12 digits, so a larger value is no real key's account.
  if (account > 999_999_999_999n) return null;
  return account.toString().padStart(12, '0');
}

/**
 * The account an identifier names: an access key ID (decoded as above), an IAM service-specific credential's
 * user name (`jane-at-123456789012`, as IAM generates them) or an IAM ARN (`arn:aws:iam::123456789012:user/jane`).
 */
export function accountIdOf(identifier: string): string | null {
  const named = /-at-(\d{12})$/.exec(identifier) ?? /^arn:aws[\w-]*:iam::(\d{12}):/.exec(identifier);
  if (named) return named[1];
  // Only access key IDs encode an account; other A-prefixed IDs (a CloudFront APKA key pair ID) do not.
  return /^(?:AKIA|ASIA|ABIA|ACCA|A3T)/.test(identifier) ? accountIdFromKeyId(identifier) : null;
}
