/// <reference lib="webworker" />
// Reads an order export and fits the models off the main thread, so the page stays responsive. Nothing
// leaves the browser: the file is read here and only aggregate figures are posted back to the page.
import Papa from 'papaparse';
import {
  createOrderImport,
  fitModels,
  historyFigures,
  summarise,
  type ModelSettings,
  type OrderImport,
} from '../../lib/orders/pipeline';
import type { ColumnMapping } from '../../lib/orders/import/rows';
import type { DateFormat } from '../../lib/orders/import/dates';
import type { FromWorker, ToWorker } from './protocol';

const scope = self as unknown as DedicatedWorkerGlobalScope;
/** The last file read to the end, kept for refits with other settings. */
let current: OrderImport | null = null;
/** The newest analyse request: an older parse still running stops posting and is not kept. */
let newestAnalyse = 0;

function post(message: FromWorker) {
  scope.postMessage(message);
}

function parse(
  id: number,
  source: File | string,
  mapping: ColumnMapping,
  dateFormat: DateFormat,
): Promise<OrderImport> {
  const reading = createOrderImport(mapping, dateFormat);
  const total = typeof source === 'string' ? source.length : source.size;
  let line = 0;
  let lastPost = 0;
  return new Promise((resolve, reject) => {
    Papa.parse<string[]>(source, {
      skipEmptyLines: false,
      chunkSize: 1 << 20,
      chunk: (results, parser) => {
        if (id !== newestAnalyse) {
          parser.abort(); // a newer file was given: this one's answer would be dropped anyway
          return;
        }
        for (const fields of results.data) {
          line++;
          // Line 1 is the header; a BOM on it is the file's encoding mark, not part of a name.
          if (line > 1) reading.add(fields, line);
        }
        const now = performance.now();
        if (now - lastPost > 100) {
          lastPost = now;
          post({ id, type: 'progress', fraction: Math.min(1, results.meta.cursor / total), rows: line });
        }
      },
      complete: () => resolve(reading),
      error: (error: Error) => reject(error),
    });
  });
}

/** Posts the history for these settings, then the models; false when no line was an order. */
function answer(id: number, reading: OrderImport, settings: ModelSettings, seconds: number) {
  const summary = summarise(reading.history, settings);
  if (!summary) {
    post({
      id,
      type: 'error',
      message: 'No row of the file could be read as an order. The reasons are listed below.',
      bad: reading.bad.summary(),
    });
    return;
  }
  post({ id, type: 'history', history: historyFigures(summary), bad: reading.bad.summary(), seconds });
  const started = performance.now();
  const models = fitModels(summary, settings);
  post({ id, type: 'models', ...models, seconds: (performance.now() - started) / 1000 });
}

scope.onmessage = async (event: MessageEvent<ToWorker>) => {
  const message = event.data;
  const { id } = message;
  try {
    if (message.type === 'analyse') {
      newestAnalyse = id;
      const started = performance.now();
      const reading = await parse(id, message.source, message.mapping, message.dateFormat);
      if (id !== newestAnalyse) return;
      current = reading;
      post({ id, type: 'progress', fraction: 1, rows: reading.history.orders });
      answer(id, reading, message.settings, (performance.now() - started) / 1000);
    } else if (current) {
      answer(id, current, message.settings, 0);
    }
  } catch (error) {
    post({ id, type: 'error', message: `The file could not be read: ${(error as Error).message}` });
  }
};
