import { describe, expect, it } from 'vitest';
import {
  CARD_FONT,
  CARD_HEIGHT,
  CARD_WIDTH,
  cardTree,
  estimateLines,
  titleFontSize,
  type CardChild,
  type CardNode,
} from '../../../src/lib/og/card';

function nodes(node: CardChild): CardNode[] {
  if (typeof node === 'string') return [];
  const { children } = node.props;
  const list = children === undefined ? [] : Array.isArray(children) ? children : [children as CardChild];
  return [node, ...list.flatMap(nodes)];
}

/** The node whose only child is exactly `text`. */
function nodeWithText(tree: CardNode, text: string): CardNode | undefined {
  return nodes(tree).find((node) => node.props.children === text);
}

const SHORT = 'A sale or a customer?';
const LONG =
  'Relationship marketing and the customer lifecycle: where it came from, what churn costs you and how a first contact becomes a referrer';

describe('cardTree', () => {
  it('is a 1200×630 card in the serif font with the site name, kicker, title and description', () => {
    const tree = cardTree({ kind: 'article', title: SHORT, description: 'What a customer is worth.' });
    expect(tree.props.style).toMatchObject({ width: CARD_WIDTH, height: CARD_HEIGHT, fontFamily: CARD_FONT });
    expect(nodeWithText(tree, 'Customer for Life')).toBeDefined();
    expect(nodeWithText(tree, 'Article')).toBeDefined();
    expect(nodeWithText(tree, SHORT)).toBeDefined();
    expect(nodeWithText(tree, 'What a customer is worth.')).toBeDefined();
    // Plain objects only: the tree survives a JSON round trip unchanged.
    expect(JSON.parse(JSON.stringify(tree))).toEqual(tree);
  });

  it('uses a smaller font for a long title, and caps it at three lines', () => {
    const short = nodeWithText(cardTree({ kind: 'article', title: SHORT, description: 'd' }), SHORT);
    const long = nodeWithText(cardTree({ kind: 'article', title: LONG, description: 'd' }), LONG);
    const shortSize = Number(short?.props.style?.['fontSize']);
    const longSize = Number(long?.props.style?.['fontSize']);
    expect(longSize).toBeLessThan(shortSize);
    for (const node of [short, long]) {
      const style = node?.props.style ?? {};
      expect(style['overflow']).toBe('hidden');
      expect(Number(style['maxHeight'])).toBeLessThanOrEqual(Math.ceil(3 * Number(style['fontSize']) * 1.12));
    }
  });

  it('clamps a title too long for three lines even at the smallest size', () => {
    const title = `${LONG} ${LONG}`;
    const node = nodeWithText(cardTree({ kind: 'article', title, description: 'd' }), title);
    expect(node?.props.style?.['lineClamp']).toBe(3);
    expect(node?.props.style?.['textWrap']).toBeUndefined();
  });

  it('picks a title size that wraps to at most three lines, or the smallest size', () => {
    for (let length = 1; length <= 200; length += 7) {
      const title = 'Customer value '.repeat(20).slice(0, length).trim() || 'C';
      const size = titleFontSize(title, 1040);
      expect(size).toBeGreaterThanOrEqual(40);
      if (size > 40) expect(estimateLines(title, size, 1040)).toBeLessThanOrEqual(3);
    }
    // Sizes never grow as the title gets longer.
    const sizes = [10, 30, 50, 70, 90, 120].map((n) => titleFontSize('word '.repeat(n / 5).trim(), 1040));
    expect([...sizes].sort((a, b) => b - a)).toEqual(sizes);
  });

  it('draws bars on calculator cards only, with the accent and brand colours', () => {
    const calculator = cardTree({ kind: 'calculator', title: 'Sale vs Customer', description: 'd' });
    const article = cardTree({ kind: 'article', title: 'Sale vs Customer', description: 'd' });
    const colours = (tree: CardNode) => nodes(tree).map((node) => node.props.style?.['backgroundColor']);
    expect(colours(calculator).filter((c) => c === '#0d5c4d').length).toBeGreaterThan(2);
    expect(colours(calculator)).toContain('#a4491c');
    expect(colours(article).filter((c) => c === '#0d5c4d').length).toBe(0);
    expect(nodeWithText(calculator, 'Calculator')).toBeDefined();
  });

  it('shows the given kicker', () => {
    const tree = cardTree({ kind: 'site', kicker: 'Hello', title: 't', description: 'd' });
    expect(nodeWithText(tree, 'Hello')).toBeDefined();
  });
});
