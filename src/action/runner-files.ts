// The files the runner reads after a step: $GITHUB_OUTPUT for outputs and $GITHUB_STEP_SUMMARY for the job
// summary (https://docs.github.com/actions/reference/workflow-commands-for-github-actions#setting-an-output-parameter).
// Outputs use the heredoc form with a random delimiter, so a value with newlines (or one that contains the
// delimiter by chance) cannot inject another output.
import { randomBytes } from 'node:crypto';
import { appendFileSync } from 'node:fs';
import { RuntimeError } from '../errors.js';
import { guide } from '../words/guide.js';

export function setOutput(file: string | undefined, name: string, value: string): string {
  let delimiter: string;
  do delimiter = `ghadelimiter_${randomBytes(12).toString('hex')}`;
  while (value.includes(delimiter));
  const text = `${name}<<${delimiter}\n${value}\n${delimiter}\n`;
  if (file) append(file, text, 'GITHUB_OUTPUT');
  return text;
}

export function appendSummary(file: string | undefined, markdown: string): void {
  if (file) append(file, markdown.endsWith('\n') ? markdown : markdown + '\n', 'GITHUB_STEP_SUMMARY');
}

function append(file: string, text: string, what: string): void {
  try {
    appendFileSync(file, text);
  } catch (error) {
    throw new RuntimeError(guide().action.errors.runnerFile(what, file, (error as NodeJS.ErrnoException).code ?? String(error)));
  }
}
