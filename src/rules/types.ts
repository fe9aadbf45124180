// A compiled rule: the data of one patterns/<id>.json (or a config's custom rule) with every regex compiled
// once at load time. The engine only reads these fields; what each means is documented in README.md
// ("Rules") and checked by src/rules/validate.ts.
import type { Confidence, Kind } from '../types.js';

/** Ways the engine re-reads a window of text so that encoded values become visible to the rule regexes. */
export type DecoderName = 'url' | 'json-escape' | 'html' | 'concat' | 'base64';

export const DECODERS: readonly DecoderName[] = ['url', 'json-escape', 'html', 'concat', 'base64'];

/**
 * Where a credential names its own key ID (or other identifier): read from the value itself, or from the whole
 * match, optionally after stripping a prefix and decoding (a Bedrock API key holds its IAM user and account, a
 * short-term one the access key ID that signed it).
 */
export interface KeyIdFrom {
  source: 'secret' | 'match';
  /** Removed from the start of the text before decoding (`^ABSK`). */
  strip: RegExp | null;
  decode: 'base64' | null;
  /** Applied to the (decoded) text; capture group 1 is the key ID unless `template` combines groups. */
  regex: RegExp;
  /** `$1`, `$2`… stand for the regex's groups (`arn:aws:iam::$2:user/$1`). */
  template: string | null;
  /** When the key ID cannot be read, the match is not this credential at all (dropped). */
  required: boolean;
}

/** A name that may be attached to a value: `aws_secret_access_key = `, `"SecretAccessKey": `, `<SecretAccessKey>`. */
export interface NameContext {
  /** name + separator, anchored at the end of the text just before the value. */
  regex: RegExp;
  confidence: Confidence;
  /** Further evidence required within a few lines (e.g. "aws" near a bare `secret_key`). */
  near: { regex: RegExp; lines: number } | null;
}

export interface PairContext {
  /** The kind of candidate this one pairs with (its `secret` becomes this candidate's keyId). */
  kind: string;
  /** Largest distance in lines between the two. */
  lines: number;
  /** Largest distance in characters (keeps pairing sane inside minified single-line files). */
  chars: number;
  confidence: Confidence;
  /** Key IDs matching this are preferred (session tokens pair with ASIA keys first). */
  prefer: RegExp | null;
}

export interface RuleContext {
  names: NameContext[];
  pair: PairContext | null;
  /** A value matching this is reported even with no name or pair (e.g. an STS token's fixed prefix). */
  alone: { regex: RegExp; confidence: Confidence } | null;
}

export interface RuleExamples {
  /** Texts that must produce a candidate of this rule (placeholders such as {{AKIA}} are expanded by tests). */
  match: Array<{ text: string; secret?: string }>;
  /** Texts that must not, each with the reason. */
  noMatch: Array<{ text: string; reason: string }>;
}

/** Limits a candidate value must stay within (0 / false = off). */
export interface RejectLimits {
  /** Reject a secret with a run of the same character longer than this. */
  maxRepeat: number;
  /** Reject a secret containing an ascending or descending run (ABCDEF, 654321) this long. */
  maxSequence: number;
  /** Reject a secret with more than this many runs of three (abc, 123, XYZ) typed-out placeholders are made of. */
  maxSequenceRuns: number;
  /** Of upper, lower, digit and symbol (/+), how many must appear. */
  minClasses: number;
  /** Reject a secret with no digit whose letters are at least half vowels: words (ASIAPACIFICSINGAPORE), not random. */
  words: boolean;
}

export interface Rule {
  id: string;
  kind: Kind;
  description: string;
  /** Global regex; the secret is capture group `secretGroup` (0 = the whole match). */
  regex: RegExp;
  secretGroup: number;
  /** Literal, case-sensitive strings; a chunk with none of them (from any rule) is not scanned at all. */
  keywords: string[];
  /** Shannon entropy minimum (bits per character) of the secret. */
  entropy: number;
  /** Confidence when the rule has no context requirements. */
  confidence: Confidence;
  /** Null: the match alone is a finding (key IDs). Otherwise a name, a pair or `alone` must hold. */
  context: RuleContext | null;
  decoders: DecoderName[];
  allowlist: {
    /** `soft`: a soft gate (see `reject.soft`), not a mark of a placeholder. */
    regexes: Array<{ regex: RegExp; reason: string; soft: boolean }>;
    /** Lower-case substrings; a secret containing one (case-insensitively) is a placeholder. */
    stopwords: string[];
  };
  /**
   * Hard gates: a secret failing one is never reported. `soft` holds stricter limits (and the allowlist regexes
   * marked soft) that random keys also fail now and then (a run of 4 equal characters, letters only): a value
   * failing only those is reported when the evidence around it is strong (engine/scan.ts, `rescued`).
   */
  reject: RejectLimits & { hex: boolean; soft: RejectLimits | null };
  examples: RuleExamples;
  /** See KeyIdFrom; null = the key ID comes from pairing only. */
  keyIdFrom: KeyIdFrom | null;
  /**
   * An identifier that is evidence, not a credential (a CloudFront key pair ID, an IAM service user name): its
   * matches pair with other rules' secrets but are never reported themselves.
   */
  partnerOnly: boolean;
  /** The most lines one match may span (a PEM block): windows around this rule's keywords reach that far. */
  spanLines: number;
  /**
   * The rule's matches always lie near one of its own keywords (in the match, or in what it pairs with): it is
   * run only on windows holding one, not on every window other rules' keywords open.
   */
  needsKeyword: boolean;
  /**
   * Every match holds a run of at least this many key characters ([A-Za-z0-9/+]) in plain text or in a decoded
   * view (0 = not so). Keywords only such rules use are names: they open a window only near a run that long or
   * an encoding that could hide one (engine/scan.ts), so text that says "aws" on every line costs little.
   */
  valueRun: number;
  /**
   * Where every match of the regex starts (null = anywhere): right at one of `with` (the literal a key ID begins
   * with), or at the start of a run of at least `run` key characters ([A-Za-z0-9+/], none before it). The engine
   * then tries the regex only there (engine/starts.ts). A promise about the regex: a wrong one hides matches.
   */
  starts: { with: readonly string[] } | { run: number } | null;
  /** Where the rule came from: "patterns/<id>.json" or "<config>: rules[i]". */
  origin: string;
}
