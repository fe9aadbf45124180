// The process entry: the only file that reads process.argv/env or sets the exit status.
// Exit codes: 0 nothing found (or all allowed), 1 findings, 2 usage, configuration or runtime error.
import { run } from './main.js';

export async function main(): Promise<void> {
  // The AWS SDK (loaded only for --verify) warns on every run about Node 20's end of support; keywarden
  // supports Node 20 on purpose, so the warning is noise in a scan's output.
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
  const code = await run(process.argv.slice(2), {
    stdout: process.stdout,
    stderr: process.stderr,
    stdin: process.stdin,
    env: process.env,
    cwd: process.cwd(),
    // stderr and stdout are written synchronously to files and pipes on POSIX, so nothing written is lost.
    abandon: (code) => process.exit(code),
  });
  process.exitCode = code;
}
