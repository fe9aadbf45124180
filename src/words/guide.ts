// The guide words of this run's language (the playbook, --help, init, the Action): en-guide.ts is imported
// here, so only the modules that show a guide load it; another language's guide was loaded by useLanguage.
import { enGuide, type Guide } from './en-guide.js';
import { loadedGuide } from './index.js';

export function guide(): Guide {
  return loadedGuide() ?? enGuide;
}
