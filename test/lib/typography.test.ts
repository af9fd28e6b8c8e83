/** Tests of src/lib/typography.ts: a per cent sign kept on the line of its number. */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { keepPercentsInTree, keepPercentWithNumber } from '../../src/lib/typography';

describe('keepPercentWithNumber', () => {
  it('joins every number to its per cent sign with a no-break space, and touches nothing else', () => {
    expect(keepPercentWithNumber('“5 % more retention, 25 % to 95 % more profit”')).toBe(
      '“5\u00a0% more retention, 25\u00a0% to 95\u00a0% more profit”',
    );
    expect(keepPercentWithNumber('a 100 %, 0.1 % and −5 % share; 5% and "the %" alone')).toBe(
      'a 100\u00a0%, 0.1\u00a0% and −5\u00a0% share; 5% and "the %" alone',
    );
  });

  it('leaves no breakable space before a per cent sign after a figure, and changes only those spaces', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom('1', '0', ' ', '%', 'a', '.'), { maxLength: 40 }), (chars) => {
        const text = chars.join('');
        const kept = keepPercentWithNumber(text);
        return !/\d %/.test(kept) && kept.length === text.length && kept.replace(/\u00a0/g, ' ') === text;
      }),
    );
  });
});

describe('keepPercentsInTree', () => {
  it('changes text in headings, paragraphs and components, never code', () => {
    const tree = {
      type: 'root',
      children: [
        { type: 'heading', children: [{ type: 'text', value: '25 % to 95 %' }] },
        { type: 'mdxJsxFlowElement', children: [{ type: 'text', value: 'at 10 %' }] },
        { type: 'inlineCode', value: 'x = 10 %' },
        { type: 'code', value: 'churn 30 %' },
      ],
    };
    keepPercentsInTree(tree);
    expect(tree.children.map((node) => ('value' in node ? node.value : node.children[0]?.value))).toEqual([
      '25\u00a0% to 95\u00a0%',
      'at 10\u00a0%',
      'x = 10 %',
      'churn 30 %',
    ]);
  });
});
