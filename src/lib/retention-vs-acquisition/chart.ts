import type { LineChartModel } from '../chart/line-chart-config';
import { formatNumber } from '../format';
import type { TableModel } from '../table';
import type { RetentionResults } from './model';

/** Today's customers still active year by year, with and without the programme (nobody replaced). */
export function retentionChart(results: RetentionResults, locale: string): LineChartModel {
  return {
    labels: results.rows.map((row) => String(row.year)),
    xTitle: 'Years from today',
    yTitle: 'Today’s customers still buying',
    series: [
      {
        id: 'with-program',
        label: 'With the programme',
        values: results.rows.map((row) => row.remainingWithProgram),
        role: 'main',
        colorVar: '--chart-customer',
      },
      {
        id: 'without-program',
        label: 'Without it',
        values: results.rows.map((row) => row.remaining),
        role: 'comparison',
        colorVar: '--chart-sale',
      },
    ],
    valueFormat: { kind: 'count' },
    locale,
  };
}

/** The chart's numbers as a table. */
export function retentionTable(results: RetentionResults, locale: string): TableModel {
  const count = (x: number) => formatNumber(x, locale, x < 10 ? 1 : 0);
  return {
    caption: 'Today’s customers still buying, year by year, if nobody is replaced',
    columns: [
      { label: 'Year', numeric: true },
      { label: 'Without the programme', numeric: true },
      { label: 'With the programme', numeric: true },
      { label: 'Kept by the programme', numeric: true },
    ],
    rows: results.rows.map((row) => [
      formatNumber(row.year, locale, 0),
      count(row.remaining),
      count(row.remainingWithProgram),
      count(row.remainingWithProgram - row.remaining),
    ]),
  };
}
