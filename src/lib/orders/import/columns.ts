/**
 * A first guess at which columns of an order export hold the customer, the order date and the amount, from
 * the header line alone. The page shows the guess in three drop-downs, so a wrong guess costs a click.
 *
 * Headers are compared after normalising: accents and case dropped, anything but letters and digits read
 * as one space ("Customer_ID", "customer-id" and "Customer ID" are all `customer id`). A header that is one
 * of the known names scores by how sure that name is ("Order date" beats "Paid at"); a header that merely
 * contains a keyword ("Billing email") scores lower, and never when it also names something else ("Total
 * tax", "Date of birth"). Columns are then handed out best score first, so no column serves two roles.
 */

/** The column index (0-based) of each role, `null` when no header looks like it. */
export interface ColumnGuess {
  readonly customer: number | null;
  readonly date: number | null;
  readonly amount: number | null;
}

/** The roles a column can play in an order export. */
export type ColumnRole = keyof ColumnGuess;

interface RoleNames {
  /** Normalised header → score, higher is surer. */
  readonly exact: Readonly<Record<string, number>>;
  /** Words that make a header a weak candidate. */
  readonly keywords: readonly string[];
  /** Words that rule a header out as a weak candidate: it names something else. */
  readonly excluded: readonly string[];
}

/** The words of a space-separated list. */
const words = (list: string): readonly string[] => list.split(' ');

/** Score of a header that only contains a keyword: below every exact name. */
const KEYWORD_SCORE = 30;

const NAMES: Readonly<Record<ColumnRole, RoleNames>> = {
  customer: {
    exact: {
      'customer id': 100,
      customerid: 100,
      'customer number': 95,
      'customer no': 95,
      'client id': 95,
      'buyer id': 95,
      kundennummer: 95,
      'user id': 90,
      'customer email': 90,
      'buyer email': 90,
      email: 85,
      'e mail': 85,
      'email address': 85,
      'billing email': 80,
      customer: 80,
      'account id': 75,
      'customer user id': 70, // WooCommerce: 0 for every guest, so below the email columns
      'member id': 75,
      'shopper id': 75,
      client: 75,
      buyer: 75,
      kunde: 75,
      cliente: 75,
      user: 60,
      'customer name': 50,
    },
    keywords: ['customer', 'client', 'buyer', 'email', 'shopper', 'kunde', 'cliente'],
    excluded: words(
      'date time created since note notes tag tags type group status count total amount ' +
        'spent orders city country phone marketing accepts locale',
    ),
  },
  date: {
    exact: {
      'order date': 100,
      'purchase date': 100,
      'order created at': 95,
      'transaction date': 95,
      'sale date': 95,
      bestelldatum: 95,
      date: 95,
      'created at': 90,
      'created date': 90,
      'date created': 90,
      'creation date': 90,
      datum: 90,
      fecha: 90,
      'order time': 85,
      'order timestamp': 85,
      'created utc': 85,
      created: 85,
      datetime: 85,
      'invoice date': 85,
      'placed at': 85,
      timestamp: 80,
      'order placed': 80,
      'processed at': 75,
      'paid at': 70,
      'date paid': 70,
      data: 60,
      time: 50,
    },
    keywords: ['date', 'created', 'timestamp', 'datum', 'fecha'],
    excluded: words(
      'birth updated modified cancelled canceled refunded fulfilled shipped due expiry ' +
        'expires expiration delivery delivered',
    ),
  },
  amount: {
    exact: {
      amount: 100,
      'order total': 100,
      'order amount': 100,
      'order total amount': 100,
      'grand total': 100,
      'total amount': 100,
      total: 95,
      'order value': 95,
      'sale amount': 95,
      gesamtbetrag: 95,
      revenue: 90,
      'total price': 90,
      'amount paid': 90,
      betrag: 90,
      montant: 90,
      importe: 90,
      umsatz: 90,
      'net sales': 85,
      'gross sales': 85,
      summe: 85,
      totale: 85,
      sales: 80,
      value: 80,
      valor: 80,
      sum: 80,
      subtotal: 75,
      'sub total': 75,
      price: 70,
    },
    keywords: ['total', 'amount', 'revenue', 'price', 'value', 'sales', 'betrag'],
    excluded: words(
      'tax taxes vat shipping discount discounts refund refunded quantity qty count ' +
        'items id number currency fee fees weight tip duties lifetime outstanding spent ' +
        'lines',
    ),
  },
};

const ROLES: readonly ColumnRole[] = ['customer', 'date', 'amount'];

/**
 * A header as compared with the known names: no accents, lower case, words separated by single spaces.
 * @example normaliseHeader('\uFEFFCréé_le (UTC)') // 'cree le utc'
 */
export function normaliseHeader(header: string): string {
  return header
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

/**
 * How sure it is that a header names a role: an exact name's score, {@link KEYWORD_SCORE} for a keyword
 * without an excluded word, else 0.
 * @example headerScore('Order Date', 'date') // 100
 * @example headerScore('Date of birth', 'date') // 0
 */
export function headerScore(header: string, role: ColumnRole): number {
  const normalised = normaliseHeader(header);
  const names = NAMES[role];
  const exact = names.exact[normalised];
  if (exact !== undefined) return exact;
  const headerWords = normalised.split(' ');
  const hasKeyword = names.keywords.some((keyword) => headerWords.includes(keyword));
  const namesSomethingElse = names.excluded.some((word) => headerWords.includes(word));
  return hasKeyword && !namesSomethingElse ? KEYWORD_SCORE : 0;
}

/**
 * The likely customer, date and amount columns of an export, from its header line; never one column twice.
 * Ties go to the leftmost column.
 * @example guessColumns(['Name', 'Email', 'Created at', 'Total']) // { customer: 1, date: 2, amount: 3 }
 */
export function guessColumns(headers: readonly string[]): ColumnGuess {
  const candidates = ROLES.flatMap((role) =>
    headers.map((header, column) => ({ role, column, score: headerScore(header, role) })),
  )
    .filter((candidate) => candidate.score > 0)
    .sort((a, b) => b.score - a.score || a.column - b.column);
  const guess: Record<ColumnRole, number | null> = { customer: null, date: null, amount: null };
  const taken = new Set<number>();
  for (const { role, column } of candidates) {
    if (guess[role] !== null || taken.has(column)) continue;
    guess[role] = column;
    taken.add(column);
  }
  return guess;
}
