// STUB (owned by the git-scanning work).
import { UsageError } from '../errors.js';
import type { Source } from '../types.js';
import type { SourceContext } from './context.js';
export async function createStagedSource(_context: SourceContext): Promise<Source> {
  throw new UsageError('--staged is not implemented yet');
}
