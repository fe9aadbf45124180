// SARIF 2.1.0 (https://docs.oasis-open.org/sarif/sarif/v2.1.0/) for GitHub code scanning
// (github/codeql-action/upload-sarif) and other SARIF viewers. Reporters see findings, not the rule files, so
// the rule descriptors are built from what findings carry (rule id and kind); that keeps the report a pure
// function of the findings and the same on every machine. Code scanning deduplicates alerts across runs by
// `partialFingerprints`, so the finding's own fingerprint (rule + path + secret hash, no line) goes there:
// an alert survives edits above it and is not reopened by a rebase. Output is byte-stable for the same
// findings: no timestamps, no absolute paths, rules sorted by id.
import type { Finding, Reporter, Report } from '../types.js';
import { kindLabel } from '../words/index.js';
import { language, words } from '../words/index.js';

export const SARIF_SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';
const INFORMATION_URI = 'https://github.com/keywarden/keywarden';
/** The key GitHub documents for tool-provided fingerprints is free-form; versioned so the scheme can change. */
export const FINGERPRINT_KEY = 'keywardenFingerprint/v1';

/** GitHub maps security-severity ≥ 9.0 to "critical"; a usable AWS credential is exactly that. */
const SEVERITY: Record<string, string> = {
  'secret-access-key': '9.5',
  'session-token': '9.0',
  'access-key-id': '8.0',
};

interface SarifRule {
  id: string;
  name: string;
  shortDescription: { text: string };
  fullDescription: { text: string };
  help: { text: string; markdown: string };
  helpUri: string;
  defaultConfiguration: { level: 'error' | 'warning' | 'note' };
  properties: { tags: string[]; precision: string; 'security-severity': string };
}

export const sarifReporter: Reporter = (report) => JSON.stringify(toSarif(report), null, 2) + '\n';

export function toSarif(report: Report): object {
  const rules = ruleDescriptors(report.findings);
  const index = new Map(rules.map((rule, i) => [rule.id, i]));
  return {
    $schema: SARIF_SCHEMA,
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: report.tool.name,
            version: report.tool.version,
            semanticVersion: report.tool.version,
            informationUri: INFORMATION_URI,
            rules,
          },
        },
        automationDetails: { id: `keywarden/${report.scan.mode}/` },
        // SARIF 2.1.0 §3.14.22: the language of the run's message strings (an RFC 5646 tag).
        language: language(),
        columnKind: 'utf16CodeUnits',
        originalUriBaseIds: { '%SRCROOT%': { description: { text: words().finding.sarifRoot } } },
        results: report.findings.map((finding) => toResult(finding, index.get(finding.ruleId) ?? -1)),
        properties: { scan: report.scan.mode, target: report.scan.target },
      },
    ],
  };
}

function ruleDescriptors(findings: readonly Finding[]): SarifRule[] {
  const kinds = new Map<string, string>();
  for (const finding of findings) if (!kinds.has(finding.ruleId)) kinds.set(finding.ruleId, finding.kind);
  return [...kinds.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([id, kind]) => ruleDescriptor(id, kind));
}

function ruleDescriptor(id: string, kind: string): SarifRule {
  const w = words().finding;
  const label = kindLabel(kind);
  const short = w.sarifShort(label);
  const full = w.sarifFull(label);
  const steps = w.sarifSteps;
  return {
    id,
    name: id.split(/[^A-Za-z0-9]+/).filter(Boolean).map((word) => word[0].toUpperCase() + word.slice(1)).join(''),
    shortDescription: { text: short },
    fullDescription: { text: full },
    help: {
      text: `${full}\n\n${steps.map((step, i) => `${i + 1}. ${step.replace(/`/g, '')}`).join('\n')}\n`,
      markdown: `${w.sarifMarkdownTitle(short)} ${full}\n\n${steps.map((step, i) => `${i + 1}. ${step}`).join('\n')}\n`,
    },
    helpUri: `${INFORMATION_URI}#remediation`,
    defaultConfiguration: { level: 'error' },
    properties: { tags: ['security', 'secret', 'aws', 'credentials', 'external/cwe/cwe-798'], precision: 'high', 'security-severity': SEVERITY[kind] ?? '7.5' },
  };
}

function toResult(finding: Finding, ruleIndex: number): object {
  const properties: Record<string, unknown> = {
    kind: finding.kind,
    secret: finding.secret,
    confidence: finding.confidence,
    entropy: finding.entropy,
    keyId: finding.keyId,
    accountId: finding.accountId,
  };
  if (finding.commit) properties.commit = finding.commit;
  if (finding.entry !== undefined) properties.entry = finding.entry;
  // scan --verify: STS's answer as the JSON report has it; a key confirmed live is an error whatever the rule's
  // confidence, and ranks first (SARIF `rank`, 0–100, the result's priority within the run).
  const live = finding.verification?.status === 'live';
  if (finding.verification) properties.verification = finding.verification;
  return {
    ruleId: finding.ruleId,
    ruleIndex,
    level: finding.confidence === 'low' && !live ? 'warning' : 'error',
    ...(live ? { rank: 100 } : {}),
    message: { text: resultMessage(finding) },
    locations: [
      {
        physicalLocation: {
          artifactLocation: { uri: fileUri(finding.file), uriBaseId: '%SRCROOT%' },
          // Inside an archive the lines are the entry's, not the archive file's: the result is on the file, the entry in the message.
          ...(finding.entry === undefined ? { region: { startLine: finding.line, startColumn: finding.column, endLine: finding.endLine, endColumn: finding.endColumn } } : {}),
        },
      },
    ],
    partialFingerprints: { [FINGERPRINT_KEY]: finding.fingerprint },
    properties,
  };
}

function resultMessage(finding: Finding): string {
  const { commit, verification } = finding;
  return words().finding.sarifResult(
    kindLabel(finding.kind),
    finding.secret,
    finding.kind !== 'access-key-id' && finding.keyId ? finding.keyId : null,
    finding.accountId,
    finding.entry !== undefined ? `${finding.entry}:${finding.line}` : null,
    commit ? { sha: commit.sha.slice(0, 12), author: commit.author, date: commit.date.slice(0, 10) } : null,
    verification ? { status: verification.status, checkedAt: verification.checkedAt } : null,
  );
}

/** A relative URI reference: each path segment percent-encoded (spaces, '#', '%', non-ASCII), '/' kept. */
export function fileUri(file: string): string {
  return file.split('/').map((segment) => encodeURIComponent(segment)).join('/');
}

