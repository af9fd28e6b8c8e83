// The `client:firstuse` directive: a calculator island hydrates when the reader first uses the page (a press,
// a key, the focus, a pointer over the calculator, printing), so a first visit that only reads fetches none of
// its code. The server has already drawn the calculator with its defaults, which are right for a reader in
// en-US with no link settings; any other reader gets the island at once. What is typed or pressed before the
// code arrives is kept and replayed.
import type { ClientDirective } from 'astro';
import { USED_ATTRIBUTE, isPrintKey, readerLocale } from './browser';

/** Events anywhere on the page that mean the reader is using it. */
const PAGE_USE = ['pointerdown', 'keydown', 'focusin', 'touchstart', 'beforeprint'] as const;

/** Whether the server's drawing is not what this reader should see, so the island must hydrate now. */
function needsNow(): boolean {
  return location.search.length > 1 || readerLocale() !== 'en-US';
}

type Control = HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement;

/** The controls whose content the reader changed before the code arrived, with what they hold now. */
function changedControls(island: HTMLElement): [Control, string][] {
  const changed: [Control, string][] = [];
  for (const control of island.querySelectorAll<Control>('input, textarea, select')) {
    const typed =
      control instanceof HTMLSelectElement
        ? [...control.options].some((option) => option.selected !== option.defaultSelected)
        : control.type !== 'checkbox' && control.type !== 'radio' && control.value !== control.defaultValue;
    if (typed) changed.push([control, control.value]);
  }
  return changed;
}

const firstUse: ClientDirective = (load, _options, island) => {
  let started = false;
  /** A button, disclosure or box pressed before the code arrived, pressed again once it has. */
  let pressed: HTMLElement | undefined;
  /** A Ctrl+P or ⌘P that woke the page: printed once the report's code is in (ReportButton listens). */
  let printKey: KeyboardEvent | undefined;

  const onClick = (event: MouseEvent) => {
    const target = (event.target as Element | null)?.closest<HTMLElement>(
      'button, summary, input[type="checkbox"], input[type="radio"]',
    );
    if (!target || !island.contains(target)) return;
    // The native toggle of a disclosure or box is undone, so that the replayed press does it once.
    if (target.localName !== 'button') event.preventDefault();
    pressed = target;
  };

  // Its own listener, kept until the island is in: the Ctrl that wakes the page comes a key before the P.
  const onPrintKey = (event: KeyboardEvent) => {
    if (!isPrintKey(event)) return;
    event.preventDefault();
    printKey = event;
  };

  async function wake(event?: Event) {
    // A pointer passing over the calculator readies it but is not yet a use (nor is printing from the menu).
    if (event && event.type !== 'beforeprint' && event.type !== 'pointerover')
      document.documentElement.setAttribute(USED_ATTRIBUTE, '');
    if (started) return;
    started = true;
    for (const type of PAGE_USE) removeEventListener(type, onUse, true);
    island.removeEventListener('pointerover', onUse);
    const hydrate = await load();
    const typed = changedControls(island);
    await hydrate();
    removeEventListener('click', onClick, true);
    removeEventListener('keydown', onPrintKey, true);
    // After the island's first effects (reading the link and locale), which may redraw the fields.
    await new Promise((resolve) => setTimeout(resolve));
    for (const [control, text] of typed) {
      control.value = text;
      control.dispatchEvent(new Event('input', { bubbles: true }));
      control.dispatchEvent(new Event('change', { bubbles: true }));
    }
    if (pressed?.isConnected) pressed.click();
    if (printKey)
      dispatchEvent(
        new KeyboardEvent('keydown', {
          key: printKey.key,
          ctrlKey: printKey.ctrlKey,
          metaKey: printKey.metaKey,
        }),
      );
  }

  const onUse = (event: Event) => void wake(event);

  if (needsNow()) {
    void wake();
    return;
  }
  addEventListener('click', onClick, true);
  addEventListener('keydown', onPrintKey, true);
  for (const type of PAGE_USE)
    addEventListener(type, onUse, { capture: true, passive: type === 'touchstart' });
  island.addEventListener('pointerover', onUse, { once: true });
};

export default firstUse;
