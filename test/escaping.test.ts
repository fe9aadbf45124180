// Nothing keywarden prints or writes can be turned against its user (issue #10): a repository written by an
// attacker (test/support/hostile.ts: escape sequences, bidi overrides and workflow commands in file names,
// a commit subject and an author) scanned by the built CLI and the bundled Action, and every output checked
// where it lands: the terminal, the GitHub Actions runner, the rendered job summary and playbook.
import { spawnSync } from 'node:child_process';
import { beforeAll, describe, expect, it } from 'vitest';
import { referenceIndex } from '../src/remediation/references.js';
import { bundleAction, runScheduledAction } from './support/action-runner.js';
import { runKeywarden } from './support/run.js';
import { fakeKeyId, fakeSecret } from './support/fakes.js';
import {
  COMMAND_FILE,
  ESC,
  forgedCommands,
  hostileRepo,
  RUNNER_FILES,
  terminalProblem,
  TERMINAL_FILE,
  type HostileRepo,
} from './support/hostile.js';
import { elements, OWN_ELEMENTS, renderGfm } from './support/markdown.js';
import { Repo } from './support/repo.js';

/** The visible form of TERMINAL_FILE: each control written as an escape (src/text/escape.ts). */
const TERMINAL_FILE_SHOWN = 'evil\\x1b]0;pwned\\x07\\x1b[2J\\nFAKE 0 findings\\u202e.env';
/** RUNNER_FILES as shown: `::` that could start a line, and `##[`, are escaped too. */
const RUNNER_FILES_SHOWN = ['big\\n\\x3a:set-output name=a::b', '\\x3a:error::forged', 'legacy #\\x23[error]forged', ' \\x3a:warning::indented'];

let hostile: HostileRepo;
beforeAll(() => {
  hostile = hostileRepo();
});

function expectTerminalSafe(...texts: string[]): void {
  for (const text of texts) expect(terminalProblem(text), text).toBeNull();
}

describe('on a terminal', () => {
  it('the text report escapes file names, subjects and authors; stderr escapes notes and --verbose allowed lines', async () => {
    for (const mode of [['--history'], ['.']]) {
      const run = await runKeywarden(['scan', ...mode, '--verbose', '--max-file-size', '1000'], { cwd: hostile.repo.dir });
      expect(run.status, run.stderr).toBe(1);
      expectTerminalSafe(run.stdout, run.stderr);
      expect(run.stdout).toContain(TERMINAL_FILE_SHOWN);
      expect(run.stdout).toContain('3 findings in 2 files (1 allowed by inline).');
      expect(run.stderr).toContain('allowed by inline: allowed\\x1b[2J.env:1:');
      expect(run.stderr).toContain('skipped big\\n\\x3a:set-output name=a::b');
    }
    const history = await runKeywarden(['scan', '--history'], { cwd: hostile.repo.dir });
    expect(history.stdout).toContain('Eve\\x1b]0;title\\x07 img src=y'); // git drops < and > from names
    // git joins the subject's lines with a space, and the `::` after it is escaped (it could start a wrapped line).
    expect(history.stdout).toContain('fix\\x1b[31m \\x3a:error::forged subject #\\x23[warning]legacy');
  });

  it('the pre-commit hook\'s blocked-commit message escapes the file name, and its commands still name the file', async () => {
    const repo = Repo.init();
    repo.write(TERMINAL_FILE, `aws_access_key_id = ${fakeKeyId()}\n`);
    repo.git('add', '-A');
    const run = await runKeywarden(['scan', '--staged'], { cwd: repo.dir });
    expect(run.status, run.stderr).toBe(1);
    expectTerminalSafe(run.stdout, run.stderr);
    expect(run.stdout).toContain(`Commit blocked: nothing was committed. The staged changes add AWS credentials (${TERMINAL_FILE_SHOWN}:1)`);
    const restore = /^ {5}git restore --staged (.+)$/m.exec(run.stdout);
    expect(restore).not.toBeNull();
    // The quoted name, pasted into bash, is the real file name again.
    const pasted = spawnSync('bash', ['-c', `printf %s ${restore![1]}`], { encoding: 'utf8' });
    expect(pasted.stdout).toBe(TERMINAL_FILE);
  });

  it('the text playbook (remediate) escapes the file names it lists', async () => {
    const run = await runKeywarden(['remediate', '--history'], { cwd: hostile.repo.dir });
    expect(run.status, run.stderr).toBe(0);
    expectTerminalSafe(run.stdout, run.stderr);
    expect(run.stdout).toContain(`  ${TERMINAL_FILE_SHOWN}:1:21  access key ID`);
  });

  it('init quotes the repository\'s package.json escaped', async () => {
    const repo = Repo.init();
    repo.write('package.json', JSON.stringify({ name: 'x', scripts: { prepare: `husky ${ESC}]0;pwned\x07${ESC}[2J` } }));
    const run = await runKeywarden(['init'], { cwd: repo.dir });
    expect(run.status, run.stderr).toBe(0);
    expectTerminalSafe(run.stdout, run.stderr);
    expect(run.stdout).toContain('husky \\x1b]0;pwned\\x07\\x1b[2J');
  });

  it('an error that names a hostile path is one escaped line', async () => {
    const run = await runKeywarden(['scan', '--config', `missing${ESC}[2J\n::error::config.json`], { cwd: hostile.repo.dir });
    expect(run.status).toBe(2);
    expectTerminalSafe(run.stderr);
    expect(run.stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(forgedCommands(run.stderr)).toEqual([]);
  });
});

describe('in commands to paste', () => {
  it('a "key ID" that a repository\'s own rule matched never reaches a command unquoted', async () => {
    const repo = Repo.init();
    const rule = {
      id: 'custom-key', kind: 'access-key-id', description: 'a key of the repository\'s own kind', regex: 'KEYID=(\\S+)', secretGroup: 1,
      keywords: ['KEYID='], entropy: 0, confidence: 'high',
      examples: { match: [{ text: 'KEYID=abc', secret: 'abc' }], noMatch: [{ text: 'nothing', reason: 'no key' }] },
    };
    const injected = 'AKIA$(touch${IFS}pwned)';
    repo.commit('add', { '.keywarden.json': JSON.stringify({ ignorePaths: ['.keywarden.json'], rules: [rule] }), 'a.txt': `KEYID=${injected}\n` });
    const scan = await runKeywarden(['scan', '.'], { cwd: repo.dir });
    expect(scan.status, scan.stderr).toBe(1);
    expect(scan.stdout).toContain(`--access-key-id '${injected}' --status Inactive`);
    for (const args of [['--history'], ['.']]) {
      const playbook = await runKeywarden(['remediate', ...args], { cwd: repo.dir });
      expect(playbook.status, playbook.stderr).toBe(0);
      expect(playbook.stdout).not.toContain('$(touch');
    }
  });
});

describe('in a GitHub Actions runner', () => {
  it('--format github: no line of stdout or stderr is a workflow command but keywarden\'s annotations', async () => {
    for (const mode of [['--history'], ['.']]) {
      const run = await runKeywarden(['scan', ...mode, '--format', 'github', '--verbose', '--max-file-size', '1000'], { cwd: hostile.repo.dir, env: { GITHUB_ACTIONS: 'true' } });
      expect(run.status, run.stderr).toBe(1);
      expect(forgedCommands(run.stdout)).toEqual([]);
      expect(forgedCommands(run.stderr)).toEqual([]);
      expectTerminalSafe(run.stdout, run.stderr);
      const annotations = run.stdout.split('\n').filter((line) => line.startsWith('::'));
      expect(annotations).toHaveLength(3);
      // The data inside them is escaped for the log: the subject's newline and command cannot end the annotation.
      for (const line of annotations) expect(line).not.toMatch(/[\r\n]/);
      for (const shown of RUNNER_FILES_SHOWN) expect(run.stderr).toContain(`skipped ${shown}`);
    }
  });

  it('the text report in a runner: a file named like a command does not start a line as one', async () => {
    const run = await runKeywarden(['scan', '--history'], { cwd: hostile.repo.dir, env: { GITHUB_ACTIONS: 'true' } });
    expect(run.status).toBe(1);
    expect(run.stdout).toContain(`\\x3a:warning::forged.env`);
    expect(forgedCommands(run.stdout)).toEqual([]);
    expect(forgedCommands(run.stderr)).toEqual([]);
  });

  describe('the Action', () => {
    let entry: string;
    beforeAll(async () => {
      entry = await bundleAction();
    }, 120_000);

    it('writes no forged command, and its job summary renders no tag or link from the repository', async () => {
      const run = runScheduledAction(entry, hostile.repo.dir, { mode: 'history', args: '--max-file-size 1000' });
      expect(run.status, run.stdout + run.stderr).toBe(1);
      expect(forgedCommands(run.stdout)).toEqual([]);
      expect(forgedCommands(run.stderr)).toEqual([]);
      expectTerminalSafe(run.stdout, run.stderr);
      expectSafeMarkdown(run.summary);
      const html = renderGfm(run.summary);
      // The hostile values are there, as text.
      expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
      expect(html).toContain('[Approve](https://evil.example/a)');
      expect(html).toContain(COMMAND_FILE.replace(/^::/, '\\x3a:'));
    });
  });
});

describe('in Markdown', () => {
  it('the markdown playbook (PR comments) renders file names as text', async () => {
    const run = await runKeywarden(['remediate', '--history', '--format', 'markdown'], { cwd: hostile.repo.dir });
    expect(run.status, run.stderr).toBe(0);
    expectSafeMarkdown(run.stdout);
    expect(renderGfm(run.stdout)).toContain(TERMINAL_FILE_SHOWN);
  });
});

/** Renders `markdown` as GitHub would: only keywarden's own elements, links only to the repository and the cited pages. */
function expectSafeMarkdown(markdown: string): void {
  const html = renderGfm(markdown);
  const references = new Set(Object.values(referenceIndex()).map((reference) => reference.url));
  for (const element of elements(html)) {
    expect(OWN_ELEMENTS.has(element.name), `<${element.name}> in ${html}`).toBe(true);
    if (element.name === 'a') expect(element.target!.startsWith('https://github.com/acme/app/blob/') || references.has(element.target!), element.target!).toBe(true);
  }
  expect(html).not.toMatch(/[\x1b\x07\u202e]/);
}

describe('redaction', () => {
  /** Commit 1 adds pair 1 and names both secrets in its subject and secret 1 in its author; commit 2 adds pair 2. */
  function leakyHistory() {
    const repo = Repo.init();
    const [id1, id2] = [fakeKeyId(), fakeKeyId()];
    const [secret1, secret2] = [fakeSecret(), fakeSecret()];
    repo.write('one.env', `aws_access_key_id = ${id1}\naws_secret_access_key = ${secret1}\n`);
    repo.git('add', '-A');
    repo.gitWith({ GIT_AUTHOR_NAME: `dev ${secret1}` }, 'commit', '-q', '-m', `add ${secret1}, rotate to ${secret2}`);
    repo.commit('more', { 'two.env': `aws_access_key_id = ${id2}\naws_secret_access_key = ${secret2}\n` });
    return { repo, secrets: [secret1, secret2] };
  }

  it('masks every secret the scan found in every field, in every format; --no-redact prints them whole', async () => {
    const { repo, secrets } = leakyHistory();
    for (const format of ['text', 'json', 'sarif', 'github']) {
      const run = await runKeywarden(['scan', '--history', '--format', format], { cwd: repo.dir });
      expect(run.status, run.stderr).toBe(1);
      for (const secret of secrets) {
        expect(run.stdout, format).not.toContain(secret);
        expect(run.stderr, format).not.toContain(secret);
      }
      expect(run.stdout).toContain(`${secrets[1].slice(0, 4)}****************`);
      const whole = await runKeywarden(['scan', '--history', '--format', format, '--no-redact'], { cwd: repo.dir });
      expect(whole.stdout).toContain(`add ${secrets[0]}, rotate to ${secrets[1]}`);
    }
    const json = JSON.parse((await runKeywarden(['scan', '--history', '--format', 'json'], { cwd: repo.dir })).stdout);
    const first = json.findings.find((finding: { file: string }) => finding.file === 'one.env');
    expect(first.commit.message).toBe(`add ${secrets[0].slice(0, 4)}****************, rotate to ${secrets[1].slice(0, 4)}****************`);
    expect(first.commit.author).toBe(`dev ${secrets[0].slice(0, 4)}****************`);
  });

  it('masks a secret in a file name, in the findings and in the notes', async () => {
    let secret = fakeSecret();
    while (secret.includes('/')) secret = fakeSecret();
    const repo = Repo.init();
    repo.commit('add', {
      [`k-${secret}.env`]: `aws_access_key_id = ${fakeKeyId()}\naws_secret_access_key = ${secret}\n`,
      [`big-${secret}.dat`]: 'x'.repeat(1000),
    });
    for (const mode of [['--history'], ['.']]) {
      // The big file is skipped with a note that names it.
      const run = await runKeywarden(['scan', ...mode, '--format', 'json', '--verbose', '--max-file-size', '500'], { cwd: repo.dir });
      expect(run.status, run.stderr).toBe(1);
      expect(run.stderr).toContain(`big-${secret.slice(0, 4)}****************.dat`);
      expect(run.stdout + run.stderr).not.toContain(secret);
    }
  });
});
