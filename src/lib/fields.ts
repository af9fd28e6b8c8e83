import type { CurrencyCode } from './currency';
import { currencyAffix } from './format';

/** How an input's unit is shown beside it: money takes the currency's symbol, the rest a fixed word. */
export type UnitKind =
  | { kind: 'money'; suffix?: string }
  | { kind: 'percent'; suffix: string }
  | { kind: 'plain'; suffix: string };

/** The words a person sees for one input: its label, unit, help and a sensible step for the arrow keys. */
export interface FieldCopy {
  readonly key: string;
  readonly label: string;
  readonly unit: UnitKind;
  /** What the number means, in plain words, shown under the field. */
  readonly help: string;
  /** How much ArrowUp/ArrowDown change the value. */
  readonly step: number;
}

/** The unit shown beside a field, e.g. "$", "€ per year", "% per year", "orders per year". */
export function unitLabel(unit: UnitKind, currency: CurrencyCode, locale: string): string {
  if (unit.kind === 'money') {
    const symbol = currencyAffix(currency, locale);
    return unit.suffix ? `${symbol} ${unit.suffix}` : symbol;
  }
  return unit.suffix;
}

/** A function that names a field by its URL key, for messages; "currency" and unknown keys get a fallback. */
export function labelLookup(fields: Readonly<Record<string, FieldCopy>>): (key: string) => string {
  return (key) => (key === 'currency' ? 'Currency' : (fields[key]?.label ?? key));
}
