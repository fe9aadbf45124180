// The full command line, parsed by yargs from the option table. Help and version text are returned, not
// printed, so the caller decides where output goes; every parse failure becomes a one-line UsageError.
// check-argv.ts looks at the raw argv first: yargs drops a value option given no value, and its messages for
// a misspelt command or option cannot say what was meant.
import yargs from 'yargs';
import { UsageError } from '../errors.js';
import { guide } from '../words/guide.js';
import { language } from '../words/index.js';
import { checkCommand, checkLeadingOption, checkOptions } from './check-argv.js';
import { toScanOptions } from './convert.js';
import { isFlag, OPTIONS, type Command, type ScanOptions } from './options.js';

export type Parsed = { kind: 'run'; options: ScanOptions } | { kind: 'print'; text: string };

/** The commands, in --help's order; what each does is in the words catalogue (words/: cli.commands). */
const COMMANDS: Array<{ name: Command; usage: string }> = [
  { name: 'scan', usage: 'scan [paths..]' },
  { name: 'remediate', usage: 'remediate [paths..]' },
  { name: 'baseline', usage: 'baseline [paths..]' },
  { name: 'init', usage: 'init' },
  { name: 'merge', usage: 'merge [paths..]' },
];

/** What `scan --history` and `--range` take, for `keywarden scan --help` (git/revisions.ts is the rule). */
function scanHistoryHelp(): string {
  const w = guide().help;
  return [...w.historyHelp, '', w.exitCodes].join('\n');
}

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
  const w = guide().help;
  let parser = yargs([...argv])
    .scriptName('keywarden')
    .usage(w.usage)
    .strict()
    .exitProcess(false)
    // yargs' own words (Options:, Commands:, [boolean]…) from its y18n catalogue, in the run's language
    // (cli/lang.ts chose it); yargs would otherwise follow LANG by itself, ignoring --lang.
    .locale(language())
    .updateStrings(w.yargsStrings)
    .version(version)
    .alias('version', 'V')
    .help()
    .alias('help', 'h')
    .wrap(Math.min(110, process.stdout.columns || 100))
    .demandCommand(1, w.demandCommand)
    .fail((message, error) => {
      throw error instanceof UsageError ? error : new UsageError(firstLine(message ?? error?.message ?? w.invalidArguments));
    })
    .epilogue(w.exitCodes);
  for (const command of COMMANDS) {
    parser = parser.command(
      command.usage,
      w.commands[command.name],
      (y) => {
        for (const [name, spec] of Object.entries(OPTIONS)) {
          if (!spec.commands.includes(command.name)) continue;
          y.option(name, { type: spec.type, describe: w.options[name], alias: spec.alias, choices: spec.choices as string[] | undefined, default: spec.default });
        }
        return command.name === 'scan' ? y.epilogue(scanHistoryHelp()) : y;
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
