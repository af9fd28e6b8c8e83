/**
 * Square's transactions export (Dashboard → Transactions → Export, "Transactions CSV"): one line per
 * payment, amounts written with the currency sign ("$12.50"), partial refunds as a negative amount on
 * the payment's own line. Columns as listed for the export in
 * https://skills.sh/openaccountant/skills/square-import (Date, Time, Transaction ID, Gross Sales, Tips,
 * Refunds, Net Sales…), with Square's customer columns (Customer ID, Customer Name) and Transaction Status.
 * A sale with no customer on it (a walk-in paying cash) cannot be followed over time: it is reported as
 * having no customer id.
 */
import { parseAmount } from '../amounts';
import { RULE_REASONS, field, findColumns, type Platform, type Verdict } from './platform';

const COLUMNS = {
  date: { names: ['Date'] },
  transaction: { names: ['Transaction ID'] },
  gross: { names: ['Gross Sales'] },
  net: { names: ['Net Sales'] },
  customerId: { names: ['Customer ID'], optional: true },
  customerName: { names: ['Customer Name'], optional: true },
  status: { names: ['Transaction Status'], optional: true },
  refunds: { names: ['Partial Refunds', 'Refunds'], optional: true },
} as const;

function verdict(status: string, net: number | null, refunds: number): Verdict {
  const key = status.toLowerCase();
  if (net === null) return { counted: false, reason: RULE_REASONS.other };
  if (key !== '' && key !== 'complete' && key !== 'completed')
    return { counted: false, reason: key === 'pending' ? RULE_REASONS.pending : RULE_REASONS.voided };
  const kept = net - Math.abs(refunds);
  return kept > 0 ? { counted: true, amount: kept } : { counted: false, reason: RULE_REASONS.refunded };
}

export function recogniseSquare(headers: readonly string[]): Platform | null {
  const c = findColumns(headers, COLUMNS);
  if (!c || (c.customerId < 0 && c.customerName < 0)) return null;
  // parseAmount reads "(2.00)" as negative but refuses a leading minus before a sign: strip it first.
  const amount = (text: string) => {
    const negative = text.trim().startsWith('-');
    const value = parseAmount(text.trim().replace(/^-/, ''));
    return value === null ? null : negative ? -value : value;
  };
  return {
    id: 'square',
    title: 'A Square transactions export',
    columns: headers.length,
    orderId: (fields) => field(fields, c.transaction),
    readsLine: (fields) => ({
      id: field(fields, c.transaction),
      customer: field(fields, c.customerId) || field(fields, c.customerName),
      date: field(fields, c.date),
      currency: '',
      verdict: verdict(
        field(fields, c.status),
        amount(field(fields, c.net)),
        amount(field(fields, c.refunds)) ?? 0,
      ),
    }),
  };
}
