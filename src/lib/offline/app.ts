import { SITE } from '../site';

// The web app manifest and its icons (served by src/pages/manifest.webmanifest.ts and src/pages/icons/).

/** The light palette's --brand and --bg in src/styles/global.css (a unit test keeps them equal). */
export const THEME_COLOR = '#0d5c4d';
export const BACKGROUND_COLOR = '#fbfaf7';
/** The dark palette's --bg, the browser's bar colour in the dark theme. */
export const DARK_THEME_COLOR = '#121614';

/** One PNG drawn from the favicon: `maskable` ones fill the square so a launcher can crop them to any shape. */
export interface AppIcon {
  readonly name: string;
  readonly size: number;
  readonly purpose: 'any' | 'maskable';
}

export const APP_ICONS: readonly AppIcon[] = [
  { name: 'icon-192', size: 192, purpose: 'any' },
  { name: 'icon-512', size: 512, purpose: 'any' },
  { name: 'icon-maskable-512', size: 512, purpose: 'maskable' },
];

export const iconPath = (icon: AppIcon): string => `/icons/${icon.name}.png`;

/** The manifest that makes the site installable: it opens at the home page, in its own window. */
export function webAppManifest() {
  return {
    id: '/',
    name: SITE.name,
    short_name: SITE.name,
    description: SITE.description,
    lang: SITE.locale,
    dir: 'ltr',
    start_url: '/',
    scope: '/',
    display: 'standalone',
    theme_color: THEME_COLOR,
    background_color: BACKGROUND_COLOR,
    categories: ['business', 'education', 'finance'],
    icons: APP_ICONS.map((icon) => ({
      src: iconPath(icon),
      sizes: `${icon.size}x${icon.size}`,
      type: 'image/png',
      purpose: icon.purpose,
    })),
  };
}

/**
 * The favicon redrawn for a maskable icon: its rounded square (the first `<rect>`) becomes a full-bleed
 * square and the drawing on it shrinks to 70 % about the centre, inside the 80 % circle a launcher keeps.
 */
export function maskableSvg(favicon: string): string {
  const rect = /<rect\b[^>]*\bfill="([^"]+)"[^>]*\/>/.exec(favicon);
  const open = /<svg\b[^>]*viewBox="0 0 32 32"[^>]*>/.exec(favicon);
  if (!rect || !open) throw new Error('The favicon is not a 32×32 drawing on a filled <rect>');
  const drawing = favicon
    .slice(open.index + open[0].length, favicon.lastIndexOf('</svg>'))
    .replace(rect[0], '');
  return (
    `${open[0]}<rect width="32" height="32" fill="${rect[1]}"/>` +
    `<g transform="translate(16 16) scale(0.7) translate(-16 -16)">${drawing}</g></svg>`
  );
}
