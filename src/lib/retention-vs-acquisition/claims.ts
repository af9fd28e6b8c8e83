import type { CurrencyCode } from '../currency';
import { formatMoney } from '../format';
import { computeRetention, type RetentionInputs } from './model';

/** A source a reader can look up. */
export interface Source {
  readonly author: string;
  readonly title: string;
  readonly publication: string;
  readonly year: number;
}

/**
 * A popular claim about keeping vs winning customers, as a target for `keepVsWinPercent` (keeping one
 * customer as a percentage of winning one), with what is known of where it comes from.
 */
export interface FolkClaim {
  readonly id: string;
  /** The claim as people repeat it. */
  readonly claim: string;
  /** The cost of keeping one customer as a percentage of winning one, if the claim held. */
  readonly keepVsWinPercent: number;
  /** Where it is usually said to come from, and whether that source rests on a study. */
  readonly provenance: string;
  readonly source?: Source;
  readonly hasPrimarySource: false;
}

/** The claims the "what the claims say" panel can apply, as data. */
export const FOLK_CLAIMS: readonly FolkClaim[] = [
  {
    id: 'a-tenth',
    claim: 'Keeping a customer costs about a tenth of winning one',
    keepVsWinPercent: 10,
    provenance:
      'Repeated in marketing writing, including one of the essays this site grew from, without a study behind it. It is the same folk claim as the next one, in another form.',
    hasPrimarySource: false,
  },
  {
    id: 'five-times',
    claim: 'Winning a customer costs 5 times as much as keeping one',
    keepVsWinPercent: 20,
    provenance:
      'The low end of a range quoted in Harvard Business Review in 2014, which itself hedged it (“depending on which study you believe, and what industry you’re in”) and named no study.',
    source: {
      author: 'Amy Gallo',
      title: 'The Value of Keeping the Right Customers',
      publication: 'Harvard Business Review (online)',
      year: 2014,
    },
    hasPrimarySource: false,
  },
  {
    id: 'twenty-five-times',
    claim: 'Winning a customer costs 25 times as much as keeping one',
    keepVsWinPercent: 4,
    provenance: 'The high end of the same hedged range, with no primary study traced behind it either.',
    source: {
      author: 'Amy Gallo',
      title: 'The Value of Keeping the Right Customers',
      publication: 'Harvard Business Review (online)',
      year: 2014,
    },
    hasPrimarySource: false,
  },
];

/**
 * The programme cost per customer per year at which keeping one customer costs `keepVsWinPercent` % of
 * winning one, with the other inputs as they are: from keepVsWin = 100 · R / (c₀ − c₁) / A,
 * R = keepVsWin/100 · A · (c₀ − c₁). Null when the programme changes no one's churn or winning costs
 * nothing, because then no programme cost can make the claim true.
 *
 * @example programCostForClaim({ churn: 30, churnWithProgram: 20, cac: 150, … }, 10) // 0.1 × 150 × 0.1 = 1.5
 */
export function programCostForClaim(inputs: RetentionInputs, keepVsWinPercent: number): number | null {
  const reduction = (inputs.churn - inputs.churnWithProgram) / 100;
  if (reduction <= 0 || inputs.cac <= 0) return null;
  return (keepVsWinPercent / 100) * inputs.cac * reduction;
}

/** What a claim would mean with the reader's other figures: the programme cost it implies, and in words. */
export interface ClaimImplication {
  /** The programme cost per customer per year the claim implies; null when it cannot be applied. */
  readonly cost: number | null;
  /** What it means, or why it cannot be applied. */
  readonly text: string;
}

/** The programme cost a claim implies with these inputs, what the programme would then save, or why not. */
export function claimImplication(
  inputs: RetentionInputs,
  claim: FolkClaim,
  currency: CurrencyCode,
  locale: string,
): ClaimImplication {
  const cost = programCostForClaim(inputs, claim.keepVsWinPercent);
  if (cost === null) {
    return {
      cost,
      text:
        inputs.cac === 0
          ? 'Cannot apply: with no cost to win a customer, keeping one cannot cost a share of it.'
          : 'Cannot apply: the programme must lower churn for it to keep anyone. Set a lower churn with the programme first.',
    };
  }
  const money = (x: number) => formatMoney(x, currency, locale);
  const saved = computeRetention({ ...inputs, programCost: cost }).savingsPerYear;
  return {
    cost,
    text: `If it held for you, your programme could cost only ${money(cost)} per customer per year, and would save ${money(saved)} a year.`,
  };
}

/** What the panel says once a claim's programme cost has been put in the form. */
export function appliedClaimText(implication: ClaimImplication): string {
  if (implication.cost === null) return implication.text;
  return `${implication.text} The programme cost above is now set to match; the results show the rest. Compare it with what a real programme would cost you.`;
}
