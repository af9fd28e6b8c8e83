/** Words a reader gets through in a minute of careful reading. */
export const WORDS_PER_MINUTE = 220;

/** The words of an MDX article's prose: import lines, component tags and markup left out. */
export function proseWords(mdxBody: string): string[] {
  const prose = mdxBody
    .replace(/^import .*$/gm, ' ')
    .replace(/<[^>]*>/g, ' ')
    .replace(/\{[^}]*\}/g, ' ')
    .replace(/[#*_>`|[\]()-]/g, ' ');
  return prose.split(/\s+/).filter((word) => /[\p{L}\p{N}]/u.test(word));
}

/** Minutes to read a text of this many words, at least one. */
export function readingMinutes(wordCount: number): number {
  return Math.max(1, Math.round(wordCount / WORDS_PER_MINUTE));
}
