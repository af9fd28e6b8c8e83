// The your-orders page's steps and results: which file, which columns, what the worker answered, and the
// forecast's settings. Components read it and call its methods; they keep no state of their own beyond
// what a single control needs. Loaded on first use (a file, the sample, or a link carrying settings).
import { guessColumns } from '../../lib/orders/import/columns';
import {
  DATE_FORMATS,
  detectDateFormats,
  formatDay,
  parseDay,
  type DateFormat,
} from '../../lib/orders/import/dates';
import { notCsvReason } from '../../lib/orders/import/rows';
import { RecordReader } from '../../lib/orders/import/records';
import type { LineAccounting } from '../../lib/orders/import/accounting';
import type { CohortPeriod } from '../../lib/orders/history/history';
import { todayDayNumber, type CurrencyShare, type ModelResult } from '../../lib/orders/pipeline';
import {
  ORDER_SETTINGS_PARAMS,
  calculatorLinks,
  checkCalibrationEnd,
  saleRetentionNote,
  readCalibrationEnd,
  settingsQuery,
  type CalibrationCheck,
} from '../../lib/orders/settings';
import { currencyForLocale, isSupportedCurrency } from '../../lib/currency';
import { recognisePlatform } from '../../lib/orders/import/formats';
import {
  recogniseCustomerSummary,
  type CustomerSummaryFigures,
} from '../../lib/orders/history/customer-summary';
import { CalculatorState } from '../calculator/calculator-state.svelte';
import { readerLocale } from '../calculator/browser';
import type { CustomerForecasts } from '../../lib/orders/forecast/customers';
import type { HoldoutCheck } from '../../lib/orders/forecast/holdout';
import { followUpList } from '../../lib/orders/forecast/follow-up';
import type { ColumnKey } from '../../lib/orders/forecast/table';
import type { FromWorker, HistoryFigures, ModelSettings, ToWorker } from './protocol';

export type Step = 'choose' | 'map' | 'working' | 'done';

/** Which column plays which role, 0-based; −1 while not chosen. */
export interface Mapping {
  customer: number;
  date: number;
  amount: number;
}

/** Bytes read at a time for the preview. */
const PREVIEW_BYTES = 65536;
/** Data rows read to show the first rows and guess the columns and date format. */
const PREVIEW_ROWS = 50;
/** Bytes the preview reads at most looking for them (past a few absurd lines, never the whole file). */
const PREVIEW_MAX_BYTES = 32 << 20;

export class OrdersState {
  step = $state<Step>('choose');
  locale = $state('en-US');
  sourceName = $state('');
  /** What went wrong with the file or the worker, in words; '' when nothing did. */
  problem = $state('');
  headers = $state.raw<string[]>([]);
  previewRows = $state.raw<string[][]>([]);
  mapping = $state<Mapping>({ customer: -1, date: -1, amount: -1 });
  dateChoices = $state.raw<DateFormat[]>([]);
  dateFormat = $state<DateFormat | ''>('');
  progress = $state(0);
  rowsRead = $state(0);
  history = $state.raw<HistoryFigures | null>(null);
  lines = $state.raw<LineAccounting | null>(null);
  models = $state.raw<ModelResult | null>(null);
  /** The settings the shown forecast was made with (the boxes may have changed since). */
  fitted = $state.raw<ModelSettings | null>(null);
  fitting = $state(false);
  seconds = $state(0);
  fitSeconds = $state(0);
  /** Every customer's forecast (the worker keeps its own copy for sorting); null until it arrives. */
  customers = $state.raw<CustomerForecasts | null>(null);
  /** The holdout check; null when the calibration end is the last order day. */
  holdout = $state.raw<HoldoutCheck | null>(null);
  /** Seconds the worker took for the per-customer figures and the check, and for the CSV. */
  customersSeconds = $state(0);
  csvSeconds = $state(0);
  /** The customers CSV, made in the worker; null until ready. */
  customersCsv = $state.raw<Blob | null>(null);
  /** The table's rows in the order shown (sorted and searched); null while the worker orders them. */
  tableRows = $state.raw<Int32Array | null>(null);
  tableSort = $state<{ key: ColumnKey; direction: 'ascending' | 'descending' }>({
    key: 'predicted_value',
    direction: 'descending',
  });
  tableSearch = $state('');
  /** Who to follow up first: a scan of the table, a few ms even for 200,000 customers. */
  readonly followUp = $derived(this.customers ? followUpList(this.customers, this.locale) : []);
  /** Link keys that were ignored on load, in words; '' when none. */
  settingsNotice = $state('');

  /** Horizon, discount and margin: the same specs, checks and fields as the calculators'. */
  readonly settings = new CalculatorState(ORDER_SETTINGS_PARAMS);
  cohortPeriod = $state<CohortPeriod>('month');
  /** The calibration end the person chose (from the box or the link); null: the last order day. */
  calibrationEnd = $state<number | null>(null);
  /** What the calibration-end box shows; filled with the day in use once the history is known. */
  calibrationText = $state('');

  /** The platform recognised from the header ("A Shopify orders export"), or null for the generic path. */
  platform = $state.raw<{ id: string; title: string } | null>(null);
  /** Orders (a platform's export or any order file), or a customer summary with one line per customer. */
  fileKind = $state<'orders' | 'customer-summary'>('orders');
  /** A customer summary's figures, once read; null for orders (their figures are in `history`). */
  customerSummary = $state.raw<CustomerSummaryFigures | null>(null);
  /** The file's currencies, most orders first; empty when it names none. */
  currencies = $state.raw<readonly CurrencyShare[]>([]);
  /** The file's currency the figures are in ('' when the file names none). */
  fileCurrency = $state('');
  /** The currency the person picked among several; null: the one with most orders. */
  chosenCurrency = $state<string | null>(null);

  /** Amounts are shown in the file's own currency when it names one this site can show; else the reader's. */
  readonly currency = $derived(
    isSupportedCurrency(this.fileCurrency) ? this.fileCurrency : currencyForLocale(this.locale),
  );
  readonly calibrationCheck: CalibrationCheck = $derived.by(() =>
    checkCalibrationEnd(this.calibrationText, this.history?.firstDay ?? -Infinity),
  );
  // A summary's calibration end was fixed by the query that made it: the box does not apply.
  readonly settingsValid = $derived(
    this.settings.invalidKeys.length === 0 && (this.customerSummary !== null || this.calibrationCheck.ok),
  );
  readonly modelSettings: ModelSettings = $derived({
    horizonYears: this.settings.effective['horizon'] ?? 3,
    discount: this.settings.effective['discount'] ?? 10,
    margin: this.settings.effective['margin'] ?? 40,
    cohortPeriod: this.cohortPeriod,
    calibrationEnd: this.calibrationEnd ?? undefined,
    currency: this.chosenCurrency ?? undefined,
  });
  readonly mappingReady = $derived(
    this.fileKind === 'customer-summary' ||
      this.platform !== null ||
      (this.mapping.customer >= 0 &&
        this.mapping.date >= 0 &&
        this.mapping.amount >= 0 &&
        // eslint-disable-next-line svelte/prefer-svelte-reactivity -- a throwaway set to count distinct columns, never state
        new Set([this.mapping.customer, this.mapping.date, this.mapping.amount]).size === 3 &&
        this.dateFormat !== ''),
  );
  readonly links = $derived.by(() => {
    const { history, fitted } = this;
    if (!history || !fitted) return null;
    return calculatorLinks({
      averageOrderValue: history.averageOrderValue,
      ordersPerCustomerPerYear: history.ordersPerCustomerPerYear,
      retentionPercent: history.annualRetention.value === null ? null : 100 * history.annualRetention.value,
      ...(history.newCustomerRetention
        ? {
            newCustomerRetentionPercent:
              history.newCustomerRetention.value === null ? null : 100 * history.newCustomerRetention.value,
          }
        : {}),
      expectedActive: this.models?.predictions?.expectedActive ?? null,
      customers: history.customers,
      margin: fitted.margin,
      discount: fitted.discount,
      horizonYears: fitted.horizonYears,
    });
  });

  /** Which retention figure the Sale vs Customer link carries, in words. */
  readonly saleRetentionNote = $derived(
    this.history ? saleRetentionNote(this.history.newCustomerRetention, this.locale) : '',
  );

  #source: File | string | null = null;
  #worker: Worker | null = null;
  /** The id of the newest request; answers to older ones are dropped. */
  #request = 0;
  /** The id of the newest sort or search of the table. */
  #sortRequest = 0;

  /** Reads the settings from the page's query string, in the reader's locale. */
  constructor(search: string) {
    this.locale = readerLocale();
    // eslint-disable-next-line svelte/prefer-svelte-reactivity -- read once in the constructor, never state
    const params = new URLSearchParams(search);
    this.settings.load(search, this.locale);
    const calibration = readCalibrationEnd(params);
    if (calibration.day !== null) {
      this.calibrationEnd = calibration.day;
      this.calibrationText = formatDay(calibration.day);
    }
    const ignored = [
      ...this.settings.ignored.filter((entry) => entry.key !== 'currency').map((entry) => entry.key),
      ...(calibration.malformed ? ['calibrationEnd'] : []),
    ];
    if (ignored.length > 0)
      this.settingsNotice = `Ignored from the link: ${ignored.join(', ')} (not a valid value).`;
    if (params.get('cohorts') === 'quarter') this.cohortPeriod = 'quarter';
  }

  /** Reads the first rows of a file, guesses its columns and date format, and shows them to be checked. */
  async preview(input: File | string, name: string) {
    this.problem = '';
    const sample =
      typeof input === 'string' ? input.slice(0, PREVIEW_BYTES) : await input.slice(0, PREVIEW_BYTES).text();
    const notCsv = notCsvReason(sample);
    if (notCsv) {
      this.problem = `This does not look like an order export: ${notCsv}.`;
      return;
    }
    const [header, ...rows] = await previewRecords(input);
    if (!header || header.length < 3 || rows.length === 0) {
      this.problem = 'The file needs a header line and at least one order, with three or more columns.';
      return;
    }
    this.#source = input;
    this.sourceName = name;
    this.headers = header.map((cell, index) => (index === 0 ? cell.replace(/^\uFEFF/, '') : cell));
    this.previewRows = rows.slice(0, 5);
    this.fileKind = recogniseCustomerSummary(this.headers) ? 'customer-summary' : 'orders';
    const platform = this.fileKind === 'orders' ? recognisePlatform(this.headers) : null;
    this.platform = platform ? { id: platform.id, title: platform.title } : null;
    this.chosenCurrency = null;
    const guess = guessColumns(this.headers);
    this.mapping = { customer: guess.customer ?? -1, date: guess.date ?? -1, amount: guess.amount ?? -1 };
    this.#sampleRows = rows;
    this.#updateDateChoices();
    this.step = 'map';
    // The worker's code loads and starts while the person checks the columns, so the reading begins at the press.
    this.#ensureWorker();
  }

  /** The rows read for the preview, for the date format guess. */
  #sampleRows: string[][] = [];

  /** Sets the column for one role; a new date column means a new guess at the date format. */
  setColumn(role: keyof Mapping, column: number) {
    this.mapping = { ...this.mapping, [role]: column };
    if (role === 'date') this.#updateDateChoices();
  }

  #updateDateChoices() {
    const column = this.mapping.date;
    // A few unreadable dates (they become bad rows) must not hide the format the rest are written in.
    const samples = this.#sampleRows
      .map((row) => row[column] ?? '')
      .filter((cell) => cell.trim() !== '' && DATE_FORMATS.some((format) => parseDay(cell, format) !== null));
    this.dateChoices = column >= 0 ? detectDateFormats(samples) : [];
    this.dateFormat = this.dateChoices.length === 1 ? (this.dateChoices[0] ?? '') : '';
  }

  #ensureWorker(): Worker {
    if (this.#worker) return this.#worker;
    // eslint-disable-next-line svelte/prefer-svelte-reactivity -- the worker's address, built once, never state
    const worker = new Worker(new URL('./orders.worker.ts', import.meta.url), { type: 'module' });
    worker.onmessage = (event: MessageEvent<FromWorker>) => this.receive(event.data);
    this.#worker = worker;
    return worker;
  }

  /** Handles one worker message; one that answers an older request is dropped. */
  receive(message: FromWorker) {
    if (message.id !== this.#request) return;
    if (message.type === 'progress') {
      this.progress = message.fraction;
      this.rowsRead = message.rows;
    } else if (message.type === 'history') {
      this.history = message.history;
      this.lines = message.lines;
      this.currencies = message.currencies;
      this.fileCurrency = message.currency;
      if (message.seconds > 0) this.seconds = message.seconds;
      // The box shows the day in use, so a person sees what "the calibration end" is before changing it.
      if (this.calibrationEnd === null) this.calibrationText = formatDay(message.history.calibrationEnd);
      this.step = 'done';
      this.fitting = true;
    } else if (message.type === 'customers') {
      this.customers = message.customers;
      this.holdout = message.holdout;
      this.customersSeconds = message.seconds;
      this.tableRows = null;
      if (message.customers) this.#orderTable();
    } else if (message.type === 'customers-csv') {
      this.customersCsv = message.csv;
      this.csvSeconds = message.seconds;
    } else if (message.type === 'order') {
      if (message.sortId === this.#sortRequest) this.tableRows = message.rows;
    } else if (message.type === 'customer-summary') {
      this.customerSummary = message.figures;
      this.lines = message.lines;
      if (message.seconds > 0) this.seconds = message.seconds;
      this.step = 'done';
      this.fitting = true;
    } else if (message.type === 'models') {
      const { type: _type, id: _id, seconds, ...models } = message;
      this.models = models;
      this.fitSeconds = seconds;
      this.fitting = false;
    } else {
      this.problem = message.message;
      this.lines = message.lines ?? this.lines;
      this.fitting = false;
      this.step = this.history || this.customerSummary ? 'done' : 'map';
    }
  }

  /** Sends the file to the worker with the confirmed columns. */
  analyse() {
    if (!this.#source || !this.mappingReady) return;
    this.step = 'working';
    this.problem = '';
    this.progress = 0;
    this.rowsRead = 0;
    this.history = null;
    this.customerSummary = null;
    this.lines = null;
    this.models = null;
    this.#clearCustomers();
    this.fitted = $state.snapshot(this.modelSettings);
    const message: ToWorker = {
      type: 'analyse',
      id: ++this.#request,
      source: this.#source,
      mapping: { ...$state.snapshot(this.mapping), columns: this.headers.length },
      dateFormat: this.dateFormat || 'YYYY-MM-DD', // unused when a platform's rules read the dates
      platform: this.platform !== null,
      today: todayDayNumber(),
      settings: this.fitted,
    };
    this.#ensureWorker().postMessage(message);
  }

  /** The person typed a calibration end: a valid day becomes the one in use; other text stays to be fixed. */
  setCalibrationText(text: string) {
    this.calibrationText = text;
    if (this.calibrationCheck.ok) this.calibrationEnd = this.calibrationCheck.day;
  }

  /** Sorts the table by a column: the same column again turns the order round. */
  sortTable(key: ColumnKey, direction?: 'ascending' | 'descending') {
    const same = this.tableSort.key === key;
    const text = key === 'customer' || key === 'first_order' || key === 'last_order' || key === 'segment';
    this.tableSort = {
      key,
      direction:
        direction ??
        (same
          ? this.tableSort.direction === 'ascending'
            ? 'descending'
            : 'ascending'
          : text
            ? 'ascending'
            : 'descending'),
    };
    this.#orderTable();
  }

  /** Shows only the customers whose id holds this text. */
  searchTable(text: string) {
    this.tableSearch = text;
    this.#orderTable();
  }

  #orderTable() {
    if (!this.#worker || !this.customers) return;
    this.#worker.postMessage({
      type: 'sort',
      id: this.#request,
      sortId: ++this.#sortRequest,
      ...$state.snapshot(this.tableSort),
      search: this.tableSearch,
    } satisfies ToWorker);
  }

  /** Sets the calibration end (null: the last order day) and refits: the holdout check's two links. */
  setCalibrationEnd(day: number | null) {
    this.calibrationEnd = day;
    this.calibrationText = formatDay(day ?? this.history?.lastDay ?? 0);
    this.refit();
  }

  /** Analyses another of the file's currencies. */
  chooseCurrency(code: string) {
    this.chosenCurrency = code;
    this.refit();
  }

  /** Refits with the settings in the boxes, and writes them in the address (never the orders). */
  refit() {
    if (!this.settingsValid || !this.#worker || (!this.history && !this.customerSummary)) return;
    const query = settingsQuery(this.settings.effective, this.calibrationEnd, this.cohortPeriod);
    window.history.replaceState(window.history.state, '', `${location.pathname}?${query}${location.hash}`);
    this.fitting = true;
    this.#clearCustomers();
    this.fitted = $state.snapshot(this.modelSettings);
    this.#worker.postMessage({
      type: 'refit',
      id: ++this.#request,
      settings: this.fitted,
    } satisfies ToWorker);
  }

  /** Back to choosing a file; whatever the worker still says about this one is dropped. */
  startOver() {
    this.#request++;
    if (this.step === 'working') this.dispose(); // stop reading a file nobody waits for
    this.step = 'choose';
    this.#source = null;
    this.history = null;
    this.customerSummary = null;
    this.lines = null;
    this.models = null;
    this.#clearCustomers();
    this.problem = '';
    if (this.calibrationEnd === null) this.calibrationText = '';
  }

  #clearCustomers() {
    this.customers = null;
    this.holdout = null;
    this.customersCsv = null;
    this.tableRows = null;
  }

  dispose() {
    this.#worker?.terminate();
    this.#worker = null;
  }
}

/**
 * The header and the first {@link PREVIEW_ROWS} readable, non-blank rows, read slice by slice, so a broken
 * or absurdly long line near the top neither hides the rest nor stops the column and date guesses.
 */
async function previewRecords(input: File | string): Promise<string[][]> {
  const rows: string[][] = [];
  const reader = new RecordReader();
  const decoder = new TextDecoder();
  const take = ({ fields, broken }: { fields: string[]; broken?: string }) => {
    if (!broken && rows.length <= PREVIEW_ROWS && fields.some((field) => field.trim() !== ''))
      rows.push(fields);
  };
  const total = typeof input === 'string' ? input.length : input.size;
  for (
    let at = 0;
    at < Math.min(total, PREVIEW_MAX_BYTES) && rows.length <= PREVIEW_ROWS;
    at += PREVIEW_BYTES
  ) {
    const text =
      typeof input === 'string'
        ? input.slice(at, at + PREVIEW_BYTES)
        : decoder.decode(await input.slice(at, at + PREVIEW_BYTES).arrayBuffer(), { stream: true });
    reader.push(text, take);
  }
  reader.end(take);
  return rows;
}
