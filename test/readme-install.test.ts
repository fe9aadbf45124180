// The README's install commands and pasted workflows, checked against what exists: keywarden is not on the
// npm registry and has no release tag, so every install names a git URL or a tarball and every pin is a
// commit; the workflows use only inputs and outputs action.yml declares, with the permissions they need.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from './support/cli.js';

const README = readFileSync(path.join(ROOT, 'README.md'), 'utf8');
const ACTION = readFileSync(path.join(ROOT, 'action.yml'), 'utf8');

/** The fenced blocks of a language, with their text. */
function blocks(language: string): string[] {
  return [...README.matchAll(new RegExp('^```' + language + '\\n([\\s\\S]*?)^```$', 'gm'))].map((match) => match[1]!);
}

/** Names declared under a top-level key of action.yml (inputs:, outputs:). */
function declared(section: string): Set<string> {
  const body = new RegExp(`^${section}:\\n((?:(?: .*)?\\n)*)`, 'm').exec(ACTION)?.[1] ?? '';
  return new Set([...body.matchAll(/^ {2}([a-z-]+):/gm)].map((match) => match[1]!));
}

const workflows = blocks('yaml').filter((text) => text.startsWith('# .github/workflows/'));

describe('README: installing', () => {
  it('every npm install names a git URL or a tarball (keywarden is not on the npm registry)', () => {
    const installs = [...README.matchAll(/npm (?:install|i)\b([^\n`#]*)/g)].map((match) => match[1]!.trim()).filter((args) => /keywarden/.test(args));
    expect(installs.length).toBeGreaterThanOrEqual(3);
    for (const args of installs) {
      const specs = args.split(/\s+/).filter((word) => !word.startsWith('-') && word !== 'or');
      for (const spec of specs) expect(spec, args).toMatch(/^(?:github:|git\+|https:\/\/)|\.tgz$|\/…$/);
    }
  });

  it('the pre-commit framework is pinned to a commit, not a tag that does not exist', () => {
    const config = blocks('yaml').find((text) => text.includes('id: keywarden'));
    expect(config).toBeDefined();
    expect(config).toMatch(/^ {4}rev: COMMIT_SHA\b/m);
  });
});

describe('README: the GitHub Action workflows work as pasted', () => {
  const inputs = declared('inputs');
  const outputs = declared('outputs');

  it('there is a pull-request workflow and a history one', () => {
    expect(workflows.map((text) => text.split('\n')[0])).toEqual(['# .github/workflows/keywarden.yml', '# .github/workflows/keywarden-history.yml']);
  });

  it.each(workflows.map((text) => [text.split('\n')[0]!, text]))('%s', (_name, text) => {
    expect(text).not.toMatch(/\t/);
    // Pinned by commit (no release tag yet): OWNER and COMMIT_SHA are the only fill-ins.
    const pins = [...text.matchAll(/uses: OWNER\/keywarden@(\S+)/g)].map((match) => match[1]);
    expect(pins.length).toBeGreaterThan(0);
    for (const pin of pins) expect(pin).toBe('COMMIT_SHA');
    expect(text).toMatch(/- uses: actions\/checkout@v\d+\n {8}with:\n {10}fetch-depth: 0\b/);
    // Permissions: read the code; upload-sarif writes security events and, in private repositories, reads actions.
    expect(text).toMatch(/^permissions:\n(?: {2}.*\n)*? {2}contents: read\b/m);
    if (text.includes('upload-sarif')) {
      expect(text).toMatch(/^permissions:\n(?: {2}.*\n)*? {2}security-events: write\b/m);
      expect(text).toMatch(/^permissions:\n(?: {2}.*\n)*? {2}actions: read\b/m);
    }
    // Only inputs action.yml declares, none pointing at a file the repository may not have (baseline: commented out).
    const step = /uses: OWNER\/keywarden@\S+\n((?: {8}.*\n)*)/.exec(text)![1]!;
    for (const [, key] of step.matchAll(/^ {10}([a-z-]+):/gm)) expect(inputs, key).toContain(key);
    expect(step).not.toMatch(/^ {8,}baseline:/m);
    for (const [, name] of text.matchAll(/steps\.keywarden\.outputs\.([a-z-]+)/g)) expect(outputs, name).toContain(name);
    if (text.includes('steps.keywarden.')) expect(text).toMatch(/- id: keywarden\n {8}uses: OWNER\/keywarden@/);
  });
});
