import { describe, expect, it } from 'vitest';
import { CALCULATORS } from '../../../src/lib/calculators';
import { ogImagePath, ogImageSlug } from '../../../src/lib/og/paths';

describe('ogImagePath', () => {
  it('gives each calculator its own image', () => {
    expect(ogImagePath('/calculators/sale-vs-customer/')).toBe('/og/calculators/sale-vs-customer.png');
    expect(ogImagePath('/calculators/retention-vs-acquisition/')).toBe(
      '/og/calculators/retention-vs-acquisition.png',
    );
    for (const calculator of CALCULATORS) {
      expect(ogImagePath(calculator.href)).toMatch(/^\/og\/calculators\/[a-z0-9-]+\.png$/);
    }
  });

  it('gives each article its own image', () => {
    expect(ogImagePath('/articles/a-sale-or-a-customer/')).toBe('/og/articles/a-sale-or-a-customer.png');
    expect(ogImagePath('/articles/x')).toBe('/og/articles/x.png');
    expect(ogImagePath('/articles/x/index.html')).toBe('/og/articles/x.png');
  });

  it('uses the site image for every other page, section indexes included', () => {
    for (const path of [
      '/',
      '',
      '/articles/',
      '/calculators/',
      '/glossary/',
      '/search/',
      '/privacy/',
      '/404/',
      '/404.html',
      '/articles/a/b/',
      '/calculatorsx/y/',
    ]) {
      expect(ogImagePath(path), path).toBe('/og/site.png');
    }
  });

  it('names the slug the image endpoint builds', () => {
    expect(ogImageSlug('/calculators/sale-vs-customer/')).toBe('calculators/sale-vs-customer');
    expect(ogImageSlug('/')).toBe('site');
  });
});
