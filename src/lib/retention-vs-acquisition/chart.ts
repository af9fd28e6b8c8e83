import type { LineChartModel } from '../chart/line-chart-config';
import { formatNumber } from '../format';
import type { TableModel } from '../table';
import type { RetentionResults } from './model';

/** Today's customers still active year by year, with and without the programme (nobody replaced). */
export function retentionChart(
  results: RetentionResults,
  locale: string,
  scenarioB?: RetentionResults,
): LineChartModel {
  const rows = longerRows(results, scenarioB);
  return {
    labels: rows.map((_, year) => String(year)),
    xTitle: 'Years from today',
    yTitle: 'Today’s customers still buying',
    series: [
      {
        id: 'with-program',
        label: scenarioB ? 'With the programme, scenario A' : 'With the programme',
        values: results.rows.map((row) => row.remainingWithProgram),
        role: 'main',
        colorVar: '--chart-customer',
      },
      ...(scenarioB
        ? [
            {
              id: 'with-program-b',
              label: 'With the programme, scenario B',
              values: scenarioB.rows.map((row) => row.remainingWithProgram),
              role: 'alternative' as const,
              colorVar: '--chart-alternative',
            },
          ]
        : []),
      {
        id: 'without-program',
        label: scenarioB ? 'Without it, scenario A' : 'Without it',
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
export function retentionTable(
  results: RetentionResults,
  locale: string,
  scenarioB?: RetentionResults,
): TableModel {
  const count = (x: number | undefined) => (x === undefined ? '–' : formatNumber(x, locale, x < 10 ? 1 : 0));
  const rows = longerRows(results, scenarioB);
  return {
    caption: 'Today’s customers still buying, year by year, if nobody is replaced',
    columns: [
      { label: 'Year', numeric: true },
      { label: 'Without the programme', numeric: true },
      { label: 'With the programme', numeric: true },
      { label: 'Kept by the programme', numeric: true },
      ...(scenarioB ? [{ label: 'With the programme, scenario B', numeric: true }] : []),
    ],
    rows: rows.map((_, year) => {
      const row = results.rows[year];
      return [
        formatNumber(year, locale, 0),
        count(row?.remaining),
        count(row?.remainingWithProgram),
        count(row ? row.remainingWithProgram - row.remaining : undefined),
        ...(scenarioB ? [count(scenarioB.rows[year]?.remainingWithProgram)] : []),
      ];
    }),
  };
}

/** The rows of whichever scenario follows more years (year 0 to the longer horizon). */
function longerRows(results: RetentionResults, scenarioB?: RetentionResults) {
  return scenarioB && scenarioB.rows.length > results.rows.length ? scenarioB.rows : results.rows;
}
