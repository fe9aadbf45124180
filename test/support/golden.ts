// Golden files: the expected output of a command kept under test/golden/, compared byte for byte.
// UPDATE_GOLDEN=1 rewrites them (review the diff and commit it); a missing one is written and the test fails.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { expect } from 'vitest';
import { ROOT } from './cli.js';

export function expectGolden(file: string, actual: string): void {
  const full = path.join(ROOT, 'test', 'golden', file);
  if (process.env.UPDATE_GOLDEN === '1' || !existsSync(full)) {
    mkdirSync(path.dirname(full), { recursive: true });
    writeFileSync(full, actual);
    if (process.env.UPDATE_GOLDEN !== '1') throw new Error(`golden file ${file} was missing and has been written: review and commit it`);
  }
  expect(actual).toBe(readFileSync(full, 'utf8'));
}
