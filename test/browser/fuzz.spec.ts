import { expect, test, type Page } from '@playwright/test';
import { wake } from './wake';

/**
 * Bounded fuzzing of both calculators: hostile and random query strings, then hostile and random typed
 * values. The cases come from a seeded PRNG, so a failure replays exactly; the run is bounded by a count.
 */

interface Spec {
  readonly key: string;
  readonly min: number;
  readonly max: number;
  readonly minExclusive?: boolean;
  readonly integer?: boolean;
  readonly maxKey?: string;
}

interface Calculator {
  readonly path: string;
  /** The URL keys, as src/lib/<calculator>/params.ts lists them (restated here so the test is independent). */
  readonly specs: readonly Spec[];
}

const CALCULATORS: readonly Calculator[] = [
  {
    path: '/calculators/sale-vs-customer/',
    specs: [
      { key: 'aov', min: 0, max: 1e9, minExclusive: true },
      { key: 'margin', min: 0, max: 100 },
      { key: 'freq', min: 0, max: 365, minExclusive: true },
      { key: 'retention', min: 0, max: 100 },
      { key: 'discount', min: 0, max: 100 },
      { key: 'years', min: 1, max: 50, integer: true },
      { key: 'cac', min: 0, max: 1e9 },
      { key: 'referrals', min: 0, max: 10 },
    ],
  },
  {
    path: '/calculators/retention-vs-acquisition/',
    specs: [
      { key: 'customers', min: 1, max: 1e9, integer: true },
      { key: 'churn', min: 0, max: 100 },
      { key: 'churnWithProgram', min: 0, max: 100, maxKey: 'churn' },
      { key: 'programCost', min: 0, max: 1e9 },
      { key: 'cac', min: 0, max: 1e9 },
      { key: 'yearlyMargin', min: 0, max: 1e9 },
      { key: 'years', min: 1, max: 50, integer: true },
    ],
  },
];

const CURRENCIES = ['USD', 'EUR', 'GBP', 'JPY', 'INR', 'CAD', 'AUD', 'CHF', 'CNY', 'BRL', 'NZD'];
// Each link is a full page load and hydration (about 0.8 s on a 2-core machine), so the count is what keeps
// this file near 40 s; raise it locally to fuzz harder.
const URL_CASES = 36;
const TYPED_CASES = 40;

/** mulberry32: a small seeded PRNG, so every run sees the same cases. */
function prng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (n: number) => Math.floor(next() * n),
    pick<T>(items: readonly T[]): T {
      return items[Math.floor(next() * items.length)]!;
    },
  };
}
type Rng = ReturnType<typeof prng>;

/** Script payloads: each would set window.__pwned or open a dialog if it ever ran. */
const PAYLOADS = [
  '<img src=x onerror="window.__pwned=1">',
  '"><script>window.__pwned=1</script>',
  "'><svg onload=window.__pwned=1>",
  'javascript:window.__pwned=1',
  'javascript:alert(1)',
  '</textarea><script>alert(1)</script>',
  '{{constructor.constructor("window.__pwned=1")()}}',
  '${window.__pwned=1}',
  '<a href="javascript:window.__pwned=1">x</a>',
  '<iframe srcdoc="<script>parent.__pwned=1</script>">',
];

/** Values that are not numbers a URL may carry, or are out of any range. */
const HOSTILE_VALUES = [
  '1e308',
  '5e-324',
  '-0',
  '1000000001',
  '1e9',
  '1E3',
  '0x10',
  'NaN',
  'Infinity',
  '-Infinity',
  '',
  ' ',
  ' 5',
  '5 ',
  '+5',
  '--5',
  '5..',
  '.',
  '1,000',
  '٣',
  '１２',
  '\u200f12',
  '12\u200e',
  '\u202e21',
  '%00',
  '5%00',
  '\u0000',
  'null',
  'undefined',
  'true',
  '[]',
  '{}',
  '9'.repeat(400),
  '0.' + '0'.repeat(400) + '1',
  'x'.repeat(10_240),
  '1'.repeat(10_240),
  ...PAYLOADS,
];

/** Plain decimals, some in range and some not, for each key. */
function randomDecimal(rng: Rng, spec: Spec): string {
  const span = spec.max - spec.min;
  const choice = rng.int(6);
  if (choice === 0) return String(spec.min);
  if (choice === 1) return String(spec.max);
  if (choice === 2) return String(-1 - rng.int(100));
  if (choice === 3) return String(spec.max + 1 + rng.int(1000));
  const x = spec.min + rng.next() * Math.min(span, 1000);
  return choice === 4 ? String(Math.round(x)) : x.toFixed(1 + rng.int(3));
}

/** Independent restatement of the strict URL rule: plain decimals only, in range, whole where needed. */
function urlValueIsGood(text: string, spec: Spec, resolved: Record<string, number>): number | null {
  if (!/^-?(?:\d+\.?\d*|\.\d+)$/.test(text)) return null;
  const value = Number(text);
  if (spec.minExclusive ? value <= spec.min : value < spec.min) return null;
  if (value > spec.max) return null;
  const cap = spec.maxKey === undefined ? undefined : resolved[spec.maxKey];
  if (cap !== undefined && value > cap) return null;
  if (spec.integer && !Number.isInteger(value)) return null;
  return value === 0 ? 0 : value;
}

const DEFAULTS: Record<string, Record<string, number>> = {
  '/calculators/sale-vs-customer/': {},
  '/calculators/retention-vs-acquisition/': { churn: 30 },
};

/** The keys of one scenario that the page must report, given each key's list of values. */
function badKeys(
  specs: readonly Spec[],
  given: Map<string, string[]>,
  prefix: string,
  fallback: Record<string, number>,
): { bad: string[]; resolved: Record<string, number> } {
  const bad: string[] = [];
  const resolved: Record<string, number> = {};
  for (const spec of specs) {
    const values = given.get(prefix + spec.key);
    if (values === undefined) {
      if (fallback[spec.key] !== undefined) resolved[spec.key] = fallback[spec.key]!;
      continue;
    }
    const value = values.length === 1 ? urlValueIsGood(values[0]!, spec, resolved) : null;
    if (value === null) {
      bad.push(prefix + spec.key);
      if (fallback[spec.key] !== undefined) resolved[spec.key] = fallback[spec.key]!;
    } else resolved[spec.key] = value;
  }
  return { bad, resolved };
}

interface UrlCase {
  readonly query: string;
  readonly expectedBad: readonly string[];
}

function makeUrlCase(rng: Rng, calculator: Calculator): UrlCase {
  const params: [string, string][] = [];
  const keyCount = 1 + rng.int(5);
  const withB = rng.next() < 0.3;
  for (let i = 0; i < keyCount; i++) {
    const spec = rng.pick(calculator.specs);
    const key = withB && rng.next() < 0.5 ? `b.${spec.key}` : spec.key;
    const value = rng.next() < 0.5 ? rng.pick(HOSTILE_VALUES) : randomDecimal(rng, spec);
    params.push([key, value]);
    // Repeated keys, now and then.
    if (rng.next() < 0.1) params.push([key, randomDecimal(rng, spec)]);
  }
  if (rng.next() < 0.3) params.push(['currency', rng.pick([...CURRENCIES, 'usd', 'XXX', '', ...PAYLOADS])]);
  // Unknown keys, which must be dropped silently; hostile key names too.
  if (rng.next() < 0.3) params.push([rng.pick(PAYLOADS), rng.pick(PAYLOADS)]);
  if (rng.next() < 0.2) params.push(['utm_source', rng.pick(HOSTILE_VALUES)]);

  const given = new Map<string, string[]>();
  for (const [key, value] of params) given.set(key, [...(given.get(key) ?? []), value]);
  const a = badKeys(calculator.specs, given, '', DEFAULTS[calculator.path]!);
  const bad = [...a.bad];
  const currencies = given.get('currency');
  if (currencies && (currencies.length > 1 || !CURRENCIES.includes(currencies[0]!.toUpperCase())))
    bad.push('currency');
  if ([...given.keys()].some((key) => key.startsWith('b.'))) {
    // B's absent keys take A's values (including A's defaults where A's key was bad).
    const fromA = { ...DEFAULTS[calculator.path]!, ...a.resolved };
    bad.push(...badKeys(calculator.specs, given, 'b.', fromA).bad);
  }
  const query = params.map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`).join('&');
  // Now and then the fragment carries a payload too.
  return {
    query: `?${query}${rng.next() < 0.2 ? `#${encodeURIComponent(rng.pick(PAYLOADS))}` : ''}`,
    expectedBad: bad,
  };
}

/** Listens for anything that must never happen, for the whole life of the page. */
function watch(page: Page) {
  const problems: string[] = [];
  page.on('pageerror', (error) => problems.push(`pageerror: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console error: ${message.text()}`);
  });
  page.on('dialog', async (dialog) => {
    problems.push(`dialog: ${dialog.message()}`);
    await dialog.dismiss();
  });
  return problems;
}

/** The checks every state of the page must pass. */
async function checkPage(page: Page, context: string) {
  const state = await page.evaluate(() => {
    const main = document.querySelector('main');
    const results = [...document.querySelectorAll('[data-result]')].map((element) => ({
      name: element.getAttribute('data-result'),
      text: (element as HTMLElement).innerText.trim(),
      value: element.getAttribute('data-value'),
    }));
    return {
      pwned: (window as unknown as { __pwned?: unknown }).__pwned ?? null,
      text: main?.innerText ?? '',
      injected:
        document.querySelectorAll('main img, main iframe, [onerror], [onload], [srcdoc]').length +
        [...document.scripts].filter((script) => /__pwned|alert\(/.test(script.text)).length,
      results,
    };
  });
  expect(state.pwned, `${context}: a payload ran`).toBeNull();
  expect(state.injected, `${context}: an injected element`).toBe(0);
  expect(state.text, `${context}: NaN, Infinity or undefined shown`).not.toMatch(
    /\bNaN\b|Infinity|\bundefined\b/,
  );
  expect(state.results.length, context).toBeGreaterThan(5);
  for (const result of state.results) {
    expect(result.text, `${context}: ${result.name} is empty`).not.toBe('');
    expect(result.value, `${context}: ${result.name} has no data-value`).not.toBeNull();
    if (result.value !== '')
      expect(Number.isFinite(Number(result.value)), `${context}: ${result.name}=${result.value}`).toBe(true);
  }
}

/** The keys the ignored-keys notice names, each item starting with "key (Label): …". */
async function listedKeys(page: Page): Promise<string[]> {
  const notice = page.getByTestId('ignored-notice');
  if ((await notice.count()) === 0) return [];
  const items = await notice.locator('li').allInnerTexts();
  return items.map((text) => text.slice(0, text.indexOf(' (')));
}

for (const [index, calculator] of CALCULATORS.entries()) {
  test.describe(`fuzz ${calculator.path}`, () => {
    test(`${URL_CASES} random and hostile links`, async ({ page }) => {
      test.setTimeout(90_000);
      const problems = watch(page);
      const rng = prng(0xc0ffee + index);
      for (let i = 0; i < URL_CASES; i++) {
        const { query, expectedBad } = makeUrlCase(rng, calculator);
        const context = `case ${i}: ${query.slice(0, 300)}`;
        await page.goto(calculator.path + query, { waitUntil: 'domcontentloaded' });
        // A link with no settings leaves the calculator to hydrate on first use: a key press wakes it.
        await page.keyboard.press('Shift');
        await expect(page.getByTestId('calculator'), context).toHaveAttribute('data-hydrated', 'true');
        await checkPage(page, context);
        // The notice's code is fetched only when a link has bad keys, so it can arrive after hydration.
        await expect
          .poll(async () => (await listedKeys(page)).sort(), { message: context })
          .toEqual([...new Set(expectedBad)].sort());
        expect(problems, context).toEqual([]);
      }
    });

    test(`${TYPED_CASES} random and hostile typed values`, async ({ page }) => {
      test.setTimeout(60_000);
      const problems = watch(page);
      const rng = prng(0xbadf00d + index);
      await page.goto(calculator.path);
      await wake(page);
      const typed = [...HOSTILE_VALUES, '1 000', '1,234.5', '$50', '50 %', '−5', '٥٠', '\u200f50\u200f'];
      for (let i = 0; i < TYPED_CASES; i++) {
        const spec = rng.pick(calculator.specs);
        const text = rng.next() < 0.6 ? rng.pick(typed) : randomDecimal(rng, spec);
        const context = `typed case ${i}: ${spec.key} = ${JSON.stringify(text.slice(0, 100))}`;
        const field = page.locator(`#field-${spec.key}`);
        await field.fill(text);
        // The field keeps exactly what was typed.
        await expect(field, context).toHaveValue(text);
        const invalid = (await field.getAttribute('aria-invalid')) === 'true';
        if (invalid) {
          await expect(page.locator(`#field-${spec.key}-error`), context).not.toBeEmpty();
        } else {
          await expect(page.locator(`#field-${spec.key}-error`), context).toHaveCount(0);
        }
        // Independent expectations where the answer is certain (a cap from another key aside).
        const strictlyGood = spec.maxKey === undefined ? urlValueIsGood(text.trim(), spec, {}) : null;
        if (strictlyGood !== null && text.trim() === text) expect(invalid, context).toBe(false);
        if (/[<>{}]|^$|^ $|NaN|Infinity|null|undefined|true|x{3}/.test(text))
          expect(invalid, context).toBe(true);
        await checkPage(page, context);
        expect(problems, context).toEqual([]);
      }
    });
  });
}
