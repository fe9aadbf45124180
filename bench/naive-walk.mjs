#!/usr/bin/env node
// The folder-scan floor for `keywarden scan .` (issue #13, item 4): the naive Node program a folder scan must
// stay near. It walks DIR (skipping .git), reads every regular file whole, and runs one regex (an access key
// ID) over its bytes read as latin1. No ignore files, no decoding, no second pass. Prints the counts, so that
// nothing is optimised away.
//   node bench/naive-walk.mjs [DIR]
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

const KEY_ID = /(?:AKIA|ASIA)[A-Z2-7]{16}/g;
let files = 0;
let bytes = 0;
let hits = 0;
function walk(dir) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === '.git') continue;
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) walk(full);
    else if (entry.isFile()) {
      const data = readFileSync(full);
      files++;
      bytes += data.length;
      hits += data.toString('latin1').match(KEY_ID)?.length ?? 0;
    }
  }
}
walk(path.resolve(process.argv[2] ?? '.'));
console.log(`${files} files, ${bytes} bytes, ${hits} matches`);
