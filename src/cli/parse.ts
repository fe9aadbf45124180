// The full command line, parsed by yargs from the option table. Help and version text are returned, not
// printed, so the caller decides where output goes; every parse failure becomes a one-line UsageError.
// check-argv.ts looks at the raw argv first: yargs drops a value option given no value, and its messages for
// a misspelt command or option cannot say what was meant.
import yargs from 'yargs';
import { UsageError } from '../errors.js';
import { checkCommand, checkLeadingOption, checkOptions } from './check-argv.js';
import { toScanOptions } from './convert.js';
import { isFlag, OPTIONS, type Command, type ScanOptions } from './options.js';

export type Parsed = { kind: 'run'; options: ScanOptions } | { kind: 'print'; text: string };

const COMMANDS: Array<{ name: Command; usage: string; describe: string }> = [
  { name: 'scan', usage: 'scan [paths..]', describe: 'Find AWS credentials in files, the index, history, a range, or stdin' },
  { name: 'remediate', usage: 'remediate [paths..]', describe: 'The leak-response playbook, with real commands for the keys found' },
  { name: 'baseline', usage: 'baseline [paths..]', describe: 'Write the current findings as a baseline (--output FILE)' },
  { name: 'init', usage: 'init', describe: 'Set up the pre-commit hook in the current repository' },
  { name: 'merge', usage: 'merge [paths..]', describe: 'Merge JSON reports (of several repositories) into one: each key once, with every place it was found' },
];

const EXIT_CODES = 'Exit codes: 0 nothing found, 1 findings, 2 usage, configuration or runtime error.';

/** What `scan --history` and `--range` take, for `keywarden scan --help` (git/revisions.ts is the rule). */
const SCAN_HISTORY_HELP = [
  'Commits:',
  '  --history              every commit of every ref (branches, tags, remotes) and the stash',
  '  --history main v2.0    the whole history of these refs or commits, root commits included',
  '  --range main..HEAD     commits in HEAD, not in main (a pull request); --since main: the same',
  '  --range A...B          commits in A or in B, not in both',
  '  --range A^!            the one commit A (A^-1 is A^..A; A^@ is the history of its parents)',
  '  --range "^A B"         commits in B, not in A; also "B --not A"',
  'A range excludes something: a lone A is its whole history (--history A). Git options (--all,',
  '--branches) are not taken. --history takes no paths: keywarden scan PATH scans files.',
  '',
  EXIT_CODES,
].join('\n');

/** The first word may ask for the version like in most CLIs; `-v` after a command is --verbose. */
const VERSION_WORDS = ['version', '--version', '-v', '-V'];
const HELP_WORDS = ['help', '--help', '-h'];

export async function parseArgs(input: readonly string[], version: string): Promise<Parsed> {
  let argv = joinDashValues(input);
  const names = COMMANDS.map((command) => command.name);
  const first = argv[0];
  if (VERSION_WORDS.includes(first)) return { kind: 'print', text: version };
  // `keywarden help scan` is `keywarden scan --help`.
  if (first === 'help' && argv.length > 1) {
    checkCommand(argv[1], names);
    argv = [argv[1], '--help'];
  } else if (first !== undefined && !HELP_WORDS.includes(first)) {
    if (isFlag(first)) checkLeadingOption(first, names);
    checkCommand(first, [...names, 'help', 'version']);
    checkOptions(first as Command, argv.slice(1));
  }
  let chosen: Command | null = null;
  let parser = yargs([...argv])
    .scriptName('keywarden')
    .usage('keywarden <command> [options]')
    .strict()
    .exitProcess(false)
    .locale('en') // keywarden's own messages are English; yargs would otherwise follow LANG
    .version(version)
    .alias('version', 'V')
    .help()
    .alias('help', 'h')
    .wrap(Math.min(110, process.stdout.columns || 100))
    .demandCommand(1, 'name a command: scan, remediate, baseline, init or merge (keywarden --help says what each does)')
    .fail((message, error) => {
      throw error instanceof UsageError ? error : new UsageError(firstLine(message ?? error?.message ?? 'invalid arguments'));
    })
    .epilogue(EXIT_CODES);
  for (const command of COMMANDS) {
    parser = parser.command(
      command.usage,
      command.describe,
      (y) => {
        for (const [name, spec] of Object.entries(OPTIONS)) {
          if (!spec.commands.includes(command.name)) continue;
          y.option(name, { type: spec.type, describe: spec.describe, alias: spec.alias, choices: spec.choices as string[] | undefined, default: spec.default });
        }
        return command.name === 'scan' ? y.epilogue(SCAN_HISTORY_HELP) : y;
      },
      () => {
        chosen = command.name;
      },
    );
  }
  let printed = '';
  const raw = (await parser.parseAsync([...argv], {}, (_error: unknown, _argv: unknown, output: string) => {
    printed = output;
  })) as Record<string, unknown>;
  if (chosen === null) return { kind: 'print', text: printed };
  // Paths after `--` land in `_` (after the command name), not in `paths`.
  const afterDashes = ((raw._ as unknown[] | undefined) ?? []).slice(1);
  const positional = [...((raw.paths as unknown[] | undefined) ?? []), ...afterDashes].map(String);
  return { kind: 'run', options: toScanOptions(chosen, positional, raw) };
}

function firstLine(message: string): string {
  return message.split('\n').find((line) => line.trim() !== '')?.trim() ?? message;
}

/** yargs reads a lone `-` after a string option as no value; `--report -` (standard input) means `--report=-`. */
function joinDashValues(argv: readonly string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const name = argv[i].startsWith('--') ? argv[i].slice(2) : '';
    if (OPTIONS[name]?.type === 'string' && argv[i + 1] === '-') out.push(`${argv[i++]}=-`);
    else out.push(argv[i]);
  }
  return out;
}
