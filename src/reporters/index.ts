// Reporters by name, imported lazily so a run loads only the one it uses.
import type { Format } from '../types.js';
import type { Reporter } from '../types.js';
import { loadGuide } from '../words/index.js';

export async function loadReporter(format: Format): Promise<Reporter> {
  switch (format) {
    case 'text':
      return (await import('./text.js')).textReporter;
    case 'json':
      return (await import('./json.js')).jsonReporter;
    case 'sarif':
      return (await import('./sarif.js')).sarifReporter;
    case 'github':
      return (await import('./github.js')).githubReporter;
    case 'html':
      // The page shows the playbook and its own words, from the guide (which a scan's fast path has not loaded).
      await loadGuide();
      return (await import('./html/index.js')).htmlReporter;
  }
}
