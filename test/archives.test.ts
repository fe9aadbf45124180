// Archives committed to a repository (issue #14 item 9): zip and what is zip (jar, docx), tar, tar.gz/tgz, gz,
// nested, in every mode, with the limits of src/archive/limits.ts. Every archive is generated here.
import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { gzipSync, makeTar, makeTgz, makeZip } from './support/archives.js';
import { jsonReport, ROOT, runCli } from './support/cli.js';
import { fakeLeak, type Leak } from './support/fakes.js';
import { GIT_ENV, Repo, tempDir } from './support/repo.js';
import { bundleAction, runAction } from './support/action-runner.js';
import { bareServer, installHook, push, serverRef } from './support/git-server.js';

function scanJson(repo: Repo, args: string[]): { status: number; report: any; stderr: string } {
  const result = runCli(['scan', ...args, '--format', 'json', '--no-redact'], { cwd: repo.dir });
  return { status: result.status, report: jsonReport(result), stderr: result.stderr };
}

/** file!/entry:line of every finding, sorted. */
function places(report: any): string[] {
  return report.findings.map((finding: any) => `${finding.file}${finding.entry === undefined ? '' : `!/${finding.entry}`}:${finding.line}`).sort();
}

function leakPlaces(where: string, line: number): string[] {
  return [`${where}:${line}`, `${where}:${line + 1}`];
}

async function lambdaRepo(leak: Leak): Promise<Repo> {
  const repo = Repo.init();
  repo.commit('init', { 'README.md': 'a project\n' });
  repo.commit('packages', {
    'deploy/app.zip': makeZip([
      { name: 'index.js', data: 'exports.handler = async () => 1;\n' },
      { name: 'src/.env', data: `STAGE=prod\n${leak.text}` },
    ]),
    'lib/tool.jar': makeZip([{ name: 'META-INF/MANIFEST.MF', data: 'Manifest-Version: 1.0\n' }, { name: 'config/app.properties', data: `# app\n${leak.text}` }]),
    'dist/site.tgz': await makeTgz([{ name: 'site/config.ini', data: `[aws]\n${leak.text}` }]),
    'dist/plain.tar': await makeTar([{ name: 'etc/creds', data: leak.text }]),
    'backup/creds.env.gz': gzipSync(`# backup\n\n${leak.text}`),
  });
  return repo;
}

const EXPECTED = [
  ...leakPlaces('backup/creds.env.gz!/creds.env', 3),
  ...leakPlaces('deploy/app.zip!/src/.env', 2),
  ...leakPlaces('dist/plain.tar!/etc/creds', 1),
  ...leakPlaces('dist/site.tgz!/site/config.ini', 2),
  ...leakPlaces('lib/tool.jar!/config/app.properties', 2),
].sort();

describe('archives in every mode', () => {
  it('finds keys inside zip, jar, tar, tgz and gz in files, --history, --range and --staged, naming the entry', async () => {
    const leak = fakeLeak();
    const repo = await lambdaRepo(leak);
    for (const args of [[], ['--history'], ['--range', 'HEAD~1..HEAD']]) {
      const { status, report, stderr } = scanJson(repo, args);
      expect(status, `${args.join(' ')}: ${stderr}`).toBe(1);
      expect(places(report), args.join(' ')).toEqual(EXPECTED);
      // The finding's file is the archive in git (what a history rewrite removes), the entry apart.
      const zip = report.findings.find((finding: any) => finding.file === 'deploy/app.zip');
      expect(zip.entry).toBe('src/.env');
      expect([zip.secret, leak.id, leak.secret].filter((value) => value === zip.secret).length).toBe(2);
    }
    // Staged: a new archive's keys are all added.
    const other = fakeLeak();
    repo.write('more/new.zip', makeZip([{ name: 'cfg/.env', data: other.text }]));
    repo.git('add', 'more/new.zip');
    const staged = scanJson(repo, ['--staged']);
    expect(staged.status, staged.stderr).toBe(1);
    expect(places(staged.report)).toEqual(leakPlaces('more/new.zip!/cfg/.env', 1));
    // A changed archive: only the key its HEAD version did not hold is added (the old one is not reported again).
    repo.commit('new archive');
    const third = fakeLeak();
    repo.write('more/new.zip', makeZip([{ name: 'cfg/.env', data: other.text }, { name: 'cfg/more.env', data: `# more\n${third.text}` }]));
    repo.git('add', 'more/new.zip');
    const changed = scanJson(repo, ['--staged']);
    expect(changed.status, changed.stderr).toBe(1);
    expect(places(changed.report)).toEqual(leakPlaces('more/new.zip!/cfg/more.env', 2));
  });

  it('finds them in history when the archive is packed (the pack reader cannot see keywords in compressed bytes)', async () => {
    const leak = fakeLeak();
    const repo = await lambdaRepo(leak);
    repo.commit('remove', {});
    repo.git('rm', '-q', '-r', 'deploy', 'lib', 'dist', 'backup');
    repo.commit('removed');
    repo.git('repack', '-adq');
    for (const workers of [{}, { KEYWARDEN_READ_PACKS: '0' }]) {
      const result = runCli(['scan', '--history', '--format', 'json', '--no-redact'], { cwd: repo.dir, env: workers });
      expect(result.status, result.stderr).toBe(1);
      expect(places(jsonReport(result))).toEqual(EXPECTED);
    }
  });

  it('finds them on the history worker threads (over 8 MiB of blobs), with their notes', async () => {
    const leak = fakeLeak();
    const repo = await lambdaRepo(leak);
    repo.commit('bulk', {
      'data/bulk.txt': randomBytes(5 * 1024 * 1024).toString('hex'),
      'enc.zip': makeZip([{ name: 'locked.env', data: 'scrambled', encrypted: true }]),
    });
    const result = runCli(['scan', '--history', '--format', 'json', '--no-redact'], { cwd: repo.dir, env: { KEYWARDEN_READ_PACKS: '0' } });
    expect(result.status, result.stderr).toBe(1);
    expect(places(jsonReport(result))).toEqual(EXPECTED);
    expect(result.stderr).toMatch(/warning: enc\.zip!\/locked\.env: an encrypted entry \(no password is tried\): not scanned/);
  });

  it('reads an archive by its bytes, not its name: a renamed zip, nested archives (jar in zip in tgz)', async () => {
    const leak = fakeLeak();
    const repo = Repo.init();
    const jar = makeZip([{ name: 'x.properties', data: `a=1\n${leak.text}` }]);
    const zip = makeZip([{ name: 'lib/b.jar', data: jar }]);
    repo.commit('nested', { 'release.bin': await makeTgz([{ name: 'pkg/a.zip', data: zip }]), 'notes.txt': 'text\n' });
    const { status, report, stderr } = scanJson(repo, []);
    expect(status, stderr).toBe(1);
    expect(places(report)).toEqual(leakPlaces('release.bin!/pkg/a.zip!/lib/b.jar!/x.properties', 2));
  });

  it('stops nesting at archives.maxDepth with a note', async () => {
    const leak = fakeLeak();
    let inner = makeZip([{ name: 'deep.env', data: leak.text }]);
    for (let level = 0; level < 5; level++) inner = makeZip([{ name: `l${level}.zip`, data: inner }]);
    const repo = Repo.init();
    repo.commit('deep', { 'deep.zip': inner });
    const deep = scanJson(repo, []);
    expect(deep.status, deep.stderr).toBe(0);
    expect(deep.stderr).toMatch(/nested deeper than 4 levels \(archives\.maxDepth\)/);
    writeFileSync(path.join(repo.dir, '.keywarden.json'), JSON.stringify({ archives: { maxDepth: 6 } }));
    const deeper = scanJson(repo, ['deep.zip']);
    expect(deeper.status, deeper.stderr).toBe(1);
    expect(places(deeper.report)).toEqual(leakPlaces('deep.zip!/l4.zip!/l3.zip!/l2.zip!/l1.zip!/l0.zip!/deep.env', 1));
  });
});

describe('the same findings inside an archive as outside', () => {
  it('samples/ zipped or tarred: exactly expected.json, nothing from clean/ (precision and recall do not change)', async () => {
    const root = path.join(ROOT, 'samples');
    const files = [...walkFiles(root)].filter((file) => /^(clean|leaky)\//.test(file)).sort();
    const entries = files.map((name) => ({ name, data: readFileSync(path.join(root, name)) }));
    const expected = JSON.parse(readFileSync(path.join(root, 'expected.json'), 'utf8')).findings.map((finding: any) => `${finding.file} ${finding.ruleId} ${finding.line}:${finding.column}`).sort();
    const dir = tempDir();
    writeFileSync(path.join(dir, 'samples.zip'), makeZip(entries));
    writeFileSync(path.join(dir, 'samples.tgz'), await makeTgz(entries));
    for (const archive of ['samples.zip', 'samples.tgz']) {
      const result = runCli(['scan', archive, '--format', 'json'], { cwd: dir });
      expect(result.status, result.stderr).toBe(1);
      const found = jsonReport(result).findings.map((finding: any) => `${finding.entry} ${finding.ruleId} ${finding.line}:${finding.column}`).sort();
      expect(found, archive).toEqual(expected);
    }
  });
});

function* walkFiles(root: string, prefix = ''): Generator<string> {
  for (const entry of readdirSync(path.join(root, prefix), { withFileTypes: true })) {
    const name = prefix ? `${prefix}/${entry.name}` : entry.name;
    if (entry.isDirectory()) yield* walkFiles(root, name);
    else yield name;
  }
}

describe('what an archive leaves unread is a note', () => {
  it('an encrypted entry, a corrupt and a truncated archive: notes, exit by findings (not 2), other entries still scanned', async () => {
    const leak = fakeLeak();
    const repo = Repo.init();
    const good = makeZip([{ name: 'a.env', data: leak.text }, { name: 'secret.env', data: 'scrambled', encrypted: true }]);
    const tgz = await makeTgz([{ name: 'one.txt', data: 'x'.repeat(5000) }, { name: 'two.env', data: leak.text }]);
    repo.commit('damaged', {
      'enc.zip': good,
      'truncated.zip': good.subarray(0, good.length - 30),
      'junk.zip': Buffer.concat([Buffer.from('PK\x03\x04'), Buffer.from(`garbage\n${leak.text}`)]),
      'cut.tgz': tgz.subarray(0, Math.floor(tgz.length / 2)),
    });
    const { status, report, stderr } = scanJson(repo, []);
    expect(status, stderr).toBe(1);
    expect(stderr).toMatch(/warning: enc\.zip!\/secret\.env: an encrypted entry \(no password is tried\): not scanned/);
    expect(stderr).toMatch(/warning: truncated\.zip: not a readable zip archive .*scanned as a plain file instead/);
    expect(stderr).toMatch(/warning: junk\.zip: not a readable zip archive/);
    expect(stderr).toMatch(/warning: cut\.tgz: .*unexpected end of file/i);
    // junk.zip is not a zip after its magic: scanned as a plain file, as before archives were read.
    expect(places(report)).toEqual([...leakPlaces('enc.zip!/a.env', 1), ...leakPlaces('junk.zip', 2)].sort());
  });

  it('entry count and ratio limits; a zip bomb (honest, lying and overlapping) is a note, quickly', () => {
    const repo = Repo.init();
    const zeros = Buffer.alloc(64 * 1024 * 1024);
    const leak = fakeLeak();
    const many = fakeLeak();
    repo.commit('bombs', {
      'bomb.zip': makeZip([{ name: 'zeros.bin', data: zeros }, { name: 'after.env', data: leak.text }]),
      'liar.zip': makeZip([{ name: 'zeros.bin', data: zeros, declaredSize: 1000 }]),
      'liar-big.zip': makeZip([{ name: 'zeros.bin', data: zeros, declaredSize: 2 * 1024 * 1024 }]),
      'overlap.zip': makeZip([{ name: 'kernel.txt', data: 'ordinary text line\n'.repeat(2000) }], { overlap: 15 }),
      'bomb.gz': gzipSync(zeros),
      'many.zip': makeZip([...Array.from({ length: 10 }, (_, i) => ({ name: `f${i}.txt`, data: `file ${i}\n` })), { name: 'g.env', data: many.text }, ...Array.from({ length: 19 }, (_, i) => ({ name: `h${i}.txt`, data: `file ${i}\n` }))]),
    });
    writeFileSync(path.join(repo.dir, '.keywarden.json'), JSON.stringify({ archives: { maxEntries: 20 } }));
    const started = Date.now();
    const { status, report, stderr } = scanJson(repo, []);
    expect(Date.now() - started).toBeLessThan(20_000);
    expect(status, stderr).toBe(1);
    // The entries before the entry limit are scanned (many.zip's key is its 11th entry of 30, the limit 20).
    expect(places(report)).toEqual([...leakPlaces('bomb.zip!/after.env', 1), ...leakPlaces('many.zip!/g.env', 1)].sort());
    expect(stderr).toMatch(/bomb\.zip!\/zeros\.bin: an entry that inflates over 100 times its compressed size \(archives\.maxRatio\)/);
    expect(stderr).toMatch(/liar\.zip: an entry inflates to more or less than the size it declares/);
    expect(stderr).toMatch(/liar-big\.zip: .*too many bytes/);
    expect(stderr).toMatch(/overlap\.zip: entries overlap/);
    expect(stderr).toMatch(/bomb\.gz: the gzip stream inflates over 100 times its size \(archives\.maxRatio\)/);
    expect(stderr).toMatch(/many\.zip: stopped reading the archive after 20 entries .*over 20 entries \(archives\.maxEntries\)/);
  });

  it('rejects a bad archives setting with one line and exit 2', () => {
    const repo = Repo.init();
    writeFileSync(path.join(repo.dir, '.keywarden.json'), JSON.stringify({ archives: { maxDepht: 2 } }));
    const result = runCli(['scan'], { cwd: repo.dir });
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/archives\.maxDepht: unknown key \(did you mean 'maxDepth'\?\)/);
  });
});

describe('hostile entry names', () => {
  it('are data: escaped in text, JSON, SARIF and github output', async () => {
    const leak = fakeLeak();
    const repo = Repo.init();
    const names = ['../../etc/\x1b[31mred\x07.env', `${'long/'.repeat(400)}x.env`, '::error title=x::y\r\n.env'];
    repo.commit('hostile', { 'h.zip': makeZip(names.map((name) => ({ name, data: leak.text }))) });
    const json = scanJson(repo, []);
    expect(json.status, json.stderr).toBe(1);
    const entries = [...new Set(json.report.findings.map((finding: any) => finding.entry))].sort();
    expect(entries).toEqual([`${'long/'.repeat(204)}long…`, names[0], names[2]].sort());
    for (const format of ['text', 'sarif', 'github']) {
      const result = runCli(['scan', '--format', format], { cwd: repo.dir, env: { GITHUB_ACTIONS: 'true' } });
      expect(result.status, `${format}: ${result.stderr}`).toBe(1);
      // No raw control byte, and no line of output that starts a workflow command but keywarden's own.
      expect(result.stdout, format).not.toMatch(/[\x00-\x08\x0b-\x1f\x7f]/);
      for (const line of result.stdout.split('\n')) if (/^\s*::/.test(line)) expect(line, format).toMatch(/^::(error|warning|notice) /);
      expect(result.stdout, format).toMatch(/h\.zip/);
    }
    const text = runCli(['scan'], { cwd: repo.dir });
    expect(text.stdout).toContain('h.zip!/../../etc/\\x1b[31mred\\x07.env');
  });
});

describe('scan --pre-receive', () => {
  it('rejects a push whose commit adds a key inside a jar, naming the entry', () => {
    const server = bareServer();
    const work = Repo.init();
    work.commit('first', { 'README.md': 'hello\n' });
    expect(push(work, `file://${server.dir}`, 'main').status).toBe(0);
    installHook(server);
    const leak = fakeLeak();
    const sha = work.commit('add the tool', { 'lib/tool.jar': makeZip([{ name: 'config/app.properties', data: `# app\n${leak.text}` }]) });
    const result = push(work, `file://${server.dir}`, 'main');
    expect(result.status).not.toBe(0);
    expect(result.remote).toContain(`keywarden: lib/tool.jar!/config/app.properties:2:21 access key ID ${leak.id} in commit ${sha.slice(0, 12)} "add the tool"`);
    expect(serverRef(server, 'refs/heads/main')).not.toBe(sha);
  });
});

describe('the GitHub Action on a pull request that adds an archive', () => {
  it('annotates the archive file, names the entry in the summary and SARIF, and fails the step', async () => {
    const entry = await bundleAction();
    const leak = fakeLeak();
    const origin = Repo.init();
    const base = origin.commit('base', { 'README.md': '# app\n' });
    origin.git('checkout', '-q', '-b', 'feature');
    const head = origin.commit('package the function', { 'deploy/app.zip': makeZip([{ name: 'index.js', data: 'exports.handler = 1;\n' }, { name: 'src/.env', data: `STAGE=prod\n${leak.text}` }]) });
    const ws = path.join(tempDir(), 'ws');
    execFileSync('git', ['clone', '-q', `file://${origin.dir}`, ws], { env: { ...process.env, ...GIT_ENV } });
    execFileSync('git', ['checkout', '-q', head], { cwd: ws, env: { ...process.env, ...GIT_ENV } });
    const payload = {
      action: 'synchronize',
      number: 7,
      pull_request: { number: 7, state: 'open', base: { ref: 'main', sha: base, repo: { full_name: 'acme/app' } }, head: { ref: 'feature', sha: head, repo: { full_name: 'acme/app' } } },
      repository: { full_name: 'acme/app', default_branch: 'main' },
    };
    const run = runAction(entry, ws, 'pull_request', payload);
    expect(run.status, run.stdout + run.stderr).toBe(1);
    // On the archive file, without a line (the line is the entry's); the entry in the message.
    expect(run.stdout).toMatch(new RegExp(`^::error file=deploy/app\\.zip,title=[^:]+::AWS access key ID ${leak.id}.* Inside the archive at src/\\.env:2\\.`, 'm'));
    expect(run.summary).toContain(`[\`deploy/app.zip!/src/.env:2\`](https://github.com/acme/app/blob/${head}/deploy/app.zip)`);
    expect(run.summary).toContain('git filter-repo --invert-paths --path deploy/app.zip');
    const sarif = JSON.parse(readFileSync(run.outputs.sarif, 'utf8'));
    const ajv = new Ajv({ strict: false, allErrors: true });
    addFormats(ajv);
    const validate = ajv.compile(JSON.parse(readFileSync(path.join(ROOT, 'test', 'fixtures', 'sarif', 'sarif-schema-2.1.0.json'), 'utf8')));
    expect(validate(sarif), JSON.stringify(validate.errors)).toBe(true);
    const results = sarif.runs[0].results;
    expect(results.map((result: any) => result.properties.entry)).toEqual(['src/.env', 'src/.env']);
    expect(results[0].locations[0].physicalLocation).toEqual({ artifactLocation: { uri: 'deploy/app.zip', uriBaseId: '%SRCROOT%' } });
  }, 120_000);
});
