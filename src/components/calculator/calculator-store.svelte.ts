import { asParamValues, type NumberParamSpec, type ParamValues } from '../../lib/params';
import { B_PREFIX, encodeScenarioB, splitScenarios, withFallback } from '../../lib/scenarios';
import { encodeTextParams, withoutKeys, type TextParamSpec } from '../../lib/text-params';
import { CalculatorState, type IgnoredKey } from './calculator-state.svelte';

/** How a scenario's state makes the model's inputs, and the text inputs of a calculator that has them. */
export interface StoreOptions<Inputs> {
  readonly textSpecs?: readonly TextParamSpec[];
  /** The model's inputs from one scenario's state. */
  readonly inputsOf: (state: CalculatorState) => Inputs;
}

/** Which scenario the form is editing. */
export type ScenarioId = 'a' | 'b';

/** What the shared form, frame and notices need of a store, whatever its model. */
export interface ScenarioControls {
  readonly calc: CalculatorState;
  readonly b: CalculatorState;
  compare: boolean;
  active: ScenarioId;
  readonly editing: CalculatorState;
  readonly query: string;
  readonly edited: boolean;
  readonly ignored: IgnoredKey[];
  load(search: string, locale: string): void;
  open(search: string): void;
  startCompare(): void;
  stopCompare(): void;
  dismissIgnored(): void;
  reset(): void;
}

/**
 * A calculator's state and model for one page: scenario A (the calculator as it always was), an optional
 * scenario B to compare with, and the results of each, derived. One instance per page is shared by the
 * page's islands (form and results, chart, panels).
 */
export class CalculatorStore<Inputs, Results> implements ScenarioControls {
  readonly specs: readonly NumberParamSpec[];
  /** Scenario A: the calculator's own state. */
  readonly calc: CalculatorState;
  /** Scenario B, used while comparing. */
  readonly b: CalculatorState;
  readonly #compute: (inputs: Inputs) => Results;
  readonly #inputsOf: (state: CalculatorState) => Inputs;
  /** Whether scenario B is shown beside A (and written to the link). */
  compare = $state(false);
  /** The scenario the form is editing. */
  active = $state<ScenarioId>('a');
  /** Set by actions that change the state without typing (compare on or off, loading a saved scenario). */
  #touched = $state(false);

  /** The effective values as the model's inputs (every key of the specs is present). */
  readonly inputs: Inputs = $derived.by(() => this.#inputsOf(this.calc));
  readonly results: Results = $derived.by(() => this.#compute(this.inputs));
  readonly inputsB: Inputs = $derived.by(() => this.#inputsOf(this.b));
  readonly resultsB: Results = $derived.by(() => this.#compute(this.inputsB));
  /** The scenario the fields show. */
  readonly editing: CalculatorState = $derived.by(() =>
    this.compare && this.active === 'b' ? this.b : this.calc,
  );
  /** The link's query: A's keys and currency, then B's `b.` keys while comparing. */
  readonly query: string = $derived.by(() => {
    if (!this.compare) return this.calc.query;
    const omitted = this.b.omitted.map((key) => B_PREFIX + key);
    const b = withoutKeys(encodeScenarioB(this.specs, this.b.effective), omitted);
    const texts = encodeTextParams(this.b.textSpecs, this.b.texts, B_PREFIX);
    return [this.calc.query, b, texts].filter(Boolean).join('&');
  });
  /** True once the person has changed anything; only then is the address rewritten. */
  readonly edited: boolean = $derived.by(() => this.calc.edited || this.b.edited || this.#touched);
  /** Keys ignored from the link, B's with their `b.` prefix. */
  readonly ignored: IgnoredKey[] = $derived.by(() => [
    ...this.calc.ignored,
    ...(this.compare ? this.b.ignored.map((entry) => ({ ...entry, key: B_PREFIX + entry.key })) : []),
  ]);

  constructor(
    specs: readonly NumberParamSpec[],
    compute: (inputs: Inputs) => Results,
    options: StoreOptions<Inputs>,
  ) {
    this.specs = specs;
    this.calc = new CalculatorState(specs, options.textSpecs);
    this.b = new CalculatorState(specs, options.textSpecs);
    this.#compute = compute;
    this.#inputsOf = options.inputsOf;
  }

  /** Reads both scenarios from a query string in the reader's locale; B is on when any `b.` key is there. */
  load(search: string, locale: string) {
    const { a, b } = splitScenarios(search);
    this.calc.load(a.toString(), locale);
    this.compare = b !== null;
    this.active = 'a';
    const bSearch = b ? withFallback(b, this.calc.effective, this.specs, this.calc.texts).toString() : '';
    this.b.load(bSearch, locale);
    this.b.currency = this.calc.currency;
  }

  /** Opens a saved or shared state as if its link had been followed, and writes it to the address. */
  open(search: string) {
    this.load(search, this.calc.locale);
    this.#touched = true;
  }

  /** Starts comparing: B begins as a copy of A, and the form switches to B. */
  startCompare() {
    this.b.setValues(this.calc.effective, this.calc.texts);
    this.b.omitted = this.calc.omitted;
    this.b.ignored = [];
    this.compare = true;
    this.active = 'b';
    this.#touched = true;
  }

  stopCompare() {
    this.compare = false;
    this.active = 'a';
    this.#touched = true;
  }

  /** Dismisses the notice of ignored link keys. */
  dismissIgnored() {
    this.calc.ignored = [];
    this.b.ignored = [];
  }

  /** Back to the defaults, one scenario. */
  reset() {
    this.calc.reset();
    this.stopCompare();
  }
}

/** The store of a calculator whose inputs are all numbers: its model takes the effective values as they are. */
export function numericStore<const Specs extends readonly NumberParamSpec[], Results>(
  specs: Specs,
  compute: (inputs: ParamValues<Specs>) => Results,
): CalculatorStore<ParamValues<Specs>, Results> {
  return new CalculatorStore(specs, compute, { inputsOf: (state) => asParamValues(specs, state.effective) });
}
