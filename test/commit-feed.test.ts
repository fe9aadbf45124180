// The log's commits handed to the messages' cat-file (src/sources/git/commit-feed.ts): every id once, in order,
// in pieces, waiting while the pipe is full; the stream ended exactly once, however the log ends.
import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { CommitFeed } from '../src/sources/git/commit-feed.js';

/** A slow pipe: takes a few bytes at a time, a write answered only after a turn of the event loop. */
function slowPipe(): { into: Writable; text: () => string; writes: () => number; ends: () => number } {
  let text = '';
  let writes = 0;
  let ends = 0;
  const into = new Writable({
    highWaterMark: 1024,
    write(chunk: Buffer, _encoding, done) {
      writes++;
      text += chunk.toString();
      setImmediate(done);
    },
    final(done) {
      ends++;
      done();
    },
  });
  return { into, text: () => text, writes: () => writes, ends: () => ends };
}

const ids = (count: number): string[] => Array.from({ length: count }, (_, i) => i.toString(16).padStart(40, '0'));

describe('CommitFeed', () => {
  it('writes every id once and in order, in pieces, through a slow pipe, and ends it once', async () => {
    for (const pipedAt of ['start', 'middle', 'end']) {
      const feed = new CommitFeed();
      const pipe = slowPipe();
      const all = ids(5000);
      if (pipedAt === 'start') feed.pipe(pipe.into);
      all.forEach((id, i) => {
        if (pipedAt === 'middle' && i === 2500) feed.pipe(pipe.into);
        feed.push(id);
      });
      feed.end();
      if (pipedAt === 'end') feed.pipe(pipe.into);
      await feed.done;
      await new Promise((resolve) => pipe.into.on('finish', resolve));
      expect(pipe.text(), pipedAt).toBe(all.map((id) => `${id}\n`).join(''));
      expect(pipe.writes(), pipedAt).toBeLessThan(all.length / 100);
      expect(pipe.ends(), pipedAt).toBe(1);
    }
  });

  it('a log that fails ends the pipe and rejects, before or after it is piped; pushes after it are dropped', async () => {
    for (const pipedFirst of [true, false]) {
      const feed = new CommitFeed();
      const pipe = slowPipe();
      if (pipedFirst) feed.pipe(pipe.into);
      feed.push(ids(1)[0]);
      feed.fail(new Error('log killed'));
      feed.push(ids(2)[1]);
      feed.end();
      if (!pipedFirst) feed.pipe(pipe.into);
      await expect(feed.done).rejects.toThrow('log killed');
      await new Promise((resolve) => pipe.into.on('finish', resolve));
      expect(pipe.ends()).toBe(1);
      expect(pipe.text()).not.toContain(ids(2)[1]);
    }
  });

  it('writes nothing more once the reader stops it', async () => {
    const feed = new CommitFeed();
    const pipe = slowPipe();
    feed.pipe(pipe.into);
    feed.stop();
    for (const id of ids(2000)) feed.push(id);
    feed.end();
    await feed.done;
    await new Promise((resolve) => pipe.into.on('finish', resolve));
    expect(pipe.text()).toBe('');
  });
});
