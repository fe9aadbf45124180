// STUB (owned by the remediation work): `keywarden remediate`.
import { UsageError } from '../errors.js';
import type { ScanOptions } from '../cli/options.js';
import type { Io } from '../io.js';
export async function runRemediate(_options: ScanOptions, _io: Io): Promise<number> {
  throw new UsageError('remediate is not implemented yet');
}
