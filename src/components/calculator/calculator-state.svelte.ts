import type { CurrencyCode } from '../../lib/currency';
import { currencyForLocale } from '../../lib/currency';
import { formatInputValue } from '../../lib/format';
import type { Checked, NumberParamSpec } from '../../lib/params';
import { applyCaps, defaultValues, parseTypedNumber } from '../../lib/params';
import { decodeQuery, encodeQuery, type IgnoredReason } from '../../lib/url-codec';
import {
  decodeTextParams,
  defaultTexts,
  encodeTextParams,
  withoutKeys,
  type TextChecked,
  type TextParamSpec,
} from '../../lib/text-params';

/** A URL key the page ignored, and why. */
export interface IgnoredKey {
  readonly key: string;
  readonly problem: IgnoredReason;
}

/**
 * The state of one calculator: what the person typed in each field, the last valid value of each, the
 * currency and locale. Results are derived from `values`, so a field in error leaves them on its last valid
 * figure while `text` keeps exactly what was typed.
 */
export class CalculatorState {
  readonly specs: readonly NumberParamSpec[];
  /** Inputs that are not one number (text-params.ts); most calculators have none. */
  readonly textSpecs: readonly TextParamSpec[];
  /** Exactly what is in each input box. */
  text = $state<Record<string, string>>({});
  /** The last valid value of each input. */
  values = $state<Record<string, number>>({});
  currency = $state<CurrencyCode>('USD');
  locale = $state('en-US');
  /** The last valid value of each text input ('' for not given), and exactly what is in its box. */
  texts = $state<Record<string, string>>({});
  typedTexts = $state<Record<string, string>>({});
  /** Numeric keys left out of the link, because the model is to work them out (Subscriber value's churn). */
  omitted = $state<readonly string[]>([]);
  /** URL keys ignored on load. */
  ignored = $state<IgnoredKey[]>([]);
  /** True once the person has changed something; only then is the URL rewritten. */
  edited = $state(false);

  /** Each field's verdict on what is typed in it. */
  readonly checks: Record<string, Checked> = $derived.by(() => this.#checkAll());
  /** Keys whose typed text is not valid; results still use their last valid value. */
  readonly invalidKeys: string[] = $derived.by(() =>
    this.specs.filter((spec) => !this.checks[spec.key]?.ok).map((spec) => spec.key),
  );
  /** What the results use: the last valid values, with each cap applied so related inputs never contradict. */
  readonly effective: Record<string, number> = $derived.by(() => applyCaps(this.specs, this.values));
  /** Each text input's verdict on what is typed in it. */
  readonly textChecks: Record<string, TextChecked> = $derived.by(() =>
    Object.fromEntries(
      this.textSpecs.map((spec) => [spec.key, spec.parseTyped(this.typedTexts[spec.key] ?? '')]),
    ),
  );
  /** The query string that reproduces this state. */
  readonly query: string = $derived.by(() => {
    const numbers = withoutKeys(encodeQuery(this.specs, this.effective, this.currency), this.omitted);
    const texts = encodeTextParams(this.textSpecs, this.texts);
    return texts ? `${numbers}&${texts}` : numbers;
  });

  constructor(specs: readonly NumberParamSpec[], textSpecs: readonly TextParamSpec[] = []) {
    this.specs = specs;
    this.textSpecs = textSpecs;
    this.#apply(defaultValues(specs), 'en-US');
    this.#applyTexts(defaultTexts(textSpecs));
  }

  #applyTexts(texts: Record<string, string>) {
    this.texts = texts;
    this.typedTexts = Object.fromEntries(
      this.textSpecs.map((spec) => [spec.key, spec.display(texts[spec.key] ?? spec.default)]),
    );
  }

  #checkAll(): Record<string, Checked> {
    const checks: Record<string, Checked> = {};
    for (const spec of this.specs) {
      checks[spec.key] = parseTypedNumber(this.text[spec.key] ?? '', spec, this.locale, this.values);
    }
    return checks;
  }

  #apply(values: Record<string, number>, locale: string) {
    this.values = values;
    const text: Record<string, string> = {};
    for (const spec of this.specs)
      text[spec.key] = formatInputValue(values[spec.key] ?? spec.default, locale);
    this.text = text;
  }

  /**
   * Reads the state from a query string in the reader's locale (called once the page has hydrated, so the
   * server-rendered defaults are replaced only in the browser).
   */
  load(search: string, locale: string) {
    const decoded = decodeQuery(this.specs, search);
    const texts = decodeTextParams(this.textSpecs, search);
    this.locale = locale;
    this.currency = decoded.currency ?? currencyForLocale(locale);
    this.ignored = [...decoded.ignored, ...texts.ignored];
    this.#apply(decoded.values, locale);
    this.#applyTexts(texts.values);
  }

  /** Puts these values in the fields (a preset, or a copy of the other scenario), keeping the currency. */
  setValues(values: Readonly<Record<string, number>>, texts: Readonly<Record<string, string>> = {}) {
    this.edited = true;
    const merged: Record<string, number> = {};
    for (const spec of this.specs)
      merged[spec.key] = values[spec.key] ?? this.values[spec.key] ?? spec.default;
    this.#apply(merged, this.locale);
    this.#applyTexts({ ...this.texts, ...texts });
  }

  /** Records what the person typed in a text input; a valid entry (or a cleared box) becomes its value. */
  setTypedText(key: string, text: string) {
    this.edited = true;
    this.typedTexts[key] = text;
    const spec = this.textSpecs.find((s) => s.key === key);
    const checked = spec?.parseTyped(text);
    if (checked?.ok) this.texts[key] = checked.value;
  }

  /** Records what the person typed; a valid entry becomes the field's value. */
  setText(key: string, text: string) {
    this.edited = true;
    this.text[key] = text;
    const spec = this.specs.find((s) => s.key === key);
    if (!spec) return;
    const checked = parseTypedNumber(text, spec, this.locale, this.values);
    if (checked.ok) this.values[key] = checked.value;
  }

  setCurrency(currency: CurrencyCode) {
    this.edited = true;
    this.currency = currency;
  }

  /** Back to the spec's defaults, in the reader's own currency. */
  reset() {
    this.edited = true;
    this.ignored = [];
    this.currency = currencyForLocale(this.locale);
    this.#apply(defaultValues(this.specs), this.locale);
    this.#applyTexts(defaultTexts(this.textSpecs));
    this.omitted = [];
  }
}
