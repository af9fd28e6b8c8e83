import type { CurrencyCode } from '../currency';
import { formatMoney, formatMultiple, formatNumber, formatPercent } from '../format';
import type { ResultView as GenericResultView } from '../result-view';
import type { SubscriptionInputs, SubscriptionResults } from './model';

/** The names of the results, as the spec's `data-result` values (models.md §3). */
export type SubscriptionResultName =
  | 'sbgAlpha'
  | 'sbgBeta'
  | 'sbgLogLikelihood'
  | 'clv'
  | 'clvLongRun'
  | 'residualValue'
  | 'clvConstantChurn'
  | 'clvDifference'
  | 'medianLifetime'
  | 'clvToCac'
  | 'paybackPeriods';

export type ResultView = GenericResultView<SubscriptionResultName>;

/** Why the sBG figures are missing, in words. */
export const NO_FIT: Record<NonNullable<SubscriptionResults['unfittable']>, string> = {
  'no-data': 'Add your cohort counts to see what your own subscribers are worth.',
  'no-cohorts': 'The counts hold no subscribers to learn from.',
  'no-cancellations':
    'Nobody in these counts has cancelled yet, so they cannot show how cancelling varies between subscribers.',
  'no-survivors':
    'Everyone in these counts cancelled at the first renewal, so there is no retention to learn from.',
};

/**
 * "month"/"months" or "year"/"years", with the count in the reader's locale.
 * @example periods(3, 'month', 'en-US') // "3 months"
 */
export function periods(count: number, period: SubscriptionInputs['period'], locale: string): string {
  return `${formatNumber(count, locale, 0)} ${period}${count === 1 ? '' : 's'}`;
}

/**
 * The headline comparison in words: which way the single churn rate is off, and by how much. The direction
 * depends on the data (a cohort whose early leavers are many and whose stayers are loyal is undervalued by
 * a rate fitted to its end point; one that loses people evenly may be overvalued), so it is read, not assumed.
 */
export function describeDifference(
  results: SubscriptionResults,
  money: (x: number) => string,
  locale: string,
): string {
  const { clv, clvConstantChurn } = results;
  if (clv === null) return NO_FIT[results.unfittable ?? 'no-data'];
  const gap = clv - clvConstantChurn;
  const share = clvConstantChurn > 0 ? Math.abs(gap) / clvConstantChurn : null;
  if (share !== null && share < 0.005) {
    return `Your cohort and the single churn rate agree to within half a percent: ${money(clv)} against ${money(clvConstantChurn)}.`;
  }
  const relative = share === null ? '' : ` (${formatPercent(share * 100, locale, 0)})`;
  return gap > 0
    ? `The single churn rate undervalues a new subscriber by ${money(gap)}${relative}: the ones who stay are more loyal than one rate allows.`
    : `The single churn rate overvalues a new subscriber by ${money(-gap)}${relative}: more of your subscribers leave in the first renewals than one rate allows, and the early payments count most.`;
}

/** Every result formatted, with the sentence that goes with it; undefined results say why in words. */
export function describeSubscription(
  inputs: SubscriptionInputs,
  results: SubscriptionResults,
  currency: CurrencyCode,
  locale: string,
): Record<SubscriptionResultName, ResultView> {
  const money = (x: number) => formatMoney(x, currency, locale);
  const horizon = inputs.years === 1 ? 'one year' : `${formatNumber(inputs.years, locale, 0)} years`;
  const noFit = NO_FIT[results.unfittable ?? 'no-data'];
  const fit = results.fit;
  const view = (
    name: SubscriptionResultName,
    value: number | null,
    text: string,
    sentence: string,
  ): ResultView => ({
    name,
    value,
    text,
    sentence,
  });
  const unfitted = (name: SubscriptionResultName) => view(name, null, 'Not fitted', noFit);

  return {
    sbgAlpha: fit
      ? view(
          'sbgAlpha',
          fit.alpha,
          formatNumber(fit.alpha, locale, 3),
          'α: with β, the spread of the chance of cancelling across your subscribers; small values mean they differ a lot.',
        )
      : unfitted('sbgAlpha'),
    sbgBeta: fit
      ? view(
          'sbgBeta',
          fit.beta,
          formatNumber(fit.beta, locale, 3),
          `β: the average chance of cancelling at a renewal is α ÷ (α + β), ${formatPercent((100 * fit.alpha) / (fit.alpha + fit.beta), locale, 1)} here.`,
        )
      : unfitted('sbgBeta'),
    sbgLogLikelihood: fit
      ? view(
          'sbgLogLikelihood',
          fit.logLikelihood,
          formatNumber(fit.logLikelihood, locale, 2),
          'How well the curve fits your counts (closer to zero is better); compare it between fits of the same counts only.',
        )
      : unfitted('sbgLogLikelihood'),
    clv:
      results.clv === null
        ? unfitted('clv')
        : view(
            'clv',
            results.clv,
            money(results.clv),
            `What a new subscriber’s margin is worth over ${horizon} in today’s money, from your own cohort’s curve.`,
          ),
    clvLongRun:
      results.clvLongRun === null
        ? view(
            'clvLongRun',
            null,
            fit ? 'No finite value' : 'Not fitted',
            fit
              ? 'With no discount and this many loyal subscribers the sum never settles: enter a discount rate above 0\u00a0%.'
              : noFit,
          )
        : view(
            'clvLongRun',
            results.clvLongRun,
            money(results.clvLongRun),
            'The same with no horizon at all: every future payment, discounted, until the subscriber leaves.',
          ),
    residualValue:
      results.residualValue === null
        ? view(
            'residualValue',
            null,
            fit ? 'Needs a discount rate' : 'Not fitted',
            fit
              ? 'A current subscriber is valued by discounting what is still to come; at 0\u00a0% that never settles.'
              : noFit,
          )
        : view(
            'residualValue',
            results.residualValue,
            money(results.residualValue),
            `What a subscriber who has already paid ${periods(inputs.tenure, inputs.period, locale)} is still worth: loyal so far, so likelier to stay.`,
          ),
    clvConstantChurn: view(
      'clvConstantChurn',
      results.clvConstantChurn,
      money(results.clvConstantChurn),
      `What one churn rate of ${formatPercent(results.churnRate * 100, locale, 2)} per ${inputs.period} says a new subscriber is worth over ${horizon}${results.churnSource === 'from-survival' ? ', the rate that meets your cohort’s last count' : ''}.`,
    ),
    clvDifference:
      results.clvDifference === null
        ? unfitted('clvDifference')
        : view(
            'clvDifference',
            results.clvDifference,
            money(results.clvDifference),
            describeDifference(results, money, locale),
          ),
    medianLifetime:
      results.medianLifetime === null
        ? view(
            'medianLifetime',
            null,
            fit ? 'Beyond 10,000 periods' : 'Not fitted',
            fit ? 'Half of a new cohort is still subscribed after 10,000 periods.' : noFit,
          )
        : view(
            'medianLifetime',
            results.medianLifetime,
            periods(results.medianLifetime, inputs.period, locale),
            'By then half of a new cohort has cancelled, on your cohort’s curve.',
          ),
    clvToCac:
      results.clvToCac === null
        ? view(
            'clvToCac',
            null,
            'No cost entered',
            'Enter what it costs to win a subscriber to compare it with their value.',
          )
        : view(
            'clvToCac',
            results.clvToCac,
            formatMultiple(results.clvToCac, locale),
            `A subscriber’s value over ${horizon} against the ${money(inputs.cac)} it costs to win one.`,
          ),
    paybackPeriods:
      results.paybackPeriods === null
        ? view(
            'paybackPeriods',
            null,
            `Not within ${horizon}`,
            `The margin a subscriber brings in ${horizon} does not cover the ${money(inputs.cac)} it cost to win them.`,
          )
        : view(
            'paybackPeriods',
            results.paybackPeriods,
            periods(results.paybackPeriods, inputs.period, locale),
            results.paybackPeriods === 0
              ? 'Nothing was spent to win them, so they pay back at once.'
              : `Payments until the margin, discounted, covers the ${money(inputs.cac)} it cost to win a subscriber.`,
          ),
  };
}
