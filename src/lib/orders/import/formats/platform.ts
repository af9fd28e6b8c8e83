/**
 * Order exports of known platforms, recognised from their header line. Each platform's module says which
 * columns it reads and how it counts an order; this module holds what they share: finding columns by
 * name (accepting each platform's variants across versions) and the verdict on one order.
 */
import { normaliseHeader } from '../columns';

/** Why an order was left out by a platform's rule, as the page shows it. */
export const RULE_REASONS = {
  refunded: 'refunded in full',
  voided: 'voided or cancelled',
  failed: 'payment failed',
  pending: 'not paid yet (pending, authorised or on hold)',
  test: 'test order',
  other: 'status not counted as a sale',
} as const;

/** What a platform's rule makes of an order: counted, with the amount kept after refunds, or left out. */
export type Verdict =
  { readonly counted: true; readonly amount: number } | { readonly counted: false; readonly reason: string };

/** The fields one order needs, read from its lines. */
export interface PlatformOrder {
  readonly id: string;
  readonly customer: string;
  readonly date: string;
  readonly currency: string;
  /** The order's own verdict, from its status and amounts. */
  readonly verdict: Verdict;
}

/** A recognised platform export: its name in words, and how to read an order from a line. */
export interface Platform {
  readonly id: string;
  /** "A Shopify orders export" */
  readonly title: string;
  /** True when a line holds the order-level fields (the first line of a multi-line order). */
  readonly readsLine: (fields: readonly string[]) => PlatformOrder | null;
  /** The order id of any of the order's lines, to group line-item lines into it. */
  readonly orderId: (fields: readonly string[]) => string;
  /** Money refunded by this line to its order (a refund line of its own, as PayPal writes them); 0 if none. */
  readonly refund?: (fields: readonly string[]) => number;
  /** Money this line adds to its order (an item line, where the export has no order total); 0 if none. */
  readonly lineAmount?: (fields: readonly string[]) => number;
  readonly columns: number;
}

/** Finds each wanted column by any of its names (compared normalised); null when a required one is missing. */
export function findColumns<K extends string>(
  headers: readonly string[],
  wanted: Readonly<Record<K, { readonly names: readonly string[]; readonly optional?: boolean }>>,
): Record<K, number> | null {
  const normalised = headers.map(normaliseHeader);
  const found = {} as Record<K, number>;
  for (const key of Object.keys(wanted) as K[]) {
    const spec = wanted[key];
    const index = normalised.findIndex((header) =>
      spec.names.some((name) => normaliseHeader(name) === header),
    );
    if (index < 0 && !spec.optional) return null;
    found[key] = index;
  }
  return found;
}

/** A field's text by column, '' for a missing column. */
export function field(fields: readonly string[], index: number): string {
  return index < 0 ? '' : (fields[index] ?? '').trim();
}

/** The date part of a timestamp as platforms write it: "2024-03-01 10:21:33 -0500", "2024-03-01T10:21:33Z". */
export function datePart(text: string): string {
  const iso = /^(\d{4}-\d{2}-\d{2})/.exec(text.trim());
  return iso?.[1] ?? text.trim();
}
