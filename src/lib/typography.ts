/**
 * The site's prose writes a space between a number and its per cent sign ("40 %"). A plain space there is
 * a place a line may break, which leaves "25" at the end of one line and "% to 95 %" on the next: this
 * keeps the sign with its number by a no-break space.
 * @example keepPercentWithNumber('25 % to 95 %') // '25\u00a0% to 95\u00a0%'
 */
export function keepPercentWithNumber(text: string): string {
  return text.replace(/(\d) %/g, '$1\u00a0%');
}

/** The mdast node shapes the remark plugin touches. */
interface TextTree {
  type: string;
  value?: string;
  children?: TextTree[];
}

/** Node types whose text is shown as written: code. */
const AS_WRITTEN = new Set(['code', 'inlineCode']);

/** Applies {@link keepPercentWithNumber} to every text node of a Markdown or MDX tree (mutating it). */
export function keepPercentsInTree(node: TextTree): void {
  if (AS_WRITTEN.has(node.type)) return;
  if (node.type === 'text' && node.value) node.value = keepPercentWithNumber(node.value);
  node.children?.forEach(keepPercentsInTree);
}

/** The remark plugin for the articles. */
export function remarkKeepPercents() {
  return () => keepPercentsInTree;
}
