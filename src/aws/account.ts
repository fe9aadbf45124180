// STUB (owned by the remediation work): decodes the AWS account ID from a newer-format access key ID.
export function accountIdFromKeyId(_keyId: string): string | null {
  return null;
}
