// The job summary ($GITHUB_STEP_SUMMARY, GitHub-flavoured Markdown): what was scanned, a table of findings
// with links to the exact lines, and the remediation playbook (src/remediation, rendered as Markdown). Table cells are escaped (| and newlines)
// because file names and commit subjects come from the repository being checked.
import type { Report } from '../types.js';
import { fileUri } from '../reporters/sarif.js';
import { kindLabel } from '../reporters/text.js';

const MAX_ROWS = 500;
const MAX_PLAYBOOK = 400_000;

export interface SummaryContext {
  describe: string;
  /** https://github.com/OWNER/REPO, for links to the lines; null when unknown. */
  repositoryUrl: string | null;
  /** The commit the links point at when a finding has none of its own. */
  sha: string | null;
  sarifPath: string;
  playbook: string;
  /** Plain sentences shown under the first line (the action's trust warnings: src/action/trusted.ts). */
  warnings?: readonly string[];
}

export function summaryMarkdown(report: Report, context: SummaryContext): string {
  const count = report.findings.length;
  const lines = ['## keywarden', '', `Scanned ${context.describe}: ${report.scan.files} file${report.scan.files === 1 ? '' : 's'}, ${report.scan.commits} commit${report.scan.commits === 1 ? '' : 's'}.`, ''];
  for (const warning of context.warnings ?? []) lines.push(`> :warning: ${cell(warning)}`, '');
  if (count === 0) {
    lines.push(':white_check_mark: No AWS credentials found.', '');
    return lines.join('\n');
  }
  lines.push(`:x: **${count} AWS credential finding${count === 1 ? '' : 's'}.** Secret keys and tokens are redacted.`, '');
  lines.push('| File | Line | Credential | Value | Rule | Commit |', '| --- | ---: | --- | --- | --- | --- |');
  // The runner accepts at most 1 MiB of summary per step: past MAX_ROWS the SARIF file holds the rest.
  for (const finding of report.findings.slice(0, MAX_ROWS)) {
    const sha = finding.commit?.sha ?? context.sha;
    const location = `${finding.file}:${finding.line}`;
    const link = context.repositoryUrl && sha ? `[${cell(location)}](${context.repositoryUrl}/blob/${sha}/${fileUri(finding.file)}#L${finding.line})` : cell(location);
    const commit = finding.commit ? `${finding.commit.sha.slice(0, 12)} ${cell(finding.commit.author)}: ${cell(finding.commit.message)}` : '';
    lines.push(`| ${link} | ${finding.line} | ${cell(kindLabel(finding.kind))} | \`${cell(finding.secret)}\` | ${cell(finding.ruleId)} | ${commit} |`);
  }
  if (count > MAX_ROWS) lines.push('', `…and ${count - MAX_ROWS} more findings: see the SARIF report.`);
  const playbook = context.playbook.length > MAX_PLAYBOOK ? `The playbook for ${count} findings is too long for a job summary: run \`keywarden remediate\` locally with the same scan options.` : context.playbook.trim();
  lines.push('', '**What to do now:** deactivate each key first (a rewrite of history does not un-leak it), then remove it; the playbook below has the real commands.', '', playbook, '');
  lines.push(`The SARIF report is at \`${context.sarifPath}\`; upload it with github/codeql-action/upload-sarif to track these as code scanning alerts.`, '');
  return lines.join('\n');
}

function cell(text: string): string {
  return text.replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
}
