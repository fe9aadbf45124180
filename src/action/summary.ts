// The job summary ($GITHUB_STEP_SUMMARY, GitHub-flavoured Markdown): what was scanned, a table of findings
// with links to the exact lines, and the remediation playbook (src/remediation, rendered as Markdown). File
// names, commit subjects and authors come from the repository being checked, where anyone who opens a pull
// request can write `<img src=…>` or `[Approve](https://…)`: every value from the scan is literal code in its
// cell (markdownCode: a code span, or escaped text in <code> when the value could end one), and the link to
// a line has its path percent-encoded, parentheses too, so no file name can end the link or start another.
import { placeOf } from '../findings.js';
import type { Report } from '../types.js';
import { fileUri } from '../reporters/sarif.js';
import { kindLabel } from '../words/index.js';
import { escapeMarkdown, markdownCode } from '../text/escape.js';
import { guide } from '../words/guide.js';

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
  /** Plain sentences shown under the first line (the action's trust warnings: src/sources/git/commit-settings.ts). */
  warnings?: readonly string[];
}

export function summaryMarkdown(report: Report, context: SummaryContext): string {
  const count = report.findings.length;
  const w = guide().summary;
  const lines = ['## keywarden', '', w.scanned(escapeMarkdown(context.describe), report.scan.files, report.scan.commits), ''];
  for (const warning of context.warnings ?? []) lines.push(`> :warning: ${warningMarkdown(warning)}`, '');
  if (count === 0) {
    lines.push(w.clean, '');
    return lines.join('\n');
  }
  lines.push(w.found(count), '');
  lines.push(w.header, '| --- | ---: | --- | --- | --- | --- |');
  // The runner accepts at most 1 MiB of summary per step: past MAX_ROWS the SARIF file holds the rest.
  for (const finding of report.findings.slice(0, MAX_ROWS)) {
    const sha = finding.commit?.sha ?? context.sha;
    const location = markdownCode(`${placeOf(finding)}:${finding.line}`);
    // Inside an archive the line is the entry's: the link goes to the archive file, without a line.
    const anchor = finding.entry === undefined ? `#L${finding.line}` : '';
    const link = context.repositoryUrl && sha ? `[${location}](${context.repositoryUrl}/blob/${encodeURIComponent(sha)}/${linkPath(finding.file)}${anchor})` : location;
    const commit = finding.commit ? `${markdownCode(finding.commit.sha.slice(0, 12))} ${markdownCode(finding.commit.author)}: ${markdownCode(finding.commit.message)}` : '';
    lines.push(`| ${link} | ${finding.line} | ${escapeMarkdown(kindLabel(finding.kind))} | ${markdownCode(finding.secret)} | ${markdownCode(finding.ruleId)} | ${commit} |`);
  }
  if (count > MAX_ROWS) lines.push('', w.more(count - MAX_ROWS));
  const playbook = context.playbook.length > MAX_PLAYBOOK ? w.tooLong(count) : context.playbook.trim();
  lines.push('', w.whatNow, '', playbook, '');
  lines.push(w.sarif(markdownCode(context.sarifPath)), '');
  return lines.join('\n');
}

/** fileUri percent-encodes all but A-Z a-z 0-9 - _ . ! ~ * ' ( ) and '/'; a ')' would end a Markdown link. */
function linkPath(file: string): string {
  return fileUri(file).replace(/\(/g, '%28').replace(/\)/g, '%29');
}

/**
 * A warning is keywarden's prose with `code` spans, but it may name data: the pushed ref (pushed.ts), a path
 * from the workflow's inputs. Text outside the spans is escaped as Markdown and each span goes through
 * markdownCode, so a ref named `<img/src=x>` or `www.evil.example/x` stays text; a backtick in the data only
 * moves where spans start, and every piece is still escaped one way or the other.
 */
function warningMarkdown(warning: string): string {
  return warning
    .split('`')
    .map((part, index) => (index % 2 === 1 ? markdownCode(part) : escapeMarkdown(part)))
    .join('');
}
