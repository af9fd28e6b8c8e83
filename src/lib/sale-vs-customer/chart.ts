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
): LineChartModel {
  const years = results.rows.map((row) => row.year);
  return {
    labels: years.map(String),
    xTitle: 'Year as a customer',
    yTitle: 'Value to date, in today’s money',
    series: [
      {
        id: 'customer',
        label: 'The customer (running total)',
        values: results.rows.map((row) => row.runningTotal),
        role: 'main',
        colorVar: '--chart-customer',
      },
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
