import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  APP_ICONS,
  BACKGROUND_COLOR,
  DARK_THEME_COLOR,
  THEME_COLOR,
  maskableSvg,
  webAppManifest,
} from '../../../src/lib/offline/app';

const read = (path: string) => readFileSync(new URL(`../../../${path}`, import.meta.url), 'utf8');

/** The value of a custom property in the first block of global.css that sets it after `after`. */
function token(name: string, after = ':root {'): string {
  const css = read('src/styles/global.css');
  const block = css.slice(css.indexOf(after));
  const match = new RegExp(`${name}:\\s*(#[0-9a-f]{6})`, 'i').exec(block);
  if (!match) throw new Error(`${name} not found`);
  return match[1]!.toLowerCase();
}

describe('web app manifest', () => {
  it('takes its colours from the site’s tokens', () => {
    expect(THEME_COLOR).toBe(token('--brand'));
    expect(BACKGROUND_COLOR).toBe(token('--bg'));
    expect(DARK_THEME_COLOR).toBe(token('--bg', 'prefers-color-scheme: dark'));
  });

  it('has what browsers need to install the site', () => {
    const manifest = webAppManifest();
    expect(manifest).toMatchObject({ start_url: '/', scope: '/', display: 'standalone' });
    expect(manifest.name).toBe('Customer for Life');
    expect(manifest.short_name.length).toBeLessThanOrEqual(20);
    const sizes = manifest.icons.map((icon) => `${icon.sizes} ${icon.purpose}`);
    expect(sizes).toEqual(expect.arrayContaining(['192x192 any', '512x512 any', '512x512 maskable']));
    expect(new Set(APP_ICONS.map((icon) => icon.name)).size).toBe(APP_ICONS.length);
  });
});

describe('maskableSvg', () => {
  const favicon = read('public/favicon.svg');

  it('fills the whole square with the favicon’s background colour', () => {
    const svg = maskableSvg(favicon);
    expect(svg).toContain('<rect width="32" height="32" fill="#0d5c4d"/>');
    expect(svg).not.toContain('rx="8"');
  });

  it('keeps the drawing, shrunk about the centre into the safe zone', () => {
    const svg = maskableSvg(favicon);
    const path = /<path\b[^>]*\/>/.exec(favicon)![0];
    expect(svg).toContain(`<g transform="translate(16 16) scale(0.7) translate(-16 -16)">${path}</g>`);
    expect(svg.endsWith('</svg>')).toBe(true);
  });

  it('refuses a drawing it does not know how to redraw', () => {
    expect(() => maskableSvg('<svg viewBox="0 0 24 24"><circle r="3"/></svg>')).toThrow();
  });
});
