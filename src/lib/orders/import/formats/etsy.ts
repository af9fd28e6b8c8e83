/**
 * Etsy's two order downloads (Shop Manager → Settings → Options → Download Data):
 * - "Orders" (EtsySoldOrders*.csv), one line per order: Sale Date, Order ID, Buyer User ID, Full Name…,
 *   Currency, Order Value, Discount Amount, Shipping, Sales Tax, Order Total, Status, Card Processing Fees,
 *   Order Net, Adjusted Order Total, Adjusted Card Processing Fees, Adjusted Net Order Amount, Buyer…
 * - "Order Items" (EtsySoldOrderItems*.csv), one line per item sold: Sale Date, Item Name, Buyer, Quantity,
 *   Price, Discount Amount, Order Shipping, Order Sales Tax, Item Total, Currency, Transaction ID, Listing
 *   ID, Date Paid, Date Shipped…, Order ID.
 * Etsy publishes no column reference for these files; the names are the ones the downloads write, and
 * Etsy's own help defines the "Adjusted" amounts as the order's amount after any refund issued:
 * https://help.etsy.com/hc/en-us/articles/360016265394 ("How Are Sales & Credits in My Payment Account
 * Calculated?"). Order statuses are those of Etsy's receipts (paid, completed, open, payment processing,
 * canceled, fully refunded, partially refunded): https://developers.etsy.com/documentation/reference
 * (ShopReceipt.status). Dates are written MM/DD/YY.
 */
import { parseAmount } from '../amounts';
import { RULE_REASONS, datePart, field, findColumns, type Platform, type Verdict } from './platform';

const ORDER_COLUMNS = {
  date: { names: ['Sale Date'] },
  id: { names: ['Order ID'] },
  total: { names: ['Order Total'] },
  numberOfItems: { names: ['Number of Items'] },
  buyerId: { names: ['Buyer User ID'], optional: true },
  buyer: { names: ['Buyer'], optional: true },
  fullName: { names: ['Full Name'], optional: true },
  status: { names: ['Status'], optional: true },
  adjusted: { names: ['Adjusted Order Total'], optional: true },
  currency: { names: ['Currency'], optional: true },
} as const;

const ITEM_COLUMNS = {
  date: { names: ['Sale Date'] },
  id: { names: ['Order ID'] },
  buyer: { names: ['Buyer'] },
  itemTotal: { names: ['Item Total'] },
  transaction: { names: ['Transaction ID'] },
  paid: { names: ['Date Paid'], optional: true },
  currency: { names: ['Currency'], optional: true },
} as const;

/**
 * An Etsy date as ISO: "09/25/26" → "2026-09-25" (Etsy began in 2005, so a two-digit year is 20YY);
 * four-digit years and ISO dates pass through.
 * @example etsyDate('1/5/24') // '2024-01-05'
 */
export function etsyDate(text: string): string {
  const us = /^(\d{1,2})\/(\d{1,2})\/(\d{2}|\d{4})$/.exec(text.trim());
  if (!us) return datePart(text);
  const [, month = '', day = '', year = ''] = us;
  return `${year.length === 2 ? `20${year}` : year}-${month.padStart(2, '0')}-${day.padStart(2, '0')}`;
}

/** An Etsy order's status and amounts: the total kept after any refund ("Adjusted Order Total"). */
function verdict(status: string, total: number | null, adjusted: number | null): Verdict {
  const key = status.toLowerCase().replace(/[\s_]+/g, ' ');
  if (key === 'canceled' || key === 'cancelled') return { counted: false, reason: RULE_REASONS.voided };
  if (key === 'fully refunded' || key === 'refunded')
    return { counted: false, reason: RULE_REASONS.refunded };
  if (key === 'open' || key === 'payment processing' || key === 'unpaid')
    return { counted: false, reason: RULE_REASONS.pending };
  // The download lists sold orders: most lines leave Status blank, others say paid or completed.
  if (key !== '' && key !== 'paid' && key !== 'completed' && key !== 'partially refunded')
    return { counted: false, reason: RULE_REASONS.other };
  if (total === null) return { counted: false, reason: RULE_REASONS.other };
  const kept = adjusted ?? total; // blank until a refund adjusts the order
  return kept > 0 ? { counted: true, amount: kept } : { counted: false, reason: RULE_REASONS.refunded };
}

/** Etsy's "Orders" download: one line per order. */
function soldOrders(headers: readonly string[]): Platform | null {
  const c = findColumns(headers, ORDER_COLUMNS);
  if (!c || (c.buyerId < 0 && c.buyer < 0 && c.fullName < 0)) return null;
  return {
    id: 'etsy',
    title: 'An Etsy sold orders export',
    columns: headers.length,
    orderId: (fields) => field(fields, c.id),
    readsLine: (fields) => ({
      id: field(fields, c.id),
      // The buyer's Etsy account number never changes; a username can, and a name is the last resort.
      customer: field(fields, c.buyerId) || field(fields, c.buyer) || field(fields, c.fullName),
      date: etsyDate(field(fields, c.date)),
      currency: field(fields, c.currency).toUpperCase(),
      verdict: verdict(
        field(fields, c.status),
        parseAmount(field(fields, c.total)),
        field(fields, c.adjusted) === '' ? null : parseAmount(field(fields, c.adjusted)),
      ),
    }),
  };
}

/**
 * Etsy's "Order Items" download: one line per item, grouped into its order by Order ID. It has no status
 * and no order total, so an order counts once it is paid (Date Paid filled in) and is worth the sum of its
 * items' Item Total (price × quantity, before the order's discount, shipping and tax).
 */
function soldOrderItems(headers: readonly string[]): Platform | null {
  const c = findColumns(headers, ITEM_COLUMNS);
  if (!c) return null;
  const itemTotal = (fields: readonly string[]) => parseAmount(field(fields, c.itemTotal));
  return {
    id: 'etsy-items',
    title: 'An Etsy sold order items export',
    columns: headers.length,
    orderId: (fields) => field(fields, c.id),
    lineAmount: (fields) => Math.max(0, itemTotal(fields) ?? 0),
    readsLine: (fields) => ({
      id: field(fields, c.id),
      customer: field(fields, c.buyer),
      date: etsyDate(field(fields, c.date)),
      currency: field(fields, c.currency).toUpperCase(),
      verdict:
        c.paid >= 0 && field(fields, c.paid) === ''
          ? { counted: false, reason: RULE_REASONS.pending }
          : itemTotal(fields) === null
            ? { counted: false, reason: RULE_REASONS.other }
            : { counted: true, amount: 0 }, // the items' totals are added line by line
    }),
  };
}

export function recogniseEtsy(headers: readonly string[]): Platform | null {
  return soldOrderItems(headers) ?? soldOrders(headers);
}
