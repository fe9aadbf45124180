// The pre-commit hook runs `keywarden scan --staged` on every commit, and importing yargs costs more than
// the scan itself. This parser handles only `scan` with long flags from the same table yargs uses; anything
// else (help, short aliases, other commands, a typo) returns null and goes through yargs for its messages.
import { toScanOptions } from './convert.js';
import { OPTIONS, type ScanOptions } from './options.js';

export function parseFast(argv: readonly string[]): ScanOptions | null {
  if (argv[0] !== 'scan') return null;
  const raw: Record<string, unknown> = {};
  const positional: string[] = [];
  for (let i = 1; i < argv.length; i++) {
    const token = argv[i];
    if (token === '--') {
      positional.push(...argv.slice(i + 1));
      break;
    }
    if (!token.startsWith('--')) {
      if (token.startsWith('-') && token !== '-') return null;
      positional.push(token);
      continue;
    }
    const eq = token.indexOf('=');
    let name = eq === -1 ? token.slice(2) : token.slice(2, eq);
    let negated = false;
    if (!(name in OPTIONS) && name.startsWith('no-') && name.slice(3) in OPTIONS) {
      name = name.slice(3);
      negated = true;
    }
    const spec = OPTIONS[name];
    if (!spec || !spec.commands.includes('scan')) return null;
    if (spec.type === 'boolean') {
      if (eq !== -1) return null;
      raw[name] = !negated;
    } else if (spec.optionalValues) {
      // `--history [REF...]`: the words up to the next option or `--`, like yargs. A value yargs would misread
      // ('', '-', a negative number) is declined: check-argv.ts explains it.
      if (negated) return null;
      const values = eq !== -1 ? [token.slice(eq + 1)] : [];
      while (argv[i + 1] !== undefined && !argv[i + 1].startsWith('-')) values.push(argv[++i]);
      if (values.includes('') || (argv[i + 1] !== undefined && argv[i + 1] !== '--' && !argv[i + 1].startsWith('--'))) return null;
      raw[name] = [...((raw[name] as string[]) ?? []), ...values];
    } else {
      if (negated) return null;
      const value = eq !== -1 ? token.slice(eq + 1) : argv[++i];
      // A missing or empty value, or a flag where the value should be: check-argv.ts says which, on yargs' path.
      if (value === undefined || value === '' || (eq === -1 && value.startsWith('-') && value !== '-')) return null;
      raw[name] = spec.type === 'array' ? [...((raw[name] as string[]) ?? []), value] : value;
    }
  }
  return toScanOptions('scan', positional, raw);
}
