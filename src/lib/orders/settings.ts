import type { NumberParamSpec } from '../params';
import { parseDay, formatDay } from './dates';

/** The your-orders page's settings that live in the URL (the orders themselves never do). */
export const ORDER_SETTINGS_PARAMS = [
  { key: 'horizon', default: 3, min: 1, max: 10, integer: true },
  { key: 'discount', default: 10, min: 0, max: 100 },
  { key: 'margin', default: 40, min: 0, max: 100 },
] as const satisfies readonly NumberParamSpec[];

/** The calibration end as a day number from `calibrationEnd=YYYY-MM-DD`, or null when absent or malformed. */
export function readCalibrationEnd(params: URLSearchParams): { day: number | null; malformed: boolean } {
  const text = params.get('calibrationEnd');
  if (text === null || text === '') return { day: null, malformed: false };
  const day = parseDay(text, 'YYYY-MM-DD');
  return { day, malformed: day === null };
}

/** `calibrationEnd=YYYY-MM-DD` for a day number. */
export function writeCalibrationEnd(day: number): string {
  return `calibrationEnd=${formatDay(day)}`;
}

/** Links that open the calculators with the measured numbers: aggregates only, never an order. */
export function calculatorLinks(figures: {
  averageOrderValue: number;
  ordersPerCustomerPerYear: number;
  retentionPercent: number | null;
  expectedActive: number | null;
  customers: number;
  margin: number;
  discount: number;
  horizonYears: number;
}): { saleVsCustomer: string; retention: string } {
  const round = (x: number, digits = 2) => Number(x.toFixed(digits));
  const clamp = (x: number, min: number, max: number) => Math.min(max, Math.max(min, x));
  const sale = new URLSearchParams({
    aov: String(round(clamp(figures.averageOrderValue, 0.01, 1e9))),
    margin: String(round(figures.margin, 1)),
    freq: String(round(clamp(figures.ordersPerCustomerPerYear, 0.01, 365))),
    discount: String(round(figures.discount, 1)),
    years: String(clamp(Math.round(figures.horizonYears), 1, 50)),
  });
  if (figures.retentionPercent !== null) sale.set('retention', String(round(figures.retentionPercent, 1)));
  const yearlyMargin = figures.averageOrderValue * figures.ordersPerCustomerPerYear * (figures.margin / 100);
  const retention = new URLSearchParams({
    customers: String(Math.max(1, Math.round(figures.expectedActive ?? figures.customers))),
    yearlyMargin: String(round(clamp(yearlyMargin, 0, 1e9))),
    years: String(clamp(Math.round(figures.horizonYears), 1, 50)),
  });
  if (figures.retentionPercent !== null) {
    const churn = round(100 - figures.retentionPercent, 1);
    retention.set('churn', String(churn));
    retention.set('churnWithProgram', String(round(Math.min(churn, Math.max(0, churn - 5)), 1)));
  }
  return {
    saleVsCustomer: `/calculators/sale-vs-customer/?${sale}`,
    retention: `/calculators/retention-vs-acquisition/?${retention}`,
  };
}
