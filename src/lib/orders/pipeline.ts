/**
 * The your-orders analysis as plain functions, parse → history → fit → forecast, so the page's Worker, the
 * unit tests and the benchmark all run the same code. Nothing here touches the DOM or a Worker.
 */
import { customerKey, validateRow, type BadRowsSummary, type ColumnMapping } from './import/rows';
import { dayFromCivil, parseDay, type DateFormat } from './import/dates';
import { RULE_REASONS, type Platform, type PlatformOrder } from './import/formats/platform';
import { DEFAULT_MAX_RECORD_CHARS, type BrokenReason, type CsvRecord } from './import/records';
import { EXCLUDED_REASONS, isRepeatedHeader, LineCounter, type LineAccounting } from './import/accounting';
import { recognisePlatform } from './import/formats';
import { createHistory, type CohortPeriod, type History, type HistorySummary } from './history/history';
import { fitBgnbd, type BgnbdFit } from './models/bgnbd';
import { fitGammaGamma, type GammaGammaFit } from './models/gamma-gamma';
import { predict, type PredictionSettings, type Predictions } from './forecast/predict';
import { forecastCustomers, type CustomerForecasts } from './forecast/customers';
import { holdoutCheck, type HoldoutCheck } from './forecast/holdout';
import {
  CustomerSummaryLog,
  SUMMARY_REASONS,
  readSummaryLine,
  recogniseCustomerSummary,
  type CustomerSummaryResult,
  type SummaryColumns,
} from './history/customer-summary';

/** What the model part of the analysis depends on; changing it refits without reading the file again. */
export interface ModelSettings extends PredictionSettings {
  /** Day number; undefined: the last order day. */
  readonly calibrationEnd?: number | undefined;
  readonly cohortPeriod: CohortPeriod;
  /** Which of the file's currencies to analyse; undefined: the one with most orders. */
  readonly currency?: string | undefined;
}

/** The history without the per-customer model inputs, which stay where the orders are. */
export type HistoryFigures = Omit<HistorySummary, 'bgnbd' | 'gammaGamma' | 'customerFacts'>;

/** The fitted models and their forecast, or why there is none. */
export interface ModelResult {
  readonly bgnbd: BgnbdFit | null;
  readonly gammaGamma: GammaGammaFit | null;
  readonly predictions: Predictions | null;
  /** Why a model could not be fitted, in words, or null. */
  readonly problem: string | null;
}

/** One currency of a file, and how many counted orders (and their lines) are in it. */
export interface CurrencyShare {
  /** Upper-case code as the file writes it; '' where the file names none. */
  readonly code: string;
  readonly orders: number;
  readonly lines: number;
}

/** An import in progress: records go in one at a time, in file order; the history and the accounting grow. */
export interface OrderImport {
  /** Takes one record after the header. */
  add(record: CsvRecord): void;
  /** The file has ended: settles what waits for all of an order's lines. */
  finish(): void;
  /** The counted orders of one currency (the most common one when not given). */
  history(currency?: string): History;
  /** The file's currencies, most orders first; empty where the file has no currency column. */
  currencies(): CurrencyShare[];
  /** Where every line went, with the orders of currencies other than `currency` left out as such. */
  accounting(currency?: string): LineAccounting;
  readonly lines: LineCounter;
}

/** The currency analysed when none is chosen: the one with most orders. */
function defaultCurrency(shares: readonly CurrencyShare[]): string {
  return shares[0]?.code ?? '';
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
    lines,
    history: () => history,
    currencies: () => [],
    accounting: () => lines.summary(),
    finish() {},
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

/** An order's lines gathered so far, until the file ends. */
interface PendingOrder {
  order: PlatformOrder | null;
  lines: number;
  /** Money refunded by lines of their own (PayPal's refund lines). */
  refunded: number;
  /** Money added by item lines, where the export has no order total (Etsy's order items). */
  added: number;
  firstLine: number;
  firstFields: readonly string[];
}

/** Reads a platform's order date: ISO first, then the US form some exports use. */
function platformDay(text: string): number | null {
  return parseDay(text, 'YYYY-MM-DD') ?? parseDay(text.split(' ')[0] ?? '', 'MM/DD/YYYY');
}

/**
 * An import of a recognised platform's export: lines grouped into orders by the order id, each order
 * judged by the platform's rule (paid or completed counted, partial refunds taken off, the rest left out
 * by reason), one history per currency.
 */
export function createPlatformImport(platform: Platform, options: { today: number }): OrderImport {
  const lines = new LineCounter();
  const pending = new Map<string, PendingOrder>();
  const histories = new Map<string, { history: History; lines: number }>();
  const historyOf = (code: string) => {
    let entry = histories.get(code);
    if (!entry) histories.set(code, (entry = { history: createHistory(), lines: 0 }));
    return entry;
  };
  const shares = (): CurrencyShare[] =>
    [...histories]
      .map(([code, entry]) => ({ code, orders: entry.history.orders, lines: entry.lines }))
      .sort((a, b) => b.orders - a.orders || a.code.localeCompare(b.code));
  return {
    lines,
    history: (currency) => historyOf(currency ?? defaultCurrency(shares())).history,
    currencies: () => shares().filter((share) => share.code !== ''),
    accounting(currency) {
      const chosen = currency ?? defaultCurrency(shares());
      const base = lines.summary();
      const others = shares().filter((share) => share.code !== chosen && share.orders > 0);
      if (others.length === 0) return base;
      const moved = others.reduce((sum, share) => sum + share.lines, 0);
      const excluded = [
        ...base.excluded,
        ...others.map((share) => ({ reason: `in another currency (${share.code})`, count: share.lines })),
      ].sort((a, b) => b.count - a.count || a.reason.localeCompare(b.reason));
      return {
        ...base,
        orderLines: base.orderLines - moved,
        excludedLines: base.excludedLines + moved,
        excluded,
      };
    },
    add({ fields, line, broken }) {
      if (!broken && fields.every((text) => text.trim() === '')) return; // not a data line
      lines.read();
      if (broken) return lines.bad(line, BROKEN_REASONS[broken], fields);
      if (fields.length !== platform.columns) return lines.bad(line, 'wrong number of columns', fields);
      const id = platform.orderId(fields);
      if (id === '') return lines.bad(line, 'no order id', fields);
      let entry = pending.get(id);
      if (!entry)
        pending.set(
          id,
          (entry = { order: null, lines: 0, refunded: 0, added: 0, firstLine: line, firstFields: fields }),
        );
      entry.lines++;
      entry.refunded += platform.refund?.(fields) ?? 0;
      entry.added += platform.lineAmount?.(fields) ?? 0;
      entry.order ??= platform.readsLine(fields);
    },
    finish() {
      for (const { order, lines: count, refunded, added, firstLine, firstFields } of pending.values()) {
        if (!order) {
          lines.bad(firstLine, 'line items with no order line', firstFields, count);
          continue;
        }
        if (!order.verdict.counted) {
          lines.exclude(order.verdict.reason, count);
          continue;
        }
        const amount = order.verdict.amount + added - refunded;
        if (amount <= 0) {
          lines.exclude(RULE_REASONS.refunded, count);
          continue;
        }
        const customer = customerKey(order.customer);
        const day = platformDay(order.date);
        if (customer === '') lines.bad(firstLine, 'no customer id', firstFields, count);
        else if (day === null) lines.bad(firstLine, 'no readable order date', firstFields, count);
        else if (day > options.today) lines.exclude(EXCLUDED_REASONS.future, count);
        else {
          lines.order(count);
          const entry = historyOf(order.currency);
          entry.lines += count;
          entry.history.add({ customer, day, amount });
        }
      }
      pending.clear();
    },
  };
}

/** The summary for these settings, or null when there is no order. */
export function summarise(reading: OrderImport, settings: ModelSettings): HistorySummary | null {
  return reading.history(settings.currency).finish({
    ...(settings.calibrationEnd === undefined ? {} : { calibrationEnd: settings.calibrationEnd }),
    cohortPeriod: settings.cohortPeriod,
  });
}

/** The summary's figures for the page, without the per-customer model inputs. */
export function historyFigures(summary: HistorySummary): HistoryFigures {
  const { bgnbd: _bgnbd, gammaGamma: _gammaGamma, customerFacts: _facts, ...figures } = summary;
  return figures;
}

/** What the fits need: an order history's summary or a customer summary file give the same. */
export type ModelInputs = Pick<HistorySummary, 'bgnbd' | 'gammaGamma' | 'averageOrderValue'>;

/** Fits BG/NBD and Gamma-Gamma to a summary and forecasts with them; never throws for want of data. */
export function fitModels(summary: ModelInputs | null, settings: ModelSettings): ModelResult {
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

/** A customer summary file being read: one customer a line, every line accounted for. */
export interface CustomerSummaryImport {
  /** Takes one record after the header. */
  add(record: CsvRecord): void;
  /** Where every line went: read as a customer (counted as order lines) or unreadable, with the reason. */
  accounting(): LineAccounting;
  /** The customers read, or null when no line was one. */
  result(): CustomerSummaryResult | null;
  readonly lines: LineCounter;
}

/** An import of a customer summary file (see history/customer-summary.ts) with these columns. */
export function createCustomerSummaryImport(columns: SummaryColumns): CustomerSummaryImport {
  const lines = new LineCounter();
  const log = new CustomerSummaryLog();
  let result: CustomerSummaryResult | null | undefined; // undefined until asked for, after the last line
  return {
    lines,
    accounting: () => lines.summary(),
    result: () => (result ??= log.result()),
    add({ fields, line, broken }) {
      if (!broken && fields.every((text) => text.trim() === '')) return; // not a data line
      lines.read();
      result = undefined;
      if (broken) return lines.bad(line, BROKEN_REASONS[broken], fields);
      const check = readSummaryLine(fields, columns);
      if (!check.ok) lines.bad(line, check.reason, fields);
      else if (!log.add(check.value)) lines.bad(line, SUMMARY_REASONS.duplicate, fields);
      else lines.order();
    },
  };
}

export type { BadRowsSummary };

/** What a file is read into: orders, or a customer summary (one line per customer). */
export type FileReading = OrderImport | CustomerSummaryImport;

/** How a file is read when its header is not a customer summary's. */
export interface FileReadingOptions {
  /** Whether a recognised platform's header brings its rules (the person can turn this off). */
  readonly platform: boolean;
  /** The columns the person confirmed, for the generic path. */
  readonly mapping: ColumnMapping;
  readonly dateFormat: DateFormat;
  readonly today: number;
}

/**
 * A whole file's records, in order: the header decides the path (a customer summary, a recognised
 * platform's rules, or the columns the person confirmed), and a later record that repeats the header, as
 * two exports joined into one file have, is left out by a rule of its own instead of read as a bad order.
 */
export function createFileReading(options: FileReadingOptions) {
  const generic = () => createOrderImport(options.mapping, options.dateFormat, { today: options.today });
  let header: readonly string[] | null = null;
  let reading: FileReading | null = null;
  return {
    /** Takes the next record of the file, the header first. */
    take: (record: CsvRecord): void => {
      if (header === null || reading === null) {
        header = record.fields;
        const summary = recogniseCustomerSummary(header);
        const platform = options.platform && !summary ? recognisePlatform(header) : null;
        reading = summary
          ? createCustomerSummaryImport(summary)
          : platform
            ? createPlatformImport(platform, { today: options.today })
            : generic();
      } else if (!record.broken && isRepeatedHeader(record.fields, header)) {
        reading.lines.read();
        reading.lines.exclude(EXCLUDED_REASONS.repeatedHeader);
      } else reading.add(record);
    },
    /** What has been read so far; a file with no header line reads as an empty generic import. */
    reading: (): FileReading => (reading ??= generic()),
  };
}

/** Every customer's forecast and the holdout check, or null where there is no fitted purchase model. */
export interface CustomerResult {
  readonly customers: CustomerForecasts | null;
  /** Null when the calibration end is the last order day, or the figures came from a summary. */
  readonly holdout: HoldoutCheck | null;
}

/** The per-customer figures and the holdout check (§4), from the summary and its fitted models. */
export function forecastEachCustomer(
  summary: HistorySummary | CustomerSummaryResult | null,
  models: ModelResult,
  settings: ModelSettings,
): CustomerResult {
  if (!summary || !models.bgnbd) return { customers: null, holdout: null };
  const customers = forecastCustomers(summary, models.bgnbd, models.gammaGamma, settings);
  // the check needs single orders after the calibration end, which a customer summary does not have
  const holdout =
    'customerFacts' in summary && summary.customerFacts
      ? holdoutCheck(models.bgnbd, summary.bgnbd, summary.customerFacts, summary)
      : null;
  return { customers, holdout };
}
