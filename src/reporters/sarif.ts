// STUB (owned by the integrations work).
import type { Reporter } from '../types.js';
export const sarifReporter: Reporter = () => {
  throw new Error('sarif reporter not implemented yet');
};
