// The HTML report's words are in the words module (guide().html: en-guide.ts, ja-guide.ts), in the run's language.
import type { Guide } from '../../words/index.js';
import { guide } from '../../words/guide.js';

export type HtmlWords = Guide['html'];

export function htmlWords(): HtmlWords {
  return guide().html;
}
