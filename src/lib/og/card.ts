/**
 * The link-preview card (Open Graph / Twitter image) as a satori element tree: plain `{ type, props }`
 * objects, no JSX and no DOM, so it can be unit-tested and rendered at build time by
 * src/pages/og/[...slug].png.ts.
 */

export const CARD_WIDTH = 1200;
export const CARD_HEIGHT = 630;
/** The family name the renderer registers the Source Serif 4 files under. */
export const CARD_FONT = 'Source Serif 4';

const COLOURS = {
  background: '#fbfaf7',
  soft: '#e1f0eb',
  text: '#1c2321',
  muted: '#4d5754',
  brand: '#0d5c4d',
  accent: '#a4491c',
  rule: '#d9d4c8',
} as const;

export type CardKind = 'site' | 'calculator' | 'article';

/** One bar of a calculator card's illustration: its height as a share of the tallest (0–1). */
export interface CardBar {
  readonly value: number;
  readonly tone: 'brand' | 'accent';
}

export interface CardInput {
  readonly kind: CardKind;
  readonly title: string;
  readonly description: string;
  /** The small line above the title; "Calculator" or "Article" unless given. */
  readonly kicker?: string;
  /** A calculator card's illustration; ignored on other cards. */
  readonly bars?: readonly CardBar[];
}

export type CardStyle = Record<string, string | number>;
export type CardChild = CardNode | string;
export interface CardNode {
  readonly type: string;
  readonly props: {
    readonly style?: CardStyle;
    readonly children?: CardChild | readonly CardChild[];
    readonly [attribute: string]: unknown;
  };
}

const PADDING_X = 80;
const PADDING_Y = 64;
const CONTENT_WIDTH = CARD_WIDTH - 2 * PADDING_X;
const BARS_WIDTH = 232;
const BARS_GAP = 56;
const TITLE_LINE_HEIGHT = 1.12;
/** Height the title may take: what is left of the card after the header, kicker and a three-line description. */
const TITLE_MAX_HEIGHT = 200;
const TITLE_MAX_LINES = 3;
/** Largest first; the first that wraps to at most three lines inside TITLE_MAX_HEIGHT is used. */
const TITLE_SIZES = [84, 76, 68, 62, 56, 50, 44] as const;
const TITLE_MIN_SIZE = 40;
const DESCRIPTION_SIZE = 28;

/** The bars a calculator card shows when none are given: a sale, then a customer's value building up. */
export const DEFAULT_BARS: readonly CardBar[] = [
  { value: 0.2, tone: 'accent' },
  { value: 0.38, tone: 'brand' },
  { value: 0.55, tone: 'brand' },
  { value: 0.7, tone: 'brand' },
  { value: 0.85, tone: 'brand' },
  { value: 1, tone: 'brand' },
];

/**
 * Advances of Source Serif 4 Bold (latin), in ems, as satori lays them out: a-z, then A-Z, then punctuation.
 * They only pick a font size; the title's line clamp and height cap still hold if a guess is short.
 */
const LOWER = [
  0.57, 0.641, 0.535, 0.634, 0.547, 0.359, 0.581, 0.66, 0.344, 0.357, 0.64, 0.346, 0.969, 0.662, 0.609, 0.639,
  0.62, 0.497, 0.487, 0.378, 0.654, 0.587, 0.869, 0.604, 0.598, 0.506,
];
const UPPER = [
  0.715, 0.674, 0.652, 0.731, 0.63, 0.603, 0.736, 0.803, 0.4, 0.411, 0.744, 0.611, 0.925, 0.746, 0.759, 0.645,
  0.759, 0.728, 0.565, 0.677, 0.747, 0.71, 1.044, 0.685, 0.674, 0.599,
];
const OTHER: Record<string, number> = {
  ' ': 0.222,
  '.': 0.289,
  ',': 0.289,
  ';': 0.312,
  ':': 0.312,
  '!': 0.343,
  '?': 0.449,
  "'": 0.235,
  '’': 0.248,
  '‘': 0.249,
  '"': 0.471,
  '“': 0.484,
  '”': 0.482,
  '(': 0.356,
  ')': 0.361,
  '-': 0.352,
  '–': 0.543,
  '—': 0.843,
  '/': 0.289,
  '%': 0.97,
  '&': 0.751,
};
/** Room for kerning-free rounding and characters outside the table. */
const WIDTH_SAFETY = 1.04;

function charWidth(char: string): number {
  const code = char.charCodeAt(0);
  if (code >= 97 && code <= 122) return LOWER[code - 97] ?? 0.65;
  if (code >= 65 && code <= 90) return UPPER[code - 65] ?? 0.75;
  if (code >= 48 && code <= 57) return 0.569;
  return OTHER[char] ?? 0.7;
}

function textWidth(text: string, fontSize: number): number {
  let ems = 0;
  for (const char of text) ems += charWidth(char);
  return ems * fontSize * WIDTH_SAFETY;
}

/** How many lines `text` takes at `fontSize` in a box `width` wide, wrapping between words. */
export function estimateLines(text: string, fontSize: number, width: number): number {
  const words = text.trim().split(/\s+/).filter(Boolean);
  if (words.length === 0) return 0;
  const space = textWidth(' ', fontSize);
  let lines = 1;
  let used = 0;
  for (const word of words) {
    const w = textWidth(word, fontSize);
    if (used === 0) {
      // A word wider than the box is broken across lines.
      lines += Math.max(0, Math.ceil(w / width) - 1);
      used = w > width ? w % width : w;
    } else if (used + space + w <= width) {
      used += space + w;
    } else {
      lines += Math.ceil(w / width);
      used = w > width ? w % width : w;
    }
  }
  return lines;
}

/** The title's font size: the largest that keeps it to three lines in a box `width` wide. */
export function titleFontSize(title: string, width: number = CONTENT_WIDTH): number {
  for (const size of TITLE_SIZES) {
    const lines = estimateLines(title, size, width);
    if (lines <= TITLE_MAX_LINES && lines * size * TITLE_LINE_HEIGHT <= TITLE_MAX_HEIGHT) return size;
  }
  return TITLE_MIN_SIZE;
}

function el(type: string, style: CardStyle, children?: CardChild | readonly CardChild[]): CardNode {
  return { type, props: children === undefined ? { style } : { style, children } };
}

/** The site's mark (as in public/favicon.svg), as an image satori can draw. */
function mark(size: number): CardNode {
  const svg =
    '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32">' +
    `<rect x="1" y="1" width="30" height="30" rx="8" fill="${COLOURS.brand}"/>` +
    `<path d="M9 20c2.5 3 11.5 3 14 0M9 13h4M19 13h4" fill="none" stroke="${COLOURS.background}" ` +
    'stroke-width="2.6" stroke-linecap="round"/></svg>';
  return {
    type: 'img',
    props: {
      src: `data:image/svg+xml,${encodeURIComponent(svg)}`,
      width: size,
      height: size,
      style: { width: size, height: size },
    },
  };
}

function header(): CardNode {
  return el('div', { display: 'flex', alignItems: 'center' }, [
    mark(60),
    el('div', { marginLeft: 22, fontSize: 36, fontWeight: 700, color: COLOURS.text }, 'Customer for Life'),
  ]);
}

function barChart(bars: readonly CardBar[]): CardNode {
  const height = 250;
  const gap = 12;
  const barWidth = Math.floor((BARS_WIDTH - gap * (bars.length - 1)) / Math.max(1, bars.length));
  return el(
    'div',
    {
      display: 'flex',
      alignItems: 'flex-end',
      width: BARS_WIDTH,
      height,
      borderBottom: `3px solid ${COLOURS.rule}`,
      flexShrink: 0,
      marginLeft: BARS_GAP,
    },
    bars.map((bar, index) =>
      el('div', {
        width: barWidth,
        height: Math.round(Math.min(1, Math.max(0.04, bar.value)) * (height - 3)),
        marginLeft: index === 0 ? 0 : gap,
        borderRadius: '8px 8px 0 0',
        backgroundColor: bar.tone === 'accent' ? COLOURS.accent : COLOURS.brand,
      }),
    ),
  );
}

const DEFAULT_KICKER: Record<CardKind, string> = {
  site: 'Articles and calculators',
  calculator: 'Calculator',
  article: 'Article',
};

/** The whole card, 1200×630, for satori. */
export function cardTree(input: CardInput): CardNode {
  const withBars = input.kind === 'calculator';
  const columnWidth = withBars ? CONTENT_WIDTH - BARS_WIDTH - BARS_GAP : CONTENT_WIDTH;
  const fontSize = titleFontSize(input.title, columnWidth);
  // A title that fits is balanced; one that does not is clamped with an ellipsis. Never both: satori then
  // balances at the wrong width and breaks the title into short lines. The height cap holds either way.
  const fits = estimateLines(input.title, fontSize, columnWidth) <= TITLE_MAX_LINES;

  const text = el('div', { display: 'flex', flexDirection: 'column', width: columnWidth }, [
    el(
      'div',
      {
        fontSize: 24,
        fontWeight: 700,
        letterSpacing: 3,
        textTransform: 'uppercase',
        color: COLOURS.accent,
      },
      input.kicker ?? DEFAULT_KICKER[input.kind],
    ),
    el(
      'div',
      {
        marginTop: 14,
        fontSize,
        fontWeight: 700,
        lineHeight: TITLE_LINE_HEIGHT,
        color: input.kind === 'site' ? COLOURS.brand : COLOURS.text,
        maxHeight: Math.ceil(TITLE_MAX_LINES * fontSize * TITLE_LINE_HEIGHT),
        overflow: 'hidden',
        ...(fits ? { textWrap: 'balance' } : { lineClamp: TITLE_MAX_LINES }),
      },
      input.title,
    ),
    el(
      'div',
      {
        marginTop: 22,
        fontSize: DESCRIPTION_SIZE,
        fontWeight: 400,
        lineHeight: 1.35,
        color: COLOURS.muted,
        lineClamp: 3,
      },
      input.description,
    ),
  ]);

  const body = el(
    'div',
    { display: 'flex', flexGrow: 1, alignItems: 'center', justifyContent: 'space-between' },
    withBars ? [text, barChart(input.bars ?? DEFAULT_BARS)] : [text],
  );

  return el(
    'div',
    {
      display: 'flex',
      flexDirection: 'column',
      boxSizing: 'border-box',
      width: CARD_WIDTH,
      height: CARD_HEIGHT,
      padding: `${PADDING_Y}px ${PADDING_X}px`,
      backgroundColor: COLOURS.background,
      backgroundImage: `linear-gradient(135deg, ${COLOURS.soft} 0%, ${COLOURS.background} 58%)`,
      fontFamily: CARD_FONT,
      color: COLOURS.text,
    },
    [
      header(),
      body,
      el('div', {
        display: 'flex',
        width: 96,
        height: 6,
        borderRadius: 3,
        backgroundColor: input.kind === 'site' ? COLOURS.brand : COLOURS.accent,
      }),
    ],
  );
}
