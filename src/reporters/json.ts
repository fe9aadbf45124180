// The version-1 JSON report, exactly as docs/ARCHITECTURE.md specifies it: other tools parse this.
import type { Reporter } from '../types.js';

export const jsonReporter: Reporter = (report) => JSON.stringify(report, null, 2) + '\n';
