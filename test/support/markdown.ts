// GitHub-flavoured Markdown rendered the way GitHub renders a job summary or a comment (micromark with its GFM
// extension: tables, bare autolinks; raw HTML kept, as GitHub keeps <img>, <a> and <code>), and the HTML
// elements in the result, to check that data never became a live tag or link.
import { micromark } from 'micromark';
import { gfm, gfmHtml } from 'micromark-extension-gfm';

export function renderGfm(markdown: string): string {
  return micromark(markdown, { extensions: [gfm()], htmlExtensions: [gfmHtml()], allowDangerousHtml: true, allowDangerousProtocol: true });
}

/** Every start tag in `html`: its name and, for links and images, the address. */
export function elements(html: string): Array<{ name: string; target: string | null }> {
  return [...html.matchAll(/<([a-zA-Z][a-zA-Z0-9]*)\b([^>]*)>/g)].map((match) => ({
    name: match[1].toLowerCase(),
    target: /\b(?:href|src)="([^"]*)"/.exec(match[2])?.[1] ?? null,
  }));
}

/** What keywarden's own Markdown uses; anything else in the HTML came from data. */
export const OWN_ELEMENTS = new Set(['h2', 'h3', 'h4', 'p', 'strong', 'em', 'code', 'pre', 'ul', 'ol', 'li', 'blockquote', 'table', 'thead', 'tbody', 'tr', 'th', 'td', 'a', 'br', 'details', 'summary']);
