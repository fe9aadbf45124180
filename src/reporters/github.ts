// GitHub Actions workflow commands (https://docs.github.com/actions/reference/workflow-commands-for-github-actions):
// one `::error file=…,line=…::message` per finding, which the runner turns into an annotation on that exact
// line of the pull request. The runner parses these lines itself, so every value is escaped the way its
// parser unescapes them (data: % CR LF; properties also : and ,) or a file name with a comma would move the
// annotation and a newline in a commit subject would end the command early. Secrets arrive redacted.
import type { Finding, Reporter } from '../types.js';
import { kindLabel } from './text.js';

export const githubReporter: Reporter = (report) => {
  const lines = report.findings.map(annotation);
  const count = report.findings.length;
  lines.push(count === 0 ? 'keywarden: no AWS credentials found.' : `keywarden: ${count} AWS credential finding${count === 1 ? '' : 's'}; run \`keywarden remediate\` for the playbook.`);
  return lines.join('\n') + '\n';
};

export function annotation(finding: Finding): string {
  const properties: Array<[string, string | number]> = [
    ['file', finding.file],
    ['line', finding.line],
    ['col', finding.column],
  ];
  // GitHub shows a column range only for single-line annotations; endLine alone is fine for multi-line ones.
  if (finding.endLine === finding.line) properties.push(['endColumn', finding.endColumn]);
  else properties.push(['endLine', finding.endLine]);
  properties.push(['title', `AWS ${kindLabel(finding.kind)} (${finding.ruleId})`]);
  const level = finding.confidence === 'low' ? 'warning' : 'error';
  return `::${level} ${properties.map(([key, value]) => `${key}=${escapeProperty(String(value))}`).join(',')}::${escapeData(message(finding))}`;
}

function message(finding: Finding): string {
  let text = `AWS ${kindLabel(finding.kind)} ${finding.secret}`;
  if (finding.kind !== 'access-key-id' && finding.keyId) text += ` for ${finding.keyId}`;
  if (finding.accountId) text += ` (account ${finding.accountId})`;
  text += '.';
  if (finding.commit) text += `\nIntroduced in ${finding.commit.sha.slice(0, 12)} by ${finding.commit.author} on ${finding.commit.date.slice(0, 10)}: ${finding.commit.message}`;
  text += '\nDeactivate the key in IAM first (rewriting history does not un-leak it), then remove it from the file; `keywarden remediate` prints the commands.';
  return text;
}

/** The runner's unescaping of a command's message (toCommandValue/escapeData in @actions/core). */
export function escapeData(value: string): string {
  return value.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** Property values are also split on ',' and ':' by the runner. */
export function escapeProperty(value: string): string {
  return escapeData(value).replace(/:/g, '%3A').replace(/,/g, '%2C');
}
