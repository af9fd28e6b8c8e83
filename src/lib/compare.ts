import type { CurrencyCode } from './currency';
import { formatMoney, formatMultiple, formatNumber } from './format';

/** How the difference between two scenarios' values reads. */
export type DifferenceKind =
  | { readonly kind: 'money' }
  | { readonly kind: 'points' }
  | { readonly kind: 'multiple' }
  | { readonly kind: 'count'; readonly unit: string; readonly digits: number };

/** One result the side-by-side comparison shows. */
export interface ComparedResult<Name extends string = string> {
  readonly name: Name;
  readonly label: string;
  readonly difference: DifferenceKind;
}

/** B − A, or null when either side is undefined. */
export function difference(a: number | null, b: number | null): number | null {
  if (a === null || b === null) return null;
  const diff = b - a;
  return Number.isFinite(diff) ? diff : null;
}

/**
 * The difference with an explicit sign, e.g. "+$120.50", "−3.5 points", "+0.4×", "no change".
 * Null (one side undefined) reads "not comparable".
 */
export function formatDifference(
  value: number | null,
  kind: DifferenceKind,
  currency: CurrencyCode,
  locale: string,
): string {
  if (value === null) return 'not comparable';
  const magnitude = Math.abs(value);
  const text =
    kind.kind === 'money'
      ? formatMoney(magnitude, currency, locale)
      : kind.kind === 'points'
        ? `${formatNumber(magnitude, locale, 1)} points`
        : kind.kind === 'multiple'
          ? formatMultiple(magnitude, locale)
          : `${formatNumber(magnitude, locale, kind.digits)} ${kind.unit}`;
  // Compare the printed magnitude with zero's, so a difference that rounds away reads "no change".
  const zero =
    kind.kind === 'money'
      ? formatMoney(0, currency, locale)
      : kind.kind === 'points'
        ? `${formatNumber(0, locale, 1)} points`
        : kind.kind === 'multiple'
          ? formatMultiple(0, locale)
          : `${formatNumber(0, locale, kind.digits)} ${kind.unit}`;
  if (text === zero) return 'no change';
  return `${value > 0 ? '+' : '−'}${text}`;
}
