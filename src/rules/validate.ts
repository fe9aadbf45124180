// Raw rule data (parsed JSON) → a compiled Rule, or a ConfigError naming the origin and the field.
// Hand-written rather than a schema library: it runs on every start-up (the pre-commit path), and each error
// must say exactly which field of which file is wrong.
import { ConfigError } from '../errors.js';
import type { Confidence } from '../types.js';
import { compileRegex } from './regex.js';
import { DECODERS, type DecoderName, type KeyIdFrom, type NameContext, type PairContext, type RejectLimits, type Rule, type RuleContext, type RuleExamples } from './types.js';
import { words } from '../words/index.js';

const CONFIDENCES: readonly Confidence[] = ['high', 'medium', 'low'];

/**
 * The separator allowed between a name and its value: quotes, `=`, `:`, `=>`, `(`, `,`, tags, whitespace,
 * newlines, and the word `value` (`<add key="AWSSecretKey" value="…"/>`, Postman's `"key": …, "value": …`).
 */
export const DEFAULT_SEPARATOR = String.raw`(?:[\s"'\`:=>,;(\[{|*\\@]|-|<\/?[A-Za-z_][\w:.-]*>|value\b)*`;

const RULE_FIELDS = new Set([
  '$comment', 'id', 'kind', 'description', 'regex', 'flags', 'secretGroup', 'keywords', 'entropy', 'confidence',
  'context', 'decoders', 'allowlist', 'reject', 'examples', 'keyIdFrom', 'partnerOnly', 'spanLines', 'needsKeyword', 'valueRun',
  'starts',
]);

type Json = Record<string, unknown>;

class Fields {
  constructor(
    readonly origin: string,
    readonly data: Json,
    readonly prefix = '',
    /** Built-in rules skip the backtracking analysis at run time: test/rules-load.test.ts runs it on them. */
    readonly trusted = false,
  ) {}
  where(field: string): string {
    return `${this.origin}: ${this.prefix}${field}`;
  }
  fail(field: string, message: string): never {
    throw new ConfigError(`${this.where(field)}: ${message}`);
  }
  string(field: string, required = true): string | undefined {
    const value = this.data[field];
    if (value === undefined && !required) return undefined;
    if (typeof value !== 'string' || value === '') this.fail(field, words().rules.field.nonEmpty);
    return value;
  }
  number(field: string, fallback: number, min = 0, max = Infinity): number {
    const value = this.data[field];
    if (value === undefined) return fallback;
    if (typeof value !== 'number' || !Number.isFinite(value) || value < min || value > max) {
      this.fail(field, words().rules.field.range(min, max));
    }
    return value;
  }
  boolean(field: string, fallback: boolean): boolean {
    const value = this.data[field];
    if (value === undefined) return fallback;
    if (typeof value !== 'boolean') this.fail(field, words().rules.field.boolean);
    return value;
  }
  confidence(field: string, fallback: Confidence): Confidence {
    const value = this.data[field];
    if (value === undefined) return fallback;
    if (!CONFIDENCES.includes(value as Confidence)) this.fail(field, words().rules.field.confidence);
    return value as Confidence;
  }
  regex(field: string, flags: string, wrap = (source: string) => source, linear = false): RegExp {
    const source = this.string(field) as string;
    if (this.trusted) {
      try {
        return new RegExp(wrap(source), flags);
      } catch (error) {
        this.fail(field, (error as Error).message);
      }
    }
    return compileRegex(wrap(source), flags, this.where(field), { linear });
  }
  object(field: string): Fields | undefined {
    const value = this.data[field];
    if (value === undefined || value === null) return undefined;
    if (typeof value !== 'object' || Array.isArray(value)) this.fail(field, words().rules.field.object);
    return new Fields(this.origin, value as Json, `${this.prefix}${field}.`, this.trusted);
  }
  array(field: string): unknown[] {
    const value = this.data[field];
    if (value === undefined) return [];
    if (!Array.isArray(value)) this.fail(field, words().rules.field.array);
    return value;
  }
  objects(field: string): Fields[] {
    return this.array(field).map((item, i) => {
      if (typeof item !== 'object' || item === null || Array.isArray(item)) this.fail(`${field}[${i}]`, words().rules.field.object);
      return new Fields(this.origin, item as Json, `${this.prefix}${field}[${i}].`, this.trusted);
    });
  }
  strings(field: string): string[] {
    return this.array(field).map((item, i) => {
      if (typeof item !== 'string' || item === '') this.fail(`${field}[${i}]`, words().rules.field.nonEmpty);
      return item;
    });
  }
}

/**
 * Validates and compiles one rule. `origin` names it in errors ("patterns/x.json", ".keywarden.json: rules[0]").
 * `trusted` (keywarden's own patterns/) skips the regex backtracking analysis, which costs a few milliseconds
 * of every start-up; the test suite runs that analysis on every built-in regex instead.
 */
export function compileRule(raw: unknown, origin: string, trusted = false): Rule {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) throw new ConfigError(words().rules.notObject(origin));
  const f = new Fields(origin, raw as Json, '', trusted);
  for (const key of Object.keys(raw)) if (!RULE_FIELDS.has(key)) f.fail(key, words().rules.field.unknown);

  const id = f.string('id') as string;
  if (!/^[a-z0-9][a-z0-9-]*$/.test(id)) f.fail('id', words().rules.field.id);
  const flags = f.string('flags', false) ?? '';
  if (!/^[imsu]*$/.test(flags)) f.fail('flags', words().rules.field.flags);
  const secretGroup = f.number('secretGroup', 0, 0, 99);
  if (!Number.isInteger(secretGroup)) f.fail('secretGroup', words().rules.field.integer);
  // The rule regex runs over whole windows of text: it must also be free of polynomial backtracking.
  const regex = f.regex('regex', `g${flags}${secretGroup > 0 ? 'd' : ''}`, undefined, true);
  const groups = new RegExp(`${regex.source}|`, flags).exec('')!.length - 1;
  if (secretGroup > groups) f.fail('secretGroup', words().rules.field.groups(groups));
  const keywords = f.strings('keywords');
  if (keywords.length === 0) f.fail('keywords', words().rules.field.keywords);

  const decoders = f.strings('decoders') as DecoderName[];
  decoders.forEach((name, i) => {
    if (!DECODERS.includes(name)) f.fail(`decoders[${i}]`, words().rules.field.decoder(name, DECODERS.join(', ')));
  });

  return {
    id,
    kind: f.string('kind') as string,
    description: f.string('description') as string,
    regex,
    secretGroup,
    keywords,
    entropy: f.number('entropy', 0, 0, 8),
    confidence: f.confidence('confidence', 'high'),
    context: compileContext(f.object('context')),
    decoders,
    allowlist: compileAllowlist(f.object('allowlist')),
    reject: compileReject(f.object('reject')),
    examples: compileExamples(f),
    keyIdFrom: compileKeyIdFrom(f.object('keyIdFrom')),
    partnerOnly: f.boolean('partnerOnly', false),
    spanLines: f.number('spanLines', 0, 0, 200),
    needsKeyword: f.boolean('needsKeyword', false),
    valueRun: f.number('valueRun', 0, 0, 8192),
    starts: compileStarts(f.object('starts'), regex.flags),
    origin,
  };
}

function compileStarts(f: Fields | undefined, flags: string): Rule['starts'] {
  if (!f) return null;
  // Literals are looked for as written: under the i flag a match could start with another case of them.
  if (f.data.with !== undefined && flags.includes('i')) f.fail('with', words().rules.field.startsCase);
  for (const key of Object.keys(f.data)) if (!['with', 'run', '$comment'].includes(key)) f.fail(key, words().rules.field.unknown);
  if ((f.data.with === undefined) === (f.data.run === undefined)) f.fail('with', words().rules.field.startsOne);
  if (f.data.run !== undefined) return { run: f.number('run', 1, 1, 8192) };
  const literals = f.strings('with');
  if (literals.length === 0 || literals.some((literal) => literal.length === 0)) f.fail('with', words().rules.field.startsOne);
  return { with: literals };
}

function compileKeyIdFrom(f: Fields | undefined): KeyIdFrom | null {
  if (!f) return null;
  for (const key of Object.keys(f.data)) {
    if (!['source', 'strip', 'decode', 'regex', 'template', 'required', '$comment'].includes(key)) f.fail(key, words().rules.field.unknown);
  }
  const source = f.string('source', false) ?? 'secret';
  if (source !== 'secret' && source !== 'match') f.fail('source', words().rules.field.source);
  const decode = f.string('decode', false) ?? null;
  if (decode !== null && decode !== 'base64') f.fail('decode', words().rules.field.decode);
  const regex = f.regex('regex', '');
  if (f.data.template === undefined && new RegExp(`${regex.source}|`).exec('')!.length < 2) f.fail('regex', words().rules.field.template);
  return {
    source: source as KeyIdFrom['source'],
    strip: f.data.strip === undefined ? null : f.regex('strip', ''),
    decode: decode as KeyIdFrom['decode'],
    regex,
    template: f.string('template', false) ?? null,
    required: f.boolean('required', false),
  };
}

function compileContext(f: Fields | undefined): RuleContext | null {
  if (!f) return null;
  const separator = f.string('separator', false) ?? DEFAULT_SEPARATOR;
  const names: NameContext[] = f.objects('names').map((n) => {
    const nearFields = n.object('near');
    return {
      // The name must be the last thing before the value, apart from separators.
      regex: n.regex('regex', 'i', (source) => `(?:${source})${separator}$`),
      confidence: n.confidence('confidence', 'high'),
      near: nearFields ? { regex: nearFields.regex('regex', 'i'), lines: nearFields.number('lines', 10, 0, 200) } : null,
    };
  });
  const pairFields = f.object('pair');
  const pair: PairContext | null = pairFields
    ? {
        kind: pairFields.string('kind') as string,
        lines: pairFields.number('lines', 4, 0, 200),
        chars: pairFields.number('chars', 1000, 0, 100000),
        confidence: pairFields.confidence('confidence', 'high'),
        prefer: pairFields.data.prefer === undefined ? null : pairFields.regex('prefer', ''),
      }
    : null;
  const aloneFields = f.object('alone');
  const alone = aloneFields ? { regex: aloneFields.regex('regex', ''), confidence: aloneFields.confidence('confidence', 'medium') } : null;
  if (names.length === 0 && !pair && !alone) f.fail('names', words().rules.field.context);
  for (const key of Object.keys(f.data)) {
    if (!['names', 'pair', 'alone', 'separator', '$comment'].includes(key)) f.fail(key, words().rules.field.unknown);
  }
  return { names, pair, alone };
}

function compileAllowlist(f: Fields | undefined): Rule['allowlist'] {
  if (!f) return { regexes: [], stopwords: [] };
  const regexes = f.objects('regexes').map((r) => ({ regex: r.regex('regex', ''), reason: r.string('reason') as string, soft: r.boolean('soft', false) }));
  const stopwords = f.objects('stopwords').flatMap((s) => {
    s.string('reason');
    return s.strings('words').map((word) => word.toLowerCase());
  });
  return { regexes, stopwords };
}

function compileReject(f: Fields | undefined): Rule['reject'] {
  const soft = f?.object('soft');
  if (soft && soft.data.hex !== undefined) soft.fail('hex', words().rules.field.hex);
  return { hex: f?.boolean('hex', false) ?? false, ...compileLimits(f), soft: soft ? compileLimits(soft) : null };
}

function compileLimits(f: Fields | undefined): RejectLimits {
  return {
    maxRepeat: f?.number('maxRepeat', 0, 0, 1000) ?? 0,
    maxSequence: f?.number('maxSequence', 0, 0, 1000) ?? 0,
    maxSequenceRuns: f?.number('maxSequenceRuns', 0, 0, 1000) ?? 0,
    minClasses: f?.number('minClasses', 0, 0, 4) ?? 0,
    words: f?.boolean('words', false) ?? false,
  };
}

function compileExamples(f: Fields): RuleExamples {
  const examples = f.object('examples');
  if (!examples) f.fail('examples', words().rules.field.examples);
  const match = examples.array('match').map((item, i) => {
    if (typeof item === 'string') return { text: item };
    const e = new Fields(f.origin, item as Json, `examples.match[${i}].`);
    return { text: e.string('text') as string, secret: e.string('secret', false) };
  });
  const noMatch = examples.objects('noMatch').map((e) => ({ text: e.string('text') as string, reason: e.string('reason') as string }));
  if (match.length === 0) examples.fail('match', words().rules.field.match);
  return { match, noMatch };
}
