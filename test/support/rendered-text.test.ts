import { describe, expect, it } from 'vitest';
import { findTextDefects, type RenderedElement, type RenderedNode } from './rendered-text';

const BLOCK_TAGS = new Set(['p', 'li', 'div', 'dd', 'dt', 'h2', 'h3', 'td', 'th', 'br']);

/** A tiny hyperscript: el('p', 'see the ', el('a', 'guide')). Blocks are the usual block elements. */
function el(tag: string, ...children: RenderedNode[]): RenderedElement {
  return { tag, block: BLOCK_TAGS.has(tag) || (tag === 'math' && children[0] === 'block'), children };
}

/** Block-level MathML: its text is the formula's text content, as the browser reports it. */
function blockMath(text: string): RenderedElement {
  return { tag: 'math', block: true, children: [text] };
}

const rules = (...nodes: RenderedNode[]) => findTextDefects(nodes).map((d) => d.rule);
const contexts = (...nodes: RenderedNode[]) => findTextDefects(nodes).map((d) => d.context);

describe('findTextDefects flags the defects found on the built pages', () => {
  it('a formula run into the comma before it, and template characters after it', () => {
    // Sale vs Customer: `version,m(1+d)/(1+d−r){' '} at the limit`
    const found = findTextDefects([
      el('p', 'the first-payment-included version,', el('math', 'm(1+d)/(1+d−r)'), "{' '} at the limit"),
    ]);
    expect(found.map((d) => d.rule)).toEqual([
      'words run together at an inline element',
      'template characters',
    ]);
    expect(found[0]!.context).toContain('version[,m]');
    expect(found[1]!.context).toContain("[{' '}] at the limit");
  });

  it('a formula after a closing quote and a comma', () => {
    // `multiple”,r/(1+d−r)`
    expect(
      rules(el('p', 'the well-known “margin multiple”,', el('math', 'r/(1+d−r)'), ', starts a year later')),
    ).toEqual(['words run together at an inline element']);
  });

  it('a word run into a figure in the text itself', () => {
    // `a10-year horizon`
    expect(contexts(el('p', 'a 10\u00a0% discount rate, a10-year horizon and'))).toEqual([
      'a 10\u00a0% discount rate, [a1]0-year horizon and',
    ]);
  });

  it('an approximately-equals sign spaced on one side only', () => {
    // `≈0.5455`
    expect(rules(el('li', 'Each year is the one before times 0.6 ÷ 1.1 ≈0.5455.'))).toEqual([
      'operator spaced on one side only',
    ]);
  });

  it('an equals sign run into the figure in a <strong> after it', () => {
    // `=$210.71`
    expect(rules(el('li', 'orders four times a year: $52.68 × 4 =', el('strong', '$210.71'), '.'))).toEqual([
      'operator spaced on one side only',
    ]);
  });

  it('a per cent sign after a plain space, which a line can part from its number', () => {
    // `“5 % more retention, 25 / % to 95 % more profit”`, broken after 25 on a phone
    expect(rules(el('h2', '“5\u00a0% more retention, 25 % to 95\u00a0% more profit”'))).toEqual([
      'a per cent sign a line can part from its number',
    ]);
    expect(rules(el('h2', '“5\u00a0% more retention, 25\u00a0% to 95\u00a0% more profit”'))).toEqual([]);
  });

  it('a word run into a currency sign', () => {
    // `gives$96.00`: in one text node, and across an element edge
    expect(rules(el('li', 'counting for ever with discounting gives$96.00 × 1.1'))).toEqual([
      'word run into a currency sign',
    ]);
    expect(rules(el('li', 'counting for ever with discounting gives', el('span', '$96.00')))).toEqual([
      'words run together at an inline element',
    ]);
  });

  it('a word run into a link', () => {
    // `break-even orwith the cheaper programme`
    expect(
      contexts(
        el(
          'p',
          el('a', 'Open the calculator at break-even'),
          ' or',
          el('a', 'with the cheaper programme'),
          '.',
        ),
      ),
    ).toEqual(['…the calculator at break-even o[rw]ith the cheaper programme.']);
    // `use it inRetention vs Acquisition`
    expect(rules(el('p', 'use it in', el('a', 'Retention vs Acquisition'), '.'))).toEqual([
      'words run together at an inline element',
    ]);
  });

  it('a citation run into the comma before it', () => {
    // `Way”,Marketing Science`
    expect(
      rules(
        el(
          'li',
          '“RFM and CLV: Using Iso-Value Curves for Customer Base Analysis”,',
          el('cite', 'Marketing Science'),
          ', 2005.',
        ),
      ),
    ).toEqual(['words run together at an inline element']);
  });

  it('a figure run into a word across an element, and a colon run into a figure', () => {
    expect(rules(el('p', 'after ', el('strong', '5'), 'years'))).toEqual([
      'words run together at an inline element',
    ]);
    expect(rules(el('li', 'costs $30,000:', el('strong', '$45,000'), ' in all'))).toEqual([
      'words run together at an inline element',
    ]);
  });

  it('a full stop moved away from its sentence', () => {
    expect(rules(el('li', 'four times a year: $24.00 × 4 = ', el('strong', '$96.00'), ' .'))).toEqual([
      'space before punctuation',
    ]);
  });

  it('a space that detaches a subscript', () => {
    expect(rules(el('p', 'churn ', el('var', 'c'), ' ', el('sub', '0'), ' without the programme'))).toEqual([
      'space before a subscript or superscript',
    ]);
  });

  it('template characters and values that failed to compute, math included', () => {
    expect(rules(el('p', 'Saved each year: ${savings}'))).toEqual(['template characters']);
    expect(rules(el('p', '{#if live}'))).toEqual(['template characters']);
    expect(rules(el('p', 'a lone } brace'))).toEqual(['template characters']);
    expect(
      rules(el('td', 'NaN'), el('td', 'undefined'), el('td', '[object Object]'), el('td', 'Infinity')),
    ).toEqual([
      'a value that failed to compute',
      'a value that failed to compute',
      'a value that failed to compute',
      'a value that failed to compute',
    ]);
    expect(rules(blockMath('CLV={A}'))).toEqual(['template characters']);
  });
});

describe('findTextDefects leaves correct text alone', () => {
  const correct: [string, RenderedNode[]][] = [
    [
      'money and multiples',
      [el('p', 'A $60 order, 3× the sale, 5–25× more, 1,080 orders, 10\u00a0% a year, −5\u00a0%.')],
    ],
    [
      'years, quarters and names',
      [el('p', 'In year 3 of Q1 2025 a B2B shop saw CLV:CAC at 3:1, e.g. 4th in 10th place.')],
    ],
    ['apostrophes and quotes', [el('p', 'Don’t say “never”, say “rarely”.')]],
    ['currencies Intl writes with letters', [el('p', 'CA$1,000.00 and A$20 and €5 and £3')]],
    ['formula notation in text', [el('p', 'the ratio (1 + d) and x₁ + x₂, with c₀ − c₁ > 0')]],
    ['spaced operators', [el('li', '$52.68 × 4 = ', el('strong', '$210.71'), ', and 1 ÷ 0.3 ≈ 3.3 years.')]],
    [
      'subscripts and superscripts attached',
      [el('p', 'churn ', el('var', 'c'), el('sub', '0'), ' and (1 − 0.5455', el('sup', '10'), ') ÷ 2')],
    ],
    [
      'inline elements with their spaces',
      [
        el(
          'p',
          'see the ',
          el('a', 'guide'),
          ', the ',
          el('strong', '$45,000'),
          ' and ',
          el('em', 'truncated'),
          ' value.',
        ),
      ],
    ],
    [
      'an element ending a sentence',
      [el('p', 'Read the ', el('a', 'glossary'), '. Then ', el('abbr', 'CLV'), '.')],
    ],
    [
      'MathML content between words',
      [
        el('p', 'the version ', el('math', 'm(1+d)/(1+d−r)'), ' at the limit'),
        blockMath('CLV∞=(A+W)(1+d)1+d−r'),
      ],
    ],
    [
      'code with commas, colons, braces and URLs',
      [
        el(
          'p',
          'Export ',
          el('code', 'order_id,customer_id,date'),
          ' from ',
          el('code', 'https://shop.example/{id}'),
          '.',
        ),
      ],
    ],
    ['a code block', [el('pre', el('code', 'SELECT {a}, b:c FROM t;'))]],
    [
      'words split by blocks, not run together',
      [el('td', 'Year'), el('td', '3'), el('th', 'Customers'), el('td', '$60')],
    ],
    ['a line break', [el('p', 'First line', el('br'), 'Second line')]],
    ['numbers in decimal form across an element', [el('p', 'version 1.', el('span', '2'))]],
  ];
  for (const [name, nodes] of correct) {
    it(name, () => expect(findTextDefects(nodes)).toEqual([]));
  }
});
