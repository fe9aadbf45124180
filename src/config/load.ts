// STUB (owned by the configuration work): finds and validates .keywarden.json / package.json "keywarden" / --config.
import { defaultConfig, type Config } from './types.js';
export function loadConfig(cwd: string, _explicit?: string): Config {
  return defaultConfig(cwd);
}
