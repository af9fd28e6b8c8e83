/**
 * WooCommerce, two exports:
 * - the Customer / Order / Coupon Export extension's default orders CSV, whose column keys (order_id,
 *   order_date, status, order_total, order_currency, customer_email…) are the ones WooCommerce documents
 *   for its order import and export: https://woocommerce.com/document/import-and-export-of-woocommerce-orders/
 *   and "use the column names, which never change": https://woocommerce.com/document/ordercustomer-csv-export-developer-documentation/
 * - Analytics → Orders → Download, whose "Net Sales" already has refunds and coupons taken off:
 *   https://woocommerce.com/document/woocommerce-analytics/ (Net Sales = Gross Sales − Returns − Coupons).
 * Order statuses are WooCommerce's: completed and processing are paid; refunded, cancelled, failed,
 * pending payment, on hold and drafts are not sales.
 */
import { parseAmount } from '../amounts';
import { RULE_REASONS, datePart, field, findColumns, type Platform, type Verdict } from './platform';

const EXPORT_COLUMNS = {
  id: { names: ['order_id'] },
  date: { names: ['order_date'] },
  status: { names: ['status', 'order_status'] },
  total: { names: ['order_total'] },
  email: { names: ['customer_email', 'billing_email'] },
  currency: { names: ['order_currency'], optional: true },
  refunded: { names: ['refunded_total', 'order_refund', 'refund_total'], optional: true },
} as const;

const ANALYTICS_COLUMNS = {
  id: { names: ['Order #'] },
  date: { names: ['Date'] },
  status: { names: ['Status'] },
  customer: { names: ['Customer'] },
  net: { names: ['Net Sales'] },
} as const;

function verdict(status: string, total: number | null, refunded: number): Verdict {
  const key = status
    .toLowerCase()
    .replace(/^wc-/, '')
    .replace(/[\s_-]+/g, ' ');
  if (key === 'completed' || key === 'processing') {
    if (total === null) return { counted: false, reason: RULE_REASONS.other };
    const kept = total - refunded;
    return kept > 0 ? { counted: true, amount: kept } : { counted: false, reason: RULE_REASONS.refunded };
  }
  if (key === 'refunded') return { counted: false, reason: RULE_REASONS.refunded };
  if (key === 'cancelled') return { counted: false, reason: RULE_REASONS.voided };
  if (key === 'failed') return { counted: false, reason: RULE_REASONS.failed };
  if (key === 'pending' || key === 'pending payment' || key === 'on hold')
    return { counted: false, reason: RULE_REASONS.pending };
  return { counted: false, reason: RULE_REASONS.other };
}

export function recogniseWooCommerce(headers: readonly string[]): Platform | null {
  const e = findColumns(headers, EXPORT_COLUMNS);
  if (e) {
    return {
      id: 'woocommerce',
      title: 'A WooCommerce orders export',
      columns: headers.length,
      orderId: (fields) => field(fields, e.id),
      readsLine: (fields) => ({
        id: field(fields, e.id),
        customer: field(fields, e.email),
        date: datePart(field(fields, e.date)),
        currency: field(fields, e.currency).toUpperCase(),
        verdict: verdict(
          field(fields, e.status),
          parseAmount(field(fields, e.total)),
          parseAmount(field(fields, e.refunded)) ?? 0,
        ),
      }),
    };
  }
  const a = findColumns(headers, ANALYTICS_COLUMNS);
  if (!a) return null;
  return {
    id: 'woocommerce-analytics',
    title: 'A WooCommerce Analytics orders download',
    columns: headers.length,
    orderId: (fields) => field(fields, a.id),
    readsLine: (fields) => ({
      id: field(fields, a.id),
      customer: field(fields, a.customer),
      date: datePart(field(fields, a.date)),
      currency: '',
      verdict: verdict(field(fields, a.status), parseAmount(field(fields, a.net)), 0),
    }),
  };
}
