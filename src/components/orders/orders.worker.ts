/// <reference lib="webworker" />
// Reads an order export and fits the models off the main thread, so the page stays responsive. Nothing
// leaves the browser: the file is read here and only aggregate figures are posted back to the page.
import { RecordReader } from '../../lib/orders/import/records';
import {
  createFileReading,
  fitModels,
  forecastEachCustomer,
  historyFigures,
  summarise,
  type CustomerSummaryImport,
  type FileReading,
  type ModelSettings,
} from '../../lib/orders/pipeline';
import { transferableCopy, type CustomerForecasts } from '../../lib/orders/forecast/customers';
import { customersCsvParts } from '../../lib/orders/forecast/csv';
import { rowOrder } from '../../lib/orders/forecast/table';
import type { FromWorker, ToWorker } from './protocol';

const scope = self as unknown as DedicatedWorkerGlobalScope;
/** Bytes read at a time: large enough to be fast, small enough to report progress. */
const CHUNK_BYTES = 1 << 20;
type Reading = FileReading;
/** The last file read to the end, kept for refits with other settings. */
let current: Reading | null = null;
/** The newest analyse request: an older read still running stops and is not kept. */
let newestAnalyse = 0;
/** The newest per-customer table, which the page's sort and search requests order. */
let table: CustomerForecasts | null = null;

function post(message: FromWorker) {
  scope.postMessage(message);
}

async function read(message: Extract<ToWorker, { type: 'analyse' }>): Promise<Reading | null> {
  const { id, source } = message;
  const file = createFileReading(message);
  const reader = new RecordReader();
  const take = file.take;
  const total = typeof source === 'string' ? source.length : source.size;
  const decoder = new TextDecoder();
  let lastPost = 0;
  for (let at = 0; at < total; at += CHUNK_BYTES) {
    if (id !== newestAnalyse) return null; // a newer file was given: this one's answer would be dropped
    const text =
      typeof source === 'string'
        ? source.slice(at, at + CHUNK_BYTES)
        : decoder.decode(await source.slice(at, at + CHUNK_BYTES).arrayBuffer(), { stream: true });
    reader.push(text, take);
    const now = performance.now();
    if (now - lastPost > 100) {
      lastPost = now;
      post({
        id,
        type: 'progress',
        fraction: Math.min(1, (at + CHUNK_BYTES) / total),
        rows: file.reading().lines.summary().lines,
      });
    }
  }
  if (typeof source !== 'string') reader.push(decoder.decode(), take);
  reader.end(take);
  const done = file.reading();
  if ('finish' in done) done.finish();
  return done;
}

/** Posts a customer summary's figures, then the models fitted to it exactly as to an order history. */
function answerSummary(id: number, reading: CustomerSummaryImport, settings: ModelSettings, seconds: number) {
  const result = reading.result();
  const lines = reading.accounting();
  if (!result) {
    post({
      id,
      type: 'error',
      message: 'No line of the summary could be read. The reasons are listed below.',
      lines,
    });
    return;
  }
  post({ id, type: 'customer-summary', figures: result.figures, lines, seconds });
  const started = performance.now();
  const models = fitModels(result, settings);
  post({ id, type: 'models', ...models, seconds: (performance.now() - started) / 1000 });
  answerCustomers(id, result, models, settings);
}

/** Posts every customer's forecast (and the holdout check, for an order history), then their CSV. */
function answerCustomers(
  id: number,
  inputs: Parameters<typeof forecastEachCustomer>[0],
  models: ReturnType<typeof fitModels>,
  settings: ModelSettings,
) {
  const forecastStarted = performance.now();
  const each = forecastEachCustomer(inputs, models, settings);
  table = each.customers;
  const seconds = (performance.now() - forecastStarted) / 1000;
  if (!each.customers) {
    post({ id, type: 'customers', ...each, seconds });
    return;
  }
  const { copy, buffers } = transferableCopy(each.customers);
  scope.postMessage(
    { id, type: 'customers', ...each, customers: copy, seconds } satisfies FromWorker,
    buffers,
  );
  // The CSV is made here, off the page's thread, so the download link is ready without a wait.
  const csvStarted = performance.now();
  const csv = new Blob(customersCsvParts(each.customers), { type: 'text/csv;charset=utf-8' });
  post({ id, type: 'customers-csv', csv, seconds: (performance.now() - csvStarted) / 1000 });
}

/** Posts the history for these settings, then the models; an error when no line was an order. */
function answer(id: number, reading: Reading, settings: ModelSettings, seconds: number) {
  if (!('history' in reading)) return answerSummary(id, reading, settings, seconds);
  const summary = summarise(reading, settings);
  const lines = reading.accounting(settings.currency);
  const currencies = reading.currencies();
  if (!summary) {
    post({
      id,
      type: 'error',
      message: 'No line of the file could be read as an order. The reasons are listed below.',
      lines,
    });
    return;
  }
  post({
    id,
    type: 'history',
    history: historyFigures(summary),
    lines,
    currencies,
    currency: settings.currency ?? currencies[0]?.code ?? '',
    seconds,
  });
  const started = performance.now();
  const models = fitModels(summary, settings);
  post({ id, type: 'models', ...models, seconds: (performance.now() - started) / 1000 });
  answerCustomers(id, summary, models, settings);
}

scope.onmessage = async (event: MessageEvent<ToWorker>) => {
  const message = event.data;
  const { id } = message;
  try {
    if (message.type === 'analyse') {
      newestAnalyse = id;
      const started = performance.now();
      const reading = await read(message);
      if (!reading || id !== newestAnalyse) return;
      current = reading;
      post({ id, type: 'progress', fraction: 1, rows: reading.lines.summary().lines });
      answer(id, reading, message.settings, (performance.now() - started) / 1000);
    } else if (message.type === 'sort') {
      if (!table) return;
      const rows = rowOrder(table, message.key, message.direction, message.search);
      scope.postMessage({ id, type: 'order', sortId: message.sortId, rows } satisfies FromWorker, [
        rows.buffer,
      ]);
    } else if (current) {
      answer(id, current, message.settings, 0);
    }
  } catch (error) {
    post({ id, type: 'error', message: `The file could not be read: ${(error as Error).message}` });
  }
};
