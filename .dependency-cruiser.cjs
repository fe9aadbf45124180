// The may-not table of docs/ARCHITECTURE.md, one rule per line of it, plus no-circular. `npm run lint:deps`
// (part of `npm test`) fails on any import that breaks one. Type-only imports count too: the TypeScript 7
// compiler this project uses has no API dependency-cruiser can read, so it parses with swc, which does not
// tell `import type` apart (a layer may not even know another's types).
// .dependency-cruiser-known-violations.json lists the violations that are known and owned (each named in
// docs/ARCHITECTURE.md); anything else fails.
const ENTRY = '^src/(main|cli)[.]ts$|^src/(cli|action)/';
const CORE_IO = '^(node:)?(fs|fs/promises|child_process|worker_threads|os|net|http|https)$';

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'cli-only-in-entries',
      comment: 'Only the entries (src/cli.ts, src/main.ts, src/cli/, src/action/) may import src/cli/: below them a command takes its typed request (commands/requests.ts), never the flag object.',
      severity: 'error',
      from: { pathNot: ENTRY },
      to: { path: '^src/cli/' },
    },
    {
      name: 'commands-only-from-entries',
      comment: 'Only the entries and src/commands/ may import src/commands/ (the request types, commands/requests.ts, excepted: a source reads its ScanRequest).',
      severity: 'error',
      from: { pathNot: `${ENTRY}|^src/commands/` },
      to: { path: '^src/commands/', pathNot: '^src/commands/requests[.]ts$' },
    },
    {
      name: 'action-is-an-entry',
      comment: 'Nothing may import src/action/: it is an entry, like main.ts.',
      severity: 'error',
      from: { pathNot: '^src/action/' },
      to: { path: '^src/action/' },
    },
    {
      name: 'engine-is-pure',
      comment: 'src/engine/ may import only src/engine/, src/text/, the rule types (rules/types.ts, rules/regex.ts) and src/types.ts: no git, no files, no config, no node: modules.',
      severity: 'error',
      from: { path: '^src/engine/' },
      to: { pathNot: '^src/(engine|text)/|^src/rules/(types|regex)[.]ts$|^src/types[.]ts$' },
    },
    {
      name: 'detect-knows-no-outside',
      comment: 'src/detect/ (createDetector, detectChunk) may not import sources, commands, io, reporters, remediation, init, the entries, nor node:fs/child_process/worker_threads: the same detector runs on every thread.',
      severity: 'error',
      from: { path: '^src/detect/' },
      to: { path: `^src/(sources|commands|io|reporters|remediation|init|cli|action)/|${CORE_IO}` },
    },
    {
      name: 'archive-reads-bytes-only',
      comment: 'src/archive/ (reading the entries of an archive already in memory) may not import sources, commands, detect, filters, io, reporters, remediation, init, the entries, nor node:fs/child_process: it is handed bytes and a detect function.',
      severity: 'error',
      from: { path: '^src/archive/' },
      to: { path: `^src/(sources|commands|detect|filters|io|reporters|remediation|init|cli|action)/|${CORE_IO}` },
    },
    {
      name: 'sources-do-not-report',
      comment: 'src/sources/ may not import reporters, remediation, filters, io, init, the entries, nor commands (but the request types): sources read, they never judge or print.',
      severity: 'error',
      from: { path: '^src/sources/' },
      to: { path: '^src/(reporters|remediation|filters|io|init|cli|action)/|^src/commands/(?!requests[.]ts$)' },
    },
    {
      name: 'reporters-see-findings-only',
      comment: 'src/reporters/ may not import sources, commands, config, rules, engine, detect, filters, io, init, the entries, nor node:fs/child_process/os: a reporter turns findings (and the pure playbook built from them, for the HTML page) into text.',
      severity: 'error',
      from: { path: '^src/reporters/' },
      to: { path: `^src/(sources|commands|config|rules|engine|detect|filters|io|init|cli|action)/|${CORE_IO}` },
    },
    {
      name: 'remediation-is-pure',
      comment: 'src/remediation/ may not import sources, commands, config, io, reporters, init, the entries, nor node:fs/child_process/os: the playbook is built from findings; reading and writing are commands/remediate.ts.',
      severity: 'error',
      from: { path: '^src/remediation/' },
      to: { path: `^src/(sources|commands|config|io|reporters|init|cli|action)/|${CORE_IO}` },
    },
    {
      name: 'filters-read-nothing',
      comment: 'src/filters/ may not import sources, commands, io, reporters, remediation, init, the entries, nor node:fs/child_process: a filter marks located candidates; files (a baseline) are read by config/.',
      severity: 'error',
      from: { path: '^src/filters/' },
      to: { path: `^src/(sources|commands|io|reporters|remediation|init|cli|action)/|${CORE_IO}` },
    },
    {
      name: 'config-below-sources',
      comment: 'src/config/ may not import sources, commands, detect, filters, reporters, remediation, io, init, nor the entries.',
      severity: 'error',
      from: { path: '^src/config/' },
      to: { path: '^src/(sources|commands|detect|filters|reporters|remediation|io|init|cli|action)/' },
    },
    {
      name: 'io-writes-only',
      comment: 'src/io/ (the Io, writing reports and notes, the progress bar) may import only src/text/, src/words/ and the shared vocabulary (types.ts, errors.ts, findings.ts).',
      severity: 'error',
      from: { path: '^src/io/' },
      to: { path: '^src/(?!io/|text/|words/|types[.]ts$|errors[.]ts$|findings[.]ts$)' },
    },
    {
      name: 'leaves-import-no-layer',
      comment: 'src/text/, src/aws/, src/words/ (every sentence a person reads, per language) and the shared vocabulary (types.ts, errors.ts, findings.ts, version.ts) may not import any layer folder: everything may import them.',
      severity: 'error',
      from: { path: '^src/(text|aws|words)/|^src/(types|errors|findings|version)[.]ts$' },
      to: { path: '^src/(sources|commands|engine|detect|filters|reporters|remediation|config|rules|io|init|cli|action|archive)/' },
    },
    {
      name: 'git-runs-in-one-place',
      comment: 'Only src/sources/git/run.ts may import node:child_process (every git call carries its pinned settings); the two programs that are not git: commands/remediate.ts (git-filter-repo -h) and init/husky.ts (husky).',
      severity: 'error',
      from: { pathNot: '^src/sources/git/run[.]ts$|^src/commands/remediate[.]ts$|^src/init/husky[.]ts$' },
      to: { path: '^(node:)?child_process$' },
    },
    {
      name: 'no-circular',
      comment: 'No import cycle, between folders or within one. A cycle closed by a lazy import() is a dispatch (src/archive/walk.ts opens a nested archive with its format reader), not a cycle.',
      severity: 'error',
      from: {},
      to: { circular: true, viaOnly: { dependencyTypesNot: ['dynamic-import'] } },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsConfig: { fileName: 'tsconfig.json' },
    parser: 'swc',
    exclude: { path: '^src/.*[.]d[.]ts$' },
  },
};
