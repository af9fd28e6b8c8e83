import { expect, test, type Page } from '@playwright/test';
import { findTextDefects, type RenderedNode } from '../support/rendered-text';
import { builtPages } from './site-pages';
import { scrollToWhatIsWaiting } from './waiting';

/**
 * Every built page read as a reader sees it, after its islands have hydrated and its lazy parts have
 * loaded: no words run together, no template characters, no NaN / undefined / [object …] (the rules are in
 * test/support/rendered-text.ts, with their unit tests).
 */

/** The islands a page hydrates, by the test id that carries their `data-hydrated` flag. */
const HYDRATED_TEST_IDS = ['calculator', 'your-orders', 'claims'];

/** Waits for every island on the page, scrolling through it so that the `client:visible` ones load too. */
async function settle(page: Page) {
  // A key press that changes nothing: the calculators hydrate on the reader's first use.
  await page.keyboard.press('Shift');
  // An island is hydrated once Astro removes its `ssr` attribute; charts draw as they come into sight.
  await expect.poll(() => page.evaluate(scrollToWhatIsWaiting), { message: page.url() }).toBe(0);
  await page.waitForLoadState('networkidle');
  for (const id of HYDRATED_TEST_IDS) {
    for (const island of await page.getByTestId(id).all()) {
      await expect(island).toHaveAttribute('data-hydrated', 'true');
    }
  }
}

/** The page's body as a tree of text and elements, with the browser's say on which elements are blocks. */
function readBody(): RenderedNode[] {
  // Not read as text: scripts, styles, graphics, and form controls (their labels are read).
  const SKIP = new Set(['script', 'style', 'template', 'noscript', 'svg', 'canvas', 'select', 'textarea']);
  const read = (node: Node): RenderedNode[] => {
    if (node.nodeType === Node.TEXT_NODE) return [(node as Text).data];
    if (node.nodeType !== Node.ELEMENT_NODE) return [];
    const element = node as Element;
    const tag = element.localName;
    if (SKIP.has(tag)) return [];
    const display = getComputedStyle(element).display;
    if (display === 'none') return [];
    // MathML is read as one unit, its text as the browser has it (the formula is spaced by the renderer).
    // Inline MathML computes to `display: math`, block MathML to `block math`.
    if (tag === 'math') return [{ tag, block: display.startsWith('block'), children: [element.textContent] }];
    const children = [...element.childNodes].flatMap(read);
    // `display: contents` (an astro-island) leaves no box: its children flow as if it were not there.
    if (display === 'contents') return children;
    const block = tag === 'br' || !display.startsWith('inline');
    return [{ tag, block, children }];
  };
  return read(document.body);
}

for (const path of builtPages()) {
  test(`${path} reads right`, async ({ page }) => {
    await page.goto(path);
    await settle(page);
    const defects = findTextDefects(await page.evaluate(readBody));
    expect(
      defects.map((d) => `${path} ${d.rule}: ${d.context}`),
      `${defects.length} text defect(s) on ${path}`,
    ).toEqual([]);
  });
}
