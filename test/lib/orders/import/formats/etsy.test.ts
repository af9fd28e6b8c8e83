/** Etsy's two order downloads: recognised from their header lines, with Etsy's two-digit-year dates. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { etsyDate, recogniseEtsy } from '../../../../../src/lib/orders/import/formats/etsy';
import { recognisePlatform } from '../../../../../src/lib/orders/import/formats';

const header = (name: string) =>
  (readFileSync(new URL(`../../../../fixtures/orders/${name}`, import.meta.url), 'utf8').split('\n')[0] ?? '')
    .split(',')
    .map((cell) => cell.trim());

describe('Etsy', () => {
  it('reads MM/DD/YY as 20YY, and leaves four-digit years and ISO dates as they are', () => {
    expect(etsyDate('09/25/26')).toBe('2026-09-25');
    expect(etsyDate('1/5/24')).toBe('2024-01-05');
    expect(etsyDate('12/31/2023')).toBe('2023-12-31');
    expect(etsyDate('2024-03-01 10:00:00')).toBe('2024-03-01');
    expect(etsyDate('next week')).toBe('next week');
  });

  it('tells the orders download from the order items download, and says which it is', () => {
    expect(recognisePlatform(header('etsy-sold-orders.csv'))?.title).toBe('An Etsy sold orders export');
    expect(recognisePlatform(header('etsy-sold-order-items.csv'))?.title).toBe(
      'An Etsy sold order items export',
    );
  });

  it('claims no other platform’s export', () => {
    for (const name of [
      'shopify.csv',
      'stripe.csv',
      'paypal.csv',
      'square.csv',
      'woocommerce.csv',
      'plain.csv',
    ])
      expect(recogniseEtsy(header(name))).toBeNull();
  });
});
