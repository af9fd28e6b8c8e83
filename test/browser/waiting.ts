/**
 * Scrolls through the page as a reader would, a frame at every half screen; returns how many islands still wait
 * to hydrate and how many charts in sight are not drawn yet. Run in the page (`page.evaluate`), again until it
 * returns 0: a page that grows as its islands hydrate brings new parts into reach, as a reader scrolling on would.
 * Waiting for the charts too means no Chart.js import is still on its way when a test opens the next page (a
 * navigation cancels it, and the offline test once failed on that lost request).
 */
export async function scrollToWhatIsWaiting(): Promise<number> {
  const frame = () => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
  for (let y = 0; y < document.documentElement.scrollHeight; y += innerHeight / 2) {
    scrollTo(0, y);
    await frame();
  }
  const undrawnCharts = [...document.querySelectorAll('figure.chart:not([data-drawn])')].filter((chart) =>
    chart.checkVisibility(),
  );
  return document.querySelectorAll('astro-island[ssr]').length + undrawnCharts.length;
}
