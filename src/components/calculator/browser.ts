// The few places a calculator touches the browser: the reader's locale and the address bar.

/** Set on <html> once the reader has used the page (first-use.ts), for parts that wait for a first use. */
export const USED_ATTRIBUTE = 'data-first-use';

/** Whether a key press is the browser's print shortcut, Ctrl+P or ⌘P. */
export function isPrintKey(event: KeyboardEvent): boolean {
  return event.key.toLowerCase() === 'p' && (event.ctrlKey || event.metaKey);
}

/** The reader's preferred locale, or en-US where the browser gives none that Intl accepts. */
export function readerLocale(): string {
  const candidates = [...(navigator.languages ?? []), navigator.language];
  for (const candidate of candidates) {
    try {
      if (candidate && Intl.NumberFormat.supportedLocalesOf(candidate).length > 0) return candidate;
    } catch {
      // A malformed language tag: try the next one.
    }
  }
  return 'en-US';
}

/** Writes the calculator's state into the address bar without adding a history entry per keystroke. */
export function syncQuery(query: string) {
  const next = `${location.pathname}?${query}${location.hash}`;
  if (next !== `${location.pathname}${location.search}${location.hash}`)
    history.replaceState(history.state, '', next);
}
