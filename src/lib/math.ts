// Small numeric helpers the calculators' models share.

/**
 * Converts a percent number to a fraction.
 * @example percentToFraction(40) // 0.4
 */
export function percentToFraction(percent: number): number {
  return percent / 100;
}

/**
 * Quotient that is `null` where it is undefined (denominator 0) or too large for a double.
 * @example ratioOrNull(210, 50) // 4.2
 * @example ratioOrNull(210, 0) // null
 */
export function ratioOrNull(numerator: number, denominator: number): number | null {
  if (denominator === 0) return null;
  const quotient = numerator / denominator;
  return Number.isFinite(quotient) ? quotient : null;
}
