// The short playbook printed after every text scan report with findings: what to do in the next minutes, with
// the leaked key IDs, and the command that prints the full playbook: `keywarden remediate` with the options of
// the scan that was actually run, so it scans the same thing (a folder that is not a repository, a range…).
// Loaded only when a scan found something, and kept small: it imports nothing but the key-type table, the
// option table, escaping and shell quoting. Key IDs come from the scanned files: the AWS rule's are plain, but
// a rule in a repository's config can match anything, so one is escaped where it is shown and quoted where it
// goes into a command. After --verify, STS's answer says which keys are LIVE and names the IAM user.
import { keyTypeOf } from '../aws/key-id.js';
import { isFlag, OPTIONS } from '../cli/options.js';
import { keyIdOfFinding } from '../findings.js';
import { shellQuote } from '../init/advice.js';
import { escapeText } from '../text/escape.js';
import type { Finding, Verification } from '../types.js';
import { words } from '../words/index.js';

export function shortPlaybook(findings: Finding[], remediate = 'keywarden remediate'): string {
  const keyIds: string[] = [];
  const verified = new Map<string, Verification>();
  let unpaired = 0;
  for (const finding of findings) {
    const keyId = keyIdOfFinding(finding);
    if (keyId === null) unpaired++;
    else if (!keyIds.includes(keyId)) keyIds.push(keyId);
    if (keyId !== null && finding.verification) verified.set(keyId, finding.verification);
  }
  // Live keys first: they are the ones being usable right now.
  keyIds.sort((a, b) => Number(verified.get(b)?.status === 'live') - Number(verified.get(a)?.status === 'live'));
  const committed = findings.some((finding) => finding.commit !== null);
  const w = words().hint;
  const lines: string[] = [w.title];
  lines.push(committed ? w.committed : w.notCommitted);
  if (keyIds.length > 0) lines.push(w.deactivate);
  const shown = keyIds.slice(0, 5);
  for (const keyId of shown) lines.push(...keyLines(keyId, verified.get(keyId)));
  if (keyIds.length > shown.length) lines.push(w.more(keyIds.length - shown.length));
  if (unpaired > 0) {
    const text = w.unpaired(unpaired);
    lines.push(keyIds.length > 0 ? `       ${text}` : `  2. ${text}`);
  }
  lines.push(w.cloudtrail);
  lines.push(w.full(remediate));
  return lines.join('\n') + '\n';
}

/** One key's lines: a LIVE mark when STS accepted it, then the command with the owner STS named (or OWNER). */
function keyLines(keyId: string, verification: Verification | undefined): string[] {
  const w = words().hint;
  const lines: string[] = [];
  const live = verification?.status === 'live';
  if (live) lines.push(`       ${w.live(escapeText(keyId), verification.arn ? escapeText(verification.arn) : null)}`);
  if (keyTypeOf(keyId) === 'temporary') {
    const role = live && verification.user && /:assumed-role\//.test(verification.arn ?? '') ? w.theRole(escapeText(verification.user)) : w.issuingRole;
    lines.push(`       ${w.revoke(escapeText(keyId), role)}`);
  } else if (live && verification.arn && /:root$/.test(verification.arn)) {
    lines.push(`       ${w.root(escapeText(keyId))}`);
  } else {
    // The user STS named, quoted for the shell (a name is data; IAM allows +=,.@_- in it); else a placeholder.
    const owner = live && verification.user ? shellQuote(verification.user) : 'OWNER';
    lines.push(`       aws iam update-access-key --user-name ${owner} --access-key-id ${shellQuote(keyId)} --status Inactive`);
  }
  return lines;
}

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
