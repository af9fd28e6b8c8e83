import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import type { APIRoute, GetStaticPaths } from 'astro';
import { getCollection } from 'astro:content';
import { Resvg, initWasm } from '@resvg/resvg-wasm';
import satori from 'satori';
import { CALCULATORS, CALCULATOR_REGISTRY } from '../../lib/calculators';
import { isCalculatorId } from '../../lib/calculator-ids';
import { CARD_FONT, CARD_HEIGHT, CARD_WIDTH, cardTree, type CardInput } from '../../lib/og/card';
import { SITE_OG_SLUG, ogImageSlug } from '../../lib/og/paths';
import { SITE } from '../../lib/site';

// Link-preview images (Open Graph / Twitter), one PNG per calculator and article plus the site's, written
// to dist/og/<slug>.png at build time. Nothing here runs once the site is deployed.

const require = createRequire(import.meta.url);

export const getStaticPaths = (async () => {
  const articles = await getCollection('articles');
  const paths: { params: { slug: string }; props: { card: CardInput } }[] = [
    {
      params: { slug: SITE_OG_SLUG },
      props: { card: { kind: 'site', title: SITE.tagline, description: SITE.description } },
    },
  ];
  for (const calculator of CALCULATORS) {
    const slug = ogImageSlug(calculator.href);
    // The orders page has no illustration of its own.
    const id = slug.split('/').pop();
    const bars = isCalculatorId(id) ? CALCULATOR_REGISTRY[id].previewBars : undefined;
    const card: CardInput = {
      kind: 'calculator',
      title: calculator.title,
      description: calculator.question,
      ...(bars ? { bars } : {}),
    };
    paths.push({ params: { slug }, props: { card } });
  }
  for (const article of articles) {
    paths.push({
      params: { slug: ogImageSlug(`/articles/${article.id}/`) },
      props: {
        card: {
          kind: 'article',
          kicker: `Article · ${article.data.readingMinutes} min read`,
          title: article.data.title,
          description: article.data.description,
        },
      },
    });
  }
  return paths;
}) satisfies GetStaticPaths;

interface Renderer {
  readonly fonts: { name: string; data: Buffer; weight: 400 | 700; style: 'normal' }[];
}

// One wasm initialisation and one read of the fonts per build, shared by every image. The promise lives on
// globalThis so a module reloaded by the dev server does not initialise the wasm a second time (which throws).
const RENDERER_KEY = Symbol.for('customer-for-life.og-renderer');
type Global = typeof globalThis & { [RENDERER_KEY]?: Promise<Renderer> };

function renderer(): Promise<Renderer> {
  const global = globalThis as Global;
  global[RENDERER_KEY] ??= (async () => {
    const font = (weight: 400 | 700) =>
      readFile(
        require.resolve(`@fontsource/source-serif-4/files/source-serif-4-latin-${weight}-normal.woff`),
      );
    const [wasm, regular, bold] = await Promise.all([
      readFile(require.resolve('@resvg/resvg-wasm/index_bg.wasm')),
      font(400),
      font(700),
    ]);
    try {
      await initWasm(wasm);
    } catch (error) {
      if (!String(error).includes('Already initialized')) throw error;
    }
    return {
      fonts: [
        { name: CARD_FONT, data: regular, weight: 400, style: 'normal' },
        { name: CARD_FONT, data: bold, weight: 700, style: 'normal' },
      ],
    };
  })();
  return global[RENDERER_KEY];
}

export const GET: APIRoute<{ card: CardInput }> = async ({ props }) => {
  const { fonts } = await renderer();
  const svg = await satori(cardTree(props.card), { width: CARD_WIDTH, height: CARD_HEIGHT, fonts });
  // satori draws the text as paths, so resvg needs no fonts of its own.
  const resvg = new Resvg(svg, { fitTo: { mode: 'original' }, font: { loadSystemFonts: false } });
  const image = resvg.render();
  // A copy with its own ArrayBuffer: the type Response accepts, and safe to keep once the wasm memory is freed.
  const png = new Uint8Array(image.asPng());
  image.free();
  resvg.free();
  return new Response(png, { headers: { 'Content-Type': 'image/png' } });
};
