import type { LineChartModel } from '../chart/line-chart-config';
import type { CurrencyCode } from '../currency';
import type { SaleVsCustomerResults } from './model';

/**
 * The cumulative-value chart: the one sale as a flat line, the customer's running discounted total as a
 * rising curve, and the acquisition cost as a dashed line the curve has to cross.
 */
export function saleVsCustomerChart(
  results: SaleVsCustomerResults,
  cac: number,
  currency: CurrencyCode,
  locale: string,
  scenarioB?: SaleVsCustomerResults,
): LineChartModel {
  // With two scenarios the years run to the longer horizon; the shorter curve simply stops.
  const horizon = Math.max(results.rows.length, scenarioB?.rows.length ?? 0);
  const years = Array.from({ length: horizon }, (_, index) => index + 1);
  return {
    labels: years.map(String),
    xTitle: 'Year as a customer',
    yTitle: 'Value to date, in today’s money',
    series: [
      {
        id: 'customer',
        label: scenarioB ? 'The customer, scenario A' : 'The customer (running total)',
        values: results.rows.map((row) => row.runningTotal),
        role: 'main',
        colorVar: '--chart-customer',
      },
      ...(scenarioB
        ? [
            {
              id: 'customer-b',
              label: 'The customer, scenario B',
              values: scenarioB.rows.map((row) => row.runningTotal),
              role: 'alternative' as const,
              colorVar: '--chart-alternative',
            },
          ]
        : []),
      {
        id: 'sale',
        label: 'One sale',
        values: years.map(() => results.sale),
        role: 'comparison',
        colorVar: '--chart-sale',
      },
      {
        id: 'cac',
        label: 'Cost to win the customer',
        values: years.map(() => cac),
        role: 'threshold',
        colorVar: '--chart-cost',
      },
    ],
    valueFormat: { kind: 'money', currency },
    locale,
  };
}
