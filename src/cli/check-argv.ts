// The command-line mistakes yargs lets through or answers badly, checked on the raw argv before yargs sees it:
// a value option with no value (`--since` at the end, `--output --history`, `--since ""` when CI's variable is
// unset) which yargs would drop or read as '' and so scan something else; an unknown command or option, which
// gets a "did you mean" from the same suggest() that names misspelt config keys. Loaded only on yargs' path:
// the fast path (fast-argv.ts) declines every command line this module would reject.
import { suggest } from '../config/validate.js';
import { UsageError } from '../errors.js';
import { checkRef } from '../sources/git/revisions.js';
import { isFlag, OPTIONS, type Command, type OptionSpec } from './options.js';
import { words } from '../words/index.js';

/** yargs' own flags, valid before or after any command: --help/-h and --version/-V. */
const BUILT_IN = ['help', 'version'];
const BUILT_IN_SHORT = ['h', 'V'];

/** The first word must be a command; a misspelt one is named with its closest match. */
export function checkCommand(word: string, commands: readonly string[]): void {
  if (commands.includes(word)) return;
  const hint = suggest(word, commands);
  throw new UsageError(words().cli.unknownCommand(word, hint, commands.join(words().report.listJoin)));
}

/** Options given before any command (`keywarden --staged`): say where they go, or what a typo meant. */
export function checkLeadingOption(token: string, commands: readonly string[]): never {
  const name = optionName(token);
  const spec = OPTIONS[name];
  if (spec) throw new UsageError(words().cli.commandFirst(token, spec.commands[0]));
  throw unknownOption(token, name, allNames(), words().cli.listCommands);
}

/**
 * Walks the options after `command` (argv without the command word) and throws a one-line UsageError for the
 * first unknown option or option value that is missing or empty. Tokens after `--` are paths.
 */
export function checkOptions(command: Command, args: readonly string[]): void {
  for (let i = 0; i < args.length; i++) {
    const token = args[i];
    if (token === '--') return;
    if (!isFlag(token)) continue;
    if (token.startsWith('--')) {
      const eq = token.indexOf('=');
      const flag = eq === -1 ? token : token.slice(0, eq);
      const name = optionName(flag);
      if (BUILT_IN.includes(name)) continue;
      const spec = lookup(command, name, flag);
      if (spec.type === 'boolean') continue;
      if (spec.optionalValues) {
        i = takeValues(flag, eq === -1 ? null : token.slice(eq + 1), args, i);
        continue;
      }
      if (eq !== -1) {
        if (token.length === eq + 1) throw emptyValue(flag);
        continue;
      }
      i = takeValue(flag, spec, args, i);
      continue;
    }
    // Short flags, possibly grouped (`-qo FILE`, `-ofile`): the first that takes a value takes the rest.
    for (let j = 1; j < token.length; j++) {
      const letter = token[j];
      if (BUILT_IN_SHORT.includes(letter)) continue;
      const spec = shortOption(command, letter);
      if (spec.type === 'boolean') continue;
      const rest = token.slice(j + 1);
      if (rest === '=') throw emptyValue(`-${letter}`);
      if (rest === '') i = takeValue(`-${letter}`, spec, args, i);
      break;
    }
  }
}


/** The value of `flag` at args[i + 1] (an array option takes every value up to the next flag); returns the new i. */
function takeValue(flag: string, spec: OptionSpec, args: readonly string[], i: number): number {
  const next = args[i + 1];
  if (next === undefined || next === '--') throw new UsageError(words().cli.needsValue(flag));
  if (isFlag(next)) throw new UsageError(words().cli.gotOption(flag, next));
  if (next === '') throw emptyValue(flag);
  let end = i + 1;
  if (spec.type === 'array') while (args[end + 1] !== undefined && args[end + 1] !== '--' && !isFlag(args[end + 1])) end++;
  return end;
}

/**
 * The values of an option that may have none (`--history [REF...]`): every word after it up to the next option
 * or `--`, as yargs reads them. Each is checked here because yargs would drop '' and '-' and scan every ref.
 */
function takeValues(flag: string, inline: string | null, args: readonly string[], i: number): number {
  if (inline !== null) checkRef(flag, inline);
  while (args[i + 1] !== undefined && args[i + 1] !== '--' && !isFlag(args[i + 1])) checkRef(flag, args[++i]);
  return i;
}

function emptyValue(flag: string): UsageError {
  return new UsageError(words().cli.emptyValue(flag));
}

function lookup(command: Command, name: string, flag: string): OptionSpec {
  const known = namesFor(command);
  if (known.includes(name)) return OPTIONS[name];
  // yargs reads --no-NAME as NAME=false; only a yes/no option can mean that.
  const negated = name.startsWith('no-') ? name.slice(3) : '';
  if (negated && known.includes(negated) && OPTIONS[negated].type === 'boolean') return OPTIONS[negated];
  const other = OPTIONS[name] ?? OPTIONS[negated];
  if (other && !other.commands.includes(command)) throw new UsageError(words().cli.otherCommand(flag, words().cli.list(other.commands.filter((c) => c !== command)), command));
  throw unknownOption(flag, name, [...known, ...BUILT_IN], words().cli.listOptions(command));
}

function shortOption(command: Command, letter: string): OptionSpec {
  const entry = Object.entries(OPTIONS).find(([, spec]) => spec.alias === letter && spec.commands.includes(command));
  if (!entry) throw new UsageError(words().cli.unknownShort(letter, command));
  return entry[1];
}

function unknownOption(flag: string, name: string, known: readonly string[], help: string): UsageError {
  const hint = suggest(name, known);
  return new UsageError(words().cli.unknownOption(flag, hint, help));
}

/** `--stdinName` is yargs' camel-case spelling of `--stdin-name`. */
function optionName(flag: string): string {
  return flag.replace(/^-+/, '').replace(/[A-Z]/g, (letter) => `-${letter.toLowerCase()}`);
}

function namesFor(command: Command): string[] {
  return Object.keys(OPTIONS).filter((name) => OPTIONS[name].commands.includes(command));
}

function allNames(): string[] {
  return [...Object.keys(OPTIONS), ...BUILT_IN];
}
