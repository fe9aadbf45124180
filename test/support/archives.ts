// Archives generated at test time (never binary fixtures with keys): a small zip writer that can also write
// what zip tools never do (overlapping entries, an encrypted flag, sizes that lie, hostile names), tar through
// tar-stream's packer, gzip through node:zlib.
import { crc32, deflateRawSync, gzipSync } from 'node:zlib';
import tar from 'tar-stream';

export interface ZipEntry {
  name: string | Buffer;
  data: Buffer | string;
  /** 0 stored, 8 deflated (default). */
  method?: 0 | 8;
  /** Sets the "encrypted" flag (the data is left as it is: readers must not try to read it). */
  encrypted?: boolean;
  /** Declares this uncompressed size instead of the real one (a lying entry). */
  declaredSize?: number;
}

export function makeZip(entries: ZipEntry[], options: { overlap?: number } = {}): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const entry of entries) {
    const name = Buffer.isBuffer(entry.name) ? entry.name : Buffer.from(entry.name);
    const raw = Buffer.isBuffer(entry.data) ? entry.data : Buffer.from(entry.data);
    const method = entry.method ?? 8;
    const body = method === 8 ? deflateRawSync(raw) : raw;
    const flags = (entry.encrypted ? 0x1 : 0) | 0x800;
    const size = entry.declaredSize ?? raw.length;
    const fields = (header: Buffer, at: number): void => {
      header.writeUInt16LE(20, at);
      header.writeUInt16LE(flags, at + 2);
      header.writeUInt16LE(method, at + 4);
      header.writeUInt32LE(0, at + 6); // time, date
      header.writeUInt32LE(crc32(raw), at + 10);
      header.writeUInt32LE(body.length, at + 14);
      header.writeUInt32LE(size, at + 18);
      header.writeUInt16LE(name.length, at + 22);
      header.writeUInt16LE(0, at + 24);
    };
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    fields(local, 4);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    fields(central, 6);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, body);
    centrals.push(central, name);
    // Overlap: this many more directory entries all pointing at the same local header (the "better zip bomb").
    for (let i = 0; i < (options.overlap ?? 0); i++) centrals.push(central, name);
    offset += local.length + name.length + body.length;
  }
  const directory = Buffer.concat(centrals);
  const count = entries.length * (1 + (options.overlap ?? 0));
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(count, 8);
  end.writeUInt16LE(count, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

export async function makeTar(entries: Array<{ name: string; data: Buffer | string }>): Promise<Buffer> {
  const pack = tar.pack();
  const parts: Buffer[] = [];
  pack.on('data', (part: Buffer) => parts.push(part));
  const done = new Promise<void>((resolve, reject) => {
    pack.on('end', resolve);
    pack.on('error', reject);
  });
  for (const entry of entries) pack.entry({ name: entry.name }, Buffer.isBuffer(entry.data) ? entry.data : Buffer.from(entry.data));
  pack.finalize();
  await done;
  return Buffer.concat(parts);
}

export async function makeTgz(entries: Array<{ name: string; data: Buffer | string }>): Promise<Buffer> {
  return gzipSync(await makeTar(entries));
}

export { gzipSync };
