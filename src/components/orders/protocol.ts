// Messages between the your-orders page and its Web Worker, which parses the file and fits the models.
import type { DateFormat } from '../../lib/orders/dates';
import type { ColumnMapping, BadRowsSummary } from '../../lib/orders/rows';
import type { CohortPeriod, HistorySummary } from '../../lib/orders/history';
import type { BgnbdFit } from '../../lib/orders/bgnbd';
import type { GammaGammaFit } from '../../lib/orders/gamma-gamma';
import type { Predictions, PredictionSettings } from '../../lib/orders/predict';

/** What the model part of the analysis depends on; changing it refits without reading the file again. */
export interface ModelSettings extends PredictionSettings {
  /** Day number; undefined: the last order day. */
  readonly calibrationEnd?: number | undefined;
  readonly cohortPeriod: CohortPeriod;
}

export type ToWorker =
  | {
      readonly type: 'analyse';
      readonly source: File | string;
      readonly mapping: ColumnMapping;
      readonly dateFormat: DateFormat;
      readonly settings: ModelSettings;
    }
  | { readonly type: 'refit'; readonly settings: ModelSettings };

/** The history without the per-customer model inputs, which stay in the worker. */
export type HistoryFigures = Omit<HistorySummary, 'bgnbd' | 'gammaGamma'>;

export type FromWorker =
  | { readonly type: 'progress'; readonly fraction: number; readonly rows: number }
  | {
      readonly type: 'history';
      readonly history: HistoryFigures;
      readonly bad: BadRowsSummary;
      readonly seconds: number;
    }
  | {
      readonly type: 'models';
      readonly bgnbd: BgnbdFit | null;
      readonly gammaGamma: GammaGammaFit | null;
      readonly predictions: Predictions | null;
      /** Why a model could not be fitted, in words, or null. */
      readonly problem: string | null;
      readonly seconds: number;
    }
  | { readonly type: 'error'; readonly message: string; readonly bad?: BadRowsSummary };
