// keywarden in Japanese (issue #15), through the real CLI and the bundled Action: the language from --lang or
// the locale, golden files of the Japanese text report, blocked-commit message, playbook and job summary,
// --help with yargs' own Japanese, one-line usage errors, and machine output (JSON fields, fingerprints,
// SARIF results) the same in both languages. Keys come from the seeded fakes (test/remediation-fakes.ts)
// and are swapped for placeholders ({{KEY1}}) before comparing, so the golden files hold no key.
import { spawnSync } from 'node:child_process';
import { mkdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { bundleAction, runAction } from './support/action-runner.js';
import { jsonReport, ROOT, runCli } from './support/cli.js';
import { globalKeywarden, tryGit } from './support/git-hooks.js';
import { expectGolden } from './support/golden.js';
import { runCliLoading } from './support/loaded-modules.js';
import { Repo, tempDir } from './support/repo.js';
import { makeZip } from './support/archives.js';
import { COMMIT_A, Fakes, finding, reportOf } from './support/remediation-fakes.js';
import { textReporter } from '../src/reporters/text.js';
import { displayWidth, wrapToWidth } from '../src/text/width.js';
import { useLanguage } from '../src/words/index.js';
import { CONTEXT, finding as sampleFinding, report } from './support/sample-report.js';

const JA = { LANG: 'ja_JP.UTF-8' };
const OURS = '111122223333';

function withPlaceholders(text: string, values: Record<string, string>): string {
  for (const [name, value] of Object.entries(values).sort((a, b) => b[1].length - a[1].length)) text = text.replaceAll(value, `{{${name}}}`);
  return text;
}

/** A repository whose index adds a seeded fake key pair in `.env`; its values, redacted as the report shows the secret. */
function stagedLeak(): { repo: Repo; values: Record<string, string> } {
  const fakes = new Fakes(1501);
  const KEY1 = fakes.keyId('AKIA', OURS);
  const secret = fakes.secret();
  const repo = Repo.init();
  repo.commit('base', { 'README.md': '# app\n' });
  writeFileSync(path.join(repo.dir, '.env'), `AWS_ACCESS_KEY_ID=${KEY1}\nAWS_SECRET_ACCESS_KEY=${secret}\n`);
  repo.git('add', '.env');
  return { repo, values: { KEY1, SECRET1: `${secret.slice(0, 4)}${'*'.repeat(16)}` } };
}

describe('choosing the language', () => {
  it('follows LC_ALL, then LC_MESSAGES, then LANG; --lang overrides them; English where nothing says otherwise', () => {
    const japanese = /AWS の認証情報は見つかりませんでした/;
    const english = /No AWS credentials found\./;
    const scan = (env: Record<string, string>, ...args: string[]) => runCli(['scan', 'README.md', ...args], { env: { LC_ALL: '', LC_MESSAGES: '', LANG: '', ...env } }).stdout;
    expect(scan({})).toMatch(english);
    expect(scan({ LANG: 'ja_JP.UTF-8' })).toMatch(japanese);
    expect(scan({ LC_MESSAGES: 'en_US.UTF-8', LANG: 'ja_JP.UTF-8' })).toMatch(english);
    expect(scan({ LC_ALL: 'ja_JP.UTF-8', LC_MESSAGES: 'en_US.UTF-8', LANG: 'en_US.UTF-8' })).toMatch(japanese);
    expect(scan({ LC_ALL: 'C', LANG: 'ja_JP.UTF-8' })).toMatch(english);
    expect(scan({ LANG: 'ja_JP.UTF-8' }, '--lang', 'en')).toMatch(english);
    expect(scan({}, '--lang=ja')).toMatch(japanese);
    expect(scan({ LANG: 'en_US.UTF-8' }, '--lang', 'ja', '--quiet')).toMatch(japanese);
  });

  it('takes --lang on every command, and an unknown one is one line and exit 2, in the locale\'s language', () => {
    for (const args of [['scan', 'README.md'], ['baseline', '--output', path.join(tempDir(), 'b.json'), 'README.md'], ['remediate', '--key', 'AKIAIOSFODNN7EXAMPLE'.replace('EXAMPLE', 'ABCDEFG')], ['init']]) {
      const bad = runCli([...args, '--lang', 'fr'], { cwd: tempDir() });
      expect(bad.status, args.join(' ')).toBe(2);
      expect(bad.stdout).toBe('');
      expect(bad.stderr).toBe("keywarden: unknown --lang 'fr' (choose en or ja)\n");
    }
    const inJapanese = runCli(['scan', '--lang', 'de', 'README.md'], { env: JA });
    expect(inJapanese.status).toBe(2);
    expect(inJapanese.stderr).toBe("keywarden: --lang 'de' は使えません（en または ja を指定してください）\n");
  });

  it('writes usage errors in the chosen language, still one line and exit 2', () => {
    const typo = runCli(['scan', '--stagd'], { env: JA });
    expect(typo.status).toBe(2);
    expect(typo.stderr).toBe("keywarden: 不明なオプション '--stagd' です（'--staged' のことですか？）。オプションの一覧は keywarden scan --help で表示できます\n");
    const missing = runCli(['scan', '--since'], { env: JA });
    expect(missing.stderr).toBe('keywarden: --since には値が必要です\n');
  });

  it('prints --help in Japanese, yargs\' own words (Options, Commands, [boolean]) included', () => {
    const help = runCli(['scan', '--help', '--lang', 'ja']);
    expect(help.status).toBe(0);
    expect(help.stdout).toContain('オプション:');
    expect(help.stdout).toContain('[真偽値]');
    expect(help.stdout).toContain('[選択肢: "en", "ja"]');
    expect(help.stdout).toContain('ヘルプを表示します');
    expect(help.stdout).toContain('ステージした内容（インデックスの変更）をスキャンします（pre-commit 用）');
    expect(help.stdout).toContain('メッセージの言語: en または ja');
    expect(help.stdout).toContain('終了コード: 0 検出なし、1 検出あり、2 使い方・設定・実行時のエラー。');
    const top = runCli(['--help'], { env: JA });
    expect(top.stdout).toContain('コマンド:');
    expect(top.stdout).toContain('現在のリポジトリに pre-commit フックを設定します');
    const english = runCli(['scan', '--help']);
    expect(english.stdout).toContain('Options:');
    expect(english.stdout).toContain('Scan what the index adds (pre-commit)');
    expect(english.stdout).not.toMatch(/[\u3040-\u30ff]/);
  });
});

describe('the same findings in every language', () => {
  it('JSON: the same report, machine fields in English, byte for byte but the duration', () => {
    const strip = (text: string) => text.replace(/"durationMs": \d+/, '');
    const en = runCli(['scan', 'samples', '--format', 'json']);
    const ja = runCli(['scan', 'samples', '--format', 'json'], { env: JA });
    expect(ja.status).toBe(1);
    expect(strip(ja.stdout)).toBe(strip(en.stdout));
  });

  it('SARIF: identical results and fingerprints; the messages in the chosen language, which the run names', () => {
    const en = jsonReport(runCli(['scan', 'samples', '--format', 'sarif']));
    const ja = jsonReport(runCli(['scan', 'samples', '--format', 'sarif', '--lang', 'ja']));
    expect(en.runs[0].language).toBe('en');
    expect(ja.runs[0].language).toBe('ja');
    const machine = (run: any) => run.results.map((result: any) => ({ ...result, message: undefined }));
    expect(machine(ja.runs[0])).toEqual(machine(en.runs[0]));
    expect(ja.runs[0].results.map((result: any) => result.partialFingerprints)).toEqual(en.runs[0].results.map((result: any) => result.partialFingerprints));
    expect(ja.runs[0].results.length).toBeGreaterThan(10);
    expect(ja.runs[0].results[0].message.text).toMatch(/^AWS アクセスキー ID /);
    expect(ja.runs[0].tool.driver.rules[0].fullDescription.text).toMatch(/見つかりました/);
    expect(en.runs[0].tool.driver.rules.map((rule: any) => rule.id)).toEqual(ja.runs[0].tool.driver.rules.map((rule: any) => rule.id));
  });

  it('GitHub annotations: same files, lines and levels; Japanese messages', () => {
    const annotations = (text: string) => text.split('\n').filter((line) => line.startsWith('::'));
    const en = annotations(runCli(['scan', 'samples', '--format', 'github']).stdout);
    const ja = annotations(runCli(['scan', 'samples', '--format', 'github', '--lang', 'ja']).stdout);
    expect(ja.length).toBe(27);
    const place = (line: string) => line.replace(/,title=.*$/, '');
    expect(ja.map(place)).toEqual(en.map(place));
    expect(ja[0]).toContain('IAM でキーを無効化してください');
  });
});

describe('Japanese golden files', () => {
  it('the text report of samples/ (columns aligned in terminal cells) and the short playbook', () => {
    const result = runCli(['scan', 'samples'], { env: JA });
    expect(result.status).toBe(1);
    expectGolden('ja/samples.txt', result.stdout);
  });

  it('the blocked commit: the hook\'s `scan --staged` message', () => {
    const { repo, values } = stagedLeak();
    const result = runCli(['scan', '--staged'], { cwd: repo.dir, env: JA });
    expect(result.status).toBe(1);
    expectGolden('ja/blocked-commit.txt', withPlaceholders(result.stdout, values));
  });

  it('the playbook, as text and Markdown, for a key with its secret and a secret without a key ID', () => {
    const fakes = new Fakes(1502);
    const KEY1 = fakes.keyId('AKIA', OURS);
    const SECRET1 = fakes.secret();
    const SECRET2 = fakes.secret();
    const dir = tempDir();
    const findings = [
      finding('access-key-id', KEY1, null, 'config/app.env', 3, COMMIT_A),
      finding('secret-access-key', SECRET1, KEY1, 'config/app.env', 4, COMMIT_A),
      finding('secret-access-key', SECRET2, null, 'scripts/deploy.sh', 9, COMMIT_A),
    ];
    writeFileSync(path.join(dir, 'report.json'), JSON.stringify(reportOf(findings)));
    for (const [format, ext] of [['text', 'txt'], ['markdown', 'md']]) {
      const result = runCli(['remediate', '--report', 'report.json', '--format', format, '--lang', 'ja'], { cwd: dir });
      expect(result.stderr).toBe('');
      expect(result.status).toBe(0);
      for (const secret of [SECRET1, SECRET2]) expect(result.stdout).not.toContain(secret.slice(0, 16));
      expectGolden(`ja/playbook.${ext}`, withPlaceholders(result.stdout, { KEY1, SECRET1, SECRET2 }));
    }
  });
});

describe('the Action in Japanese', () => {
  let entry: string;
  beforeAll(async () => {
    entry = await bundleAction();
  });

  it('the `lang` input: Japanese annotations and job summary (golden); a bad value is one ::error:: and exit 2', () => {
    const fakes = new Fakes(1503);
    const KEY1 = fakes.keyId('AKIA', OURS);
    const secret = fakes.secret();
    const ws = Repo.init();
    ws.commit('app', { 'config/prod.env': `AWS_ACCESS_KEY_ID=${KEY1}\nAWS_SECRET_ACCESS_KEY=${secret}\n` });
    const run = runAction(entry, ws.dir, 'workflow_dispatch', {}, { INPUT_LANG: 'ja', INPUT_SARIF: 'keywarden.sarif' });
    expect(run.status, run.stdout + run.stderr).toBe(1);
    expect(run.stdout).toContain('::error file=config/prod.env,line=1');
    expect(run.stdout).toContain('keywarden が AWS の認証情報を 2 件検出しました');
    expectGolden('ja/action-summary.md', withPlaceholders(run.summary, { KEY1, SECRET1: `${secret.slice(0, 4)}${'*'.repeat(16)}` }));
    const bad = runAction(entry, ws.dir, 'workflow_dispatch', {}, { INPUT_LANG: 'fr' });
    expect(bad.status).toBe(2);
    expect(bad.stdout.trim().split('\n')).toEqual(["::error title=keywarden::input 'lang' must be en or ja, got 'fr'"]);
  });

  it('an input error is one ::error:: in Japanese and exit 2, whether the `lang` input or the locale asks for it', () => {
    const ws = Repo.init();
    ws.commit('app', { 'README.md': '# app\n' });
    const mode = runAction(entry, ws.dir, 'workflow_dispatch', {}, { INPUT_LANG: 'ja', INPUT_MODE: 'everything' });
    expect(mode.status).toBe(2);
    expect(mode.stdout.trim().split('\n')).toEqual(["::error title=keywarden::入力 'mode' には auto、files、history のいずれかを指定してください（指定値: 'everything'）"]);
    const lang = runAction(entry, ws.dir, 'workflow_dispatch', {}, { ...JA, INPUT_LANG: 'fr' });
    expect(lang.status).toBe(2);
    expect(lang.stdout.trim().split('\n')).toEqual(["::error title=keywarden::入力 'lang' には en か ja を指定してください（指定値: 'fr'）"]);
  });

  it('names the files it did not scan in a Japanese sentence, each with its reason', () => {
    const ws = Repo.init();
    ws.commit('app', { 'dump/big.sql': 'x'.repeat(4000), 'README.md': '# app\n' });
    const run = runAction(entry, ws.dir, 'workflow_dispatch', {}, { INPUT_LANG: 'ja', INPUT_ARGS: '--max-file-size 1000' });
    expect(run.status, run.stdout + run.stderr).toBe(0);
    const warning = run.stdout.split('\n').find((line) => line.startsWith('::warning::keywarden: 1 個のファイルをスキャンしていない'));
    expect(warning, run.stdout).toContain('dump/big.sql: 4000 バイトで、上限の 1000 バイトを超えています');
    // The list holds what and why; the note's own verb (をスキップしました) belongs to the --verbose line only.
    expect(warning).not.toContain('スキップしました');
  });
});

describe('the hook in Japanese', () => {
  it('a real `git commit` under a Japanese locale is blocked with the Japanese message', () => {
    const { repo } = stagedLeak();
    const bin = globalKeywarden();
    expect(runCli(['init'], { cwd: repo.dir }).status).toBe(0);
    const blocked = tryGit(repo, ['commit', '-m', 'add env'], { PATH: `${bin}:${process.env.PATH}`, ...JA });
    expect(blocked.status).not.toBe(0);
    expect(blocked.output).toContain('コミットを中止しました（何もコミットされていません）。');
    expect(blocked.output).toContain('git restore --staged .env');
  });
});

describe('the shell hooks\' own lines', () => {
  it('say that keywarden is missing in the locale\'s language (LC_ALL, then LC_MESSAGES, then LANG), English by default', () => {
    const bare = tempDir('keywarden-path-');
    symlinkSync('/usr/bin/git', path.join(bare, 'git'));
    const hook = (name: string, env: Record<string, string>) => {
      const result = spawnSync('/bin/sh', [path.join(ROOT, 'hooks', name)], { cwd: tempDir(), env: { PATH: bare, LC_ALL: '', LC_MESSAGES: '', LANG: '', ...env }, input: '', encoding: 'utf8' });
      expect(result.status, name).toBe(1);
      return result.stderr;
    };
    for (const name of ['pre-commit', 'commit-msg', 'pre-push', 'pre-receive']) {
      const japanese = hook(name, { LANG: 'ja_JP.UTF-8' });
      expect(japanese, name).toContain('keywarden を見つけられないため、チェックせずに');
      // Every line is Japanese but the install command line.
      expect(japanese.split('\n').filter((line) => line !== '' && !/[\u3040-\u30ff]/.test(line)), name).toEqual([]);
      expect(hook(name, { LC_MESSAGES: 'ja_JP.UTF-8', LANG: 'en_US.UTF-8' })).toBe(japanese);
      const english = hook(name, {});
      expect(english, name).toMatch(/^keywarden: the .*hook cannot find keywarden/);
      expect(english).not.toMatch(/[\u3040-\u30ff]/);
      expect(hook(name, { LC_ALL: 'C', LANG: 'ja_JP.UTF-8' })).toBe(english);
    }
  });
});

describe('the hook\'s start-up', () => {
  it('loads the Japanese catalogue only for a Japanese run, and nothing else more (no yargs)', () => {
    const { repo } = stagedLeak();
    const catalogue = /\/dist\/bundle\/ja-[A-Z0-9]+\.js$/;
    // The chunks, as Node 22.1+ loads them (on older Nodes the hook commands load cli.cjs: bin/code-cache.js).
    const chunks = { NODE_DISABLE_COMPILE_CACHE: '1' };
    const english = runCliLoading(['scan', '--staged'], { cwd: repo.dir, env: chunks });
    expect(english.status).toBe(1);
    expect(english.loaded.some((url) => /\/dist\/bundle\/staged-\w+\.js$/.test(url))).toBe(true); // the log is not vacuous
    expect(english.loaded.filter((url) => catalogue.test(url))).toEqual([]);
    const japanese = runCliLoading(['scan', '--staged'], { cwd: repo.dir, env: { ...JA, ...chunks } });
    expect(japanese.status).toBe(1);
    expect(japanese.loaded.filter((url) => catalogue.test(url))).toHaveLength(1);
    // The same files but the catalogue (each resolved once or more; node: built-ins aside).
    const files = (urls: string[]) => [...new Set(urls.filter((url) => url.startsWith('file:') && !catalogue.test(url)))].sort();
    expect(files(japanese.loaded)).toEqual(files(english.loaded));
    // Nor the guide (the playbook's and --help's words), nor yargs.
    expect(japanese.loaded.join('\n')).not.toMatch(/node_modules\/yargs\/|\/(?:ja|en)-guide-/);
  });
});

describe('the Japanese text report', () => {
  it('aligns its columns in terminal cells: a Japanese label counts two per character', async () => {
    await useLanguage('ja');
    try {
      const keyId = new Fakes(1504).keyId('AKIA', OURS);
      const out = textReporter(
        report([
          sampleFinding({ file: 'a.env', secret: keyId }),
          sampleFinding({ file: 'a.env', line: 2, ruleId: 'aws-secret-access-key', kind: 'secret-access-key', secret: 'wJal****************', keyId }),
          sampleFinding({ file: 'b.env', line: 10, ruleId: 'aws-session-token', kind: 'session-token', secret: 'IQoJ****************', keyId }),
        ]),
        CONTEXT,
      );
      const rows = out.split('\n').filter((line) => /^ {2}(行|\d)/.test(line));
      expect(rows).toHaveLength(4);
      // Where RULE starts, in cells: the same on the header and on every row.
      const ruleAt = rows.map((row) => displayWidth(row.slice(0, row.search(/ルール|aws-/))));
      expect(new Set(ruleAt).size).toBe(1);
      expect(rows[0]).toMatch(/^ {2}行:列 {2,}値 {2,}種類 {2,}ルール {2,}確度$/);
      expect(out).toContain('シークレットアクセスキー  aws-secret-access-key');
    } finally {
      await useLanguage('en');
    }
  });
});

describe('notes, errors and places in Japanese', () => {
  it('errors about what the user named: one line, exit 2, in Japanese', () => {
    const cases: Array<[string[], string]> = [
      [['scan', 'nosuchdir'], 'keywarden: そのようなファイルまたはフォルダーはありません: nosuchdir\n'],
      [['remediate', '--key', 'AKIAXX'], "keywarden: --key には AWS のアクセスキー ID（AKIA… または ASIA… に続けて A-Z、2-7 の 16 文字）を指定してください（指定値: 'AKIAXX'）\n"],
      [['remediate', '--report', 'nonexist.json'], 'keywarden: --report nonexist.json を読み取れません: ENOENT\n'],
      [['merge'], 'keywarden: merge には JSON レポートを 1 つ以上指定してください: keywarden merge REPORT...（keywarden scan --format json で書き出したもの）\n'],
      [['scan', '--format', 'xml'], "keywarden: scan では --format 'xml' は使えません（text、json、sarif、github、html から選んでください）\n"],
    ];
    for (const [args, stderr] of cases) {
      const result = runCli(args, { cwd: tempDir(), env: JA });
      expect(result.status, args.join(' ')).toBe(2);
      expect(result.stderr).toBe(stderr);
    }
    const outside = runCli(['scan', '--staged'], { cwd: tempDir(), env: JA });
    expect(outside.status).toBe(2);
    expect(outside.stderr).toMatch(/^keywarden: git リポジトリではありません: /);
  });

  it('a key in a commit message is headed コミットメッセージ, and counted in the message, not in a file', () => {
    const dir = tempDir();
    const keyId = new Fakes(1505).keyId('AKIA', OURS);
    writeFileSync(path.join(dir, 'COMMIT_EDITMSG'), `add config\n\nkey ${keyId}\n`);
    const result = runCli(['scan', '--commit-msg', 'COMMIT_EDITMSG'], { cwd: dir, env: JA });
    expect(result.status).toBe(1);
    expect(result.stdout).toMatch(/^コミットメッセージ$/m);
    expect(result.stdout).toContain('コミットメッセージで AWS の認証情報を 1 件検出しました。');
    expect(result.stdout).not.toContain('commit message');
  });

  it('notes: what allowed a finding, and each skipped folder, by their Japanese names', () => {
    const dir = tempDir();
    const keyId = new Fakes(1506).keyId('AKIA', OURS);
    writeFileSync(path.join(dir, 'allowed.py'), `KEY = "${keyId}"  # keywarden:allow\n`);
    mkdirSync(path.join(dir, 'node_modules'));
    const result = runCli(['scan', '.', '--verbose'], { cwd: dir, env: JA });
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('（keywarden:allow コメントで許可 1 件）');
    expect(result.stderr).toContain('keywarden: keywarden:allow コメントで許可: allowed.py:1:');
    expect(result.stderr).toContain('keywarden: node_modules/ をスキップしました: インストールされたパッケージです（--no-default-ignores を付けるとたどります）');
    expect(result.stdout + result.stderr).not.toMatch(/\binline\b|skipped/);
  });

  it('notes: a key in a file git does not track, or ignores, said in Japanese', () => {
    const repo = Repo.init();
    const fakes = new Fakes(1507);
    repo.commit('base', { 'README.md': '# app\n', '.gitignore': 'secret.env\n' });
    writeFileSync(path.join(repo.dir, 'new.env'), `AWS_ACCESS_KEY_ID=${fakes.keyId('AKIA', OURS)}\n`);
    writeFileSync(path.join(repo.dir, 'secret.env'), `AWS_ACCESS_KEY_ID=${fakes.keyId('AKIA', OURS)}\n`);
    const result = runCli(['scan', '.'], { cwd: repo.dir, env: JA });
    expect(result.status, result.stderr).toBe(1);
    expect(result.stderr).toContain('keywarden: new.env は git で追跡されていません: まだコミットされていませんが、キーはディスク上にあります（git add するとコミットされます）\n');
    expect(result.stderr).toContain('keywarden: secret.env は git で無視されています: コミットされることはありませんが、キーはディスク上にあります\n');
    expect(result.stderr).not.toMatch(/tracked|ignored by git|on disk/);
  });

  it('the HTML report: its own words in Japanese, and the page says so (lang="ja")', () => {
    const html = runCli(['scan', 'samples', '--format', 'html', '--lang', 'ja']).stdout;
    expect(html).toContain('<html lang="ja">');
    expect(html).toContain('AWS の認証情報が見つかりました');
    expect(html).toContain('ローテーションするキー');
    expect(html).not.toContain('Keys to rotate');
    expect(runCli(['scan', 'samples', '--format', 'html']).stdout).toContain('<html lang="en">');
  });
});

describe('wrapping Japanese prose', () => {
  it('keeps a number with the counter after it (2 行目) on one line, and English words as before', () => {
    const text = 'レポートの準備ができていなければ 2 行目をもう一度実行します';
    const width = displayWidth('レポートの準備ができていなければ 2') + 1;
    const lines = wrapToWidth(text, width, '', '');
    expect(lines).toEqual(['レポートの準備ができていなければ', '2 行目をもう一度実行します']);
    expect(wrapToWidth('run it 2 more times', 8, '', '')).toEqual(['run it 2', 'more', 'times']);
  });
});

describe('what --history, --since and --range name, in Japanese', () => {
  it('an unknown branch and a path given to --history are one Japanese line, exit 2', () => {
    const repo = Repo.init();
    repo.commit('base', { 'README.md': '# app\n' });
    const unknown = runCli(['scan', '--since', 'mian'], { cwd: repo.dir, env: JA });
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toMatch(/^keywarden: 範囲の基点の 'mian' が見つかりません[（。][^\n]*\n$/);
    const path = runCli(['scan', '--history', './src'], { cwd: repo.dir, env: JA });
    expect(path.status).toBe(2);
    expect(path.stderr).toBe("keywarden: --history にはパスではなく、ブランチ、タグ、コミットを指定してください: './src'（ファイルやフォルダーは --history なしでスキャンします: keywarden scan ./src）\n");
    const parents = runCli(['scan', '--range', 'HEAD^-0'], { cwd: repo.dir, env: JA });
    expect(parents.status).toBe(2);
    expect(parents.stderr).toBe("keywarden: --range 'HEAD^-0': 親の番号は 1 から始まります（A^-1 は A^..A）\n");
  });
});

describe('errors and notes from configs, rules, init, git and archives, in Japanese', () => {
  /** One line on stderr, exit 2, nothing on stdout. */
  function oneLineError(result: { status: number; stdout: string; stderr: string }): string {
    expect(result.status, result.stderr).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr.split('\n')).toHaveLength(2);
    return result.stderr;
  }

  it('a config that is not valid JSON', () => {
    const dir = tempDir();
    writeFileSync(path.join(dir, '.keywarden.json'), '{\n  "allow": {\n');
    writeFileSync(path.join(dir, 'a.txt'), 'text\n');
    expect(oneLineError(runCli(['scan', 'a.txt'], { cwd: dir, env: JA }))).toBe('keywarden: .keywarden.json: 3 行 1 列目が有効な JSON ではありません: 入力が途中で終わっています（} か ] が足りない可能性があります）\n');
    expect(runCli(['scan', 'a.txt'], { cwd: dir }).stderr).toBe('keywarden: .keywarden.json: invalid JSON at line 3, column 1: unexpected end of input (a missing } or ]?)\n');
  });

  it('a config that disables a rule that does not exist', () => {
    const dir = tempDir();
    writeFileSync(path.join(dir, '.keywarden.json'), '{ "disableRules": ["no-such-rule"] }\n');
    writeFileSync(path.join(dir, 'a.txt'), 'text\n');
    expect(oneLineError(runCli(['scan', 'a.txt'], { cwd: dir, env: JA }))).toMatch(/^keywarden: \S*\.keywarden\.json: disableRules: 不明なルール ID "no-such-rule" です\n$/);
  });

  it('init in a project whose package.json is not a JSON object', () => {
    const repo = Repo.init();
    repo.commit('base', { 'package.json': '[]\n' });
    expect(oneLineError(runCli(['init'], { cwd: repo.dir, env: JA }))).toBe('keywarden: package.json が JSON オブジェクトではありません\n');
  });

  it('git failing under --history: keywarden\'s words around git\'s own line', () => {
    const repo = Repo.init();
    repo.commit('one', { 'a.txt': 'text\n' });
    const tree = repo.git('rev-parse', 'HEAD^{tree}').trim();
    rmSync(path.join(repo.dir, '.git', 'objects', tree.slice(0, 2), tree.slice(2)));
    expect(oneLineError(runCli(['scan', '--history'], { cwd: repo.dir, env: JA }))).toMatch(/^keywarden: git \S.* が失敗しました: \S.*\n$/);
  });

  it('an archive nested deeper than archives.maxDepth', () => {
    const dir = tempDir();
    writeFileSync(path.join(dir, '.keywarden.json'), '{ "archives": { "maxDepth": 1 } }\n');
    writeFileSync(path.join(dir, 'outer.zip'), makeZip([{ name: 'inner.zip', data: makeZip([{ name: 'a.txt', data: 'text\n' }]) }]));
    const result = runCli(['scan', 'outer.zip'], { cwd: dir, env: JA });
    expect(result.stderr).toContain('1 階層より深く入れ子になった zip アーカイブ（archives.maxDepth）: スキャンしていません');
  });

  it('an archive note from history, read by the pack reader in a worker thread, is in the run\'s language too', () => {
    const repo = Repo.init();
    const inner = makeZip([{ name: 'a.txt', data: 'text\n' }]);
    repo.commit('one', { '.keywarden.json': '{ "archives": { "maxDepth": 1 } }\n', 'outer.zip': makeZip([{ name: 'inner.zip', data: inner }]) });
    repo.git('gc', '-q');
    const result = runCli(['scan', '--history'], { cwd: repo.dir, env: JA });
    expect(result.stderr).toBe('keywarden: 警告: outer.zip!/inner.zip: 1 階層より深く入れ子になった zip アーカイブ（archives.maxDepth）: スキャンしていません\n');
  });
});
