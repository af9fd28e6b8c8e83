/**
 * Shopify's orders export (Orders → Export, "CSV for Excel, Numbers, or other spreadsheet programs").
 * One line per line item; the order-level fields (Financial Status, Total, Currency, Refunded Amount…)
 * are filled on the order's first line only, and every line carries the order's Name (#1001):
 * https://docs.xbp.app/docs/development/integrations/shopify/order-format (how the export is laid out),
 * https://help.shopify.com/en/manual/fulfillment/managing-orders/exporting-orders (the export's columns).
 * Financial status values, as the Admin API documents them (the export writes them in lower case, with
 * underscores): https://shopify.dev/docs/api/admin-graphql/latest/enums/OrderDisplayFinancialStatus
 */
import { parseAmount } from '../amounts';
import { RULE_REASONS, datePart, field, findColumns, type Platform, type Verdict } from './platform';

const COLUMNS = {
  name: { names: ['Name'] },
  email: { names: ['Email'] },
  status: { names: ['Financial Status'] },
  created: { names: ['Created at'] },
  total: { names: ['Total'] },
  lineItem: { names: ['Lineitem name'] },
  currency: { names: ['Currency'], optional: true },
  refunded: { names: ['Refunded Amount'], optional: true },
  cancelled: { names: ['Cancelled at'], optional: true },
} as const;

/** Shopify's financial status, read from "paid", "partially_refunded", "Partially refunded"… */
function verdict(status: string, total: number | null, refunded: number, cancelled: boolean): Verdict {
  const key = status.toLowerCase().replace(/[\s_]+/g, ' ');
  if (cancelled) return { counted: false, reason: RULE_REASONS.voided };
  if (key === 'paid' || key === 'partially refunded') {
    if (total === null) return { counted: false, reason: RULE_REASONS.other };
    const kept = total - refunded;
    return kept > 0 ? { counted: true, amount: kept } : { counted: false, reason: RULE_REASONS.refunded };
  }
  if (key === 'refunded') return { counted: false, reason: RULE_REASONS.refunded };
  if (key === 'voided') return { counted: false, reason: RULE_REASONS.voided };
  if (key === 'expired') return { counted: false, reason: RULE_REASONS.failed };
  if (key === 'pending' || key === 'authorized' || key === 'partially paid')
    return { counted: false, reason: RULE_REASONS.pending };
  return { counted: false, reason: RULE_REASONS.other };
}

export function recogniseShopify(headers: readonly string[]): Platform | null {
  const c = findColumns(headers, COLUMNS);
  if (!c) return null;
  return {
    id: 'shopify',
    title: 'A Shopify orders export',
    columns: headers.length,
    orderId: (fields) => field(fields, c.name),
    readsLine: (fields) => {
      const status = field(fields, c.status);
      if (status === '') return null; // a further line item: the order's fields are on its first line
      return {
        id: field(fields, c.name),
        customer: field(fields, c.email),
        date: datePart(field(fields, c.created)),
        currency: field(fields, c.currency).toUpperCase(),
        verdict: verdict(
          status,
          parseAmount(field(fields, c.total)),
          parseAmount(field(fields, c.refunded)) ?? 0,
          field(fields, c.cancelled) !== '',
        ),
      };
    },
  };
}
