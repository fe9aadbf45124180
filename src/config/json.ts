// JSON.parse for files keywarden reads (configuration, baselines), with errors that never quote the file.
// V8's messages embed the text around the error ('Unexpected token 'r', "root:x:0:0"... is not valid JSON'),
// sometimes across lines, and give a position only for some errors. A file may be hostile or not ours at all (a
// link to ~/.aws/credentials), and an error lands in CI logs, so the message is rebuilt here: a line, a column
// and a reason from a fixed vocabulary, found by a small scanner that runs only after JSON.parse has failed.
import { ConfigError } from '../errors.js';
import { words } from '../words/index.js';

/** Parses `text`, or throws a one-line ConfigError `${label}: invalid JSON at line L, column C: reason${hint}`. */
export function parseJsonText(text: string, label: string, hint = ''): unknown {
  if (text.trim() === '') throw new ConfigError(words().config.empty(label));
  try {
    return JSON.parse(text);
  } catch {
    const { offset, reason } = firstError(text);
    const [line, column] = lineColumn(text, offset);
    throw new ConfigError(words().config.invalidJson(label, line, column, reason, hint));
  }
}

interface SyntaxProblem {
  offset: number;
  reason: string;
}

/** Where and why strict JSON (RFC 8259) fails; only called on text JSON.parse rejected. */
export function firstError(text: string): SyntaxProblem {
  let i = 0;
  const fail = (reason: string, at = i): never => {
    throw { offset: at, reason } satisfies SyntaxProblem;
  };
  const end = (): never => fail(words().config.json.end, text.length);
  const space = (): void => {
    while (i < text.length && ' \t\n\r'.includes(text[i])) i++;
  };
  const string = (): void => {
    const start = i++;
    for (;;) {
      if (i >= text.length) fail(words().config.json.unterminated, start);
      const c = text.charCodeAt(i);
      if (c === 0x22) break;
      if (c < 0x20) fail(words().config.json.control);
      if (c === 0x5c) {
        const next = text[i + 1];
        if (next === 'u') {
          if (!/^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6))) fail(words().config.json.badUnicode);
          i += 6;
          continue;
        }
        if (next === undefined || !'"\\/bfnrt'.includes(next)) fail(words().config.json.badEscape);
        i += 2;
        continue;
      }
      i++;
    }
    i++;
  };
  const value = (): void => {
    space();
    if (i >= text.length) end();
    const c = text[i];
    if (c === '{') {
      i++;
      space();
      if (text[i] === '}') {
        i++;
        return;
      }
      for (;;) {
        space();
        if (i >= text.length) end();
        if (text[i] !== '"') fail(text[i] === '}' ? words().config.json.trailingComma : words().config.json.propertyName);
        string();
        space();
        if (i >= text.length) end();
        if (text[i] !== ':') fail(words().config.json.colon);
        i++;
        value();
        space();
        if (i >= text.length) end();
        if (text[i] === '}') {
          i++;
          return;
        }
        if (text[i] !== ',') fail(words().config.json.commaBrace);
        i++;
      }
    }
    if (c === '[') {
      i++;
      space();
      if (text[i] === ']') {
        i++;
        return;
      }
      for (;;) {
        space();
        if (text[i] === ']') fail(words().config.json.trailingComma);
        value();
        space();
        if (i >= text.length) end();
        if (text[i] === ']') {
          i++;
          return;
        }
        if (text[i] !== ',') fail(words().config.json.commaBracket);
        i++;
      }
    }
    if (c === '"') return string();
    const literal = /^(?:true|false|null|-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?)/.exec(text.slice(i, i + 400));
    if (literal === null || /[\w.+-]/.test(text[i + literal[0].length] ?? '')) fail(words().config.json.notValue);
    i += (literal as RegExpExecArray)[0].length;
  };
  try {
    value();
    space();
    if (i < text.length) fail(words().config.json.afterEnd);
  } catch (problem) {
    if (problem !== null && typeof problem === 'object' && 'reason' in problem) return problem as SyntaxProblem;
    if (problem instanceof RangeError) return { offset: 0, reason: words().config.json.tooDeep };
    throw problem;
  }
  // JSON.parse refused what this scanner accepts (a lone surrogate? deep nesting): no position to give.
  return { offset: 0, reason: words().config.json.invalid };
}

function lineColumn(text: string, offset: number): [number, number] {
  let line = 1;
  let start = 0;
  for (let i = 0; i < offset && i < text.length; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      start = i + 1;
    }
  }
  return [line, offset - start + 1];
}
