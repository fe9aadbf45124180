// Bytes → text: BOMs, BOM-less UTF-16, binary detection.
import { describe, expect, it } from 'vitest';
import { decodeBytes } from '../src/text/decode.js';

describe('decodeBytes', () => {
  const text = 'key = "välue"\r\nnext\n';
  it('decodes plain UTF-8 and UTF-8 with BOM', () => {
    expect(decodeBytes(Buffer.from(text))).toEqual({ text, encoding: 'utf-8' });
    expect(decodeBytes(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text)]))).toEqual({ text, encoding: 'utf-8-bom' });
  });
  it('decodes UTF-16 LE and BE with a BOM, and BOM-less UTF-16 by its NUL pattern', () => {
    const le = Buffer.from(text, 'utf16le');
    expect(decodeBytes(Buffer.concat([Buffer.from([0xff, 0xfe]), le]))).toEqual({ text, encoding: 'utf-16le' });
    expect(decodeBytes(Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(le).swap16()]))).toEqual({ text, encoding: 'utf-16be' });
    expect(decodeBytes(le)).toEqual({ text, encoding: 'utf-16le' });
    expect(decodeBytes(Buffer.from(le).swap16())).toEqual({ text, encoding: 'utf-16be' });
  });
  it('reads anything else with a NUL byte as binary: its text, control bytes as spaces, newlines kept', () => {
    expect(decodeBytes(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]))).toEqual({ text: '\x89PNG\r\n \n   \r', encoding: 'binary' });
    expect(decodeBytes(Buffer.from('text\0with a nul\nline 2\x7f'))).toEqual({ text: 'text with a nul\nline 2 ', encoding: 'binary' });
  });
  it('decodes an empty buffer as empty text', () => {
    expect(decodeBytes(Buffer.alloc(0))).toEqual({ text: '', encoding: 'utf-8' });
  });
});
