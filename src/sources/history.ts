// STUB (owned by the git-scanning work).
import { UsageError } from '../errors.js';
import type { Source } from '../types.js';
import type { SourceContext } from './context.js';
export async function createHistorySource(_context: SourceContext): Promise<Source> {
  throw new UsageError('--history is not implemented yet');
}
