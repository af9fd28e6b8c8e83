/**
 * PayPal's activity download (Activity → Download, CSV of completed payments). Field names and the
 * M/D/YYYY date are those of PayPal's "Download History Fields" table:
 * https://developer.paypal.com/api/nvp-soap/paypal-payments-standard/admin/download-history/
 * A payment has a positive Gross; its refunds are their own lines with a negative Gross whose Reference
 * Txn ID names the payment, so they are grouped into it and taken off. Fees, transfers and withdrawals
 * (negative Gross, no reference) are money going out, not sales.
 */
import { parseAmount } from '../amounts';
import { RULE_REASONS, field, findColumns, type Platform, type Verdict } from './platform';

const COLUMNS = {
  date: { names: ['Date'] },
  name: { names: ['Name'] },
  type: { names: ['Type'] },
  status: { names: ['Status'] },
  gross: { names: ['Gross'] },
  transaction: { names: ['Transaction ID'] },
  email: { names: ['From Email Address'] },
  currency: { names: ['Currency'], optional: true },
  reference: { names: ['Reference Txn ID'], optional: true },
} as const;

function verdict(status: string, gross: number | null): Verdict {
  const key = status.toLowerCase();
  if (gross === null) return { counted: false, reason: RULE_REASONS.other };
  if (gross <= 0) return { counted: false, reason: 'money going out (a fee, transfer or withdrawal)' };
  if (key === 'completed' || key === 'partially refunded') return { counted: true, amount: gross };
  if (key === 'refunded' || key === 'reversed') return { counted: false, reason: RULE_REASONS.refunded };
  if (key === 'denied' || key === 'failed') return { counted: false, reason: RULE_REASONS.failed };
  if (key === 'canceled' || key === 'cancelled' || key === 'voided')
    return { counted: false, reason: RULE_REASONS.voided };
  if (key === 'pending' || key === 'unclaimed' || key === 'held')
    return { counted: false, reason: RULE_REASONS.pending };
  return { counted: false, reason: RULE_REASONS.other };
}

export function recognisePayPal(headers: readonly string[]): Platform | null {
  const c = findColumns(headers, COLUMNS);
  if (!c) return null;
  const gross = (fields: readonly string[]) => parseAmount(field(fields, c.gross));
  const isRefund = (fields: readonly string[]) =>
    (gross(fields) ?? 0) < 0 && field(fields, c.reference) !== '';
  return {
    id: 'paypal',
    title: 'A PayPal activity download',
    columns: headers.length,
    // A refund line belongs to the payment it refers to.
    orderId: (fields) => (isRefund(fields) ? field(fields, c.reference) : field(fields, c.transaction)),
    refund: (fields) => (isRefund(fields) ? -(gross(fields) ?? 0) : 0),
    readsLine: (fields) =>
      isRefund(fields)
        ? null
        : {
            id: field(fields, c.transaction),
            customer: field(fields, c.email) || field(fields, c.name),
            date: field(fields, c.date),
            currency: field(fields, c.currency).toUpperCase(),
            verdict: verdict(field(fields, c.status), gross(fields)),
          },
  };
}
