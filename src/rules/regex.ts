// Compiles a regex that comes from data (patterns/, a user's config, a config inside a scanned pull request)
// and refuses the forms that backtrack catastrophically: a config must never be able to hang keywarden.
//
// V8's irregexp is a backtracking engine, so `(a+)+$` on "aaaa…b" takes exponential time. Rather than a
// timeout (impossible for a synchronous RegExp) we parse the source into a small tree and reject:
//   - nested variable quantifiers (star height > 1): `(a+)+`, `(a*)*`, `(?:\w+\s?)*`, `(a{1,9})+`, unless
//     each repetition starts or ends with a character the inner ones cannot take (`(?:\.\w+)+`, `(?:<[^>]*>)*`);
//   - a variable quantifier over alternatives that can match the same text or a prefix of each other:
//     `(a|a)*`, `(a|ab)+`, `(\w|\d)*` (each repetition can be split two ways: 2^n paths on failure);
//   - for rule regexes (run over windows of up to 64 KB), also two unbounded repetitions in a row over the
//     same characters, `\w+\s*\w+x`, which are polynomial (O(n³)) rather than exponential.
// The analysis is conservative (it may refuse a safe regex, never accept a catastrophic one of these kinds);
// the message says why and how to rewrite. Fixed counts (`(?:ab){4}`) and single quantifiers are fine.
import { ConfigError } from '../errors.js';
import { maskCredentials, quoteFromFile } from '../text/quote.js';
import { words } from '../words/index.js';

/**
 * Compiles `source` with `flags`, or throws ConfigError `<where>: …` if it is invalid or may backtrack
 * catastrophically. With `linear` (rule regexes, which run over windows of up to 64 KB) it also refuses
 * polynomial forms: two unbounded repetitions over the same characters one after the other (`\w+\s*\w+x`),
 * which cost O(n³) on a long run of word characters. Allow-regexes and names only ever see short strings.
 */
export function compileRegex(source: string, flags: string, where: string, options: { linear?: boolean } = {}): RegExp {
  let regex: RegExp;
  try {
    regex = new RegExp(source, flags);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    throw new ConfigError(`${where}: ${maskCredentials(message)}`); // V8's message quotes the whole source
  }
  const problem = findCatastrophicForm(source, flags.includes('i')) ?? (options.linear ? findPolynomialForm(source, flags.includes('i')) : null);
  if (problem) throw new ConfigError(words().rules.regex.unsafe(where, quoteFromFile(source), problem));
  return regex;
}

// ---- a small parser for the JavaScript regex syntax, enough to find quantifier structure ----

/** A set of the first characters an expression may start with: ASCII bits plus "anything else". */
class CharSet {
  readonly bits = new Uint32Array(4);
  other = false;
  add(code: number): void {
    if (code < 128) this.bits[code >> 5] |= 1 << (code & 31);
    else this.other = true;
  }
  addRange(from: number, to: number): void {
    for (let c = from; c <= Math.min(to, 127); c++) this.add(c);
    if (to >= 128) this.other = true;
  }
  addAll(): void {
    this.bits.fill(0xffffffff);
    this.other = true;
  }
  union(other: CharSet): void {
    for (let i = 0; i < 4; i++) this.bits[i] |= other.bits[i];
    this.other ||= other.other;
  }
  complement(): void {
    for (let i = 0; i < 4; i++) this.bits[i] = ~this.bits[i] >>> 0;
    this.other = true;
  }
  intersects(other: CharSet): boolean {
    for (let i = 0; i < 4; i++) if ((this.bits[i] & other.bits[i]) !== 0) return true;
    return this.other && other.other;
  }
}

type Node =
  | { type: 'atom'; first: CharSet }
  | { type: 'group'; alternatives: Node[][]; lookaround: boolean }
  | { type: 'quantified'; node: Node; min: number; max: number }
  | { type: 'empty' };

class Parser {
  private pos = 0;
  constructor(
    private readonly src: string,
    private readonly ignoreCase: boolean,
  ) {}

  parse(): Node[][] {
    return this.alternatives();
  }

  private alternatives(): Node[][] {
    const result: Node[][] = [this.sequence()];
    while (this.src[this.pos] === '|') {
      this.pos++;
      result.push(this.sequence());
    }
    return result;
  }

  private sequence(): Node[] {
    const nodes: Node[] = [];
    while (this.pos < this.src.length && this.src[this.pos] !== '|' && this.src[this.pos] !== ')') {
      const atom = this.atom();
      nodes.push(this.quantifier(atom));
    }
    return nodes;
  }

  private quantifier(node: Node): Node {
    const c = this.src[this.pos];
    let min: number;
    let max: number;
    if (c === '*') [min, max] = [0, Infinity];
    else if (c === '+') [min, max] = [1, Infinity];
    else if (c === '?') [min, max] = [0, 1];
    else if (c === '{') {
      const m = /^\{(\d+)(,(\d*))?\}/.exec(this.src.slice(this.pos));
      if (!m) return node;
      min = Number(m[1]);
      max = m[2] === undefined ? min : m[3] === '' ? Infinity : Number(m[3]);
      this.pos += m[0].length - 1;
    } else return node;
    this.pos++;
    if (this.src[this.pos] === '?') this.pos++;
    return { type: 'quantified', node, min, max };
  }

  private atom(): Node {
    const c = this.src[this.pos];
    if (c === '(') return this.group();
    if (c === '[') return { type: 'atom', first: this.charClass() };
    if (c === '\\') return this.escape();
    this.pos++;
    if (c === '^' || c === '$') return { type: 'empty' };
    const first = new CharSet();
    if (c === '.') first.addAll();
    else this.addLiteral(first, c.charCodeAt(0));
    return { type: 'atom', first };
  }

  private group(): Node {
    this.pos++; // (
    let lookaround = false;
    if (this.src[this.pos] === '?') {
      const rest = this.src.slice(this.pos);
      const m = /^\?(?::|=|!|<=|<!|<[A-Za-z_$][\w$]*>)/.exec(rest);
      if (m) {
        lookaround = /^\?(=|!|<=|<!)$/.test(m[0]);
        this.pos += m[0].length;
      }
    }
    const alternatives = this.alternatives();
    this.pos++; // )
    return { type: 'group', alternatives, lookaround };
  }

  private escape(): Node {
    this.pos++;
    const c = this.src[this.pos++] ?? '';
    const first = new CharSet();
    if (c === 'b' || c === 'B') return { type: 'empty' };
    if (c === 'k' && this.src[this.pos] === '<') {
      this.pos = this.src.indexOf('>', this.pos) + 1;
      first.addAll();
      return { type: 'atom', first };
    }
    if (/[1-9]/.test(c)) {
      while (/\d/.test(this.src[this.pos] ?? '')) this.pos++;
      first.addAll();
      return { type: 'atom', first };
    }
    this.classEscape(c, first);
    return { type: 'atom', first };
  }

  /** Adds the characters of an escape (after the backslash, which is already consumed) to `set`. */
  private classEscape(c: string, set: CharSet): void {
    const digits = () => set.addRange(48, 57);
    const word = () => {
      set.addRange(48, 57);
      set.addRange(65, 90);
      set.addRange(97, 122);
      set.add(95);
    };
    // Unicode spaces are left out, so that \s and \S stay disjoint for the overlap checks.
    const space = () => {
      for (const code of [9, 10, 11, 12, 13, 32]) set.add(code);
    };
    const negated = (fill: () => void) => {
      const inner = new CharSet();
      const saved = set.bits.slice();
      set.bits.fill(0);
      fill();
      inner.union(set);
      set.bits.set(saved);
      inner.complement();
      set.union(inner);
    };
    switch (c) {
      case 'd': return digits();
      case 'w': return word();
      case 's': return space();
      case 'D': return negated(digits);
      case 'W': return negated(word);
      case 'S': return negated(space);
      case 'p':
      case 'P':
        if (this.src[this.pos] === '{') this.pos = this.src.indexOf('}', this.pos) + 1;
        return set.addAll();
      case 'x': {
        const hex = this.src.slice(this.pos, this.pos + 2);
        this.pos += 2;
        return this.addLiteral(set, parseInt(hex, 16) || 0);
      }
      case 'u': {
        if (this.src[this.pos] === '{') {
          const end = this.src.indexOf('}', this.pos);
          const code = parseInt(this.src.slice(this.pos + 1, end), 16) || 0;
          this.pos = end + 1;
          return this.addLiteral(set, code);
        }
        const code = parseInt(this.src.slice(this.pos, this.pos + 4), 16) || 0;
        this.pos += 4;
        return this.addLiteral(set, code);
      }
      case 'c':
        this.pos++;
        return set.addRange(0, 31);
      case 'n': return set.add(10);
      case 'r': return set.add(13);
      case 't': return set.add(9);
      case 'f': return set.add(12);
      case 'v': return set.add(11);
      case '0': return set.add(0);
      default: return this.addLiteral(set, c.charCodeAt(0));
    }
  }

  private addLiteral(set: CharSet, code: number): void {
    set.add(code);
    if (this.ignoreCase && code < 128) {
      const ch = String.fromCharCode(code);
      set.add(ch.toLowerCase().charCodeAt(0));
      set.add(ch.toUpperCase().charCodeAt(0));
    }
  }

  private charClass(): CharSet {
    this.pos++; // [
    const set = new CharSet();
    let negate = false;
    if (this.src[this.pos] === '^') {
      negate = true;
      this.pos++;
    }
    while (this.pos < this.src.length && this.src[this.pos] !== ']') {
      const from = this.classChar(set);
      if (from !== null && this.src[this.pos] === '-' && this.src[this.pos + 1] !== ']' && this.pos + 1 < this.src.length) {
        this.pos++;
        const to = this.classChar(set);
        if (to !== null) {
          set.addRange(from, to);
          if (this.ignoreCase) {
            for (let code = from; code <= Math.min(to, 127); code++) this.addLiteral(set, code);
          }
        }
      }
    }
    this.pos++; // ]
    if (negate) set.complement();
    return set;
  }

  /** Reads one class member; returns its code if it is a single character (so it can start a range). */
  private classChar(set: CharSet): number | null {
    const c = this.src[this.pos++];
    if (c !== '\\') {
      this.addLiteral(set, c.charCodeAt(0));
      return c.charCodeAt(0);
    }
    const e = this.src[this.pos++] ?? '';
    if ('dDwWsSpP'.includes(e)) {
      this.classEscape(e, set);
      return null;
    }
    if (e === 'b') {
      set.add(8);
      return 8;
    }
    const before = new CharSet();
    this.classEscape(e, before);
    set.union(before);
    for (let code = 0; code < 128; code++) if (before.bits[code >> 5] & (1 << (code & 31))) return code;
    return null;
  }
}

/** The first characters a sequence can start with, and whether it can match the empty string. */
function firstOf(nodes: Node[]): { first: CharSet; nullable: boolean } {
  const first = new CharSet();
  for (const node of nodes) {
    const part = firstOfNode(node);
    first.union(part.first);
    if (!part.nullable) return { first, nullable: false };
  }
  return { first, nullable: true };
}

function firstOfNode(node: Node): { first: CharSet; nullable: boolean } {
  switch (node.type) {
    case 'atom':
      return { first: node.first, nullable: false };
    case 'empty':
      return { first: new CharSet(), nullable: true };
    case 'quantified': {
      const inner = firstOfNode(node.node);
      return { first: inner.first, nullable: inner.nullable || node.min === 0 };
    }
    case 'group': {
      if (node.lookaround) return { first: new CharSet(), nullable: true };
      const first = new CharSet();
      let nullable = false;
      for (const alt of node.alternatives) {
        const part = firstOf(alt);
        first.union(part.first);
        nullable ||= part.nullable;
      }
      return { first, nullable };
    }
  }
}

/** The character sets of the leading single-character atoms of a sequence (stops at anything else). */
function leadingChars(alt: Node[]): CharSet[] {
  const sets: CharSet[] = [];
  for (const node of alt) {
    if (node.type !== 'atom') break;
    sets.push(node.first);
  }
  if (sets.length === 0) sets.push(firstOf(alt).first);
  return sets;
}

/**
 * Whether two alternatives could match the same text or one a prefix of the other (then a repetition of
 * them can split the same input several ways). `bar|baz` cannot: they differ at the third character.
 */
function mayOverlap(a: CharSet[], b: CharSet[]): boolean {
  for (let k = 0; k < Math.min(a.length, b.length); k++) if (!a[k].intersects(b[k])) return false;
  return true;
}

function isVariable(node: Node): boolean {
  return node.type === 'quantified' && node.max > node.min && node.max > 1;
}

/** Whether any variable quantifier occurs inside `nodes` (at any depth). */
function containsVariableQuantifier(nodes: Node[]): boolean {
  for (const node of nodes) {
    if (node.type === 'quantified') {
      if (node.max > node.min && (node.max > 1 || node.min === 0)) return true;
      if (containsVariableQuantifier([node.node])) return true;
    } else if (node.type === 'group') {
      if (node.alternatives.some(containsVariableQuantifier)) return true;
    }
  }
  return false;
}

/** Every character any atom inside `nodes` can consume. */
function charsOf(nodes: Node[]): CharSet {
  const set = new CharSet();
  for (const node of nodes) {
    if (node.type === 'atom') set.union(node.first);
    else if (node.type === 'quantified') set.union(charsOf([node.node]));
    else if (node.type === 'group' && !node.lookaround) for (const alt of node.alternatives) set.union(charsOf(alt));
  }
  return set;
}

/**
 * A repeated sequence that starts or ends with a mandatory character its inner repetitions can never consume
 * (`(?:\\.\\w+)+`, `(?:<[^>]*>)*`) splits into iterations one way only, so nesting is safe there.
 */
function isDelimited(alt: Node[]): boolean {
  const inner = charsOf(alt.filter((node) => containsVariableQuantifier([node])));
  const head = alt[0];
  const tail = alt[alt.length - 1];
  const delimits = (node: Node | undefined) => node !== undefined && node.type === 'atom' && !node.first.intersects(inner);
  return (delimits(head) || delimits(tail)) && !containsNestedProblem(alt);
}

function containsNestedProblem(nodes: Node[]): boolean {
  return check(nodes) !== null;
}

function check(nodes: Node[]): string | null {
  for (const node of nodes) {
    if (node.type === 'group') {
      for (const alt of node.alternatives) {
        const problem = check(alt);
        if (problem) return problem;
      }
    } else if (node.type === 'quantified') {
      if (isVariable(node)) {
        const body = node.node.type === 'group' ? node.node.alternatives : [[node.node]];
        if (body.some((alt) => containsVariableQuantifier(alt) && !isDelimited(alt))) {
          return words().rules.regex.nested;
        }
        if (body.length > 1) {
          const firsts = body.map((alt) => firstOf(alt));
          if (firsts.some((f) => f.nullable)) return words().rules.regex.nullable;
          const prefixes = body.map(leadingChars);
          for (let i = 0; i < firsts.length; i++) {
            for (let j = i + 1; j < firsts.length; j++) {
              if (mayOverlap(prefixes[i], prefixes[j])) {
                return words().rules.regex.overlap;
              }
            }
          }
        }
      }
      const problem = check([node.node]);
      if (problem) return problem;
    }
  }
  return null;
}

/** A description of the first catastrophic-backtracking form found in `source`, or null if none. */
export function findCatastrophicForm(source: string, ignoreCase = false): string | null {
  const alternatives = new Parser(source, ignoreCase).parse();
  for (const alt of alternatives) {
    const problem = check(alt);
    if (problem) return problem;
  }
  return null;
}

/** Repetitions with a maximum this large count as unbounded for the polynomial check. */
const LARGE = 100;

/** Inlines plain single-alternative groups, so `(?:a+)(?:a+)b` reads like `a+a+b`. */
function flatten(nodes: Node[]): Node[] {
  return nodes.flatMap((node) => (node.type === 'group' && !node.lookaround && node.alternatives.length === 1 ? flatten(node.alternatives[0]) : [node]));
}

/**
 * Two large repetitions in a row over overlapping characters, with only characters they could both take
 * between them, and something after them that can fail (which forces the backtracking).
 */
function checkLinear(input: Node[]): string | null {
  const nodes = flatten(input);
  const canFailAfter = nodes.map((_, i) => nodes.slice(i + 1).some((n) => !(n.type === 'group' && n.lookaround) && !firstOfNode(n).nullable));
  let previous: CharSet | null = null;
  for (let i = 0; i < nodes.length; i++) {
    const node = nodes[i];
    if (node.type === 'group') for (const alt of node.alternatives) {
      const problem = checkLinear(alt);
      if (problem) return problem;
    }
    if (node.type === 'group' && node.lookaround) continue;
    if (node.type === 'quantified') {
      const problem = checkLinear([node.node]);
      if (problem) return problem;
    }
    const large = (node.type === 'quantified' && node.max >= LARGE) || (node.type === 'group' && node.alternatives.some((alt) => alt.some((n) => n.type === 'quantified' && n.max >= LARGE)));
    const { first, nullable } = firstOfNode(node);
    if (large) {
      const chars = charsOf([node]);
      if (previous && previous.intersects(chars) && canFailAfter[i]) {
        return words().rules.regex.adjacent;
      }
      if (nullable && previous) previous.union(chars);
      else previous = chars;
      continue;
    }
    if (nullable) {
      if (previous) previous.union(charsOf([node]));
      continue;
    }
    if (previous && !previous.intersects(first)) previous = null;
  }
  return null;
}

/** A description of the first polynomial-backtracking form found in `source`, or null if none. */
export function findPolynomialForm(source: string, ignoreCase = false): string | null {
  for (const alt of new Parser(source, ignoreCase).parse()) {
    const problem = checkLinear(alt);
    if (problem) return problem;
  }
  return null;
}
