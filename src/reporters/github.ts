// GitHub Actions workflow commands (https://docs.github.com/actions/reference/workflow-commands-for-github-actions):
// one `::error file=…,line=…::message` per finding, which the runner turns into an annotation on that exact
// line of the pull request. The runner parses these lines itself, so every value is escaped the way its
// parser unescapes them (src/text/escape.ts: data % CR LF; properties also : and ,) or a file name with a
// comma would move the annotation and a newline in a commit subject would end the command early; the data
// inside a message is escaped for the log first (escapeText). Secrets arrive redacted.
import { escapeCommandData, escapeCommandProperty, escapeText } from '../text/escape.js';
import type { Finding, Reporter } from '../types.js';
import { describeVerification, kindLabel } from './text.js';

export const githubReporter: Reporter = (report) => {
  const lines = report.findings.map(annotation);
  const count = report.findings.length;
  lines.push(count === 0 ? 'keywarden: no AWS credentials found.' : `keywarden: ${count} AWS credential finding${count === 1 ? '' : 's'}; run \`keywarden remediate\` for the playbook.`);
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
  properties.push(['title', `AWS ${kindLabel(finding.kind)} (${finding.ruleId})`]);
  // A key STS confirmed live is an error whatever the rule's confidence.
  const level = finding.confidence === 'low' && finding.verification?.status !== 'live' ? 'warning' : 'error';
  return workflowCommand(level, properties, message(finding));
}

function message(finding: Finding): string {
  let text = `AWS ${kindLabel(finding.kind)} ${escapeText(finding.secret)}`;
  if (finding.kind !== 'access-key-id' && finding.keyId) text += ` for ${escapeText(finding.keyId)}`;
  if (finding.accountId) text += ` (account ${finding.accountId})`;
  if (finding.entry !== undefined) text += ` Inside the archive at ${escapeText(finding.entry)}:${finding.line}`;
  text += '.';
  if (finding.verification) text += `\n${describeVerification(finding.verification)}.`;
  const c = finding.commit;
  if (c) text += `\nIntroduced in ${escapeText(c.sha.slice(0, 12))} by ${escapeText(c.author)} on ${escapeText(c.date.slice(0, 10))}: ${escapeText(c.message)}`;
  text += '\nDeactivate the key in IAM first (rewriting history does not un-leak it), then remove it from the file; `keywarden remediate` prints the commands.';
  return text;
}
