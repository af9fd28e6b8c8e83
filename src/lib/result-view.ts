/** One result ready to show: the raw number for `data-value`, the text people read, and a sentence about it. */
export interface ResultView<Name extends string = string> {
  /** The spec's result name, used as `data-result`. */
  readonly name: Name;
  /** The unrounded number, or null where the result is undefined. */
  readonly value: number | null;
  /** The formatted number, or a few words saying why there is none. */
  readonly text: string;
  /** What the figure means for a small-business owner. */
  readonly sentence: string;
}
