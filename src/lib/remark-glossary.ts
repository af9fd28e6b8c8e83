/**
 * A remark plugin that links the first use of each glossary term in an article to its entry on
 * /glossary/. Only plain text in paragraphs and list items is linked: never headings, existing links,
 * code, or text inside components.
 */
import { readFileSync } from 'node:fs';

/** The few mdast node shapes this plugin touches. */
export interface MdNode {
  type: string;
  value?: string;
  url?: string;
  children?: MdNode[];
}

/** A glossary entry as stored in src/content/glossary.json. */
export interface GlossaryEntry {
  readonly id: string;
  readonly term: string;
  readonly aliases?: readonly string[];
}

/** The words that link to an entry, longest first so "customer lifetime value" wins over "lifetime value". */
export function termPatterns(entries: readonly GlossaryEntry[]): { id: string; pattern: RegExp }[] {
  const all = entries.flatMap((entry) =>
    [entry.term, ...(entry.aliases ?? [])].map((words) => ({ id: entry.id, words })),
  );
  all.sort((a, b) => b.words.length - a.words.length);
  return all.map(({ id, words }) => ({
    id,
    // Whole words only; an all-capitals abbreviation (CLV, CAC) must match its case exactly.
    pattern: new RegExp(
      `(?<![\\p{L}\\p{N}])${words.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![\\p{L}\\p{N}])`,
      words === words.toUpperCase() ? 'u' : 'iu',
    ),
  }));
}

const SKIP = new Set([
  'heading',
  'link',
  'linkReference',
  'inlineCode',
  'code',
  'mdxJsxFlowElement',
  'mdxJsxTextElement',
  'html',
]);

/**
 * Links the first occurrence of each term in the tree (mutating it), returning the ids linked.
 * Exported for tests; `remarkGlossary` wires it into the Markdown pipeline.
 */
export function linkFirstUses(
  tree: MdNode,
  entries: readonly GlossaryEntry[],
  base = '/glossary/',
): string[] {
  const patterns = termPatterns(entries);
  const linked = new Set<string>();

  const visit = (node: MdNode) => {
    if (!node.children || SKIP.has(node.type)) return;
    const next: MdNode[] = [];
    for (const child of node.children) {
      if (child.type === 'text' && child.value) next.push(...linkText(child.value));
      else {
        visit(child);
        next.push(child);
      }
    }
    node.children = next;
  };

  // Splits one text node at the earliest not-yet-linked term, recursively.
  const linkText = (text: string): MdNode[] => {
    let best: { id: string; index: number; length: number } | undefined;
    for (const { id, pattern } of patterns) {
      if (linked.has(id)) continue;
      const match = pattern.exec(text);
      if (match && (best === undefined || match.index < best.index)) {
        best = { id, index: match.index, length: match[0].length };
      }
    }
    if (!best) return [{ type: 'text', value: text }];
    linked.add(best.id);
    const before = text.slice(0, best.index);
    const word = text.slice(best.index, best.index + best.length);
    const after = text.slice(best.index + best.length);
    return [
      ...(before ? [{ type: 'text', value: before }] : []),
      { type: 'link', url: `${base}#${best.id}`, children: [{ type: 'text', value: word }] },
      ...(after ? linkText(after) : []),
    ];
  };

  visit(tree);
  return [...linked];
}

/** The remark plugin: reads the glossary once, then links first uses in every Markdown or MDX file. */
export function remarkGlossary(options: { glossaryFile: string }) {
  const entries = JSON.parse(readFileSync(options.glossaryFile, 'utf8')) as GlossaryEntry[];
  return () => (tree: MdNode) => {
    linkFirstUses(tree, entries);
  };
}
