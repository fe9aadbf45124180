// The GitHub Action's process entry (action.yml → action/dist/index.js, bundled by `npm run build:action`):
// like src/cli.ts, the only file of the action that touches `process`.
import { runAction } from './run.js';

const code = await runAction({ env: process.env, stdout: process.stdout, stderr: process.stderr, stdin: process.stdin });
process.exitCode = code;
