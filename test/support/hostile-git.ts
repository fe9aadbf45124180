// Hostile surroundings for the git keywarden runs: a `git` on PATH that dies by a signal, git configuration
// that sets every option a user or a repository may set for log, diff and cat-file, and scripts that leave a
// mark when git runs them (keywarden must never run what a configuration names).
import { execFileSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { tempDir } from './repo.js';

export const REAL_GIT = execFileSync('sh', ['-c', 'command -v git'], { encoding: 'utf8' }).trim();

/**
 * A folder to put first on PATH whose `git` runs the real one, except for the subcommand `target` (matched as
 * a whole argument after git's own options) when its arguments also include `withArg`: that one writes the
 * first `bytes` of the real output, then kills itself with SIGTERM, as `kill` from outside would.
 */
export function gitKilledBySignal(target: string, bytes: number, withArg = ''): { PATH: string } {
  const dir = tempDir('keywarden-shim-');
  const script = `#!/bin/sh
for arg in "$@"; do
  case "$arg" in
    -c) ;;
    -*) ;;
    *=*) ;;
    ${target})
      case " $* " in
        ${withArg === '' ? '*' : `*" ${withArg} "*`})
          "${REAL_GIT}" "$@" | head -c ${bytes}
          kill -TERM $$
          sleep 5
          exit 0 ;;
      esac
      break ;;
    *) break ;;
  esac
done
exec "${REAL_GIT}" "$@"
`;
  writeFileSync(path.join(dir, 'git'), script);
  chmodSync(path.join(dir, 'git'), 0o755);
  return { PATH: `${dir}:${process.env.PATH}` };
}

/** A script that appends its name and arguments to `marker` whenever it runs. */
export function markerScript(dir: string, name: string, marker: string): string {
  const file = path.join(dir, name);
  writeFileSync(file, `#!/bin/sh\necho "${name} $*" >> "${marker}"\ncat >/dev/null 2>&1\nexit 0\n`);
  chmodSync(file, 0o755);
  return file;
}

export interface Hostile {
  /** Text of a git config file that sets everything below. */
  config: string;
  /** Exists only if git ran one of the scripts the configuration names. */
  marker: string;
  ran(): string;
}

const HOOKS = ['pre-commit', 'post-checkout', 'post-index-change', 'reference-transaction', 'fsmonitor-watchman', 'pre-auto-gc', 'post-rewrite', 'pre-push'];

/**
 * Every option git lets a user or a repository set that could change what log, diff, cat-file, rev-parse,
 * ls-tree or reflog print, or make them run a program.
 */
export function hostileConfig(): Hostile {
  const dir = tempDir('keywarden-hostile-');
  const marker = path.join(dir, 'RAN');
  const run = (name: string) => markerScript(dir, name, marker);
  const hooks = path.join(dir, 'hooks');
  mkdirSync(hooks);
  for (const hook of HOOKS) markerScript(hooks, hook, marker);
  const attributes = path.join(dir, 'attributes');
  writeFileSync(attributes, '* diff=evil filter=evil merge=evil\n');
  const order = path.join(dir, 'order');
  writeFileSync(order, 'zzz\n*\n');
  const config = `[core]
\tquotePath = true
\tabbrev = 7
\tpager = ${run('core-pager')}
\tfsmonitor = ${run('fsmonitor')}
\tbigFileThreshold = 1
\thooksPath = ${hooks}
\tattributesFile = ${attributes}
\tsshCommand = ${run('ssh')}
\taskPass = ${run('askpass')}
\teditor = ${run('editor')}
\tuseReplaceRefs = true
\tautocrlf = true
\teol = crlf
\tuntrackedCache = true
\tcommentChar = %
[color]
\tui = always
\tdiff = always
\tbranch = always
\tdecorate = always
[log]
\tdiffMerges = first-parent
\tshowSignature = true
\tshowRoot = false
\tdecorate = full
\tabbrevCommit = true
\tfollow = true
\tdate = relative
\tmailmap = true
[diff]
\trenames = copies
\tnoprefix = true
\tmnemonicPrefix = true
\trelative = true
\texternal = ${run('diff-external')}
\talgorithm = patience
\tcontext = 10
\tinterHunkContext = 10
\tsuppressBlankEmpty = true
\tsubmodule = diff
\tignoreSubmodules = all
\torderFile = ${order}
\tcolorMoved = zebra
\twsErrorHighlight = all
\tsrcPrefix = X/
\tdstPrefix = Y/
\tindentHeuristic = false
\tdirstat = lines
\trenameLimit = 1
\ttool = evil
[diff "evil"]
\ttextconv = ${run('textconv')}
\tcommand = ${run('diff-driver')}
\tbinary = true
\tcachetextconv = true
[filter "evil"]
\tclean = ${run('filter-clean')}
\tsmudge = ${run('filter-smudge')}
\tprocess = ${run('filter-process')}
\trequired = true
[merge "evil"]
\tdriver = ${run('merge-driver')}
[gpg]
\tprogram = ${run('gpg')}
[gpg "ssh"]
\tprogram = ${run('gpg-ssh')}
[gpg "x509"]
\tprogram = ${run('gpg-x509')}
[i18n]
\tlogOutputEncoding = UTF-16
\tcommitEncoding = ISO-8859-1
[pager]
\tlog = ${run('pager-log')}
\tdiff = ${run('pager-diff')}
\tcat-file = ${run('pager-cat-file')}
\treflog = ${run('pager-reflog')}
[notes]
\tdisplayRef = refs/notes/*
[format]
\tpretty = fuller
[submodule]
\trecurse = true
[gc]
\tauto = 1
\tautoDetach = false
[maintenance]
\tauto = true
[credential]
\thelper = ${run('credential')}
[uploadpack]
\tpackObjectsHook = ${run('pack-objects-hook')}
[protocol]
\tallow = always
[alias]
\tlog = !${run('alias-log')}
\tdiff = !${run('alias-diff')}
`;
  return { config, marker, ran: () => (existsSync(marker) ? readFileSync(marker, 'utf8') : '') };
}

/**
 * The bytes of a path as keywarden reports it: UTF-8, except that lone surrogates U+DC80..U+DCFF stand for
 * bytes that are not valid UTF-8 (src/sources/git/log.ts decodePath). An oracle for tests, written apart from it.
 */
export function pathBytes(text: string): Buffer {
  return Buffer.concat([...text].map((char) => (char.length === 1 && char.charCodeAt(0) >= 0xdc80 && char.charCodeAt(0) <= 0xdcff ? Buffer.from([char.charCodeAt(0) & 0xff]) : Buffer.from(char, 'utf8'))));
}
