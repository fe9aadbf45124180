// Folder scans run on every core once they prove slow (src/sources/files-pool, issue #13 item 4). The report
// must be the one a scan on one thread gives (KEYWARDEN_FILE_THREADS=0), on workers from the first file (=1) or
// after a start on the main thread (the default): the same findings in the same order, the same notes for
// files not read (too large, a folder skipped) and for archives, the same counts.
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { jsonReport } from './support/cli.js';
import { makeZip } from './support/archives.js';
import { fakeLeak } from './support/fakes.js';
import { COMMAND_FILE, forgedCommands, RUNNER_FILES, terminalProblem, TERMINAL_FILE } from './support/hostile.js';
import { tempDir } from './support/repo.js';
import { runKeywarden } from './support/run.js';

/** 700 files across folders: keys in some, an archive with a key, one too large, binary and UTF-16 ones. */
function bigFolder(): { dir: string; secrets: string[] } {
  const dir = tempDir();
  const secrets: string[] = [];
  for (let i = 0; i < 700; i++) {
    const folder = path.join(dir, `pkg${i % 23}`, i % 2 === 0 ? 'src' : 'test');
    mkdirSync(folder, { recursive: true });
    let text = `// aws client ${i}\nexport const region = "us-east-${i % 2}";\n`.repeat(20);
    if (i % 97 === 5) {
      const leak = fakeLeak();
      secrets.push(leak.secret);
      text += leak.text;
    }
    writeFileSync(path.join(folder, `file${i}.ts`), text);
  }
  const zipped = fakeLeak();
  secrets.push(zipped.secret);
  writeFileSync(path.join(dir, 'pkg3', 'bundle.zip'), makeZip([{ name: 'conf/credentials', data: zipped.text }]));
  const utf16 = fakeLeak();
  secrets.push(utf16.secret);
  writeFileSync(path.join(dir, 'pkg4', 'notes.txt'), Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(utf16.text, 'utf16le')]));
  writeFileSync(path.join(dir, 'pkg5', 'image.bin'), Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 37) % 256)));
  writeFileSync(path.join(dir, 'pkg6', 'huge.log'), 'x'.repeat(300_000));
  mkdirSync(path.join(dir, 'node_modules', 'dep'), { recursive: true });
  writeFileSync(path.join(dir, 'node_modules', 'dep', 'index.js'), fakeLeak().text);
  return { dir, secrets };
}

describe('folder scans on every core', () => {
  it('report exactly what one thread reports: findings in order, notes, counts', async () => {
    const { dir, secrets } = bigFolder();
    const args = ['scan', '.', '--format', 'json', '--no-redact', '--verbose', '--max-file-size', '256KB'];
    const pooled = await runKeywarden(args, { cwd: dir, env: { KEYWARDEN_FILE_THREADS: '1' } });
    const single = await runKeywarden(args, { cwd: dir, env: { KEYWARDEN_FILE_THREADS: '0' } });
    const [a, b] = [jsonReport(pooled), jsonReport(single)];
    delete a.scan.durationMs;
    delete b.scan.durationMs;
    expect(pooled.status).toBe(1);
    expect(a).toEqual(b);
    expect(pooled.stderr).toBe(single.stderr);
    expect(a.scan.files).toBeGreaterThan(700);
    expect(a.findings.map((finding: any) => finding.secret)).toEqual(expect.arrayContaining(secrets));
    expect(pooled.stderr).toContain('huge.log');
    expect(pooled.stderr).toContain('node_modules');
  });

  it('a slow folder starts on this thread and goes on on workers: the same report again', async () => {
    // AWS-heavy files (named values, documentation keys, fixtures) take long enough on one thread to switch.
    const dir = tempDir();
    const secrets: string[] = [];
    // Each file its own text (the engine remembers windows it has read: copies of one page would be quick).
    const page = (file: number) => Array.from({ length: 60 }, (_, i) => `    client_${file}_${i} = boto3.client("s3", aws_access_key_id="AKIAIOSFODNN7EXAMPLE", aws_secret_access_key="wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY")  # aws ${file * 61 + i}`).join('\n');
    for (let i = 0; i < 1500; i++) {
      const folder = path.join(dir, `svc${i % 17}`);
      mkdirSync(folder, { recursive: true });
      let text = `${page(i)}\n# file ${i}\n`;
      if (i % 211 === 7) {
        const leak = fakeLeak();
        secrets.push(leak.secret);
        text += leak.text;
      }
      writeFileSync(path.join(folder, `test_${i}.py`), text);
    }
    const args = ['scan', '.', '--format', 'json', '--no-redact'];
    const auto = await runKeywarden(args, { cwd: dir });
    const single = await runKeywarden(args, { cwd: dir, env: { KEYWARDEN_FILE_THREADS: '0' } });
    const [a, b] = [jsonReport(auto), jsonReport(single)];
    delete a.scan.durationMs;
    delete b.scan.durationMs;
    expect(a).toEqual(b);
    expect(auto.stderr).toBe(single.stderr);
    expect(a.findings.map((finding: any) => finding.secret)).toEqual(expect.arrayContaining(secrets));
  });

  it('print hostile file names from workers as one thread prints them: escaped on the terminal, no workflow command', async () => {
    // Names cross from the workers in their messages (findings, skip notes): control bytes, a forged line, workflow
    // commands, %0A, Markdown and HTML, and a symbolic link, among enough files to use the pool from the first.
    const dir = tempDir();
    for (let i = 0; i < 300; i++) writeFileSync(path.join(dir, `filler${i}.txt`), `plain ${i}\n`);
    const keyed = [TERMINAL_FILE, COMMAND_FILE, 'ctl\x01sep\x1fname.env', 'pct%0A::error::x.env', '[Approve](https:__evil.example) <img src=x onerror=alert(1)>.env'];
    for (const name of keyed) writeFileSync(path.join(dir, name), fakeLeak().text);
    for (const name of RUNNER_FILES) writeFileSync(path.join(dir, name), `${'x'.repeat(4096)}\n`);
    symlinkSync(path.join(dir, 'filler1.txt'), path.join(dir, 'link\x1b[2J::warning::x'));
    for (const format of ['text', 'github']) {
      const args = ['scan', '.', '--format', format, '--verbose', '--max-file-size', '1KB'];
      const pooled = await runKeywarden(args, { cwd: dir, env: { KEYWARDEN_FILE_THREADS: '1' } });
      const single = await runKeywarden(args, { cwd: dir, env: { KEYWARDEN_FILE_THREADS: '0' } });
      expect(pooled.status, `${format}: ${pooled.stderr}`).toBe(1);
      expect(pooled.stdout.replace(/\d+ ?ms|\d+\.\d+ s/g, 'T'), format).toBe(single.stdout.replace(/\d+ ?ms|\d+\.\d+ s/g, 'T'));
      expect(pooled.stderr, format).toBe(single.stderr);
      for (const output of [pooled.stdout, pooled.stderr]) {
        if (format === 'text') expect(terminalProblem(output), format).toBeNull();
        expect(forgedCommands(output), format).toEqual([]);
      }
      // Every key found, and every big file and the link named in a note, on the workers too.
      expect(pooled.stdout.split('\n').filter((line) => /secret access key|access key ID/i.test(line)).length, format).toBeGreaterThanOrEqual(keyed.length);
    }
  });
});
