// Weight budget for the built site: how many brotli bytes of JS and CSS each page of dist/ ships.
//
//   npm run weight                      (after `npm run build`)
//   DIST=/path/to/dist npm run weight   check another build
//   BUDGET_SCALE=0.5 npm run weight     multiply every byte budget (to see what would fail)
//
// Per page it collects the JS the page ships: <script src>, inline <script> bodies, the URLs on
// <astro-island> (component-url, renderer-url, before-hydration-url) and <link rel="modulepreload">.
// It follows static imports transitively and dynamic import() / Vite preload deps ("total" = everything a
// page can ever load). "Initial" is what a first visit really fetches: each page with JS is opened in
// headless Chromium (CHROME_PATH, else /usr/bin/chromium) at a phone's and a desktop's size, with no scroll
// and no input, until the network has been idle and then FIRST_VISIT_WAIT_MS more (4000 by default, past the
// idle callbacks and timers); the JS files it fetched, plus the inline scripts, are the initial figure, the
// larger of the two sizes counting. So nothing loaded on idle or by a timer can hide in "lazy". The static
// walk of the page's scripts and static imports is kept as a floor the browser figure must cover.
// The service worker is blocked while measuring: its precache of the whole site for offline use runs in the
// worker, apart from the page. Budgets live in budget.json.
// The service worker's registration script (the one script whose code names the worker's URL) is allowed
// on every page within its own small budget, and counts towards a calculator page's initial JS.
// Node built-ins and playwright-core (the browser measurement).
import { existsSync, mkdirSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { dirname, extname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, constants as zlib } from 'node:zlib';
import { chromium } from 'playwright-core';

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, '../..');
const distDir = resolve(process.env.DIST ?? join(root, 'dist'));
const reportFile = join(root, 'test/reports/weight.json');
const budgetFile = join(here, 'budget.json');
const ORIGIN = 'http://site.invalid';

function die(message) {
  console.error(`\nweight: ${message}\n`);
  process.exit(2);
}

// ---------- budgets ----------
const budget = JSON.parse(readFileSync(budgetFile, 'utf8'));
const scale = process.env.BUDGET_SCALE === undefined ? 1 : Number(process.env.BUDGET_SCALE);
if (!Number.isFinite(scale) || scale <= 0)
  die(`BUDGET_SCALE must be a positive number, got "${process.env.BUDGET_SCALE}"`);
const limits = {
  noCalculator: Math.floor(budget.jsBrotliBytes.noCalculator * scale),
  calculatorInitial: Math.floor(budget.jsBrotliBytes.calculatorInitial * scale),
  calculatorTotal: Math.floor(budget.jsBrotliBytes.calculatorTotal * scale),
  cssPerPage: Math.floor(budget.cssBrotliBytes.perPage * scale),
  registration: Math.floor(budget.serviceWorkerRegistration.jsBrotliBytes * scale),
};
const REGISTRATION_MARKER = budget.serviceWorkerRegistration.marker;

/** Pages with a JS budget of their own, by route, scaled like the rest. */
const pageBudgets = Object.fromEntries(
  Object.entries(budget.pages ?? {}).map(([route, own]) => [
    route,
    { jsInitial: Math.floor(own.jsInitial * scale), jsTotal: Math.floor(own.jsTotal * scale) },
  ]),
);

// ---------- dist ----------
if (!existsSync(distDir) || !statSync(distDir).isDirectory()) {
  die(`no build found at ${distDir}\n         Run \`npm run build\` first (or set DIST=/path/to/dist).`);
}

function walk(dir) {
  const out = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...walk(full));
    else if (entry.isFile() && entry.name.endsWith('.html')) out.push(full);
  }
  return out;
}

const htmlFiles = walk(distDir).sort();
if (htmlFiles.length === 0) die(`${distDir} contains no .html files; is the build complete?`);

// ---------- helpers ----------
const brotliCache = new Map();
function brotli(buf) {
  return brotliCompressSync(buf, {
    params: {
      [zlib.BROTLI_PARAM_QUALITY]: zlib.BROTLI_MAX_QUALITY,
      [zlib.BROTLI_PARAM_MODE]: zlib.BROTLI_MODE_TEXT,
      [zlib.BROTLI_PARAM_SIZE_HINT]: buf.length,
    },
  }).length;
}
function fileSizes(file) {
  if (!brotliCache.has(file)) {
    const buf = readFileSync(file);
    brotliCache.set(file, { raw: buf.length, brotli: brotli(buf) });
  }
  return brotliCache.get(file);
}

const kb = (bytes) => (bytes / 1024).toFixed(1);
const rel = (file) => relative(distDir, file).split(sep).join('/');

/** "/privacy/" for dist/privacy/index.html, "/404.html" for dist/404.html. */
function routeOf(file) {
  const path = '/' + rel(file);
  return path.endsWith('/index.html') ? path.slice(0, -'index.html'.length) : path;
}

/** Resolve a URL found in the page at `baseUrlPath` to a file in dist, or report it as external. */
function resolveRef(spec, baseUrlPath) {
  let url;
  try {
    url = new URL(spec, ORIGIN + baseUrlPath);
  } catch {
    return { error: `unparsable URL "${spec}"` };
  }
  if (url.origin !== ORIGIN) return { external: url.href };
  let path = decodeURIComponent(url.pathname);
  if (path.endsWith('/')) path += 'index.html';
  const file = resolve(distDir, '.' + path);
  if (!file.startsWith(distDir + sep)) return { error: `"${spec}" points outside dist` };
  if (!existsSync(file)) return { error: `"${spec}" (from ${baseUrlPath}) is missing from dist` };
  return { file, urlPath: url.pathname };
}

const decodeEntities = (s) =>
  s
    .replace(/&quot;/g, '"')
    .replace(/&#39;|&apos;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&#(\d+);/g, (_, n) => String.fromCodePoint(Number(n)))
    .replace(/&#x([0-9a-f]+);/gi, (_, n) => String.fromCodePoint(parseInt(n, 16)))
    .replace(/&amp;/g, '&');

function parseAttrs(source) {
  const attrs = {};
  const re = /([^\s"'=<>/]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+)))?/g;
  for (const m of source.matchAll(re)) {
    attrs[m[1].toLowerCase()] = decodeEntities(m[2] ?? m[3] ?? m[4] ?? '');
  }
  return attrs;
}

// An opening tag whose quoted attribute values may contain ">".
const ATTRS = `((?:[^>"']|"[^"]*"|'[^']*')*)`;
const tagRe = (name) => new RegExp(`<${name}\\b${ATTRS}>`, 'gi');
const JS_TYPES = new Set(['', 'module', 'text/javascript', 'application/javascript', 'text/ecmascript']);

// ---------- module graph ----------
// Static: import{a as b}from"./x.js"  import"./x.js"  export*from"./x.js"  import x from './x.js'
const STATIC_RE = /(?<![\w$.])(?:import|export)\s*(?:[\w$*{}\s,]*?\s*from\s*)?(["'])([^"'\n]+?)\1/g;
// Dynamic: import("./x.js")  import(`./x.js`)   (Vite 8 / Rolldown emits backticks)
const DYNAMIC_RE = /(?<![\w$.])import\s*\(\s*(["'`])([^"'`$\n]+?)\1\s*\)/g;
// Vite's preload dep list: const __vite__mapDeps=(i,m=__vite__mapDeps,d=(m.f||(m.f=["_astro/x.js",...])))=>...
const MAPDEPS_RE = /__vite__mapDeps\s*=[\s\S]{0,120}?m\.f\s*=\s*\[([^\]]*)\]/;
const STRING_RE = /(["'`])([^"'`]*?)\1/g;

const isRelativeOrAbsolute = (s) => /^(\.{1,2}\/|\/|https?:)/.test(s);

/** Edges out of a piece of JS whose URL path is `baseUrlPath`. */
function importsOf(code, baseUrlPath) {
  const edges = [];
  for (const m of code.matchAll(STATIC_RE)) {
    if (isRelativeOrAbsolute(m[2])) edges.push({ spec: m[2], base: baseUrlPath, kind: 'static' });
  }
  for (const m of code.matchAll(DYNAMIC_RE)) {
    if (isRelativeOrAbsolute(m[2])) edges.push({ spec: m[2], base: baseUrlPath, kind: 'dynamic' });
  }
  const deps = code.match(MAPDEPS_RE);
  if (deps) {
    for (const m of deps[1].matchAll(STRING_RE)) {
      // Vite writes these relative to the site base ("_astro/x.js"); "./x.js" would be relative to the file.
      const base = /^\.{1,2}\//.test(m[2]) ? baseUrlPath : '/';
      edges.push({ spec: m[2], base, kind: 'dynamic' });
    }
  }
  return edges;
}

const edgeCache = new Map();
function edgesOfFile(file, urlPath) {
  if (!edgeCache.has(file)) edgeCache.set(file, importsOf(readFileSync(file, 'utf8'), urlPath));
  return edgeCache.get(file);
}

/**
 * Walk the graph from `roots` (edges). With includeDynamic=false only static edges are followed.
 * Returns Map(file -> urlPath) of JS files; CSS met along the way goes into `css`.
 */
function closure(roots, includeDynamic, problems, css) {
  const seen = new Map();
  const queue = [...roots];
  while (queue.length) {
    const edge = queue.shift();
    if (edge.kind === 'dynamic' && !includeDynamic) continue;
    const r = resolveRef(edge.spec, edge.base);
    if (r.external) {
      problems.add(`loads external script ${r.external} (cannot be measured; self-host it)`);
      continue;
    }
    if (r.error) {
      problems.add(r.error);
      continue;
    }
    if (r.file.endsWith('.css')) {
      css?.add(r.file);
      continue;
    }
    if (seen.has(r.file)) continue;
    seen.set(r.file, r.urlPath);
    queue.push(...edgesOfFile(r.file, r.urlPath));
  }
  return seen;
}

// ---------- pages ----------
function measurePage(file, firstVisit) {
  const route = routeOf(file);
  const html = readFileSync(file, 'utf8').replace(/<!--[\s\S]*?-->/g, '');
  const calculator = /<astro-island\b/i.test(html);
  const problems = new Set();
  const roots = [];
  const inline = [];
  /** The service worker's registration script(s): inline bytes and script files. */
  const registration = { inline: [], roots: [] };

  for (const m of html.matchAll(new RegExp(`<script\\b${ATTRS}>([\\s\\S]*?)</script\\s*>`, 'gi'))) {
    const attrs = parseAttrs(m[1]);
    const type = (attrs.type ?? '').trim().toLowerCase();
    if (!JS_TYPES.has(type)) continue; // JSON-LD, importmap, speculationrules: not JS
    if ('src' in attrs) {
      const root = { spec: attrs.src, base: route, kind: 'static' };
      const r = resolveRef(attrs.src, route);
      const registers = r.file && readFileSync(r.file, 'utf8').includes(REGISTRATION_MARKER);
      (registers ? registration.roots : roots).push(root);
    } else if (m[2].trim()) {
      const bytes = Buffer.from(m[2]);
      const registers = m[2].includes(REGISTRATION_MARKER);
      (registers ? registration.inline : inline).push({ raw: bytes.length, brotli: brotli(bytes) });
      (registers ? registration.roots : roots).push(...importsOf(m[2], route));
    }
  }
  // An island hydrated on `client:visible` loads only when scrolled to (a browser test checks the chart's
  // does not load before), and one on `client:firstuse` at the reader's first press, key or focus (checked in
  // lazy-loading.spec.ts), so their code counts as lazy; every other island loads with the page. The browser
  // measurement below still counts whatever a first visit really fetches.
  const deferredRoots = [];
  for (const m of html.matchAll(tagRe('astro-island'))) {
    const attrs = parseAttrs(m[1]);
    const target = attrs.client === 'visible' || attrs.client === 'firstuse' ? deferredRoots : roots;
    for (const name of ['component-url', 'renderer-url', 'before-hydration-url']) {
      if (attrs[name]) target.push({ spec: attrs[name], base: route, kind: 'static' });
    }
  }
  const stylesheets = new Set();
  for (const m of html.matchAll(tagRe('link'))) {
    const attrs = parseAttrs(m[1]);
    const rels = (attrs.rel ?? '').toLowerCase().split(/\s+/);
    if (!attrs.href) continue;
    if (rels.includes('modulepreload') || (rels.includes('preload') && attrs.as === 'script')) {
      roots.push({ spec: attrs.href, base: route, kind: 'static' });
    }
    if (rels.includes('stylesheet')) {
      const r = resolveRef(attrs.href, route);
      if (r.external) problems.add(`loads external stylesheet ${r.external} (cannot be measured)`);
      else if (r.error) problems.add(r.error);
      else stylesheets.add(r.file);
    }
  }
  const inlineStyles = [...html.matchAll(/<style\b[^>]*>([\s\S]*?)<\/style\s*>/gi)]
    .map((m) => m[1])
    .filter((s) => s.trim())
    .map((s) => ({ raw: Buffer.byteLength(s), brotli: brotli(Buffer.from(s)) }));

  const lazyCss = new Set();
  const initialSet = closure(roots, false, problems, null);
  const totalSet = closure([...roots, ...deferredRoots], true, problems, lazyCss);
  const describe = (files) =>
    [...files].map((f) => ({ file: rel(f), ...fileSizes(f) })).sort((a, b) => b.brotli - a.brotli);
  const sum = (list) => list.reduce((n, x) => n + x.brotli, 0);

  // The registration script and everything it loads, counted whole (it is small and loads with the page).
  const registrationFiles = describe(closure(registration.roots, true, problems, null).keys());
  const registrationBytes = sum(registration.inline) + sum(registrationFiles);
  const registrationCount = registration.inline.length + registration.roots.length;

  // What the browser fetched on a first visit joins the static floor (the registration's own files apart).
  const registrationSet = new Set(registrationFiles.map((f) => resolve(distDir, f.file)));
  const staticInitialBytes = registrationBytes + sum(inline) + sum(describe(initialSet.keys()));
  for (const fetched of firstVisit?.get(route) ?? []) {
    if (registrationSet.has(fetched) || initialSet.has(fetched)) continue;
    initialSet.set(fetched, '/' + rel(fetched));
    totalSet.set(fetched, '/' + rel(fetched));
  }
  const initialFiles = describe(initialSet.keys());
  const lazyFiles = describe([...totalSet.keys()].filter((f) => !initialSet.has(f)));
  const inlineBytes = sum(inline);
  const jsInitial = registrationBytes + inlineBytes + sum(initialFiles);
  const jsTotal = jsInitial + sum(lazyFiles);
  const cssFiles = describe(stylesheets);
  for (const f of stylesheets) lazyCss.delete(f);
  const css = sum(cssFiles) + sum(inlineStyles);

  const violations = [];
  if (registrationBytes > limits.registration)
    violations.push(
      `service worker registration ${registrationBytes} B > serviceWorkerRegistration.jsBrotliBytes ${limits.registration} B`,
    );
  if (registrationCount > 1)
    violations.push(`${registrationCount} scripts register the service worker; one is enough`);
  if (pageBudgets[route]) {
    // A page's own budget in budget.json wins over the calculators' (the orders page, the search page).
    const own = pageBudgets[route];
    if (jsInitial > own.jsInitial)
      violations.push(`initial JS ${kb(jsInitial)} KB > pages["${route}"].jsInitial ${kb(own.jsInitial)} KB`);
    if (jsTotal > own.jsTotal)
      violations.push(`total JS ${kb(jsTotal)} KB > pages["${route}"].jsTotal ${kb(own.jsTotal)} KB`);
  } else if (calculator) {
    if (jsInitial > limits.calculatorInitial)
      violations.push(
        `initial JS ${kb(jsInitial)} KB > jsBrotliBytes.calculatorInitial ${kb(limits.calculatorInitial)} KB`,
      );
    if (jsTotal > limits.calculatorTotal)
      violations.push(
        `total JS (initial + lazy) ${kb(jsTotal)} KB > jsBrotliBytes.calculatorTotal ${kb(limits.calculatorTotal)} KB`,
      );
  } else if (
    jsTotal - registrationBytes > limits.noCalculator ||
    initialFiles.length + lazyFiles.length + inline.length > 0
  ) {
    violations.push(
      `ships ${jsTotal - registrationBytes} B of JS besides the service worker registration ` +
        `(${inline.length} inline script(s), ${initialFiles.length + lazyFiles.length} file(s)) ` +
        `but has no <astro-island>; jsBrotliBytes.noCalculator is ${limits.noCalculator} B`,
    );
  }
  if (css > limits.cssPerPage)
    violations.push(`CSS ${kb(css)} KB > cssBrotliBytes.perPage ${kb(limits.cssPerPage)} KB`);
  violations.push(...[...problems].map((p) => `broken or unmeasurable reference: ${p}`));

  return {
    page: route,
    file: rel(file),
    calculator,
    js: {
      initialBytes: jsInitial,
      staticInitialBytes,
      measuredInBrowser: firstVisit?.has(route) ?? false,
      lazyBytes: jsTotal - jsInitial,
      totalBytes: jsTotal,
      inline: { count: inline.length, bytes: inlineBytes, rawBytes: inline.reduce((n, x) => n + x.raw, 0) },
      registration: { count: registrationCount, bytes: registrationBytes, files: registrationFiles },
      initialFiles,
      lazyFiles,
    },
    css: { bytes: css, files: cssFiles, inline: inlineStyles, lazyFiles: describe(lazyCss) },
    violations,
    ok: violations.length === 0,
  };
}

// ---------- first visit, in a browser ----------
const WAIT_MS = Number(process.env.FIRST_VISIT_WAIT_MS ?? 4000);
const VIEWPORTS = [
  { width: 390, height: 844 },
  { width: 1280, height: 800 },
];
const TYPES = {
  '.html': 'text/html',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.json': 'application/json',
};

/** Serves dist/ on a free port of 127.0.0.1, trailing-slash routes to their index.html. */
function serveDist() {
  const server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', ORIGIN).pathname);
    let file = resolve(distDir, '.' + (path.endsWith('/') ? path + 'index.html' : path));
    if (!file.startsWith(distDir + sep) || !existsSync(file) || !statSync(file).isFile())
      file = join(distDir, '404.html');
    res.writeHead(file.endsWith('404.html') && !path.endsWith('404.html') ? 404 : 200, {
      'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream',
    });
    res.end(readFileSync(file));
  });
  return new Promise((done) => server.listen(0, '127.0.0.1', () => done(server)));
}

/**
 * The JS files (in dist) a first visit to each route fetches, at either viewport: open, no scroll, no
 * input, wait until the network is idle, then WAIT_MS more for idle callbacks and timers.
 */
async function firstVisits(routes) {
  const visits = new Map(routes.map((route) => [route, new Set()]));
  if (routes.length === 0) return visits;
  const executablePath = process.env.CHROME_PATH || '/usr/bin/chromium';
  if (!existsSync(executablePath))
    die(`no browser at ${executablePath} to measure first visits; install Chromium or set CHROME_PATH`);
  const server = await serveDist();
  const base = `http://127.0.0.1:${server.address().port}`;
  const browser = await chromium.launch({ executablePath, args: ['--no-sandbox', '--disable-gpu'] });
  try {
    const jobs = routes.flatMap((route) => VIEWPORTS.map((viewport) => ({ route, viewport })));
    // Two at a time: the machine is small and timers must fire on time.
    const next = async () => {
      for (let job = jobs.shift(); job; job = jobs.shift()) {
        const context = await browser.newContext({ viewport: job.viewport, serviceWorkers: 'block' });
        const page = await context.newPage();
        page.on('request', (request) => {
          if (request.resourceType() !== 'script') return;
          const url = new URL(request.url());
          const found = resolveRef(url.pathname, '/');
          if (found.file) visits.get(job.route).add(found.file);
        });
        await page.goto(base + job.route, { waitUntil: 'networkidle' });
        await page.waitForTimeout(WAIT_MS);
        await page.waitForLoadState('networkidle');
        await context.close();
      }
    };
    await Promise.all([next(), next()]);
  } finally {
    await browser.close();
    server.close();
  }
  return visits;
}

const withJs = htmlFiles.filter((file) => {
  const html = readFileSync(file, 'utf8');
  return /<astro-island\b/i.test(html) || pageBudgets[routeOf(file)];
});
const visits = await firstVisits(withJs.map(routeOf));
const pages = htmlFiles.map((file) => measurePage(file, visits)).sort((a, b) => a.page.localeCompare(b.page));

// ---------- report ----------
const rows = [
  ['page', 'kind', 'JS initial KB', 'JS total KB', 'CSS KB', 'verdict'],
  ...pages.map((p) => [
    p.page,
    (p.calculator ? 'calculator' : 'static') + (p.js.measuredInBrowser ? ' (browser)' : ''),
    kb(p.js.initialBytes),
    kb(p.js.totalBytes),
    kb(p.css.bytes),
    p.ok ? 'ok' : 'FAIL',
  ]),
];
const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => r[i].length)));
const line = (r) =>
  r.map((c, i) => (i >= 2 && i <= 4 ? c.padStart(widths[i]) : c.padEnd(widths[i]))).join('  ');
console.log(
  `\nWeight budget (brotli q11) for ${relative(process.cwd(), distDir) || '.'}` +
    (scale === 1 ? '' : `  [BUDGET_SCALE=${scale}]`),
);
console.log(
  `budgets: calculator pages JS initial ≤ ${kb(limits.calculatorInitial)} KB, total ≤ ${kb(limits.calculatorTotal)} KB; ` +
    `other pages JS = ${limits.noCalculator} B; service worker registration ≤ ${limits.registration} B on any page; ` +
    `CSS ≤ ${kb(limits.cssPerPage)} KB per page\n`,
);
console.log(line(rows[0]));
console.log(widths.map((w) => '-'.repeat(w)).join('  '));
for (const r of rows.slice(1)) console.log(line(r));

for (const p of pages.filter((p) => p.calculator)) {
  console.log(`\n${p.page} JS:`);
  if (p.js.registration.count)
    console.log(`  initial  ${kb(p.js.registration.bytes).padStart(6)} KB  service worker registration`);
  if (p.js.inline.count)
    console.log(`  initial  ${kb(p.js.inline.bytes).padStart(6)} KB  ${p.js.inline.count} inline script(s)`);
  for (const f of p.js.initialFiles) console.log(`  initial  ${kb(f.brotli).padStart(6)} KB  ${f.file}`);
  for (const f of p.js.lazyFiles) console.log(`  lazy     ${kb(f.brotli).padStart(6)} KB  ${f.file}`);
}

const ok = pages.every((p) => p.ok);
mkdirSync(dirname(reportFile), { recursive: true });
writeFileSync(
  reportFile,
  JSON.stringify(
    { generatedAt: new Date().toISOString(), dist: distDir, budgetScale: scale, limits, ok, pages },
    null,
    2,
  ) + '\n',
);
console.log(`\nreport: ${relative(process.cwd(), reportFile)}`);

if (!ok) {
  console.error('\n✗ Weight budget exceeded:');
  for (const p of pages) for (const v of p.violations) console.error(`  ${p.page} (${p.file}): ${v}`);
  console.error(`\nBudgets are in ${relative(process.cwd(), budgetFile)}.`);
  process.exit(1);
}
console.log(`✓ all ${pages.length} pages within budget`);
