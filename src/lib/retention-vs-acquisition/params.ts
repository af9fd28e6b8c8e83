import type { NumberParamSpec } from '../params';

/**
 * The Retention vs Acquisition calculator's inputs as the spec (models.md §2) defines them. Order matters:
 * `churnWithProgram` comes after `churn` because its default and its cap are read from it.
 */
export const RETENTION_PARAMS = [
  { key: 'customers', default: 1000, min: 1, max: 1e9, integer: true },
  { key: 'churn', default: 30, min: 0, max: 100 },
  {
    key: 'churnWithProgram',
    default: 20,
    defaultFrom: (resolved) => Math.min(20, resolved['churn'] ?? 30),
    min: 0,
    max: 100,
    maxKey: 'churn',
  },
  // Illustrative: at 10 the programme pays (break-even is 150 × (0.30 − 0.20) = 15, which the page works out).
  { key: 'programCost', default: 10, min: 0, max: 1e9 },
  { key: 'cac', default: 150, min: 0, max: 1e9 },
  { key: 'yearlyMargin', default: 200, min: 0, max: 1e9 },
  { key: 'years', default: 5, min: 1, max: 50, integer: true },
] as const satisfies readonly NumberParamSpec[];

export type RetentionKey = (typeof RETENTION_PARAMS)[number]['key'];
