import type { CurrencyCode } from '../currency';
import { formatMoney, formatNumber, formatPercent } from '../format';
import type { TableModel } from '../table';
import type { SaleVsCustomerResults, YearRow } from './model';

/** A dash for a year a scenario's horizon does not reach. */
const NONE = '–';

/**
 * The year-by-year table: the chart's numbers, readable without the chart. With a scenario B it adds B's
 * running total, and runs to the longer of the two horizons.
 */
export function saleVsCustomerTable(
  results: SaleVsCustomerResults,
  currency: CurrencyCode,
  locale: string,
  scenarioB?: SaleVsCustomerResults,
): TableModel {
  const money = (x: number) => formatMoney(x, currency, locale);
  const horizon = Math.max(results.rows.length, scenarioB?.rows.length ?? 0);
  const cells = (row: YearRow | undefined) =>
    row
      ? [
          formatPercent(100 * row.chanceActive, locale, 1),
          formatNumber(row.orders, locale, 2),
          money(row.margin),
          money(row.discountedValue),
          money(row.runningTotal),
        ]
      : [NONE, NONE, NONE, NONE, NONE];
  return {
    caption: 'Year by year: what one new customer is expected to bring',
    columns: [
      { label: 'Year', numeric: true },
      { label: 'Chance still buying', numeric: true },
      { label: 'Expected orders', numeric: true },
      { label: 'Margin (face value)', numeric: true },
      { label: 'Value in today’s money', numeric: true },
      { label: scenarioB ? 'Running total, scenario A' : 'Running total', numeric: true },
      ...(scenarioB ? [{ label: 'Running total, scenario B', numeric: true }] : []),
    ],
    rows: Array.from({ length: horizon }, (_, index) => {
      const rowB = scenarioB?.rows[index];
      return [
        formatNumber(index + 1, locale, 0),
        ...cells(results.rows[index]),
        ...(scenarioB ? [rowB ? money(rowB.runningTotal) : NONE] : []),
      ];
    }),
  };
}
