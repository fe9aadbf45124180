// Which archive format a blob is, by its first bytes (never by its name: a renamed zip is still a zip, and a
// `.zip` holding text is text). Cheap and imported everywhere bytes meet the detector; the readers
// themselves (walk.ts and the libraries) are loaded only when this says yes.
//   zip:  a local file header `PK\x03\x04` at offset 0 (jar, war, whl, apk, docx/xlsx/pptx, odt, Lambda
//         packages). Self-extracting zips (a program before the first header) and empty zips are not read.
//   gzip: `\x1f\x8b` then method 8 (deflate), the only method gzip defines (.gz, .tgz, .tar.gz).
//   tar:  `ustar` at offset 257 (POSIX and GNU tar; pre-POSIX v7 tar has no magic and is not recognised).
export type ArchiveFormat = 'zip' | 'gzip' | 'tar';

const TAR_MAGIC_AT = 257;

export function archiveFormat(data: Uint8Array): ArchiveFormat | null {
  if (data.length >= 4 && data[0] === 0x50 && data[1] === 0x4b && data[2] === 0x03 && data[3] === 0x04) return 'zip';
  if (data.length >= 10 && data[0] === 0x1f && data[1] === 0x8b && data[2] === 0x08) return 'gzip';
  if (data.length >= 512 && data[TAR_MAGIC_AT] === 0x75 && data[TAR_MAGIC_AT + 1] === 0x73 && data[TAR_MAGIC_AT + 2] === 0x74 && data[TAR_MAGIC_AT + 3] === 0x61 && data[TAR_MAGIC_AT + 4] === 0x72) return 'tar';
  return null;
}
