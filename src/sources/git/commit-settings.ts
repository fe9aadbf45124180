// On pull_request(_target) events the configuration and the baseline come from the pull request's base commit:
// what the repository already trusts. Read from the pull request, they would let it silence the scan of itself
// (`ignorePaths: ["**"]`, a disabled rule, an allow-all regex, a baseline listing its own keys) and pass. They
// are read as git objects (ls-tree for the entry and its mode, cat-file for the blob), never from the work tree,
// so a symbolic link is refused rather than followed. A pull request that changes them gets a warning (an
// annotation on the file and a line in the job summary); the `trust-pr-config: true` input opts out of all this.
import path from 'node:path';
import { isInside } from '../../config/inside.js';
import { CONFIG_FILE, configInFolder, namedConfigFromText, type ConfigFolder } from '../../config/load.js';
import { defaultConfig } from '../../config/types.js';
import { ConfigError, RuntimeError } from '../../errors.js';
import { parseBaseline } from '../../config/baseline.js';
import { gitRaw } from './run.js';
import type { Preloaded } from '../../config/types.js';
import { words } from '../../words/index.js';

const SYMLINK_MODE = '120000';
const REGULAR_MODES = new Set(['100644', '100755']);
const PACKAGE_JSON = 'package.json';

interface TreeEntry {
  mode: string;
  sha: string;
}

export interface TrustWarning {
  /** The file, relative to the repository's top level. */
  file: string;
  message: string;
}

export interface TrustedSettings {
  preloaded: Preloaded;
  warnings: TrustWarning[];
}

/**
 * The configuration and baseline of commit `base`. `named` are the paths the workflow gave (the `config` and
 * `baseline` inputs, or --config/--baseline in `args`), relative to the workspace; a path outside the workspace
 * is not the repository's and is left for the scan to read as given. `head` (the pull request's commit, when
 * present) is compared with the base to say what the pull request changes.
 */
export async function baseCommitSettings(workspace: string, base: string, head: string | null, named: { config?: string; baseline?: string }): Promise<TrustedSettings> {
  const tree = new CommitTree(workspace, base);
  const preloaded: Preloaded = {};
  const watched: string[] = [];

  const configPath = named.config === undefined ? undefined : repositoryPath(workspace, named.config);
  if (configPath === undefined) {
    const folder = await tree.topFolder([CONFIG_FILE, PACKAGE_JSON]);
    preloaded.config = configInFolder(folder, workspace, workspace) ?? defaultConfig(workspace);
    watched.push(CONFIG_FILE, PACKAGE_JSON);
  } else if (configPath !== null) {
    const text = await tree.text(configPath);
    preloaded.config = text === null ? defaultConfig(workspace) : namedConfigFromText(text, tree.label(configPath), configPath, workspace);
    watched.push(configPath);
  }
  const baselinePath = named.baseline === undefined ? null : repositoryPath(workspace, named.baseline);
  if (baselinePath) {
    const text = await tree.text(baselinePath);
    preloaded.baseline = text === null ? null : parseBaseline(text, tree.label(baselinePath));
    watched.push(baselinePath);
  }

  const warnings: TrustWarning[] = [];
  const headTree = head === null ? null : new CommitTree(workspace, head);
  for (const file of watched) {
    const before = await tree.entry(file);
    // A head commit the checkout lacks (mode: files or history on a pull request) leaves nothing to compare.
    const after = headTree ? await headTree.entry(file).catch(() => before) : before;
    const isNamed = file === configPath || file === baselinePath;
    if (before === null && after === null) {
      if (isNamed) warnings.push({ file, message: words().settings.baseLacks(file) });
      continue;
    }
    if (before !== null && after !== null && before.sha === after.sha && before.mode === after.mode) continue;
    if (file === PACKAGE_JSON && !(await keywardenKeyDiffers(tree, headTree as CommitTree))) continue;
    const change = before === null ? 'adds' : after === null ? 'removes' : 'changes';
    warnings.push({ file, message: words().settings.pullRequestChanges(change, file, file === PACKAGE_JSON, before === null) });
  }
  return { preloaded, warnings };
}

/** A package.json edit (a new dependency) is not a configuration change unless the "keywarden" key changed. */
async function keywardenKeyDiffers(base: CommitTree, head: CommitTree): Promise<boolean> {
  const key = async (tree: CommitTree): Promise<string | null> => {
    const text = await tree.text(PACKAGE_JSON).catch(() => null);
    if (text === null) return null;
    try {
      const value = JSON.parse(text) as Record<string, unknown> | null;
      return value !== null && typeof value === 'object' && Object.prototype.hasOwnProperty.call(value, 'keywarden') ? JSON.stringify(value.keywarden) : null;
    } catch {
      return text.includes('"keywarden"') ? text : null;
    }
  };
  return (await key(base)) !== (await key(head));
}

/** The path relative to the repository's top level (the workspace), with '/'; null when it is outside it. */
function repositoryPath(workspace: string, named: string): string | null {
  const absolute = path.resolve(workspace, named);
  if (absolute === workspace || !isInside(absolute, workspace)) return null;
  return path.relative(workspace, absolute).split(path.sep).join('/');
}

/** Files of one commit, read through git objects. */
class CommitTree {
  private readonly folders = new Map<string, Promise<Map<string, TreeEntry> | null>>();

  constructor(
    private readonly cwd: string,
    private readonly rev: string,
  ) {}

  /** How errors name a file: git's own `COMMIT:path`. */
  label(file: string): string {
    return `${this.rev.slice(0, 12)}:${file}`;
  }

  async entry(file: string): Promise<TreeEntry | null> {
    const dir = path.posix.dirname(file);
    return (await this.folder(dir === '.' ? '' : dir))?.get(path.posix.basename(file)) ?? null;
  }

  /** The file's text, null when the commit has no such file; a link or a folder there is an error. */
  async text(file: string): Promise<string | null> {
    const entry = await this.entry(file);
    if (entry === null) return null;
    if (entry.mode === SYMLINK_MODE) throw new ConfigError(words().settings.symlink(this.label(file)));
    if (!REGULAR_MODES.has(entry.mode)) throw new ConfigError(words().settings.notFile(this.label(file)));
    const result = await gitRaw(this.cwd, ['cat-file', 'blob', entry.sha]);
    if (result.code !== 0) throw new RuntimeError(words().settings.cannotRead(this.label(file), result.stderr.split('\n')[0]));
    const text = result.stdout.toString('utf8');
    return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  }

  /** The top-level folder as config discovery sees it, with `wanted` files read ahead (discovery is synchronous). */
  async topFolder(wanted: string[]): Promise<ConfigFolder> {
    const entries = (await this.folder('')) as Map<string, TreeEntry>;
    const texts = new Map<string, string>();
    for (const name of wanted) {
      const entry = entries.get(name);
      if (entry && REGULAR_MODES.has(entry.mode)) texts.set(name, (await this.text(name)) as string);
    }
    return {
      names: new Set(entries.keys()),
      label: (name) => this.label(name),
      source: (name) => this.label(name),
      read: (name, label) => {
        const text = texts.get(name);
        if (text !== undefined) return text;
        throw new ConfigError(entries.get(name)?.mode === SYMLINK_MODE ? words().settings.configSymlink(label) : words().settings.notFile(label));
      },
    };
  }

  /** `git ls-tree -z` of one folder: name → mode and object; null when the commit has no such folder. */
  private folder(dir: string): Promise<Map<string, TreeEntry> | null> {
    let pending = this.folders.get(dir);
    if (pending === undefined) {
      pending = this.list(dir);
      this.folders.set(dir, pending);
    }
    return pending;
  }

  private async list(dir: string): Promise<Map<string, TreeEntry> | null> {
    const result = await gitRaw(this.cwd, ['ls-tree', '-z', '--end-of-options', dir === '' ? `${this.rev}^{tree}` : `${this.rev}:${dir}`]);
    if (result.code !== 0) {
      // The commit's top level must be readable; a sub-folder may be missing (or a link, which is no folder).
      if (dir === '') throw new RuntimeError(words().settings.cannotReadCommit(this.rev.slice(0, 12), result.stderr.split('\n')[0]));
      return null;
    }
    const entries = new Map<string, TreeEntry>();
    // Each record: "<mode> SP <type> SP <object> TAB <name>", NUL-terminated; the name may hold any byte but NUL.
    for (const record of result.stdout.toString('utf8').split('\0')) {
      const tab = record.indexOf('\t');
      if (tab < 0) continue;
      const [mode, , sha] = record.slice(0, tab).split(' ');
      entries.set(record.slice(tab + 1), { mode, sha });
    }
    return entries;
  }
}
