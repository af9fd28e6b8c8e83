/**
 * Stripe's payments export (Payments → Export, and the newer unified payments export). One line per
 * payment; failed payments are in it too, and refunds show in "Amount Refunded" and "Status":
 * https://support.stripe.com/questions/exporting-a-report-of-all-transactions (failed payments included).
 * Column names as Stripe's exports write them (older: "Created (UTC)", unified: "Created date (UTC)"):
 * https://docs.cello.so/guides/attribution/stripe-reports lists the Dashboard export's columns.
 * Status values are the Dashboard's: Paid / Succeeded, Refunded, Partially refunded, Failed, Canceled,
 * Incomplete, Uncaptured, Pending.
 */
import { parseAmount } from '../amounts';
import { RULE_REASONS, datePart, field, findColumns, type Platform, type Verdict } from './platform';

const COLUMNS = {
  id: { names: ['id', 'ID'] },
  created: { names: ['Created (UTC)', 'Created date (UTC)', 'Created'] },
  amount: { names: ['Amount'] },
  refunded: { names: ['Amount Refunded'] },
  status: { names: ['Status'] },
  currency: { names: ['Currency'], optional: true },
  customerId: { names: ['Customer ID'], optional: true },
  customerEmail: { names: ['Customer Email'], optional: true },
} as const;

function verdict(status: string, amount: number | null, refunded: number): Verdict {
  const key = status.toLowerCase().replace(/[\s_]+/g, ' ');
  if (key === 'paid' || key === 'succeeded' || key === 'partially refunded') {
    if (amount === null) return { counted: false, reason: RULE_REASONS.other };
    const kept = amount - refunded;
    return kept > 0 ? { counted: true, amount: kept } : { counted: false, reason: RULE_REASONS.refunded };
  }
  if (key === 'refunded') return { counted: false, reason: RULE_REASONS.refunded };
  if (key === 'failed') return { counted: false, reason: RULE_REASONS.failed };
  if (key === 'canceled' || key === 'cancelled') return { counted: false, reason: RULE_REASONS.voided };
  if (['incomplete', 'uncaptured', 'pending', 'requires payment method'].includes(key))
    return { counted: false, reason: RULE_REASONS.pending };
  return { counted: false, reason: RULE_REASONS.other };
}

export function recogniseStripe(headers: readonly string[]): Platform | null {
  const c = findColumns(headers, COLUMNS);
  if (!c || (c.customerId < 0 && c.customerEmail < 0)) return null;
  return {
    id: 'stripe',
    title: 'A Stripe payments export',
    columns: headers.length,
    orderId: (fields) => field(fields, c.id),
    readsLine: (fields) => ({
      id: field(fields, c.id),
      // The customer object's id when there is one; a guest payment has only the email.
      customer: field(fields, c.customerId) || field(fields, c.customerEmail),
      date: datePart(field(fields, c.created)),
      currency: field(fields, c.currency).toUpperCase(),
      verdict: verdict(
        field(fields, c.status),
        parseAmount(field(fields, c.amount)),
        parseAmount(field(fields, c.refunded)) ?? 0,
      ),
    }),
  };
}
