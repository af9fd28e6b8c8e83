/**
 * The "Retention vs Acquisition" model (docs/models.md §2): what it costs to keep the customers you have,
 * next to what it costs to replace the ones you lose. One concept per pure function; {@link computeRetention}
 * composes them.
 *
 * The model's assumptions, which the page states: the customer base is kept at the same size by acquiring one
 * new customer for each one lost; the programme's cost is paid for every active customer; costs are not
 * discounted.
 *
 * Units: the single-concept functions take rates as fractions (0.3 for 30 % a year) and money in currency
 * units; only {@link computeRetention} takes the spec's percent numbers, and converts them once.
 * Inputs are assumed to be within the spec's ranges, churnWithProgram ≤ churn included (the URL codec enforces
 * them); for every such input every result is a finite number or, where the spec allows "undefined" or the
 * true value is beyond the largest double, `null`.
 */
import { percentToFraction, ratioOrNull } from '../math';

/** Inputs in the spec's units: percentages as percent numbers (churn 30 means 30 % a year), money in currency units. */
export interface RetentionInputs {
  /** Active customers today, whole number 1–1e9. */
  customers: number;
  /** Share of customers lost per year without a retention programme, % per year; 0–100. */
  churn: number;
  /** The same with the programme, % per year; 0–churn. */
  churnWithProgram: number;
  /** Retention spend per active customer, currency per customer per year; 0–1e9. */
  programCost: number;
  /** Cost to acquire one new customer, currency; 0–1e9. */
  cac: number;
  /** Gross margin an active customer brings, currency per customer per year; 0–1e9. */
  yearlyMargin: number;
  /** Horizon, whole years; 1–50. */
  years: number;
}

/** One point of the chart (and one line of its table): today's customers still active after t years. */
export interface RetentionYearRow {
  /** t = 0..H (0 = today, so the chart starts at N) */
  year: number;
  /** N (1−c₀)^t: today's customers still active after t years, none replaced */
  remaining: number;
  /** N (1−c₁)^t */
  remainingWithProgram: number;
}

/** The results named in the spec; `null` is the spec's "undefined" (or a value too large for a double). */
export interface RetentionResults {
  /** c₀ N, customers per year */
  lostPerYear: number;
  /** c₁ N, customers per year */
  lostPerYearWithProgram: number;
  /** A c₀ N, currency per year */
  replaceCostPerYear: number;
  /** R N + A c₁ N, currency per year */
  retainCostPerYear: number;
  /** replaceCostPerYear − retainCostPerYear, currency per year; negative when the programme does not pay */
  savingsPerYear: number;
  /** H × savingsPerYear, currency */
  savingsTotal: number;
  /** A (c₀ − c₁), currency per customer per year */
  breakEvenProgramCost: number;
  /** R / (c₀ − c₁), currency per customer kept; null when c₀ = c₁, or too large to represent */
  costToKeepOne: number | null;
  /** 100 × costToKeepOne / A, %; null when c₀ = c₁ or A = 0, or when it cannot be represented */
  keepVsWinPercent: number | null;
  /** 1/c₀, years; null when c₀ = 0 ("never leaves"), or too large to represent */
  lifetimeYears: number | null;
  /** 1/c₁, years; null when c₁ = 0, or too large to represent */
  lifetimeYearsWithProgram: number | null;
  /** M N − replaceCostPerYear, currency per year */
  profitPerYear: number;
  /** M N − retainCostPerYear, currency per year */
  profitPerYearWithProgram: number;
  /** N (1−c₀)^H, customers */
  remaining: number;
  /** N (1−c₁)^H, customers */
  remainingWithProgram: number;
  /** M N Σₜ₌₁..H (1−c₀)^(t−1), currency */
  cohortValue: number;
  /** (M − R) N Σₜ₌₁..H (1−c₁)^(t−1), currency; negative when R > M */
  cohortValueWithProgram: number;
  /** Years 0..H inclusive (H + 1 rows) */
  rows: RetentionYearRow[];
}

/**
 * Customers lost in a year, c N.
 * @param customers - N, active customers
 * @param churn - c, a fraction per year
 * @returns customers per year
 * @example lostPerYear(1000, 0.3) // 300
 */
export function lostPerYear(customers: number, churn: number): number {
  return churn * customers;
}

/**
 * Yearly cost of replacing every customer lost without a programme, A c₀ N.
 * @param cac - A, currency per new customer
 * @param churn - c₀, a fraction per year
 * @param customers - N, active customers
 * @returns currency per year
 * @example replaceCost(150, 0.3, 1000) // 45000 = 150 × 300
 */
export function replaceCost(cac: number, churn: number, customers: number): number {
  return cac * lostPerYear(customers, churn);
}

/**
 * Yearly cost of the retention strategy, R N + A c₁ N: the programme for every active customer, plus the
 * fewer replacements still needed.
 * @param programCost - R, currency per customer per year
 * @param cac - A, currency per new customer
 * @param churnWithProgram - c₁, a fraction per year
 * @param customers - N, active customers
 * @returns currency per year
 * @example retainCost(15, 150, 0.2, 1000) // 45000 = 15 × 1000 + 150 × 200
 */
export function retainCost(
  programCost: number,
  cac: number,
  churnWithProgram: number,
  customers: number,
): number {
  return programCost * customers + replaceCost(cac, churnWithProgram, customers);
}

/**
 * The most the programme may cost per customer per year and still pay, A (c₀ − c₁): each customer it covers
 * spares, on average, c₀ − c₁ replacements a year at A each.
 * @param cac - A, currency per new customer
 * @param churnReduction - c₀ − c₁, a fraction per year
 * @returns currency per customer per year
 * @example breakEvenProgramCost(150, 0.1) // 15
 */
export function breakEvenProgramCost(cac: number, churnReduction: number): number {
  return cac * churnReduction;
}

/**
 * Yearly savings of the programme, replaceCost − retainCost = A c₀ N − (R N + A c₁ N), computed in the
 * algebraically equal form N (A (c₀ − c₁) − R): it is exactly 0 at the break-even cost (the difference of two
 * large costs would leave rounding dust there, e.g. −3.6e-12 at the defaults) and its sign always agrees with
 * R versus {@link breakEvenProgramCost}.
 * @param programCost - R, currency per customer per year
 * @param cac - A, currency per new customer
 * @param churnReduction - c₀ − c₁, a fraction per year
 * @param customers - N, active customers
 * @returns currency per year; negative when the programme does not pay
 * @example yearlySavings(10, 200, 0.15, 1000) // 20000 = 1000 × (200 × 0.15 − 10)
 */
export function yearlySavings(
  programCost: number,
  cac: number,
  churnReduction: number,
  customers: number,
): number {
  return customers * (breakEvenProgramCost(cac, churnReduction) - programCost);
}

/**
 * Programme spend per customer kept who would otherwise have left, R / (c₀ − c₁).
 * @param programCost - R, currency per customer per year
 * @param churnReduction - c₀ − c₁, a fraction per year
 * @returns currency per customer kept; 0 when R = 0; null when the programme keeps no one (c₀ − c₁ ≤ 0; the
 *   spec's ranges allow only c₀ = c₁), or when the quotient is too large for a double (c₀ − c₁ a hair above 0)
 * @example costToKeepOne(15, 0.1) // 150
 * @example costToKeepOne(15, 0) // null
 */
export function costToKeepOne(programCost: number, churnReduction: number): number | null {
  if (churnReduction <= 0) return null;
  return ratioOrNull(programCost, churnReduction);
}

/**
 * Keeping one customer as a percentage of winning one, 100 × costToKeepOne / A, computed as
 * 100 × R / (A (c₀ − c₁)) = 100 × R / breakEvenProgramCost: then it is exactly 100 when R is the break-even
 * cost, and below 100 exactly when the programme saves money.
 * @param programCost - R, currency per customer per year
 * @param cac - A, currency per new customer
 * @param churnReduction - c₀ − c₁, a fraction per year
 * @returns percent; 0 when R = 0; null when c₀ − c₁ ≤ 0 or A = 0 (undefined per spec), or when the value is
 *   too large for a double, or when A (c₀ − c₁) is below the smallest double and R > 0. (Where A (c₀ − c₁)
 *   is subnormal, below ~2.2e-308, it has few significant bits left and so has this quotient.)
 * @example keepVsWinPercent(10, 200, 0.15) // 33.33… = 100 × 10 / 30
 * @example keepVsWinPercent(15, 0, 0.1) // null
 */
export function keepVsWinPercent(programCost: number, cac: number, churnReduction: number): number | null {
  if (churnReduction <= 0 || cac <= 0) return null;
  if (programCost === 0) return 0; // exact, even where A (c₀ − c₁) underflows to 0
  const ratio = ratioOrNull(programCost, breakEvenProgramCost(cac, churnReduction));
  if (ratio === null) return null;
  const percent = 100 * ratio; // 100 × (R / B), not (100 R) / B, so R = B gives exactly 100
  return Number.isFinite(percent) ? percent : null;
}

/**
 * Expected years a customer stays, 1/c (the mean of a geometric lifetime with churn c a year).
 * @param churn - c, a fraction per year
 * @returns years; null when c = 0 ("never leaves"), or when 1/c is too large for a double (c < ~5.6e-309)
 * @example expectedLifetime(0.2) // 5
 * @example expectedLifetime(0) // null
 */
export function expectedLifetime(churn: number): number | null {
  return ratioOrNull(1, churn);
}

/**
 * Today's customers still active after t years if none were replaced, N (1−c)^t.
 * Math.pow(0, 0) = 1, so t = 0 gives N also when c = 1.
 * @param customers - N, active customers today
 * @param churn - c, a fraction per year
 * @param t - years from today, 0-based
 * @returns customers
 * @example survivors(1000, 0.3, 5) // 168.07 = 1000 × 0.7⁵ (up to rounding)
 */
export function survivors(customers: number, churn: number, t: number): number {
  return customers * Math.pow(1 - churn, t);
}

/**
 * Expected years active within the horizon for one of today's customers, Σₜ₌₁..H (1−c)^(t−1)
 * = (1 − (1−c)^H)/c, or H when c = 0.
 * @param churn - c, a fraction per year
 * @param horizon - H, whole years
 * @returns years
 * @example activeYears(0.3, 5) // 2.7731 = 1 + 0.7 + 0.49 + 0.343 + 0.2401
 * @example activeYears(1, 5) // 1: only year 1 counts
 * @example activeYears(0, 5) // 5
 */
export function activeYears(churn: number, horizon: number): number {
  if (churn === 0) return horizon; // nobody leaves; the closed form would be 0 / 0
  // 1 − (1−c)^H as −expm1(H·log1p(−c)): the naive 1 − Math.pow(1 − c, H) cancels when c is tiny, and 1 − c
  // itself rounds c away below ~1e-16; this form stays within a few ulps.
  // At c = 1, log1p(−1) = −∞ and expm1(−∞) = −1, which gives exactly 1.
  return -Math.expm1(horizon * Math.log1p(-churn)) / churn;
}

/**
 * Margin today's customers bring over the horizon, none replaced: m N Σₜ₌₁..H (1−c)^(t−1). Year 1 counts in
 * full (everyone is still there), year t for the (1−c)^(t−1) still active at its start.
 * @param perCustomerMargin - m, currency per active customer per year (M, or M − R with the programme, which
 *   may be negative)
 * @param customers - N, active customers today
 * @param churn - c, a fraction per year
 * @param horizon - H, whole years
 * @returns currency
 * @example cohortMargin(200, 1000, 0.3, 5) // 554620 = 200 × 1000 × 2.7731
 */
export function cohortMargin(
  perCustomerMargin: number,
  customers: number,
  churn: number,
  horizon: number,
): number {
  return perCustomerMargin * customers * activeYears(churn, horizon);
}

/**
 * The chart's points, t = 0..H: today's customers still active under each churn rate.
 * @param customers - N, active customers today
 * @param churn - c₀, a fraction per year
 * @param churnWithProgram - c₁, a fraction per year
 * @param horizon - H, whole years
 */
export function yearRows(
  customers: number,
  churn: number,
  churnWithProgram: number,
  horizon: number,
): RetentionYearRow[] {
  const rows: RetentionYearRow[] = [];
  for (let year = 0; year <= horizon; year++) {
    rows.push({
      year,
      remaining: survivors(customers, churn, year),
      remainingWithProgram: survivors(customers, churnWithProgram, year),
    });
  }
  return rows;
}

/**
 * All the results of the calculator for one set of inputs (docs/models.md §2).
 *
 * c₀ − c₁ is taken as (churn − churnWithProgram)/100 rather than churn/100 − churnWithProgram/100: the same in
 * real numbers, but at the defaults it gives 0.1, so the break-even cost is exactly 15 = R and the savings
 * exactly 0, where the other form gives 0.09999999999999998 and savings of −3.6e-12. (A difference below
 * ~5e-322 percentage points underflows to 0 once divided by 100, and then counts as no reduction.)
 * @example computeRetention({ customers: 1000, churn: 30, churnWithProgram: 20, programCost: 15, cac: 150,
 *   yearlyMargin: 200, years: 5 }) // replace and retain 45000 each, savings 0, costToKeepOne 150, keepVsWin 100
 */
export function computeRetention(inputs: RetentionInputs): RetentionResults {
  const { customers, programCost, cac, yearlyMargin, years } = inputs;
  const churn = percentToFraction(inputs.churn);
  const churnWithProgram = percentToFraction(inputs.churnWithProgram);
  const churnReduction = percentToFraction(inputs.churn - inputs.churnWithProgram);
  const replaceCostPerYear = replaceCost(cac, churn, customers);
  const retainCostPerYear = retainCost(programCost, cac, churnWithProgram, customers);
  const savingsPerYear = yearlySavings(programCost, cac, churnReduction, customers);
  const yearlyMarginOfAll = yearlyMargin * customers;
  const rows = yearRows(customers, churn, churnWithProgram, years);
  return {
    lostPerYear: lostPerYear(customers, churn),
    lostPerYearWithProgram: lostPerYear(customers, churnWithProgram),
    replaceCostPerYear,
    retainCostPerYear,
    savingsPerYear,
    savingsTotal: years * savingsPerYear,
    breakEvenProgramCost: breakEvenProgramCost(cac, churnReduction),
    costToKeepOne: costToKeepOne(programCost, churnReduction),
    keepVsWinPercent: keepVsWinPercent(programCost, cac, churnReduction),
    lifetimeYears: expectedLifetime(churn),
    lifetimeYearsWithProgram: expectedLifetime(churnWithProgram),
    profitPerYear: yearlyMarginOfAll - replaceCostPerYear,
    profitPerYearWithProgram: yearlyMarginOfAll - retainCostPerYear,
    // The same function as the rows, so remaining = rows[H].remaining exactly.
    remaining: survivors(customers, churn, years),
    remainingWithProgram: survivors(customers, churnWithProgram, years),
    cohortValue: cohortMargin(yearlyMargin, customers, churn, years),
    cohortValueWithProgram: cohortMargin(yearlyMargin - programCost, customers, churnWithProgram, years),
    rows,
  };
}
