// Display width, the one measure the text report's columns align on (src/text/width.ts).
import { describe, expect, it } from 'vitest';
import { quoteFromFile } from '../src/text/quote.js';
import { displayWidth, padToWidth, truncateToWidth, wrapToWidth } from '../src/text/width.js';

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

describe('truncateToWidth and quotes from files', () => {
  it('cuts between characters, never inside a surrogate pair or a grapheme, to at most the width', () => {
    expect(truncateToWidth('abcdef', 10)).toBe('abcdef');
    expect(truncateToWidth('abcdefghijkl', 10)).toBe('abcdefg...');
    expect(truncateToWidth('アクセスキー ID', 10)).toBe('アクセ...');
    expect(truncateToWidth('ab𠮷𠮷𠮷', 7)).toBe('ab𠮷...');
    expect(truncateToWidth('a👨‍👩‍👧b'.repeat(3), 6)).toBe('a👨‍👩‍👧...');
  });

  it('quotes a config value of any script without a broken character (quoteFromFile)', () => {
    const quoted = quoteFromFile('a b '.repeat(14) + '𠮷'.repeat(10));
    expect(quoted).not.toMatch(/[\ud800-\udbff](?![\udc00-\udfff])/); // no lone high surrogate
    expect(quoted.endsWith('...')).toBe(true);
    expect(quoted.length).toBeLessThanOrEqual(60);
    expect(quoteFromFile('short')).toBe('short');
  });
});

describe('wrapToWidth', () => {
  it('wraps English at spaces as before, and Japanese between characters, within the width', () => {
    expect(wrapToWidth('one two three four', 9, '', '  ')).toEqual(['one two', '  three', '  four']);
    const lines = wrapToWidth('キーを含むコミットを一度でもプッシュしたなら、キーは公開されたものと考えてください。', 24, '', '');
    expect(lines.join('')).toBe('キーを含むコミットを一度でもプッシュしたなら、キーは公開されたものと考えてください。');
    for (const line of lines) expect(displayWidth(line)).toBeLessThanOrEqual(24);
    expect(lines.length).toBeGreaterThan(1);
  });

  it('keeps Japanese punctuation off the start of a line and opening brackets off its end (kinsoku)', () => {
    // Width 10: a plain cut would start the second line with '。' or end the first with '（'.
    expect(wrapToWidth('あいうえ。かきく', 8, '', '')).toEqual(['あいう', 'え。かき', 'く']);
    expect(wrapToWidth('あいう（えお）', 8, '', '')).toEqual(['あいう', '（えお）']);
    for (const line of wrapToWidth('削除は元に戻せません。削除したキーは復元できず、シークレットアクセスキーはキーの作成時にしか表示されません。', 20, '', '')) {
      expect(line).not.toMatch(/^[、。）」]/);
      expect(line).not.toMatch(/[（「]$/);
    }
  });
});
