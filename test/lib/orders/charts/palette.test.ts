/**
 * The orders charts' series colours against the backgrounds they are drawn on, in the light, dark and print
 * palettes (src/styles/global.css and print-palette.css): WCAG 2.2 asks 3:1 for the parts of a chart that carry
 * meaning (1.4.11) and 4.5:1 for its text (1.4.3), which is drawn in --text-muted.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { SERIES_COLOR_VARS } from '../../../../src/lib/orders/charts/chart-config';

const styles = (name: string) =>
  readFileSync(new URL(`../../../../src/styles/${name}`, import.meta.url), 'utf8');

/** The custom properties of the first block that follows `opening` in the CSS text. */
function customProperties(css: string, opening: string): Map<string, string> {
  const start = css.indexOf(opening);
  if (start < 0) throw new Error(`no block ${opening}`);
  const body = css.slice(start + opening.length, css.indexOf('}', start));
  return new Map(
    [...body.matchAll(/(--[\w-]+):\s*([^;]+);/g)].map((match) => [match[1] ?? '', (match[2] ?? '').trim()]),
  );
}

/** WCAG 2.2 relative luminance of a #rrggbb colour. */
function luminance(hex: string): number {
  const match = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex);
  if (!match) throw new Error(`not a #rrggbb colour: ${hex}`);
  const [r, g, b] = match.slice(1).map((part) => {
    const channel = parseInt(part, 16) / 255;
    return channel <= 0.04045 ? channel / 12.92 : ((channel + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * (r ?? 0) + 0.7152 * (g ?? 0) + 0.0722 * (b ?? 0);
}

/** WCAG contrast ratio, (L1 + 0.05) / (L2 + 0.05) with L1 the lighter. */
function contrast(a: string, b: string): number {
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return ((light ?? 0) + 0.05) / ((dark ?? 0) + 0.05);
}

const palettes = {
  light: customProperties(styles('global.css'), ':root {'),
  dark: customProperties(styles('global.css'), '@media screen and (prefers-color-scheme: dark) {\n  :root {'),
  print: customProperties(styles('print-palette.css'), '.print-palette {'),
};

describe('contrast', () => {
  it('matches the published ratios of reference pairs', () => {
    expect(contrast('#000000', '#ffffff')).toBeCloseTo(21, 10);
    expect(contrast('#777777', '#ffffff')).toBeCloseTo(4.48, 2);
    expect(contrast('#ffffff', '#ffffff')).toBe(1);
  });
});

describe.each(Object.entries(palettes))('the %s palette', (_name, palette) => {
  const get = (name: string) => {
    const value = palette.get(name);
    if (value === undefined) throw new Error(`${name} is missing`);
    return value;
  };

  it.each(SERIES_COLOR_VARS.map((name) => [name]))('%s has 3:1 against the page and the panels', (name) => {
    expect(contrast(get(name), get('--bg'))).toBeGreaterThanOrEqual(3);
    expect(contrast(get(name), get('--surface'))).toBeGreaterThanOrEqual(3);
  });

  it('draws axis text, the legend and the marker in --text-muted, readable at 4.5:1 on the panels', () => {
    expect(contrast(get('--text-muted'), get('--surface'))).toBeGreaterThanOrEqual(4.5);
  });

  it('gives every series its own colour', () => {
    expect(new Set(SERIES_COLOR_VARS.map(get)).size).toBe(SERIES_COLOR_VARS.length);
  });
});
