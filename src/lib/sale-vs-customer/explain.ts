import type { CurrencyCode } from '../currency';
import type { ResultView as GenericResultView } from '../result-view';
import { formatMoney, formatMultiple, formatNumber, formatPercent } from '../format';
import type { SaleVsCustomerInputs, SaleVsCustomerResults } from './model';

/** The names of the results, exactly as the spec's `data-result` values. */
export type SaleVsCustomerResultName = Exclude<keyof SaleVsCustomerResults, 'rows'>;

export type ResultView = GenericResultView<SaleVsCustomerResultName>;

/**
 * Formats every result of the model and writes the sentence that goes with it, in the reader's locale and
 * chosen currency. Undefined results say why in words instead of showing a number.
 */
export function describeSaleVsCustomer(
  inputs: SaleVsCustomerInputs,
  results: SaleVsCustomerResults,
  currency: CurrencyCode,
  locale: string,
): Record<SaleVsCustomerResultName, ResultView> {
  const money = (x: number) => formatMoney(x, currency, locale);
  const years = inputs.years;
  const horizon = years === 1 ? 'one year' : `${formatNumber(years, locale, 0)} years`;
  const view = (name: SaleVsCustomerResultName, value: number | null, text: string, sentence: string) => ({
    name,
    value,
    text,
    sentence,
  });

  return {
    sale: view(
      'sale',
      results.sale,
      money(results.sale),
      `The margin you keep from one order of ${money(inputs.aov)}: what a sale is worth if the customer never comes back.`,
    ),
    clv: view(
      'clv',
      results.clv,
      money(results.clv),
      `The margin this customer brings over ${horizon}, allowing for the chance they stop buying and counting later money at today's value.`,
    ),
    multiple:
      results.multiple === null
        ? view(
            'multiple',
            null,
            'No comparison',
            'At a 0\u00a0% margin a sale earns nothing, so there is nothing to compare the customer with.',
          )
        : view(
            'multiple',
            results.multiple,
            formatMultiple(results.multiple, locale),
            `One customer is worth about ${formatNumber(results.multiple, locale, 1)} single sales. Treat a new customer like one sale and you undervalue them by that much.`,
          ),
    clvUndiscounted: view(
      'clvUndiscounted',
      results.clvUndiscounted,
      money(results.clvUndiscounted),
      `The same margin at face value, without discounting. The gap to ${money(results.clv)} is the price of waiting for the money.`,
    ),
    longRun:
      results.longRun === null
        ? view(
            'longRun',
            null,
            'No limit',
            inputs.discount === 0
              ? 'With every customer staying (100\u00a0% retention) and no discounting, the value keeps growing for ever, so there is no long-run figure. Use the horizon instead.'
              : 'With every customer staying and almost no discounting, the value grows too large to show. Use the horizon instead.',
          )
        : view(
            'longRun',
            results.longRun,
            money(results.longRun),
            longRunSentence(results.clv, results.longRun, horizon, locale),
          ),
    activeYears: view(
      'activeYears',
      results.activeYears,
      `${formatNumber(results.activeYears, locale, 1)} years`,
      `On average a new customer keeps buying for about ${formatNumber(results.activeYears, locale, 1)} of the next ${horizon}, counting the year they start.`,
    ),
    purchases: view(
      'purchases',
      results.purchases,
      `${formatNumber(results.purchases, locale, 1)} orders`,
      `The orders you can expect from one new customer over ${horizon}, the first one included.`,
    ),
    net: view(
      'net',
      results.net,
      money(results.net),
      results.net >= 0
        ? `After the ${money(inputs.cac)} it costs to win them, the customer leaves you ${money(results.net)} better off.`
        : `Winning this customer costs more than they bring back within ${horizon}: you end up ${money(-results.net)} down.`,
    ),
    clvToCac:
      results.clvToCac === null
        ? view(
            'clvToCac',
            null,
            inputs.cac === 0 ? 'No cost entered' : 'Too large to show',
            inputs.cac === 0
              ? 'No acquisition cost entered, so there is nothing to divide the lifetime value by.'
              : 'The cost to win a customer is so small next to their value that the ratio is too large to show.',
          )
        : view(
            'clvToCac',
            results.clvToCac,
            formatMultiple(results.clvToCac, locale),
            clvToCacSentence(results.clvToCac, currency, locale),
          ),
    paybackMonths: paybackView(inputs, results, horizon, money, locale),
  };
}

function longRunSentence(clv: number, longRun: number, horizon: string, locale: string): string {
  if (longRun <= 0) return 'With no margin there is no value to add up, however long you count.';
  const share = formatPercent((100 * clv) / longRun, locale, 1);
  return `What the customer would be worth if you counted for ever. Your ${horizon} capture ${share} of it.`;
}

function clvToCacSentence(ratio: number, currency: CurrencyCode, locale: string): string {
  const unit = formatMoney(1, currency, locale);
  const back = formatMoney(ratio, currency, locale);
  const verdict =
    ratio >= 3
      ? 'That clears the common rule of thumb of 3 or more.'
      : ratio >= 1
        ? 'Profitable, but below the common rule of thumb of 3.'
        : 'Below 1: each new customer loses money.';
  return `Every ${unit} spent winning a customer comes back as ${back} of margin. ${verdict}`;
}

function paybackView(
  inputs: SaleVsCustomerInputs,
  results: SaleVsCustomerResults,
  horizon: string,
  money: (x: number) => string,
  locale: string,
): ResultView {
  const months = results.paybackMonths;
  if (months === null) {
    return {
      name: 'paybackMonths',
      value: null,
      text: 'Not within the horizon',
      sentence: `At these figures the customer does not pay back the ${money(inputs.cac)} it cost to win them within ${horizon}.`,
    };
  }
  if (months === 0) {
    return {
      name: 'paybackMonths',
      value: 0,
      text: 'Nothing to pay back',
      sentence: 'With no cost to win the customer, there is nothing to earn back.',
    };
  }
  const monthsText = months === 1 ? '1 month' : `${formatNumber(months, locale, 0)} months`;
  return {
    name: 'paybackMonths',
    value: months,
    text: monthsText,
    sentence: `The customer's margin covers the ${money(inputs.cac)} it cost to win them by month ${formatNumber(months, locale, 0)}. ${
      months <= 12 ? 'Within a year: a common target.' : 'Longer than a year: you carry the cost for a while.'
    }`,
  };
}
