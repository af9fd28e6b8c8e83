/**
 * The Chart.js configuration of an orders chart, as a pure function of its data and the page's theme, for
 * the calculators' chart wrapper (LineChart.svelte) to draw and update in place.
 *
 * Series are told apart by more than colour: each has its own point shape, and lines their own dash, so a
 * chart printed in grey or seen without some colours still reads; the legend shows the shapes.
 */
import type { ChartConfiguration, ChartDataset, Plugin, PointStyle } from 'chart.js';
import type { ChartTheme } from '../../chart/line-chart-config';
import type { ChartSpec, DrawnChartType } from '../../chart/chart-spec';
import { formatValue, markerIndex, type OrdersChartData, type OrdersChartSeries } from './chart-data';

/**
 * The series' colours, in order, as custom properties of global.css (light and dark) and print.css; each
 * has at least 3:1 contrast against the page and the panels in both palettes (WCAG 1.4.11), which
 * test/lib/orders/charts/palette.test.ts checks.
 */
export const SERIES_COLOR_VARS = [
  '--chart-customer',
  '--chart-sale',
  '--chart-alternative',
  '--chart-cost',
  '--chart-ochre',
  '--chart-plum',
] as const;

/** Point shapes, one per series in turn: filled shapes first, then the stroked ones. */
export const SERIES_POINT_STYLES: readonly PointStyle[] = [
  'circle',
  'rect',
  'triangle',
  'rectRot',
  'star',
  'crossRot',
];

/** Line dashes, one per series in turn: solid, dashed, dotted, dash-dot. */
export const SERIES_DASHES: readonly (readonly number[])[] = [[], [8, 4], [2, 3], [10, 3, 2, 3]];

/** How the n-th series looks: its colour's custom property, its point shape and its line dash. */
export function seriesLook(index: number): { colorVar: string; pointStyle: PointStyle; dash: number[] } {
  const at = <T>(list: readonly T[]): T => list[index % list.length] as T;
  return {
    colorVar: at(SERIES_COLOR_VARS),
    pointStyle: at(SERIES_POINT_STYLES),
    dash: [...at(SERIES_DASHES)],
  };
}

/** Long series get smaller points, so the line stays visible between them. */
const LONG_SERIES = 40;

type Dataset = ChartDataset<DrawnChartType, (number | null)[]>;

/** One series as a Chart.js dataset, in the theme's colours. */
export function seriesDataset(series: OrdersChartSeries, index: number, theme: ChartTheme): Dataset {
  const look = seriesLook(index);
  const color = theme.series[look.colorVar] ?? theme.text;
  const data = [...series.values];
  if (series.style === 'bar') {
    // Every other bar series is drawn as an outline, so two side by side differ by more than colour.
    const outlined = index % 2 === 1;
    return {
      type: 'bar',
      label: series.name,
      data,
      backgroundColor: outlined ? 'transparent' : color,
      borderColor: color,
      borderWidth: 2,
      pointStyle: outlined ? 'rectRot' : 'rect',
      // Behind the lines and points drawn over them.
      order: 1,
    };
  }
  const points = series.style === 'points';
  return {
    type: 'line',
    label: series.name,
    data,
    borderColor: color,
    backgroundColor: color,
    borderWidth: points ? 2 : 2.5,
    borderDash: look.dash,
    showLine: !points,
    pointStyle: look.pointStyle,
    pointRadius: points ? 4 : series.values.length > LONG_SERIES ? 2 : 3,
    pointHoverRadius: 6,
    tension: 0.2,
    order: 0,
  };
}

/** The marker's dash and the gap between the line and its words, in CSS pixels. */
const MARKER_DASH = [6, 4];
const MARKER_TEXT_GAP = 4;

/**
 * A plugin that draws a dashed vertical line at the label with the given index, named at its top, on the
 * side with more room.
 */
export function markerPlugin(index: number, label: string, color: string): Plugin<DrawnChartType> {
  return {
    id: 'ordersMarker',
    afterDatasetsDraw(chart) {
      const scale = chart.scales['x'];
      if (!scale) return;
      const x = scale.getPixelForValue(index);
      const { top, bottom, left, right } = chart.chartArea;
      const { ctx } = chart;
      ctx.save();
      ctx.strokeStyle = color;
      ctx.fillStyle = color;
      ctx.lineWidth = 2;
      ctx.setLineDash(MARKER_DASH);
      ctx.beginPath();
      ctx.moveTo(x, top);
      ctx.lineTo(x, bottom);
      ctx.stroke();
      const onRight = x < (left + right) / 2;
      ctx.textAlign = onRight ? 'left' : 'right';
      ctx.textBaseline = 'top';
      ctx.fillText(label, onRight ? x + MARKER_TEXT_GAP : x - MARKER_TEXT_GAP, top + MARKER_TEXT_GAP);
      ctx.restore();
    },
  };
}

/** The Chart.js configuration for an orders chart in a theme; its arrays are fresh copies Chart.js may own. */
export function ordersChartConfig(
  data: OrdersChartData,
  theme: ChartTheme,
): ChartConfiguration<DrawnChartType> {
  const format = (value: number) => formatValue(value, data.y.unit, data.locale);
  const marker = markerIndex(data);
  return {
    type: 'line',
    data: {
      labels: [...data.labels],
      datasets: data.series.map((series, index) => seriesDataset(series, index, theme)),
    },
    options: {
      responsive: true,
      maintainAspectRatio: false,
      animation: theme.reducedMotion ? false : { duration: 250 },
      interaction: { mode: 'index', intersect: false },
      plugins: {
        legend: {
          position: 'bottom',
          labels: { color: theme.text, usePointStyle: true, boxHeight: 8 },
        },
        tooltip: {
          // A series without a value at this label (a cohort too young) is left out, not shown as empty.
          filter: (item) => item.parsed.y !== null && Number.isFinite(item.parsed.y),
          callbacks: {
            label: (item) => `${item.dataset.label ?? ''}: ${format(Number(item.parsed.y))}`,
          },
        },
      },
      scales: {
        x: {
          // Bars need half a category of room at each end; lines start at the axis.
          offset: data.series.some((series) => series.style === 'bar'),
          title: { display: true, text: data.x.title, color: theme.text },
          ticks: { color: theme.text },
          grid: { color: theme.grid },
        },
        y: {
          beginAtZero: true,
          title: { display: true, text: data.y.title, color: theme.text },
          ticks: { color: theme.text, callback: (value) => format(Number(value)) },
          grid: { color: theme.grid },
        },
      },
    },
    plugins: marker >= 0 && data.marker ? [markerPlugin(marker, data.marker.label, theme.text)] : [],
  };
}

/** An orders chart as LineChart draws it: the colours its series use, and its configuration. */
export function ordersChartSpec(data: OrdersChartData): ChartSpec {
  return {
    colorVars: data.series.map((_, index) => seriesLook(index).colorVar),
    config: (theme) => ordersChartConfig(data, theme),
  };
}
