// GitHub Actions workflow commands (https://docs.github.com/actions/reference/workflow-commands-for-github-actions):
// one `::error file=…,line=…::message` per finding, which the runner turns into an annotation on that exact
// line of the pull request. The runner parses these lines itself, so every value is escaped the way its
// parser unescapes them (src/text/escape.ts: data % CR LF; properties also : and ,) or a file name with a
// comma would move the annotation and a newline in a commit subject would end the command early; the data
// inside a message is escaped for the log first (escapeText). Secrets arrive redacted.
import { escapeCommandData, escapeCommandProperty, escapeText } from '../text/escape.js';
import type { Finding, Reporter } from '../types.js';
import { describeVerification } from './text.js';
import { kindLabel } from '../words/index.js';
import { words } from '../words/index.js';

export const githubReporter: Reporter = (report) => {
  const lines = report.findings.map(annotation);
  const count = report.findings.length;
  lines.push(count === 0 ? words().finding.githubClean : words().finding.githubFound(count));
  return lines.join('\n') + '\n';
};

/**
 * One workflow command line (annotations, and the Action's notices and errors). `message` is keywarden's text
 * with any data in it already passed through escapeText; its own newlines become line breaks in the
 * annotation. Property values are escaped here, for the log and then for the command: an ordinary path stays
 * as it is and the annotation lands on its file; one with a control character, a backslash or a leading `::`
 * is shown escaped and the annotation is not placed on a line (a fair price for such a name).
 */
export function workflowCommand(name: 'error' | 'warning' | 'notice', properties: ReadonlyArray<readonly [string, string | number]>, message: string): string {
  const list = properties.map(([key, value]) => `${key}=${escapeCommandProperty(escapeText(String(value)))}`).join(',');
  return `::${name}${list ? ` ${list}` : ''}::${escapeCommandData(message)}`;
}

export function annotation(finding: Finding): string {
  const properties: Array<[string, string | number]> = [['file', finding.file]];
  // Inside an archive the lines are the entry's: the annotation goes on the archive file, the entry in the message.
  if (finding.entry === undefined) {
    properties.push(['line', finding.line], ['col', finding.column]);
    // GitHub shows a column range only for single-line annotations; endLine alone is fine for multi-line ones.
    if (finding.endLine === finding.line) properties.push(['endColumn', finding.endColumn]);
    else properties.push(['endLine', finding.endLine]);
  }
  properties.push(['title', words().finding.annotationTitle(kindLabel(finding.kind), finding.ruleId)]);
  // A key STS confirmed live is an error whatever the rule's confidence.
  const level = finding.confidence === 'low' && finding.verification?.status !== 'live' ? 'warning' : 'error';
  return workflowCommand(level, properties, message(finding));
}

/** The sentence for one finding and the short advice (words/: finding), data escaped for the log. */
function message(finding: Finding): string {
  const w = words().finding;
  const keyId = finding.kind !== 'access-key-id' && finding.keyId ? escapeText(finding.keyId) : null;
  const entry = finding.entry !== undefined ? `${escapeText(finding.entry)}:${finding.line}` : null;
  let text = w.annotation(kindLabel(finding.kind), escapeText(finding.secret), keyId, finding.accountId, entry);
  if (finding.verification) text += `\n${w.verification(describeVerification(finding.verification))}`;
  const c = finding.commit;
  if (c) text += `\n${w.introduced(escapeText(c.sha.slice(0, 12)), escapeText(c.author), escapeText(c.date.slice(0, 10)), escapeText(c.message))}`;
  text += `\n${w.advice}`;
  return text;
}
