// Standard input as one chunk, reported under --stdin-name (default "stdin").
import type { Detect, Located, Source } from '../types.js';
import type { SourceContext } from './context.js';
import { locate, oversizeNote } from './locate.js';

export async function createStdinSource(context: SourceContext): Promise<Source> {
  const name = context.options.stdinName ?? 'stdin';
  const stats = { bytes: 0, files: 0, commits: 0 };
  const notes: Source['notes'] = [];
  return {
    mode: 'stdin',
    target: name,
    stats,
    notes,
    async run(detect: Detect): Promise<Located[]> {
      const parts: Buffer[] = [];
      for await (const part of context.stdin) parts.push(typeof part === 'string' ? Buffer.from(part) : part);
      const data = Buffer.concat(parts);
      stats.bytes = data.length;
      stats.files = 1;
      if (data.length > context.config.maxFileSize) {
        // The one input the user piped in: say so plainly, not only with --verbose.
        notes.push({ ...oversizeNote(name, data.length, context.config.maxFileSize), level: 'warn', verbose: false });
        return [];
      }
      const result = await detect({ path: name, data });
      return locate(result.candidates, name, null);
    },
  };
}
