// STUB (owned by the remediation work): the short playbook that follows a text report with findings.
import type { Finding } from '../types.js';
export function shortPlaybook(_findings: Finding[]): string {
  return 'Run `keywarden remediate` for the full leak-response playbook.\n';
}
