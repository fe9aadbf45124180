// Display width, the one measure the text report's columns align on (src/text/width.ts).
import { describe, expect, it } from 'vitest';
import { displayWidth, padToWidth } from '../src/text/width.js';

describe('displayWidth', () => {
  it('counts ASCII by length', () => {
    expect(displayWidth('')).toBe(0);
    expect(displayWidth('aws-access-key-id')).toBe(17);
  });

  it('counts East Asian wide and fullwidth characters as two columns, halfwidth katakana as one', () => {
    expect(displayWidth('秘密鍵')).toBe(6);
    expect(displayWidth('アクセスキー')).toBe(12);
    expect(displayWidth('한국어')).toBe(6);
    expect(displayWidth('ＡＢＣ')).toBe(6);
    expect(displayWidth('ｱｸｾｽ')).toBe(4);
    expect(displayWidth('鍵-key')).toBe(6);
    expect(displayWidth('𠮷')).toBe(2); // outside the BMP: one surrogate pair, one wide character
  });

  it('counts combining marks and zero-width characters as nothing, emoji sequences as one wide character', () => {
    expect(displayWidth('cafe\u0301')).toBe(4);
    expect(displayWidth('a\u200bb')).toBe(2);
    expect(displayWidth('👍')).toBe(2);
    expect(displayWidth('👍🏽')).toBe(2);
    expect(displayWidth('👨‍👩‍👧')).toBe(2);
    expect(displayWidth('❤️')).toBe(2);
    expect(displayWidth('❤')).toBe(1);
  });

  it('counts the escapes of escaped text as what they show', () => {
    expect(displayWidth('\\x1b[2J')).toBe(7);
  });
});

describe('padToWidth', () => {
  it('pads to display columns and never cuts a longer text', () => {
    expect(padToWidth('鍵', 4)).toBe('鍵  ');
    expect(padToWidth('ab', 4)).toBe('ab  ');
    expect(padToWidth('秘密鍵', 4)).toBe('秘密鍵');
  });
});
