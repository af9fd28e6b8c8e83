import { describe, expect, it } from 'vitest';
import { linkFirstUses, termPatterns, type GlossaryEntry, type MdNode } from '../../src/lib/remark-glossary';

const entries: GlossaryEntry[] = [
  { id: 'customer-lifetime-value', term: 'Customer lifetime value', aliases: ['lifetime value', 'CLV'] },
  { id: 'churn', term: 'Churn', aliases: ['churn rate'] },
  { id: 'gross-margin', term: 'Gross margin', aliases: ['margin'] },
];

const text = (value: string): MdNode => ({ type: 'text', value });
const paragraph = (...children: MdNode[]): MdNode => ({ type: 'paragraph', children });
const root = (...children: MdNode[]): MdNode & { children: MdNode[] } => ({ type: 'root', children });

describe('linkFirstUses', () => {
  it('links the first use of a term and leaves later ones alone', () => {
    const tree = root(paragraph(text('Churn hurts. Churn again.')));
    expect(linkFirstUses(tree, entries)).toEqual(['churn']);
    expect(tree.children[0]).toEqual(
      paragraph(
        { type: 'link', url: '/glossary/#churn', children: [text('Churn')] },
        text(' hurts. Churn again.'),
      ),
    );
  });

  it('prefers the longest term, so “customer lifetime value” is one link', () => {
    const tree = root(paragraph(text('Your customer lifetime value and its margin.')));
    linkFirstUses(tree, entries);
    expect(tree.children[0]).toEqual(
      paragraph(
        text('Your '),
        {
          type: 'link',
          url: '/glossary/#customer-lifetime-value',
          children: [text('customer lifetime value')],
        },
        text(' and its '),
        { type: 'link', url: '/glossary/#gross-margin', children: [text('margin')] },
        text('.'),
      ),
    );
  });

  it('matches whole words only, and abbreviations only in capitals', () => {
    const tree = root(paragraph(text('Marginal notes; the clv of a client.')));
    expect(linkFirstUses(tree, entries)).toEqual([]);
  });

  it('never links inside headings, links or code', () => {
    const tree = root(
      { type: 'heading', depth: 2, children: [text('Churn')] } as MdNode,
      paragraph(
        { type: 'link', url: '/x/', children: [text('churn')] },
        { type: 'inlineCode', value: 'churn' },
      ),
      paragraph(text('Then churn.')),
    );
    linkFirstUses(tree, entries);
    expect(tree.children[0]).toEqual({ type: 'heading', depth: 2, children: [text('Churn')] });
    expect(tree.children[2]).toEqual(
      paragraph(
        text('Then '),
        { type: 'link', url: '/glossary/#churn', children: [text('churn')] },
        text('.'),
      ),
    );
  });

  it('orders patterns longest first', () => {
    expect(termPatterns(entries)[0]?.id).toBe('customer-lifetime-value');
  });
});
