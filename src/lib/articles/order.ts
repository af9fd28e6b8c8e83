/** The fields of an article the lists and navigation need. */
export interface ArticleSummary {
  readonly id: string;
  readonly data: { readonly title: string; readonly order: number };
}

/** Articles in their suggested reading order. */
export function inReadingOrder<T extends ArticleSummary>(articles: readonly T[]): T[] {
  return [...articles].sort((a, b) => a.data.order - b.data.order);
}

/** The articles before and after one in the reading order, where there are any. */
export function neighbours<T extends ArticleSummary>(
  articles: readonly T[],
  id: string,
): { previous: T | undefined; next: T | undefined } {
  const ordered = inReadingOrder(articles);
  const index = ordered.findIndex((article) => article.id === id);
  return { previous: index > 0 ? ordered[index - 1] : undefined, next: ordered[index + 1] };
}

/** The article's address. */
export function articleHref(id: string): string {
  return `/articles/${id}/`;
}
