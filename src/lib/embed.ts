// Embedding a calculator in someone else's page: the iframe snippet, the host-side resize listener, and the
// message the embed page posts to its host. Pure: no DOM, no Svelte, no Astro.

import { calculatorPath, embedPath, type CalculatorId } from './calculator-ids';

/** The calculators that have an embed page at /embed/<id>/: every one in the registry. */
export type EmbeddableCalculator = CalculatorId;

export { embedPath };

/** `type` of the message an embed page posts to its host whenever its height changes. */
export const EMBED_RESIZE_MESSAGE = 'customer-for-life:resize';

/** The height an iframe starts at before the first message arrives, in CSS pixels. */
export const EMBED_INITIAL_HEIGHT = 900;

/** What an embed page posts to `window.parent` (target origin "*": it carries no data the reader typed). */
export interface EmbedResizeMessage {
  readonly type: typeof EMBED_RESIZE_MESSAGE;
  /** The embed page's full height in CSS pixels. */
  readonly height: number;
  /** The embed page's path, e.g. "/embed/sale-vs-customer/". */
  readonly path: string;
}

/** The path of a calculator's full page, which the embed links back to. */
export const fullCalculatorPath: (calculator: EmbeddableCalculator) => string = calculatorPath;

/** The absolute address of an embed page showing the state in `query` (with or without a leading "?"). */
export function embedUrl(origin: string, calculator: EmbeddableCalculator, query: string): string {
  const search = query.replace(/^\?/, '');
  return `${origin.replace(/\/+$/, '')}${embedPath(calculator)}${search ? `?${search}` : ''}`;
}

/** Escapes text for a double-quoted HTML attribute value (and for text content). */
export function escapeHtml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;');
}

/** The iframe a host pastes into its page to show the calculator in the state `query`. */
export function embedSnippet(
  origin: string,
  calculator: EmbeddableCalculator,
  query: string,
  title: string,
): string {
  const attributes: [string, string][] = [
    ['src', embedUrl(origin, calculator, query)],
    ['title', title],
    ['width', '100%'],
    ['height', String(EMBED_INITIAL_HEIGHT)],
    ['loading', 'lazy'],
    ['referrerpolicy', 'no-referrer'],
    // Lets the calculator's "Copy link" button use the clipboard from inside the frame.
    ['allow', 'clipboard-write'],
  ];
  const list = attributes.map(([name, value]) => `  ${name}="${escapeHtml(value)}"`).join('\n');
  return `<iframe\n${list}\n></iframe>`;
}

/**
 * The script a host adds once per page so each embedded calculator grows and shrinks to fit its content.
 * It accepts only resize messages from `origin` (this site), and resizes only the iframe that sent one.
 */
export function embedListenerSnippet(origin: string): string {
  // A single-quoted JS string that cannot end the script element early.
  const expected = `'${origin
    .replace(/\/+$/, '')
    .replace(/\\/g, '\\\\')
    .replace(/'/g, "\\'")
    .replace(/</g, '\\u003c')}'`;
  return `<script>
  window.addEventListener('message', function (event) {
    if (event.origin !== ${expected}) return;
    var data = event.data;
    if (!data || data.type !== '${EMBED_RESIZE_MESSAGE}') return;
    var height = Number(data.height);
    if (!isFinite(height) || height <= 0) return;
    var frames = document.getElementsByTagName('iframe');
    for (var i = 0; i < frames.length; i++) {
      if (frames[i].contentWindow === event.source) frames[i].style.height = Math.ceil(height) + 'px';
    }
  });
</script>`;
}

/** True when `data` is a well-formed resize message (what the listener checks, for code that imports it). */
export function isEmbedResizeMessage(data: unknown): data is EmbedResizeMessage {
  if (typeof data !== 'object' || data === null) return false;
  const message = data as Record<string, unknown>;
  return (
    message['type'] === EMBED_RESIZE_MESSAGE &&
    typeof message['height'] === 'number' &&
    Number.isFinite(message['height']) &&
    message['height'] > 0 &&
    typeof message['path'] === 'string'
  );
}
