import type { CurrencyCode } from '../currency';
import { formatMoney, formatNumber, formatPercent } from '../format';
import type { ResultView as GenericResultView } from '../result-view';
import type { RetentionInputs, RetentionResults } from './model';

/** The names of the results, exactly as the spec's `data-result` values. */
export type RetentionResultName = Exclude<keyof RetentionResults, 'rows'>;
export type ResultView = GenericResultView<RetentionResultName>;

/** Whether the programme saves money, loses it, or breaks even, at the current figures. */
export type Verdict = 'pays' | 'breaks-even' | 'does-not-pay';

/** The verdict on the programme; a saving within a cent a year of zero counts as breaking even. */
export function verdictOf(results: RetentionResults): Verdict {
  if (Math.abs(results.savingsPerYear) < 0.005) return 'breaks-even';
  return results.savingsPerYear > 0 ? 'pays' : 'does-not-pay';
}

/**
 * Formats every result and writes the sentence that goes with it, in the reader's locale and currency.
 * Undefined results say why in words.
 */
export function describeRetention(
  inputs: RetentionInputs,
  results: RetentionResults,
  currency: CurrencyCode,
  locale: string,
): Record<RetentionResultName, ResultView> {
  const money = (x: number) => formatMoney(x, currency, locale);
  const count = (x: number) => formatNumber(x, locale, x < 10 ? 1 : 0);
  const years = (x: number) => `${formatNumber(x, locale, 1)} years`;
  const horizon = inputs.years === 1 ? 'one year' : `${formatNumber(inputs.years, locale, 0)} years`;
  const sameChurn = inputs.churn === inputs.churnWithProgram;
  const view = (
    name: RetentionResultName,
    value: number | null,
    text: string,
    sentence: string,
  ): ResultView => ({
    name,
    value,
    text,
    sentence,
  });

  return {
    lostPerYear: view(
      'lostPerYear',
      results.lostPerYear,
      `${count(results.lostPerYear)} customers`,
      `Customers who leave in a year without the programme, each one replaced at ${money(inputs.cac)}.`,
    ),
    lostPerYearWithProgram: view(
      'lostPerYearWithProgram',
      results.lostPerYearWithProgram,
      `${count(results.lostPerYearWithProgram)} customers`,
      `Customers who still leave with the programme, so ${count(results.lostPerYear - results.lostPerYearWithProgram)} fewer to replace.`,
    ),
    replaceCostPerYear: view(
      'replaceCostPerYear',
      results.replaceCostPerYear,
      money(results.replaceCostPerYear),
      'What it costs each year to win back the size of the customer base by replacing everyone who leaves.',
    ),
    retainCostPerYear: view(
      'retainCostPerYear',
      results.retainCostPerYear,
      money(results.retainCostPerYear),
      `The programme for every active customer, plus replacing the ${count(results.lostPerYearWithProgram)} who still leave.`,
    ),
    savingsPerYear: view(
      'savingsPerYear',
      results.savingsPerYear,
      money(results.savingsPerYear),
      savingsSentence(results, money),
    ),
    savingsTotal: view(
      'savingsTotal',
      results.savingsTotal,
      money(results.savingsTotal),
      `The yearly figure over ${horizon}, without discounting.`,
    ),
    breakEvenProgramCost: view(
      'breakEvenProgramCost',
      results.breakEvenProgramCost,
      money(results.breakEvenProgramCost),
      sameChurn
        ? 'With no fall in churn the programme saves nothing, so any cost above zero is a loss.'
        : `The most the programme can cost per customer per year and still pay for itself, against ${money(inputs.programCost)} now.`,
    ),
    costToKeepOne:
      results.costToKeepOne === null
        ? view(
            'costToKeepOne',
            null,
            sameChurn ? 'Keeps no one' : 'Too large to show',
            sameChurn
              ? 'The programme does not lower churn, so it keeps no customer who would have left.'
              : 'The fall in churn is so small that the cost per customer kept is too large to show.',
          )
        : view(
            'costToKeepOne',
            results.costToKeepOne,
            money(results.costToKeepOne),
            `Programme spend for each customer it keeps who would otherwise have left: ${money(inputs.programCost)} a customer, spread over the ${formatPercent(inputs.churn - inputs.churnWithProgram, locale)} it keeps.`,
          ),
    keepVsWinPercent:
      results.keepVsWinPercent === null
        ? view(
            'keepVsWinPercent',
            null,
            sameChurn ? 'No one kept' : inputs.cac === 0 ? 'Winning is free' : 'Too large to show',
            sameChurn
              ? 'With no customers kept there is nothing to compare with winning one.'
              : inputs.cac === 0
                ? 'No acquisition cost entered, so there is nothing to compare keeping with.'
                : 'Keeping a customer costs so much more than winning one that the percentage is too large to show.',
          )
        : view(
            'keepVsWinPercent',
            results.keepVsWinPercent,
            formatPercent(results.keepVsWinPercent, locale, 1),
            keepVsWinSentence(results.keepVsWinPercent, locale),
          ),
    lifetimeYears:
      results.lifetimeYears === null
        ? view(
            'lifetimeYears',
            null,
            'Never leaves',
            'With no churn, a customer is expected to stay for good.',
          )
        : view(
            'lifetimeYears',
            results.lifetimeYears,
            years(results.lifetimeYears),
            'How long a customer stays on average without the programme: one divided by the yearly churn.',
          ),
    lifetimeYearsWithProgram:
      results.lifetimeYearsWithProgram === null
        ? view(
            'lifetimeYearsWithProgram',
            null,
            'Never leaves',
            'With no churn under the programme, a customer is expected to stay for good.',
          )
        : view(
            'lifetimeYearsWithProgram',
            results.lifetimeYearsWithProgram,
            years(results.lifetimeYearsWithProgram),
            'The same with the programme.',
          ),
    profitPerYear: view(
      'profitPerYear',
      results.profitPerYear,
      money(results.profitPerYear),
      'Margin from the whole customer base in a year, less the cost of replacing those who leave.',
    ),
    profitPerYearWithProgram: view(
      'profitPerYearWithProgram',
      results.profitPerYearWithProgram,
      money(results.profitPerYearWithProgram),
      'The same margin, less the programme and the fewer replacements.',
    ),
    remaining: view(
      'remaining',
      results.remaining,
      `${count(results.remaining)} customers`,
      `Of today’s ${formatNumber(inputs.customers, locale, 0)} customers, those still buying after ${horizon} if nobody is replaced.`,
    ),
    remainingWithProgram: view(
      'remainingWithProgram',
      results.remainingWithProgram,
      `${count(results.remainingWithProgram)} customers`,
      'The same with the programme running throughout.',
    ),
    cohortValue: view(
      'cohortValue',
      results.cohortValue,
      money(results.cohortValue),
      `The margin today’s customers bring over ${horizon} as they drift away, without the programme. Unlike the yearly costs above, nobody is replaced, so the two views can disagree.`,
    ),
    cohortValueWithProgram: view(
      'cohortValueWithProgram',
      results.cohortValueWithProgram,
      money(results.cohortValueWithProgram),
      'The same with the programme, after paying for it: more customers stay, each costing the programme fee.',
    ),
  };
}

function savingsSentence(results: RetentionResults, money: (x: number) => string): string {
  switch (verdictOf(results)) {
    case 'pays':
      return `Running the programme costs ${money(results.savingsPerYear)} a year less than replacing the customers it keeps.`;
    case 'breaks-even':
      return 'The programme costs exactly what it saves in replacements: it neither pays nor loses.';
    case 'does-not-pay':
      return `The programme costs ${money(-results.savingsPerYear)} a year more than replacing the customers it keeps.`;
  }
}

function keepVsWinSentence(percent: number, locale: string): string {
  if (percent === 0)
    return 'The programme costs nothing, so keeping a customer costs nothing next to winning one.';
  if (percent < 100) {
    const ratio = 100 / percent;
    // A near-free programme makes the ratio astronomically large (or overflow): say so in words.
    if (!Number.isFinite(ratio) || ratio > 1e6)
      return 'Keeping a customer costs next to nothing beside winning one.';
    const times = formatNumber(ratio, locale, 1);
    return `Keeping a customer costs less than winning one: winning costs ${times} times as much.`;
  }
  if (percent === 100) return 'Keeping a customer costs exactly what winning one does.';
  return 'Keeping a customer this way costs more than winning a new one.';
}

/** The yearly bill with the programme, split: the programme's own spend, and replacing those it still loses. */
export function programmeBill(
  inputs: RetentionInputs,
  results: RetentionResults,
): { readonly programSpend: number; readonly replacements: number } {
  const programSpend = inputs.programCost * inputs.customers;
  return { programSpend, replacements: results.retainCostPerYear - programSpend };
}
