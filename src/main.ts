// One invocation: parse → build the command's typed request → run the command → exit status. Returns 0
// (nothing found), 1 (findings) or 2 (usage, configuration or runtime error: one line on stderr, the stack
// only with --debug). Nothing here touches `process`; cli.ts hands in the Io and sets the exit code.
import { parseFast } from './cli/fast-argv.js';
import { chooseLanguage } from './cli/lang.js';
import { checkOutputPaths } from './cli/output-path.js';
import type { ScanOptions } from './cli/options.js';
import { baselineRequestOf, initRequestOf, mergeRequestOf, preReceiveRequestOf, remediateRequestOf, scanCommandRequestOf } from './cli/requests.js';
import { errorLine, isExpected } from './errors.js';
import type { Io } from './io/io.js';
import { escapeLines, escapeText } from './text/escape.js';
import { VERSION } from './version.js';
import { loadGuide, words } from './words/index.js';

export async function run(argv: readonly string[], io: Io): Promise<number> {
  let debug = argv.includes('--debug');
  try {
    // First, so that every message of the run (the parsers' errors too) is in the chosen language.
    await chooseLanguage(argv, io.env);
    const options = parseFast(argv) ?? (await parseSlow(argv, io));
    if (options === null) return 0;
    debug = options.debug;
    checkOutputPaths(options, io.cwd);
    switch (options.command) {
      case 'scan':
        // The server-side hook reports in lines git relays to the pusher, under a time budget.
        if (options.preReceive) return await (await import('./commands/pre-receive.js')).runPreReceive(preReceiveRequestOf(options), io);
        return await (await import('./commands/scan.js')).runScan(scanCommandRequestOf(options, argv), io);
      case 'baseline':
        return await (await import('./commands/baseline.js')).runBaseline(baselineRequestOf(options), io);
      case 'remediate':
        return await (await import('./commands/remediate.js')).runRemediate(remediateRequestOf(options), io);
      case 'init':
        return await (await import('./commands/init.js')).runInit(initRequestOf(options), io);
      case 'merge':
        return await (await import('./commands/merge.js')).runMerge(mergeRequestOf(options), io);
    }
  } catch (error) {
    io.stderr.write(`keywarden: ${describeError(error, debug)}\n`);
    return 2;
  }
}

/** yargs, loaded only when the fast path declines; prints help or version itself and returns null. */
async function parseSlow(argv: readonly string[], io: Io): Promise<ScanOptions | null> {
  // Every command yargs parses may print help or run remediate or init, which show the guide's words.
  await loadGuide();
  const parsed = await (await import('./cli/parse.js')).parseArgs(argv, VERSION);
  if (parsed.kind === 'print') {
    io.stdout.write(parsed.text.endsWith('\n') ? parsed.text : parsed.text + '\n');
    return null;
  }
  return parsed.options;
}

/** Messages may name paths and refs from the repository: escaped (escapeText), a --debug stack line by line. */
function describeError(error: unknown, debug: boolean): string {
  const stack = debug && error instanceof Error && error.stack ? escapeLines(error.stack) : null;
  if (isExpected(error)) return stack ?? escapeText(errorLine(error));
  return `${escapeText(errorLine(error))}${stack !== null ? `\n${stack}` : words().output.debugHint}`;
}
