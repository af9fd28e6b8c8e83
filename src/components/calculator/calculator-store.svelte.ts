import type { NumberParamSpec } from '../../lib/params';
import { CalculatorState } from './calculator-state.svelte';

/**
 * A calculator's state plus its model: the inputs the results use and the results themselves, derived.
 * One instance per page is shared by the page's islands (form and results, chart, panels).
 */
export class CalculatorStore<Inputs, Results> {
  readonly calc: CalculatorState;
  readonly #compute: (inputs: Inputs) => Results;
  /** The effective values as the model's inputs (every key of the specs is present). */
  readonly inputs: Inputs = $derived.by(() => this.calc.effective as Inputs);
  readonly results: Results = $derived.by(() => this.#compute(this.inputs));

  constructor(specs: readonly NumberParamSpec[], compute: (inputs: Inputs) => Results) {
    this.calc = new CalculatorState(specs);
    this.#compute = compute;
  }
}
