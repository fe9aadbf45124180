// STUB (owned by the integrations work): `keywarden init`.
import { UsageError } from '../errors.js';
import type { ScanOptions } from '../cli/options.js';
import type { Io } from '../io.js';
export async function runInit(_options: ScanOptions, _io: Io): Promise<number> {
  throw new UsageError('init is not implemented yet');
}
