// How data is written so that it cannot act on whatever shows it. Data is anything keywarden read rather than
// wrote: file names, commit subjects, author names and emails, secrets, answers from STS. Each reader has one
// rule, and every writer uses it on the data it puts in a line, once (the rules are not idempotent):
//   escapeText             a terminal or a CI log (text report, notes, hook message, text playbook, --verify)
//   escapeCommandData/...  the value of a GitHub workflow command (`::error file=…::message`)
//   escapeMarkdown         GitHub-flavoured Markdown and the HTML it may hold (job summary, markdown playbook)
// JSON and SARIF need none of these: JSON.stringify is their escape, and their readers render text as text.

/**
 * Terminal controls (C0, DEL, C1: ESC and CSI/OSC sequences clear the screen, retitle the window, move the
 * cursor and forge lines), bidirectional overrides and marks (they reorder what is shown, "Trojan Source"),
 * and line and paragraph separators. Each is written visibly as `\n`, `\r`, `\t`, `\xHH` or `\uHHHH`, and a
 * backslash as `\\`, so what is printed reads back to exactly one string.
 *
 * Two rules more for the GitHub Actions runner, which reads every line a step writes, stdout and stderr, and
 * runs the workflow commands in them (https://github.com/actions/runner, ActionCommand.cs): a line that starts
 * with `::` after leading white space (`::set-output …`), and `##[name]…` anywhere in a line (the older form,
 * still parsed). Data cannot start a line once its newlines are escaped, but it can be the first thing on a
 * line (the text report's file heading) or the first word of a wrapped line, so `::` at the start of the data
 * or after white space is written `\x3a:`, and `##[` is written `#\x23[`. They apply everywhere, not only
 * when GITHUB_ACTIONS is set: a keywarden inside a container in a workflow step does not see that variable.
 */
export function escapeText(text: string): string {
  return text.replace(TEXT_UNSAFE, escapeMatch);
}

/** Text that is several lines by design (a --debug stack trace): each line escaped, the line breaks kept. */
export function escapeLines(text: string): string {
  return text.split('\n').map(escapeText).join('\n');
}

const TEXT_UNSAFE = /[\\\x00-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]|##\[|(?<=^|\s)::/g;
const NAMED: Record<string, string> = { '\\': '\\\\', '\n': '\\n', '\r': '\\r', '\t': '\\t', '##[': '#\\x23[', '::': '\\x3a:' };

function escapeMatch(match: string): string {
  const named = NAMED[match];
  if (named !== undefined) return named;
  const code = match.charCodeAt(0);
  return code < 0x100 ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
}

/**
 * The value of a workflow command, as the runner unescapes it (toCommandValue/escapeData in @actions/core):
 * otherwise a newline in a commit subject would end the command and start another. Text in it that came from
 * data is first escaped with escapeText (the runner shows it in the log and in annotations).
 */
export function escapeCommandData(value: string): string {
  return value.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** A property of a workflow command (`file=…`): the runner also splits these on ',' and ':'. */
export function escapeCommandProperty(value: string): string {
  return escapeCommandData(value).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

/**
 * Data shown inline in GitHub-flavoured Markdown, as literal text. First escapeText (controls and bidi
 * overrides are as harmful in a browser; newlines become `\n`, so data never starts a line of its own). Then
 * a backslash before each ASCII punctuation character that can start Markdown inline: links and images
 * (`[]()!`), emphasis and strikethrough (`*_~`), code spans, table cells (`|`), math (`$`), headings (`#`),
 * and GFM's bare autolinks, which need an unescaped `:` (https://…), `.` (www.…) or `@` (mail). Last, HTML's
 * special characters as entities, so `<img>`, `<a>` and `&…;` stay text. For inline use: a writer never puts
 * data first on a line (where `-`, `+`, `=` would matter). Put the result in <code>…</code> (markdownCode)
 * where GitHub must also not turn `@name` or `#1` into a mention or a link: its own filters skip code.
 */
export function escapeMarkdown(text: string): string {
  // Backslashes first: the entities hold '#', which must stay as it is.
  return escapeText(text).replace(/[\\`*_~[\]()!#|$:.@]/g, '\\$&').replace(/[&<>"']/g, (c) => ENTITIES[c]);
}

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/**
 * Data as inline code in Markdown, safe in a table cell too. A code span shows its content literally (no
 * HTML, links, autolinks, entities or mentions in it), so text that cannot end the span or the cell (no
 * backtick, no `|`) and that escapeText leaves as it is goes in one as is: `config.py:3`, `<img src=x>`.
 * Anything else becomes a <code> element around escapeMarkdown's text, where the escapes apply.
 */
export function markdownCode(text: string): string {
  return text !== '' && !/[`|]/.test(text) && escapeText(text) === text ? `\`${text}\`` : `<code>${escapeMarkdown(text)}</code>`;
}

/**
 * Data as HTML text or a quoted attribute value (the HTML report): escapeText first (controls and bidi
 * overrides reorder or hide what a reader sees in a browser as in a terminal), then HTML's five special
 * characters as entities, so `<img src=x onerror=…>` or `"><script>` in a file name stays text.
 */
export function escapeHtml(text: string): string {
  return escapeText(text).replace(/[&<>"']/g, (c) => ENTITIES[c]);
}

/**
 * A value as JSON to embed in an HTML <script> element: `<`, `>` and `&` as \u escapes, so no string in it can
 * close the element (`</script>`) or open a comment (`<!--`); U+2028 and U+2029, which older JavaScript
 * parsers took for line ends, likewise. The result parses back to exactly the same value.
 */
export function jsonForScript(value: unknown): string {
  return JSON.stringify(value).replace(/[<>&\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
