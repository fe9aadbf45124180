// Loaded into the CLI under test with NODE_OPTIONS=--import: at exit, writes the process's peak resident
// memory (KiB, threads included, git children not) to the file named by KEYWARDEN_TEST_MAXRSS_FILE.
import { writeFileSync } from 'node:fs';
import { isMainThread } from 'node:worker_threads';

const file = process.env.KEYWARDEN_TEST_MAXRSS_FILE;
if (isMainThread && file) process.on('exit', () => writeFileSync(file, String(process.resourceUsage().maxRSS)));
