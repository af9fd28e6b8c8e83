/**
 * The your-orders analysis as plain functions, parse → history → fit → forecast, so the page's Worker, the
 * unit tests and the benchmark all run the same code. Nothing here touches the DOM or a Worker.
 */
import { validateRow, type BadRowsSummary, type ColumnMapping } from './import/rows';
import { dayFromCivil, type DateFormat } from './import/dates';
import { DEFAULT_MAX_RECORD_CHARS, type BrokenReason, type CsvRecord } from './import/records';
import { EXCLUDED_REASONS, LineCounter } from './import/accounting';
import { createHistory, type CohortPeriod, type History, type HistorySummary } from './history/history';
import { fitBgnbd, type BgnbdFit } from './models/bgnbd';
import { fitGammaGamma, type GammaGammaFit } from './models/gamma-gamma';
import { predict, type PredictionSettings, type Predictions } from './forecast/predict';

/** What the model part of the analysis depends on; changing it refits without reading the file again. */
export interface ModelSettings extends PredictionSettings {
  /** Day number; undefined: the last order day. */
  readonly calibrationEnd?: number | undefined;
  readonly cohortPeriod: CohortPeriod;
}

/** The history without the per-customer model inputs, which stay where the orders are. */
export type HistoryFigures = Omit<HistorySummary, 'bgnbd' | 'gammaGamma'>;

/** The fitted models and their forecast, or why there is none. */
export interface ModelResult {
  readonly bgnbd: BgnbdFit | null;
  readonly gammaGamma: GammaGammaFit | null;
  readonly predictions: Predictions | null;
  /** Why a model could not be fitted, in words, or null. */
  readonly problem: string | null;
}

/** An import in progress: records go in one at a time, in file order; the history and the accounting grow. */
export interface OrderImport {
  /** Takes one record after the header. */
  add(record: CsvRecord): void;
  readonly history: History;
  readonly lines: LineCounter;
}

/** Why a line that could not be split into fields was not read, as the page shows it. */
export const BROKEN_REASONS: Readonly<Record<BrokenReason, string>> = {
  'open-quote': 'a quote is left open on this line',
  'too-long': `line longer than ${Math.round(DEFAULT_MAX_RECORD_CHARS / 1e6)} million characters`,
};

/** Today's day number in the reader's own calendar, for leaving out orders dated after it. */
export function todayDayNumber(now = new Date()): number {
  return dayFromCivil(now.getFullYear(), now.getMonth() + 1, now.getDate());
}

/** An import of a file whose columns the person has confirmed (the generic path). */
export function createOrderImport(
  mapping: ColumnMapping,
  dateFormat: DateFormat,
  options: { today: number },
): OrderImport {
  const history = createHistory();
  const lines = new LineCounter();
  return {
    history,
    lines,
    add({ fields, line, broken }) {
      if (broken) {
        lines.read();
        lines.bad(line, BROKEN_REASONS[broken], fields);
        return;
      }
      const check = validateRow(fields, mapping, dateFormat);
      if (!check.ok && check.reason === 'blank line') return; // not a data line
      lines.read();
      if (!check.ok) lines.bad(line, check.reason, fields);
      else if (check.order.day > options.today) lines.exclude(EXCLUDED_REASONS.future);
      else {
        lines.order();
        history.add(check.order);
      }
    },
  };
}

/** The summary for these settings, or null when there is no order. */
export function summarise(history: History, settings: ModelSettings): HistorySummary | null {
  return history.finish({
    ...(settings.calibrationEnd === undefined ? {} : { calibrationEnd: settings.calibrationEnd }),
    cohortPeriod: settings.cohortPeriod,
  });
}

/** The summary's figures for the page, without the per-customer model inputs. */
export function historyFigures(summary: HistorySummary): HistoryFigures {
  const { bgnbd: _bgnbd, gammaGamma: _gammaGamma, ...figures } = summary;
  return figures;
}

/** Fits BG/NBD and Gamma-Gamma to a summary and forecasts with them; never throws for want of data. */
export function fitModels(summary: HistorySummary | null, settings: ModelSettings): ModelResult {
  if (!summary)
    return { bgnbd: null, gammaGamma: null, predictions: null, problem: 'There are no orders to fit.' };
  let problem: string | null = null;
  let bgnbd: BgnbdFit | null = null;
  let gammaGamma: GammaGammaFit | null = null;
  try {
    bgnbd = fitBgnbd(summary.bgnbd);
  } catch (error) {
    problem =
      summary.bgnbd.length === 0
        ? 'No customer had ordered by the calibration end, so there is nothing to fit.'
        : summary.bgnbd.every((customer) => customer.x === 0)
          ? 'No customer has bought twice before the calibration end, so repeat buying cannot be modelled.'
          : `The purchase model could not be fitted: ${(error as Error).message}`;
  }
  try {
    if (summary.gammaGamma.length >= 2) gammaGamma = fitGammaGamma(summary.gammaGamma);
  } catch {
    gammaGamma = null; // the page then values orders at the plain average, and says so
  }
  const predictions = bgnbd
    ? predict(bgnbd, summary.bgnbd, gammaGamma, summary.averageOrderValue, settings)
    : null;
  return { bgnbd, gammaGamma, predictions, problem };
}

export type { BadRowsSummary };
