import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import type { APIRoute, GetStaticPaths } from 'astro';
import { Resvg, initWasm } from '@resvg/resvg-wasm';
import { APP_ICONS, maskableSvg, type AppIcon } from '../../lib/offline/app';
import favicon from '../../../public/favicon.svg?raw';

// The app icons of the manifest, drawn at build time from public/favicon.svg, so the artwork has one source.

const require = createRequire(import.meta.url);

export const getStaticPaths = (() =>
  APP_ICONS.map((icon) => ({ params: { icon: icon.name }, props: { icon } }))) satisfies GetStaticPaths;

// The same wasm as the link-preview cards (pages/og); initialising it twice throws, which is harmless.
let ready: Promise<void> | undefined;
function resvgReady(): Promise<void> {
  ready ??= readFile(require.resolve('@resvg/resvg-wasm/index_bg.wasm'))
    .then((wasm) => initWasm(wasm))
    .catch((error: unknown) => {
      if (!String(error).includes('Already initialized')) throw error;
    });
  return ready;
}

export const GET: APIRoute<{ icon: AppIcon }> = async ({ props: { icon } }) => {
  await resvgReady();
  const svg = icon.purpose === 'maskable' ? maskableSvg(favicon) : favicon;
  const resvg = new Resvg(svg, {
    fitTo: { mode: 'width', value: icon.size },
    font: { loadSystemFonts: false },
  });
  const image = resvg.render();
  const png = new Uint8Array(image.asPng());
  image.free();
  resvg.free();
  return new Response(png, { headers: { 'Content-Type': 'image/png' } });
};
