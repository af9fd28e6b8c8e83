/** A piece of a search excerpt: plain text, or text that matched the query. */
export interface ExcerptPart {
  readonly text: string;
  readonly match: boolean;
}

const ENTITIES: Record<string, string> = {
  '&amp;': '&',
  '&lt;': '<',
  '&gt;': '>',
  '&quot;': '"',
  '&#39;': "'",
};

/**
 * Splits Pagefind's excerpt, our own page text with the matches wrapped in <mark>, into parts to render as
 * text nodes, so no markup from an index is ever inserted as HTML.
 */
export function parseExcerpt(excerpt: string): ExcerptPart[] {
  const parts: ExcerptPart[] = [];
  const pattern = /<mark>([\s\S]*?)<\/mark>/g;
  let last = 0;
  const push = (raw: string, match: boolean) => {
    const text = raw
      .replace(/<[^>]*>/g, '')
      .replace(/&(amp|lt|gt|quot|#39);/g, (entity) => ENTITIES[entity] ?? entity);
    if (text) parts.push({ text, match });
  };
  for (let found = pattern.exec(excerpt); found; found = pattern.exec(excerpt)) {
    push(excerpt.slice(last, found.index), false);
    push(found[1] ?? '', true);
    last = found.index + found[0].length;
  }
  push(excerpt.slice(last), false);
  return parts;
}
