import { describe, expect, it } from 'vitest';
import { SUBSCRIPTION_COMPARED } from '../../../src/lib/subscription/compare';
import { describeSubscription } from '../../../src/lib/subscription/explain';
import { computeSubscription } from '../../../src/lib/subscription/model';
import { WORKED_EXAMPLE } from '../../../src/lib/subscription/worked-example';

describe('SUBSCRIPTION_COMPARED', () => {
  it('compares results the explanation describes, each once', () => {
    const { inputs } = WORKED_EXAMPLE;
    const described = describeSubscription(inputs, computeSubscription(inputs), 'USD', 'en-US');
    const names = SUBSCRIPTION_COMPARED.map((row) => row.name);
    expect(new Set(names).size).toBe(names.length);
    for (const name of names) expect(described[name].name).toBe(name);
  });

  it('reads counts as periods and payments', () => {
    const kinds = Object.fromEntries(SUBSCRIPTION_COMPARED.map((row) => [row.name, row.difference]));
    expect(kinds['medianLifetime']).toEqual({ kind: 'count', unit: 'periods', digits: 0 });
    expect(kinds['paybackPeriods']).toEqual({ kind: 'count', unit: 'payments', digits: 0 });
    expect(kinds['clvToCac']).toEqual({ kind: 'multiple' });
  });
});
