// Messages between the your-orders page and its Web Worker, which parses the file and fits the models.
// Every message carries the id of the request it answers, so a late answer about one file or one set of
// settings is dropped once the page has asked something newer.
import type { DateFormat } from '../../lib/orders/import/dates';
import type { ColumnMapping } from '../../lib/orders/import/rows';
import type { LineAccounting } from '../../lib/orders/import/accounting';
import type { CurrencyShare, HistoryFigures, ModelResult, ModelSettings } from '../../lib/orders/pipeline';
import type { CustomerForecasts } from '../../lib/orders/forecast/customers';
import type { HoldoutCheck } from '../../lib/orders/forecast/holdout';
import type { ColumnKey } from '../../lib/orders/forecast/table';
import type { CustomerSummaryFigures } from '../../lib/orders/history/customer-summary';

export type { HistoryFigures, ModelSettings };

export type ToWorker =
  | {
      readonly type: 'analyse';
      readonly id: number;
      readonly source: File | string;
      readonly mapping: ColumnMapping;
      readonly dateFormat: DateFormat;
      /** Today's day number on the reader's calendar: orders after it are left out. */
      readonly today: number;
      /** True when the header was recognised as a platform's export: the worker applies its rules. */
      readonly platform: boolean;
      readonly settings: ModelSettings;
    }
  | { readonly type: 'refit'; readonly id: number; readonly settings: ModelSettings }
  | {
      /** The customer table's rows in this order, with this search: answered by 'order'. */
      readonly type: 'sort';
      readonly id: number;
      readonly sortId: number;
      readonly key: ColumnKey;
      readonly direction: 'ascending' | 'descending';
      readonly search: string;
    };

export type FromWorker = { readonly id: number } & (
  | { readonly type: 'progress'; readonly fraction: number; readonly rows: number }
  | {
      readonly type: 'history';
      readonly history: HistoryFigures;
      readonly lines: LineAccounting;
      /** The file's currencies, most orders first; empty when it names none. */
      readonly currencies: readonly CurrencyShare[];
      /** The currency the figures are in ('' when the file names none). */
      readonly currency: string;
      readonly seconds: number;
    }
  | {
      /** A customer summary file was read, in place of orders: its figures, not an order history's. */
      readonly type: 'customer-summary';
      readonly figures: CustomerSummaryFigures;
      readonly lines: LineAccounting;
      readonly seconds: number;
    }
  | ({ readonly type: 'models'; readonly seconds: number } & ModelResult)
  | {
      readonly type: 'customers';
      readonly customers: CustomerForecasts | null;
      readonly holdout: HoldoutCheck | null;
      readonly seconds: number;
    }
  | { readonly type: 'customers-csv'; readonly csv: Blob; readonly seconds: number }
  | { readonly type: 'order'; readonly sortId: number; readonly rows: Int32Array }
  | { readonly type: 'error'; readonly message: string; readonly lines?: LineAccounting }
);
