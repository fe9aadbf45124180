// Repositories written by an attacker, and the checks that nothing keywarden prints can act on whoever reads
// it: a terminal (escape sequences, bidi overrides, forged lines), the GitHub Actions runner (workflow
// commands), a browser (HTML and links in Markdown). Names and subjects are built here from escapes, so the
// test files hold no raw control character.
import { fakeKeyId, fakeSecret } from './fakes.js';
import { Repo } from './repo.js';

export const ESC = '\x1b';

/** Clears the screen and retitles the terminal, forges a report line, then reverses the rest of the line. */
export const TERMINAL_FILE = `evil${ESC}]0;pwned\x07${ESC}[2J\nFAKE 0 findings\u202e.env`;
/** A subject that would recolour the terminal, forge a line, run two kinds of workflow command and show HTML. */
export const HOSTILE_SUBJECT = `fix${ESC}[31m\r\n::error::forged subject ##[warning]legacy <img src=x onerror=alert(1)> [Approve](https://evil.example/a) www.evil.example @octocat`;
export const HOSTILE_AUTHOR = `Eve${ESC}]0;title\x07 <img src=y>`;
/** Names of files over --max-file-size: only the skip note (--verbose, the Action's notices) shows them. */
export const RUNNER_FILES = ['big\n::set-output name=a::b', '::error::forged', 'legacy ##[error]forged', ' ::warning::indented'];
/** A file whose finding carries a workflow command in its name. */
export const COMMAND_FILE = '::warning::forged.env';

export interface HostileRepo {
  repo: Repo;
  keyId: string;
  secret: string;
}

/** One commit by a hostile author with a hostile subject: keys in hostile file names, big files, an allowed key. */
export function hostileRepo(): HostileRepo {
  const repo = Repo.init();
  const keyId = fakeKeyId();
  const secret = fakeSecret();
  const files: Record<string, string> = {
    [TERMINAL_FILE]: `aws_access_key_id = ${keyId}\naws_secret_access_key = ${secret}\n`,
    [COMMAND_FILE]: `AWS_ACCESS_KEY_ID=${fakeKeyId()}\n`,
    [`allowed${ESC}[2J.env`]: `aws_access_key_id = ${fakeKeyId()} # keywarden:allow\n`,
  };
  // Distinct contents: a history scan notes each big blob once, under one of its paths.
  for (const name of RUNNER_FILES) files[name] = `${'x'.repeat(4096)}${name}\n`;
  for (const [file, content] of Object.entries(files)) repo.write(file, content);
  repo.git('add', '-A');
  repo.gitWith({ GIT_AUTHOR_NAME: HOSTILE_AUTHOR }, 'commit', '-q', '-m', HOSTILE_SUBJECT);
  return { repo, keyId, secret };
}

/** Characters that act on a terminal: C0 but tab and newline, DEL, C1, bidi controls and marks, U+2028/2029. */
const TERMINAL_CONTROL = /[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/;

/** Why `text` is unsafe on a terminal (a control character, or a forged report line), or null. */
export function terminalProblem(text: string): string | null {
  const control = TERMINAL_CONTROL.exec(text);
  if (control) return `control character U+${control[0].charCodeAt(0).toString(16).padStart(4, '0')} at ${JSON.stringify(text.slice(Math.max(0, control.index - 20), control.index + 20))}`;
  const forged = text.split('\n').find((line) => line.startsWith('FAKE'));
  return forged === undefined ? null : `forged line ${JSON.stringify(forged)}`;
}

/**
 * Lines the GitHub Actions runner would run as a workflow command, other than keywarden's own annotations and
 * notices: a line that starts with `::` after leading white space (ActionCommand.TryParseV2), or holds `##[`
 * anywhere (the older TryParse). Keywarden's own are `::error|warning|notice [properties]::data`.
 */
export function forgedCommands(output: string): string[] {
  return output.split(/\r\n|\r|\n/).filter((line) => {
    if (/^::(?:error|warning|notice)(?: [^:]*)?::/.test(line)) return false;
    return line.trimStart().startsWith('::') || line.includes('##[');
  });
}
