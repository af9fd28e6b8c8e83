import { describe, expect, it } from 'vitest';
import { parseExcerpt } from '../../src/lib/search-excerpt';

describe('parseExcerpt', () => {
  it('splits matches from plain text', () => {
    expect(parseExcerpt('the <mark>churn</mark> rate and <mark>churn</mark>')).toEqual([
      { text: 'the ', match: false },
      { text: 'churn', match: true },
      { text: ' rate and ', match: false },
      { text: 'churn', match: true },
    ]);
  });

  it('drops any other markup and decodes entities, so nothing is ever HTML', () => {
    expect(parseExcerpt('a <img src=x onerror=alert(1)>b &lt;script&gt; &amp; <mark>c</mark>')).toEqual([
      { text: 'a b <script> & ', match: false },
      { text: 'c', match: true },
    ]);
  });

  it('gives nothing for an empty excerpt', () => {
    expect(parseExcerpt('')).toEqual([]);
  });
});
