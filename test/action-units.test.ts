// The action's pure pieces: inputs as the runner names them, `args` splitting, the heredoc outputs and the
// job-summary Markdown (escaping, size caps).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { input, readInputs, splitArgs } from '../src/action/inputs.js';
import { setOutput } from '../src/action/runner-files.js';
import { summaryMarkdown } from '../src/action/summary.js';
import { tempDir } from './support/repo.js';
import { finding, report } from './support/sample-report.js';

describe('action inputs', () => {
  it('reads INPUT_<NAME> upper-cased with hyphens kept and spaces as underscores, trimmed', () => {
    const env = { 'INPUT_FAIL-ON-FINDINGS': ' false ', INPUT_MY_INPUT: 'x', INPUT_SARIF: '' };
    expect(input(env, 'fail-on-findings')).toBe('false');
    expect(input(env, 'my input')).toBe('x');
    expect(readInputs(env)).toEqual({ config: undefined, baseline: undefined, args: [], failOnFindings: false, sarif: '', json: '', mode: 'auto', trustPrConfig: false });
    expect(readInputs({ 'INPUT_TRUST-PR-CONFIG': 'true' }).trustPrConfig).toBe(true);
    expect(() => readInputs({ INPUT_MODE: 'everything' })).toThrow(/mode/);
    expect(readInputs({ 'INPUT_FAIL-ON-FINDINGS': 'TRUE' }).failOnFindings).toBe(true);
  });

  it('splits args like a shell: quotes, escapes, no expansion', () => {
    expect(splitArgs('')).toEqual([]);
    expect(splitArgs('  --verbose   --max-file-size 5MB ')).toEqual(['--verbose', '--max-file-size', '5MB']);
    expect(splitArgs(`--config "my config.json" --baseline 'a b'.json x\\ y ""`)).toEqual(['--config', 'my config.json', '--baseline', 'a b.json', 'x y', '']);
    expect(splitArgs('"say \\"hi\\"" $HOME')).toEqual(['say "hi"', '$HOME']);
    expect(() => splitArgs('"open')).toThrow(/unclosed/);
  });
});

describe('action outputs', () => {
  it('use the heredoc form with a delimiter that the value cannot contain', () => {
    const file = path.join(tempDir('kw-out-'), 'out');
    const text = setOutput(file, 'sarif', 'line one\nline two');
    setOutput(file, 'findings', '3');
    const written = readFileSync(file, 'utf8');
    expect(written.startsWith(text)).toBe(true);
    const [first] = written.split('\n');
    const delimiter = first.split('<<')[1];
    expect(delimiter).toMatch(/^ghadelimiter_[0-9a-f]{24}$/);
    expect(written).toContain(`sarif<<${delimiter}\nline one\nline two\n${delimiter}\n`);
    expect(written).toMatch(/findings<<(ghadelimiter_[0-9a-f]{24})\n3\n\1\n$/);
  });
});

describe('action summary', () => {
  const context = { describe: 'the commits of pull request #1', repositoryUrl: 'https://github.com/acme/app', sha: 'c'.repeat(40), sarifPath: 'keywarden.sarif', playbook: '## playbook\n\nsteps\n' };

  it('escapes table cells and links each finding to its line at the introducing commit', () => {
    const commit = { sha: 'd'.repeat(40), author: 'A | B', email: 'a@b', date: '2024-01-01T00:00:00Z', message: 'subject with | pipe\nand newline' };
    const md = summaryMarkdown(report([finding({ file: 'a|b/c d#1.env', commit })], 'range'), context);
    const row = md.split('\n').find((line) => line.startsWith('| [<code>a\\|b/c d\\#1\\.env\\:3</code>]'));
    expect(row).toBeDefined();
    expect(row).toContain(`(https://github.com/acme/app/blob/${'d'.repeat(40)}/a%7Cb/c%20d%231.env#L3)`);
    // Data is code (test/escaping.test.ts renders hostile values); the newline shows as \n and ends nothing.
    expect(row).toContain('<code>A \\| B</code>: <code>subject with \\| pipe\\\\nand newline</code>');
    expect(md).toContain('## playbook');
  });

  it('caps the table and says where the rest is; a clean scan says so', () => {
    const many = Array.from({ length: 510 }, (_, i) => finding({ line: i + 1 }));
    const md = summaryMarkdown(report(many), context);
    expect(md.split('\n').filter((line) => line.startsWith('| [`config/app.env:') || line.startsWith('| [config/app.env:')).length).toBe(500);
    expect(md).toContain('…and 10 more findings: see the SARIF report.');
    const clean = summaryMarkdown(report([]), { ...context, playbook: '' });
    expect(clean).toContain('No AWS credentials found.');
    expect(clean).not.toContain('| File |');
  });
});
