/**
 * Tests of the column guess (src/lib/orders/import/columns.ts): real export headers, case and spelling, and the
 * rule that no column is guessed for two roles.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { guessColumns, headerScore, normaliseHeader } from '../../../../src/lib/orders/import/columns';

describe('guessColumns on headers of real exports', () => {
  it('reads the sample file’s own header', () => {
    expect(guessColumns(['customer_id', 'order_date', 'amount'])).toEqual({
      customer: 0,
      date: 1,
      amount: 2,
    });
  });

  it('reads a Shopify orders export: Email, Created at and Total, not Name (the order number) or Paid at', () => {
    const headers = [
      'Name',
      'Email',
      'Financial Status',
      'Paid at',
      'Fulfillment Status',
      'Fulfilled at',
      'Accepts Marketing',
      'Currency',
      'Subtotal',
      'Shipping',
      'Taxes',
      'Total',
      'Discount Code',
      'Discount Amount',
      'Created at',
      'Billing Name',
    ];
    expect(guessColumns(headers)).toEqual({ customer: 1, date: 14, amount: 11 });
  });

  it('reads a WooCommerce export, preferring the billing email to the user id (0 for every guest)', () => {
    const headers = [
      'Order Number',
      'Order Status',
      'Order Date',
      'Customer User ID',
      'Billing Email',
      'Order Total Amount',
    ];
    expect(guessColumns(headers)).toEqual({ customer: 4, date: 2, amount: 5 });
  });

  it('reads a Stripe payments export, not taking "Amount Refunded" for the amount', () => {
    const headers = [
      'id',
      'Created (UTC)',
      'Amount Refunded',
      'Amount',
      'Currency',
      'Customer ID',
      'Customer Email',
    ];
    expect(guessColumns(headers)).toEqual({ customer: 5, date: 1, amount: 3 });
  });

  it('ignores case, spacing, punctuation, accents and a byte order mark', () => {
    expect(guessColumns(['\uFEFFORDER-DATE', '  Customer   ', 'TOTAL'])).toEqual({
      customer: 1,
      date: 0,
      amount: 2,
    });
    expect(guessColumns(['Kundennummer', 'Bestelldatum', 'Betrag'])).toEqual({
      customer: 0,
      date: 1,
      amount: 2,
    });
    expect(normaliseHeader('\uFEFFCréé_le (UTC)')).toBe('cree le utc');
  });

  it('recognises the other names the page promises', () => {
    expect(guessColumns(['client', 'purchase date', 'revenue'])).toEqual({ customer: 0, date: 1, amount: 2 });
    expect(guessColumns(['buyer', 'timestamp', 'value'])).toEqual({ customer: 0, date: 1, amount: 2 });
    expect(guessColumns(['User ID', 'Date', 'Price'])).toEqual({ customer: 0, date: 1, amount: 2 });
    expect(guessColumns(['Order Total', 'E-mail', 'Created'])).toEqual({ customer: 1, date: 2, amount: 0 });
  });

  it('prefers the surer name when several columns fit a role', () => {
    // "Order Date" (100) over "Paid at" (70); "Total" (95) over "Subtotal" (75).
    expect(guessColumns(['Paid at', 'Order Date', 'Subtotal', 'Total', 'Email'])).toEqual({
      customer: 4,
      date: 1,
      amount: 3,
    });
  });

  it('takes a header that only contains a keyword, unless it also names something else', () => {
    expect(headerScore('Billing email of buyer', 'customer')).toBeGreaterThan(0);
    expect(headerScore('Date of birth', 'date')).toBe(0);
    expect(headerScore('Total tax', 'amount')).toBe(0);
    expect(headerScore('Customer since', 'customer')).toBe(0);
    expect(guessColumns(['Date of birth', 'Customer since', 'Total tax'])).toEqual({
      customer: null,
      date: null,
      amount: null,
    });
  });

  it('gives null for roles no header fits, and for no headers at all', () => {
    expect(guessColumns(['foo', 'bar'])).toEqual({ customer: null, date: null, amount: null });
    expect(guessColumns([])).toEqual({ customer: null, date: null, amount: null });
  });

  it('never guesses one column for two roles: "Customer value" goes to the customer, a tie to the first role', () => {
    // Both the customer keyword and the amount keyword score 30 here.
    expect(guessColumns(['Customer value', 'Date'])).toEqual({ customer: 0, date: 1, amount: null });
  });

  it('never returns the same column twice, nor one out of range, whatever the headers', () => {
    const vocabulary = [
      'customer',
      'Customer ID',
      'email',
      'date',
      'Order Date',
      'created at',
      'amount',
      'total',
      'value',
      'Customer value',
      'Date total',
      'price',
      'x',
      '',
      'Order total date',
      'client amount',
    ];
    fc.assert(
      fc.property(
        fc.array(fc.oneof(fc.constantFrom(...vocabulary), fc.string()), { maxLength: 12 }),
        (headers) => {
          const guess = guessColumns(headers);
          const columns = [guess.customer, guess.date, guess.amount].filter((column) => column !== null);
          expect(new Set(columns).size).toBe(columns.length);
          for (const column of columns) expect(column >= 0 && column < headers.length).toBe(true);
        },
      ),
    );
  });
});
