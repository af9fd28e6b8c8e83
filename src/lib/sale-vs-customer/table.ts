import type { CurrencyCode } from '../currency';
import { formatMoney, formatNumber, formatPercent } from '../format';
import type { TableModel } from '../table';
import type { SaleVsCustomerResults } from './model';

/** The year-by-year table: the chart's numbers, readable without the chart. */
export function saleVsCustomerTable(
  results: SaleVsCustomerResults,
  currency: CurrencyCode,
  locale: string,
): TableModel {
  const money = (x: number) => formatMoney(x, currency, locale);
  return {
    caption: 'Year by year: what one new customer is expected to bring',
    columns: [
      { label: 'Year', numeric: true },
      { label: 'Chance still buying', numeric: true },
      { label: 'Expected orders', numeric: true },
      { label: 'Margin (face value)', numeric: true },
      { label: 'Value in today’s money', numeric: true },
      { label: 'Running total', numeric: true },
    ],
    rows: results.rows.map((row) => [
      formatNumber(row.year, locale, 0),
      formatPercent(100 * row.chanceActive, locale, 1),
      formatNumber(row.orders, locale, 2),
      money(row.margin),
      money(row.discountedValue),
      money(row.runningTotal),
    ]),
  };
}
