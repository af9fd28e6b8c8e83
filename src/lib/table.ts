/** A table as plain, already formatted data, so charts can offer their numbers as a real table. */
export interface TableModel {
  readonly caption: string;
  readonly columns: readonly { readonly label: string; readonly numeric: boolean }[];
  /** Each row's cells, formatted for people; the first cell heads the row. */
  readonly rows: readonly (readonly string[])[];
  /** What the table says in place of rows when it has none: why, and what would fill it. */
  readonly empty?: string;
}
