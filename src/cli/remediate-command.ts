// The `keywarden remediate …` line a text report ends with, rebuilt from the scan's command line as typed: the
// option table (cli/options.ts) says which words remediate takes.
import { shellQuote } from '../text/shell-quote.js';
import { isFlag, OPTIONS } from './options.js';

/** Scan options that mean nothing to remediate (how the report is shown) or that it takes another way. */
const NOT_FOR_REMEDIATE = new Set(['format', 'output', 'quiet', 'verbose', 'debug', 'redact']);

/**
 * `keywarden remediate` with the scan's own options, from the command line as typed: what to scan (paths,
 * --history, --range, --since, --stdin…), --config, --baseline, the limits and --verify (--only-verified, a
 * scan option, becomes --verify). Options of the report (--format, --output, --quiet…) are dropped. Each word
 * is shell-quoted (shellQuote writes a word escapeText would change in $'…' with escapeText's escapes), so
 * the line is safe in a terminal or CI log and pastes back as the same command.
 */
export function remediateCommand(argv: readonly string[]): string {
  const words: string[] = [];
  let verify = false;
  /** The words of one option as typed, when remediate takes it. */
  const keep = (name: string, typed: readonly string[]) => {
    if (name === 'verify' || name === 'only-verified') {
      if (!verify) words.push('--verify');
      verify = true;
    } else if (!NOT_FOR_REMEDIATE.has(name) && OPTIONS[name]?.commands.includes('remediate')) {
      words.push(...typed);
    }
  };
  for (let i = argv[0] === 'scan' ? 1 : 0; i < argv.length; i++) {
    const token = argv[i];
    if (token === '--') {
      words.push(...argv.slice(i));
      break;
    }
    if (token.startsWith('--')) {
      const eq = token.indexOf('=');
      const typed = (eq === -1 ? token.slice(2) : token.slice(2, eq)).replace(/[A-Z]/g, (letter) => `-${letter.toLowerCase()}`);
      // --no-NAME is NAME=false (yargs): looked up as NAME (--no-redact is dropped with redact).
      const name = !(typed in OPTIONS) && typed.startsWith('no-') && typed.slice(3) in OPTIONS ? typed.slice(3) : typed;
      const spec = OPTIONS[name];
      const values = spec && spec.type !== 'boolean' && eq === -1 ? takeValues(argv, i, spec.type === 'array') : [];
      i += values.length;
      keep(name, [token, ...values]);
    } else if (isFlag(token)) {
      // Short flags, possibly grouped (`-qo FILE`): the first that takes a value takes the rest of the word or the next.
      for (let j = 1; j < token.length; j++) {
        const entry = Object.entries(OPTIONS).find(([, spec]) => spec.alias === token[j]);
        if (!entry) continue;
        const [name, spec] = entry;
        if (spec.type === 'boolean') {
          keep(name, [`--${name}`]);
          continue;
        }
        const rest = token.slice(j + 1).replace(/^=/, '');
        const values = rest !== '' ? [rest] : takeValues(argv, i, spec.type === 'array');
        if (rest === '') i += values.length;
        keep(name, [`--${name}`, ...values]);
        break;
      }
    } else {
      words.push(token);
    }
  }
  return ['keywarden', 'remediate', ...words.map(quoteWord)].join(' ');
}

/** The value words of an option at argv[i]: the next one, or for an array option every one up to the next flag. */
function takeValues(argv: readonly string[], i: number, array: boolean): string[] {
  // The CLI rejects a value that looks like an option (check-argv.ts), and `--history` may have no value at all.
  const values: string[] = [];
  for (let k = i + 1; k < argv.length && argv[k] !== '--' && !isFlag(argv[k]); k++) {
    values.push(argv[k]);
    if (!array) break;
  }
  return values;
}

/** shellQuote, and single quotes around a plain word that starts with `::` (escapeText's one rule for such words). */
function quoteWord(word: string): string {
  const quoted = shellQuote(word);
  return quoted.startsWith('::') ? `'${word}'` : quoted;
}
