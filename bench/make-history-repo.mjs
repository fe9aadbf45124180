#!/usr/bin/env node
// make-history-repo.mjs: a deterministic, git/git-shaped history (issue #13, item 0): many commits, a merge in
// about every fourth, topic branches forked far behind the mainline (so each merge's comparison with its
// second parent lists every file the mainline changed since the fork: hundreds of changes per merge, tens of
// millions in all at full size), and thousands of refs (a tag every 50 mainline commits, a refs/pull/N/head
// per topic). Blobs are small; what it measures is what keywarden holds per commit and per change.
//
//   node bench/make-history-repo.mjs --out DIR [--commits N] [--files F] [--lag L] [--refs R] [--seed S]
//                                    [--plants JSON] [--no-repack] [--force]
//
//   --commits N   commits over all refs (default 200000, git/git has 203,352)
//   --files F     files in the tree (default 4000)
//   --lag L       a topic forks up to L mainline commits behind the tip (default 400)
//   --refs R      at most R refs: tags and refs/pull/N/head (default 4300, git/git has 4,294)
//   --plants J    JSON [{ "id": ..., "secret": ... }]: fake key pairs to plant (default: 3 made from the seed)
//   --no-repack   keep fast-import's pack (no deltas between versions)
//
// The answer key goes NEXT to the repository (DIR.planted.json): each plant's key and the commit it was added in.
// Built with `git fast-import` (a 200,000-commit history takes about a minute). The same options give the
// same commit ids. The keys are invented from the seed with the real shape; they are not credentials.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fastImport } from './fast-import.mjs';
import { prng } from './prng.mjs';

const argv = process.argv.slice(2);
const opt = (name, fallback) => {
  const at = argv.indexOf(`--${name}`);
  return at !== -1 && at + 1 < argv.length ? argv[at + 1] : fallback;
};
const flag = (name) => argv.includes(`--${name}`);

export const GENERATOR_VERSION = 1;


const WORDS = 'the of a to in is for on that with as by this be are from at or an it not if return int char const struct static void unsigned size_t buf len path ref commit tree object strbuf argv opts die error warning free alloc'.split(' ');
const BASE32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
const SECRET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789/+';

function madeKey(rand) {
  let id = 'AKIA';
  while (id.length < 20) id += BASE32[rand(32)];
  let secret = '';
  while (secret.length < 40) secret += SECRET[rand(SECRET.length)];
  return { id, secret };
}

/**
 * Writes the repository at `out` (replacing it when `force`), returns the answer key. Exported for the tests,
 * which make a small-but-long one.
 */
export async function makeHistoryRepo({ out, commits = 200000, files = 4000, lag = 400, refs = 4300, seed = 1, plants = null, repack = true }) {
  const rand = prng(seed * 2654435761);
  fs.rmSync(out, { recursive: true, force: true });
  fs.mkdirSync(out, { recursive: true });
  const env = { ...process.env, GIT_CONFIG_NOSYSTEM: '1', GIT_CONFIG_GLOBAL: '/dev/null' };
  execFileSync('git', ['init', '-q', '-b', 'master', out], { env });
  const { emit, data, finish } = fastImport(out, env);

  const paths = Array.from({ length: files }, (_, i) => `src/dir${String(i % Math.max(1, Math.ceil(files / 30))).padStart(3, '0')}/file${i}.c`);
  let mark = 0;
  let version = 0;
  let time = 1_100_000_000;
  const blob = async (file, extra = '') => {
    const lines = [`/* ${file} version ${++version} */`];
    for (let i = 0; i < 6; i++) lines.push(Array.from({ length: 8 }, () => WORDS[rand(WORDS.length)]).join(' ') + ';');
    await emit(`blob\nmark :${++mark}\n${data(lines.join('\n') + '\n' + extra)}`);
    return mark;
  };
  /** A commit on `ref` from `from` (and `merge`), setting each [path, blob mark]. Returns its mark. */
  const commit = async (ref, subject, from, changes, merge = null) => {
    time += 600;
    const who = `Dev ${rand(200)} <dev${rand(200)}@example.com> ${time} +0000`;
    let text = `commit ${ref}\nmark :${++mark}\nauthor ${who}\ncommitter ${who}\n${data(subject)}`;
    if (from !== null) text += `from :${from}\n`;
    if (merge !== null) text += `merge :${merge}\n`;
    for (const [file, blobMark] of changes) text += `M 100644 :${blobMark} ${file}\n`;
    await emit(text + '\n');
    return mark;
  };
  const touch = async (count) => {
    const changes = [];
    for (let i = 0; i < count; i++) {
      const file = paths[rand(paths.length)];
      changes.push([file, await blob(file)]);
    }
    return changes;
  };

  const keys = plants ?? [madeKey(rand), madeKey(rand), madeKey(rand)];
  // Plants go in at fixed fractions of the history, on a topic (carried into the mainline by its merge).
  const plantAt = keys.map((_, i) => Math.floor(((i + 1) * commits) / (keys.length + 1)));
  const planted = [];

  const initial = [];
  for (const file of paths) initial.push([file, await blob(file)]);
  const mainline = [await commit('refs/heads/master', 'initial import', null, initial)];
  let count = 1;
  let topics = 0;
  const tags = [];
  const pulls = [];
  while (count < commits) {
    // A direct mainline commit, then a topic of 1-3 commits forked behind the tip, merged.
    mainline.push(await commit('refs/heads/master', `direct change ${count}`, mainline.at(-1), await touch(1 + rand(2))));
    count++;
    if (mainline.length % 50 === 0) tags.push(mainline.at(-1));
    const fork = mainline[Math.max(0, mainline.length - 1 - rand(lag))];
    const topicFiles = new Map();
    let tip = fork;
    const length = 1 + rand(3);
    for (let i = 0; i < length && count < commits; i++) {
      const changes = await touch(1 + rand(2));
      const plant = plantAt.findIndex((at, index) => at <= count && planted[index] === undefined);
      if (plant !== -1) {
        const file = `config/credentials-${plant}.ini`;
        changes.push([file, await blob(file, `[default]\naws_access_key_id = ${keys[plant].id}\naws_secret_access_key = ${keys[plant].secret}\n`)]);
        planted[plant] = { id: keys[plant].id, secret: keys[plant].secret, path: file };
      }
      for (const [file, blobMark] of changes) topicFiles.set(file, blobMark);
      tip = await commit(`refs/heads/topic`, `topic ${topics} part ${i + 1}`, tip, changes);
      count++;
    }
    if (count < commits && tip !== fork) {
      mainline.push(await commit('refs/heads/master', `Merge branch 'topic-${topics}'`, mainline.at(-1), [...topicFiles], tip));
      count++;
    }
    pulls.push(tip);
    topics++;
  }
  await emit('');
  // Refs: a tag every 50 mainline commits, then a pull ref per topic (the latest first), up to `refs` in all.
  const refLines = [];
  for (let i = 0; i < tags.length && refLines.length < refs - 1; i++) refLines.push(`reset refs/tags/v${i}\nfrom :${tags[i]}\n\n`);
  for (let i = pulls.length - 1; i >= 0 && refLines.length < refs - 1; i--) refLines.push(`reset refs/pull/${i}/head\nfrom :${pulls[i]}\n\n`);
  await emit(refLines.join('') + 'reset refs/heads/topic\nfrom :' + mainline.at(-1) + '\n\n');
  await finish();
  execFileSync('git', ['update-ref', '-d', 'refs/heads/topic'], { cwd: out, env });
  if (repack) execFileSync('git', ['repack', '-adq'], { cwd: out, env });
  const listed = Number(execFileSync('git', ['rev-list', '--all', '--count'], { cwd: out, env, encoding: 'utf8' }));
  for (const plant of planted) if (plant) plant.commit = findAdder(out, env, plant.path);
  const answer = { generator: GENERATOR_VERSION, commits, files, lag, refs, seed, commitsListed: listed, plants: planted.filter(Boolean) };
  fs.writeFileSync(`${out}.planted.json`, JSON.stringify(answer, null, 2) + '\n');
  return answer;
}

function findAdder(cwd, env, file) {
  return execFileSync('git', ['log', '--all', '--diff-filter=A', '--format=%H', '--', file], { cwd, env, encoding: 'utf8' }).trim().split('\n').at(-1);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const out = path.resolve(opt('out', '.bench/history'));
  const options = { out, commits: Number(opt('commits', 200000)), files: Number(opt('files', 4000)), lag: Number(opt('lag', 400)), refs: Number(opt('refs', 4300)), seed: Number(opt('seed', 1)), plants: opt('plants', null) ? JSON.parse(opt('plants')) : null, repack: !flag('no-repack') };
  const key = `${out}.planted.json`;
  if (!flag('force') && fs.existsSync(key)) {
    const have = JSON.parse(fs.readFileSync(key, 'utf8'));
    if (have.generator === GENERATOR_VERSION && ['commits', 'files', 'lag', 'refs', 'seed'].every((name) => have[name] === options[name])) {
      console.error(`${out}: already built`);
      process.exit(0);
    }
  }
  const started = Date.now();
  const answer = await makeHistoryRepo(options);
  console.error(`${out}: ${answer.commitsListed} commits, ${answer.plants.length} plants, ${((Date.now() - started) / 1000).toFixed(1)} s`);
}
