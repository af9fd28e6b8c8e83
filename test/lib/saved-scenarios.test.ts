import { describe, expect, it } from 'vitest';
import {
  addScenario,
  cleanName,
  deleteScenario,
  mergeImported,
  parseSaved,
  renameScenario,
  serialise,
  type SavedScenario,
} from '../../src/lib/saved-scenarios';

const now = new Date('2026-11-22T10:00:00Z');
const one: SavedScenario = {
  id: 'a1',
  name: 'Today',
  calculator: 'sale-vs-customer',
  query: 'aov=60&margin=40&currency=USD',
  savedAt: '2026-11-20T09:00:00.000Z',
};

describe('parseSaved', () => {
  it('reads what serialise writes', () => {
    expect(parseSaved(serialise([one]))).toEqual({ scenarios: [one], problem: null });
  });

  it('keeps a Subscriber value scenario with its cohort counts, commas and all', () => {
    const cohort: SavedScenario = {
      ...one,
      id: 's1',
      calculator: 'subscription',
      query: 'price=30&margin=70&currency=USD&period=year&survival=1000,631,468',
    };
    expect(parseSaved(serialise([cohort]))).toEqual({ scenarios: [cohort], problem: null });
  });

  it('treats nothing stored as an empty list', () => {
    expect(parseSaved(null)).toEqual({ scenarios: [], problem: null });
  });

  it('ignores broken JSON, foreign data and unknown versions, with a reason', () => {
    for (const raw of [
      '{not json',
      '[]',
      '{"app":"other","version":1,"scenarios":[]}',
      '{"app":"customer-for-life","version":2,"scenarios":[]}',
      '42',
    ]) {
      const result = parseSaved(raw);
      expect(result.scenarios).toEqual([]);
      expect(result.problem).toMatch(/ignored/);
    }
  });

  it('drops damaged or hostile entries and says how many', () => {
    const raw = JSON.stringify({
      app: 'customer-for-life',
      version: 1,
      scenarios: [
        one,
        { ...one, id: 'x1', query: 'aov=<script>alert(1)</script>' },
        { ...one, id: 'x2', calculator: 'evil' },
        { ...one, id: 'x3', savedAt: 'yesterday' },
        { ...one, id: 'x4', name: '   ' },
        'a string',
        null,
      ],
    });
    const result = parseSaved(raw);
    expect(result.scenarios).toEqual([one]);
    expect(result.problem).toBe('6 saved scenarios were damaged or not understood, and left out.');
  });
});

describe('editing the list', () => {
  it('adds at the top with a clean name, renames and deletes', () => {
    const added = addScenario(
      [one],
      { name: '  After   the programme ', calculator: 'sale-vs-customer', query: 'aov=70' },
      now,
      'b2',
    );
    expect(added.map((s) => s.name)).toEqual(['After the programme', 'Today']);
    expect(added[0]?.savedAt).toBe('2026-11-22T10:00:00.000Z');
    const renamed = renameScenario(added, 'a1', 'Before', now);
    expect(renamed.find((s) => s.id === 'a1')?.name).toBe('Before');
    expect(renameScenario(added, 'a1', '   ', now)).toEqual(added);
    expect(deleteScenario(renamed, 'b2').map((s) => s.id)).toEqual(['a1']);
  });

  it('names an unnamed scenario and caps long names', () => {
    expect(addScenario([], { name: '', calculator: 'sale-vs-customer', query: '' }, now, 'z')[0]?.name).toBe(
      'Untitled scenario',
    );
    expect(cleanName('x'.repeat(200)).length).toBe(80);
  });
});

describe('mergeImported', () => {
  it('adds only scenarios not already saved, and keeps ids unique', () => {
    const other = { ...one, id: 'a1', query: 'aov=99' };
    const { scenarios, added } = mergeImported([one], [one, other]);
    expect(added).toBe(1);
    expect(scenarios.map((s) => s.id)).toEqual(['a1', 'a1-imported']);
  });
});

describe('report details in saved scenarios', () => {
  const withDetails: SavedScenario = {
    ...one,
    id: 'd1',
    preparedFor: 'Acme Ltd',
    preparedBy: 'Jane Doe',
    note: 'From the 2025 accounts.\nRetention from the loyalty card.',
  };
  const file = (scenarios: unknown[]) => JSON.stringify({ app: 'customer-for-life', version: 1, scenarios });

  it('are saved with a scenario, cleaned, and read back from what serialise writes', () => {
    const [added] = addScenario(
      [],
      {
        name: 'For Acme',
        calculator: 'sale-vs-customer',
        query: 'aov=70',
        details: { preparedFor: '  Acme   Ltd ', preparedBy: '', note: 'x'.repeat(301) },
      },
      now,
      'n1',
    );
    expect(added).toEqual({
      id: 'n1',
      name: 'For Acme',
      calculator: 'sale-vs-customer',
      query: 'aov=70',
      savedAt: '2026-11-22T10:00:00.000Z',
      preparedFor: 'Acme Ltd',
    });
    expect(parseSaved(serialise([withDetails]))).toEqual({ scenarios: [withDetails], problem: null });
  });

  it('are optional: a file from before they existed still reads, unchanged', () => {
    expect(parseSaved(file([one]))).toEqual({ scenarios: [one], problem: null });
    expect(serialise([one])).not.toMatch(/prepared|note/);
  });

  it('are dropped, with a notice, when not text or too long; the scenario itself is kept', () => {
    const result = parseSaved(
      file([
        { ...one, id: 'h1', preparedFor: { toString: 'x' }, note: 'ok' },
        { ...one, id: 'h2', query: 'aov=1', preparedBy: 'b'.repeat(81) },
        { ...one, id: 'h3', query: 'aov=2', note: 12 },
      ]),
    );
    expect(result.scenarios).toEqual([
      { ...one, id: 'h1', note: 'ok' },
      { ...one, id: 'h2', query: 'aov=1' },
      { ...one, id: 'h3', query: 'aov=2' },
    ]);
    expect(result.problem).toBe(
      '3 saved scenarios’ report details (prepared for, prepared by or note) were too long or not text, and left out.',
    );
  });

  it('carries no unknown field through', () => {
    const result = parseSaved(file([{ ...one, html: '<script>alert(1)</script>' }]));
    expect(result.scenarios).toEqual([one]);
  });

  it('make a scenario different on import: same figures for another client are added', () => {
    const { scenarios, added } = mergeImported([one], [{ ...one, id: 'c2', preparedFor: 'Acme Ltd' }, one]);
    expect(added).toBe(1);
    expect(scenarios.map((s) => s.preparedFor)).toEqual([undefined, 'Acme Ltd']);
  });
});
