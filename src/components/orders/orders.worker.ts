/// <reference lib="webworker" />
// Reads an order export and fits the models off the main thread, so the page stays responsive. Nothing
// leaves the browser: the file is read here and only aggregate figures are posted back to the page.
import Papa from 'papaparse';
import { BadRows, validateRow, type ColumnMapping } from '../../lib/orders/rows';
import { createHistory, type History } from '../../lib/orders/history';
import { fitBgnbd } from '../../lib/orders/bgnbd';
import { fitGammaGamma } from '../../lib/orders/gamma-gamma';
import { predict } from '../../lib/orders/predict';
import type { DateFormat } from '../../lib/orders/dates';
import type { FromWorker, ModelSettings, ToWorker } from './protocol';

const scope = self as unknown as DedicatedWorkerGlobalScope;
let history: History | null = null;

function post(message: FromWorker) {
  scope.postMessage(message);
}

function parse(source: File | string, mapping: ColumnMapping, dateFormat: DateFormat): Promise<BadRows> {
  const bad = new BadRows();
  const accumulated = createHistory();
  history = accumulated;
  const total = typeof source === 'string' ? source.length : source.size;
  let line = 0;
  let lastPost = 0;
  return new Promise((resolve, reject) => {
    Papa.parse<string[]>(source, {
      skipEmptyLines: false,
      chunkSize: 1 << 20,
      chunk: (results) => {
        for (const fields of results.data) {
          line++;
          // Line 1 is the header; a BOM on it is the file's encoding mark, not part of a name.
          if (line === 1) continue;
          const check = validateRow(fields, mapping, dateFormat);
          if (check.ok) accumulated.add(check.order);
          else if (check.reason !== 'blank line') bad.add(line, check.reason, fields);
        }
        const now = performance.now();
        if (now - lastPost > 100) {
          lastPost = now;
          post({ type: 'progress', fraction: Math.min(1, results.meta.cursor / total), rows: line });
        }
      },
      complete: () => resolve(bad),
      error: (error: Error) => reject(error),
    });
  });
}

function fitModels(settings: ModelSettings) {
  if (!history) return;
  const started = performance.now();
  const summary = history.finish({
    ...(settings.calibrationEnd === undefined ? {} : { calibrationEnd: settings.calibrationEnd }),
    cohortPeriod: settings.cohortPeriod,
  });
  if (!summary) {
    post({
      type: 'models',
      bgnbd: null,
      gammaGamma: null,
      predictions: null,
      problem: 'There are no orders to fit.',
      seconds: 0,
    });
    return;
  }
  let problem: string | null = null;
  let bgnbd = null;
  let gammaGamma = null;
  try {
    bgnbd = fitBgnbd(summary.bgnbd);
  } catch (error) {
    problem = summary.bgnbd.every((customer) => customer.x === 0)
      ? 'No customer has bought twice before the calibration end, so repeat buying cannot be modelled.'
      : `The purchase model could not be fitted: ${(error as Error).message}`;
  }
  try {
    if (summary.gammaGamma.length >= 2) gammaGamma = fitGammaGamma(summary.gammaGamma);
  } catch {
    gammaGamma = null;
  }
  const predictions = bgnbd
    ? predict(bgnbd, summary.bgnbd, gammaGamma, summary.averageOrderValue, settings)
    : null;
  post({
    type: 'models',
    bgnbd,
    gammaGamma,
    predictions,
    problem,
    seconds: (performance.now() - started) / 1000,
  });
}

function postHistory(settings: ModelSettings, bad: BadRows, seconds: number): boolean {
  const summary = history?.finish({
    ...(settings.calibrationEnd === undefined ? {} : { calibrationEnd: settings.calibrationEnd }),
    cohortPeriod: settings.cohortPeriod,
  });
  if (!summary) {
    post({
      type: 'error',
      message: 'No row of the file could be read as an order. The reasons are listed below.',
      bad: bad.summary(),
    });
    return false;
  }
  // The per-customer model inputs stay here: the page needs only the aggregate figures.
  const { bgnbd: _bgnbd, gammaGamma: _gammaGamma, ...figures } = summary;
  post({ type: 'history', history: figures, bad: bad.summary(), seconds });
  return true;
}

let lastBad = new BadRows();

scope.onmessage = async (event: MessageEvent<ToWorker>) => {
  const message = event.data;
  try {
    if (message.type === 'analyse') {
      const started = performance.now();
      lastBad = await parse(message.source, message.mapping, message.dateFormat);
      post({ type: 'progress', fraction: 1, rows: history?.orders ?? 0 });
      if (postHistory(message.settings, lastBad, (performance.now() - started) / 1000))
        fitModels(message.settings);
    } else if (message.type === 'refit') {
      if (postHistory(message.settings, lastBad, 0)) fitModels(message.settings);
    }
  } catch (error) {
    post({ type: 'error', message: `The file could not be read: ${(error as Error).message}` });
  }
};
