// The report's browser side, loaded only when someone prints or downloads: getting the page ready for
// paper, and saving the table and the chart as files. It imports nothing, so loading it from the form's
// island costs no module-preload helper in the page's initial JS.

/** Fired on window by `printReport` so the print header makes its QR code now rather than when idle. */
export const PREPARE_PRINT_EVENT = 'report:prepare';

// The longest Print report waits for the chart and QR code before printing without them. It ends as soon as
// they are ready; 3 s was too short on a slow machine, where the report then printed without its chart.
const WAIT_MS = 10_000;

const sections = () => [...document.querySelectorAll<HTMLElement>('[data-testid="over-time"]')];

/** Hydrated (so its numbers follow the form, not the server's defaults) and its chart drawn. */
function ready(section: HTMLElement): boolean {
  return section.dataset['hydrated'] === 'true' && section.querySelector('[data-drawn="true"]') !== null;
}

function qrReady(): boolean {
  const header = document.querySelector<HTMLElement>('[data-testid="print-header"]');
  // The header's own code is fetched on first use (PREPARE_PRINT_EVENT asks for it): wait for it too.
  if (!header)
    return document.querySelector('[data-what="The report\'s header"][data-lazy="waiting"]') === null;
  // A header that arrived after printing began did not hear the event, and one just put in the page may not
  // listen yet (its element comes before its mount code): ask again at every look until its code is there.
  if (header.dataset['qr'] !== 'ready') dispatchEvent(new Event(PREPARE_PRINT_EVENT));
  return header.dataset['qr'] === 'ready';
}

/** Resolves when `test` passes, or after `timeout` ms whatever it says. */
async function until(test: () => boolean, timeout: number): Promise<void> {
  const end = performance.now() + timeout;
  while (!test() && performance.now() < end) await new Promise((resolve) => setTimeout(resolve, 50));
}

const frame = () => new Promise((resolve) => requestAnimationFrame(resolve));

let printing = false;

/**
 * Prints the report. The chart and its table form an island that wakes only as it nears the screen; until
 * then its table holds the server's default figures and there is no chart. So bring each such section into
 * view, wait (at most WAIT_MS) until it has woken and drawn its chart, let two frames paint, put the scroll
 * back where the reader had it, then open the browser's print dialog. print.css hides a section that is
 * still asleep rather than print stale numbers.
 */
export async function printReport(): Promise<void> {
  if (printing) return;
  printing = true;
  try {
    const { scrollX, scrollY } = window;
    dispatchEvent(new Event(PREPARE_PRINT_EVENT));
    for (const [index, section] of sections().entries()) {
      // A section the report leaves out (a second chart) need not wake, nor one that is ready.
      if (ready(section) || section.closest('.no-print')) continue;
      // Bring the chart itself into view: a long year table can make the section taller than the screen,
      // and centring the whole section would leave the chart, whose drawing waits to be seen, off screen.
      (section.querySelector('figure') ?? section).scrollIntoView({ block: 'center' });
      // Re-query: hydration may replace the element.
      await until(() => {
        const now = sections()[index];
        return now !== undefined && ready(now);
      }, WAIT_MS);
    }
    await until(qrReady, WAIT_MS);
    await frame();
    await frame();
    window.scrollTo(scrollX, scrollY);
    window.print();
  } finally {
    printing = false;
  }
}

/** Saves data as a file through a temporary `<a download>`; nothing leaves the browser. */
export function saveBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  // Some browsers read the URL after click() returns.
  setTimeout(() => URL.revokeObjectURL(url), 30_000);
}

/** Saves CSV text, with a byte order mark so spreadsheets read it as UTF-8. */
export function downloadCsvFile(csv: string, fileName: string): void {
  saveBlob(new Blob(['\ufeff', csv], { type: 'text/csv;charset=utf-8' }), fileName);
}

/**
 * Saves a chart's canvas as a PNG. Chart.js leaves the canvas transparent, so the chart is first drawn over
 * the page's own background colour: the image looks as it does on the page.
 */
export async function downloadChartPng(canvas: HTMLCanvasElement, fileName: string): Promise<void> {
  const image = document.createElement('canvas');
  image.width = canvas.width;
  image.height = canvas.height;
  const context = image.getContext('2d');
  if (!context) return;
  context.fillStyle = getComputedStyle(canvas).getPropertyValue('--bg').trim() || '#ffffff';
  context.fillRect(0, 0, image.width, image.height);
  context.drawImage(canvas, 0, 0);
  const blob = await new Promise<Blob | null>((resolve) => image.toBlob(resolve, 'image/png'));
  if (blob) saveBlob(blob, fileName);
}
