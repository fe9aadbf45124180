// STUB (owned by the integrations work).
import type { Reporter } from '../types.js';
export const githubReporter: Reporter = () => {
  throw new Error('github reporter not implemented yet');
};
