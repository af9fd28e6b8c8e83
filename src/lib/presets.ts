/** An illustrative business whose figures fill a calculator's inputs in one click. */
export interface Preset {
  readonly id: string;
  readonly name: string;
  /** The assumptions behind the figures, in one line. */
  readonly description: string;
  /** Input values by URL key; keys left out keep what is in the form. */
  readonly inputs: Readonly<Record<string, number>>;
  /** Values of inputs that are not numbers (a billing period, a series of counts), by URL key. */
  readonly extras?: Readonly<Record<string, string>>;
}
