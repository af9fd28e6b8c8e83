// The service worker, bundled into dist/sw.js after the build by ./service-worker.ts, which defines
// __PRECACHE__ (this build's version and URLs). It runs in the worker's scope, not in a page.
//
// Strategy: every precached URL is answered from this build's cache first (pages, whatever their query
// string, and their chunks, so a page never mixes two builds and opens at once on a poor connection); other
// same-origin GETs go to the network, an unknown page falling back to the 404 page offline; other origins
// and other methods are never touched. The browser checks /sw.js on navigations: a new build installs in the
// background and takes over at the next visit, once every tab of the site is closed, never under an open
// page that may still load chunks of its own build.
import { routeRequest } from '../lib/offline/routing';

declare const __PRECACHE__: { readonly version: string; readonly urls: readonly string[] };

// The few service-worker types used here (the project's TypeScript lib is the DOM one, which lacks them).
interface ExtendableEvent extends Event {
  waitUntil(promise: Promise<unknown>): void;
}
interface FetchEvent extends ExtendableEvent {
  readonly request: Request;
  respondWith(response: Promise<Response>): void;
}
interface ExtendableMessageEvent extends ExtendableEvent {
  readonly data: unknown;
  readonly source: { postMessage(message: unknown): void } | null;
}
interface WindowClient {
  postMessage(message: unknown): void;
}
interface WorkerScope {
  readonly location: Location;
  readonly clients: {
    claim(): Promise<void>;
    matchAll(options: { type: 'window' }): Promise<readonly WindowClient[]>;
  };
  addEventListener(type: 'install' | 'activate', listener: (event: ExtendableEvent) => void): void;
  addEventListener(type: 'fetch', listener: (event: FetchEvent) => void): void;
  addEventListener(type: 'message', listener: (event: ExtendableMessageEvent) => void): void;
}
const worker = self as unknown as WorkerScope;

const { version, urls } = __PRECACHE__;
const PREFIX = 'customer-for-life-';
const CACHE = `${PREFIX}${version}`;
const PRECACHED = new Set(urls);
/** Messages between the pages and this worker. */
const ASK_NOTE = 'update-note?';
// Kept in this build's cache while the update note is still to be shown (never requested by a page), so
// only the new worker answers: the one it replaced may stop before its answer is delivered.
const NOTE_KEY = '/.update-note';
const SHOW_NOTE = 'update-note';

/** A response fit to store and to answer a navigation with (a redirected one would be refused). */
async function fetchForCache(url: string): Promise<Response> {
  // Bypasses the HTTP cache for files without a hash in their name, so a page of the old build is not kept.
  const response = await fetch(url, { cache: url.startsWith('/_astro/') ? 'default' : 'no-cache' });
  if (!response.ok) throw new Error(`${url}: ${response.status}`);
  return response.redirected ? new Response(await response.blob(), response) : response;
}

async function precache(): Promise<void> {
  const cache = await caches.open(CACHE);
  try {
    await Promise.all(
      urls.map(async (url) => {
        // A hashed chunk is the same file in every build that has it: take it from an older cache if there.
        const kept = url.startsWith('/_astro/') ? await caches.match(url) : undefined;
        await cache.put(url, kept ?? (await fetchForCache(url)));
      }),
    );
  } catch (error) {
    // All or nothing: the browser tries again at a later visit.
    await caches.delete(CACHE);
    throw error;
  }
}

async function activate(): Promise<void> {
  const old = (await caches.keys()).filter((name) => name.startsWith(PREFIX) && name !== CACHE);
  await Promise.all(old.map((name) => caches.delete(name)));
  await worker.clients.claim();
  if (!old.length) return;
  // The pages open now (the one that took this build over) are told; with none, the next one to ask.
  const windows = await worker.clients.matchAll({ type: 'window' });
  for (const client of windows) client.postMessage(SHOW_NOTE);
  if (!windows.length) await (await caches.open(CACHE)).put(NOTE_KEY, new Response());
}

async function fromCache(request: Request, key: string): Promise<Response> {
  return (await (await caches.open(CACHE)).match(key)) ?? fetch(request);
}

async function fromNetwork(request: Request, fallback: string): Promise<Response> {
  try {
    return await fetch(request);
  } catch (error) {
    const page = await caches.match(fallback);
    if (!page) throw error;
    return new Response(page.body, { status: 404, headers: page.headers });
  }
}

async function answerNoteQuestion(event: ExtendableMessageEvent): Promise<void> {
  const cache = await caches.open(CACHE);
  if (await cache.delete(NOTE_KEY)) event.source?.postMessage(SHOW_NOTE);
}

worker.addEventListener('install', (event) => event.waitUntil(precache()));
worker.addEventListener('activate', (event) => event.waitUntil(activate()));
worker.addEventListener('message', (event) => {
  if (event.data === ASK_NOTE) event.waitUntil(answerNoteQuestion(event));
});
worker.addEventListener('fetch', (event) => {
  const route = routeRequest(event.request, worker.location.origin, PRECACHED);
  if (route.kind === 'cache') event.respondWith(fromCache(event.request, route.key));
  else if (route.kind === 'network') event.respondWith(fromNetwork(event.request, route.fallback));
});
