// `keywarden baseline`: the current findings written as a baseline file (config/baseline.ts). Exit 0, or 2
// when the scan could not read everything.
import type { Io } from '../io/io.js';
import { emit, writeLine, writeNotes } from '../io/output.js';
import { runPipeline } from './pipeline.js';
import type { BaselineRequest } from './requests.js';
import { words } from '../words/index.js';

export async function runBaseline(request: BaselineRequest, io: Io): Promise<number> {
  // The baseline records what is found now, so an existing baseline must not hide anything from it.
  const outcome = await runPipeline({ ...request, baseline: undefined, defaultBaseline: false }, io);
  const { serializeBaseline } = await import('../config/baseline.js');
  emit(serializeBaseline(outcome.report.findings), request, io);
  writeNotes(outcome.notes, request, io);
  // One entry per fingerprint: a secret found in several commits of the same file is one entry.
  const entries = new Set(outcome.report.findings.map((finding) => finding.fingerprint)).size;
  if (!request.quiet) writeLine(words().output.baselineWritten(entries, String(request.output)), io);
  return outcome.incomplete ? 2 : 0;
}
