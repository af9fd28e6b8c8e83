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
