// Lighthouse budget for the built site: every page of dist/, mobile, simulated throttling.
//
//   npm run lighthouse                      (after `npm run build`)
//   npm run lighthouse -- / /privacy/       only these routes
//   CHROME_PATH=/path/to/chrome npm run lighthouse
//
// Serves dist/ itself (tiny node:http server on 127.0.0.1, free port, brotli/gzip like a real host,
// 404.html for misses), launches one headless Chromium for all pages, and fails when a category
// score is below the thresholds in budget.json, listing the audits that cost points.
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { dirname, extname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, gzipSync, constants as zlib } from 'node:zlib';
import lighthouse from 'lighthouse';
import * as chromeLauncher from 'chrome-launcher';

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, '../..');
const distDir = resolve(process.env.DIST ?? join(root, 'dist'));
const reportDir = join(root, 'test/reports');
const reportFile = join(reportDir, 'lighthouse.json');
const budgetFile = join(here, 'budget.json');
const chromePath = process.env.CHROME_PATH || '/usr/bin/chromium';
const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'];
const CHROME_FLAGS = [
  '--headless=new',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

function die(message, code = 2) {
  console.error(`\nlighthouse: ${message}\n`);
  process.exit(code);
}

const thresholds = JSON.parse(readFileSync(budgetFile, 'utf8')).lighthouse;
if (!existsSync(distDir) || !statSync(distDir).isDirectory()) {
  die(`no build found at ${distDir}\n            Run \`npm run build\` first (or set DIST=/path/to/dist).`);
}
if (!existsSync(chromePath)) {
  die(
    `no browser at ${chromePath}\n            Install Chromium (apt-get install chromium) or set CHROME_PATH.`,
  );
}

// ---------- pages ----------
function walk(dir) {
  const out = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...walk(full));
    else if (entry.name === 'index.html') out.push(full);
  }
  return out;
}
const routeOf = (file) =>
  '/' +
  relative(distDir, dirname(file))
    .split(sep)
    .filter(Boolean)
    .map((s) => s + '/')
    .join('');

// Lighthouse refuses to audit a document answered with a 4xx (runtimeError ERRORED_DOCUMENT_REQUEST),
// so the not-found page is audited at its own URL, /404.html, which a static host serves with 200.
// The server below still answers real misses with status 404 and this page.
let routes = process.argv.slice(2);
if (routes.length === 0) {
  routes = walk(distDir).map(routeOf).sort();
  if (existsSync(join(distDir, '404.html'))) routes.push('/404.html');
}
if (routes.length === 0) die(`${distDir} contains no pages`);

// ---------- static server ----------
const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.wasm': 'application/wasm',
  '.pdf': 'application/pdf',
};
const COMPRESSIBLE = new Set([
  '.html',
  '.css',
  '.js',
  '.mjs',
  '.json',
  '.map',
  '.webmanifest',
  '.xml',
  '.txt',
  '.svg',
]);
const compressed = new Map();

function fileFor(pathname) {
  let path;
  try {
    path = decodeURIComponent(pathname);
  } catch {
    return null;
  }
  const file = resolve(distDir, '.' + path + (path.endsWith('/') ? 'index.html' : ''));
  if (file !== distDir && !file.startsWith(distDir + sep)) return null;
  return file;
}

function send(req, res, status, file, extraHeaders = {}) {
  const ext = extname(file);
  let body = readFileSync(file);
  const headers = { 'Content-Type': TYPES[ext] ?? 'application/octet-stream', Vary: 'Accept-Encoding' };
  const accept = String(req.headers['accept-encoding'] ?? '');
  const encoding = !COMPRESSIBLE.has(ext)
    ? null
    : /\bbr\b/.test(accept)
      ? 'br'
      : /\bgzip\b/.test(accept)
        ? 'gzip'
        : null;
  if (encoding) {
    const key = `${encoding}:${file}`;
    if (!compressed.has(key)) {
      compressed.set(
        key,
        encoding === 'br'
          ? brotliCompressSync(body, { params: { [zlib.BROTLI_PARAM_QUALITY]: zlib.BROTLI_MAX_QUALITY } })
          : gzipSync(body, { level: 9 }),
      );
    }
    body = compressed.get(key);
    headers['Content-Encoding'] = encoding;
  }
  headers['Content-Length'] = body.length;
  res.writeHead(status, { ...headers, ...extraHeaders });
  res.end(req.method === 'HEAD' ? undefined : body);
}

const server = createServer((req, res) => {
  try {
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { Allow: 'GET, HEAD' }).end();
      return;
    }
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const file = fileFor(url.pathname);
    if (file && existsSync(file) && statSync(file).isFile()) {
      const immutable = url.pathname.startsWith('/_astro/');
      send(req, res, 200, file, {
        'Cache-Control': immutable
          ? 'public, max-age=31536000, immutable'
          : 'public, max-age=0, must-revalidate',
      });
    } else if (file && existsSync(join(file, 'index.html'))) {
      res.writeHead(301, { Location: url.pathname + '/' + url.search }).end(); // trailingSlash: 'always'
    } else if (existsSync(join(distDir, '404.html'))) {
      send(req, res, 404, join(distDir, '404.html'), { 'Cache-Control': 'no-cache' });
    } else {
      res.writeHead(404, { 'Content-Type': 'text/plain' }).end('Not found');
    }
  } catch (error) {
    res.writeHead(500, { 'Content-Type': 'text/plain' }).end(String(error));
  }
});

// ---------- audit helpers ----------
/** Audits of a category that cost points: scored below 1, or errored. Heaviest first. */
function losingAudits(lhr, categoryId) {
  return lhr.categories[categoryId].auditRefs
    .map((ref) => ({ ref, audit: lhr.audits[ref.id] }))
    .filter(
      ({ audit }) =>
        audit.scoreDisplayMode === 'error' ||
        (['binary', 'numeric', 'metricSavings'].includes(audit.scoreDisplayMode) &&
          audit.score !== null &&
          audit.score < 1),
    )
    .sort((a, b) => b.ref.weight - a.ref.weight || (a.audit.score ?? 0) - (b.audit.score ?? 0))
    .map(({ ref, audit }) => ({
      id: audit.id,
      title: audit.title,
      score: audit.score,
      weight: ref.weight,
      ...(audit.displayValue ? { displayValue: audit.displayValue } : {}),
      ...(audit.errorMessage ? { error: audit.errorMessage } : {}),
    }));
}

const slug = (route) => route.replace(/^\/|\/$|\.html$/g, '').replace(/[^\w.-]+/g, '_') || 'index';

// ---------- run ----------
let chrome;
let cleaningUp;
let lighthouseVersion;
async function cleanup() {
  cleaningUp ??= (async () => {
    if (chrome) {
      try {
        await chrome.kill();
      } catch {
        // already gone
      }
    }
    server.closeAllConnections?.();
    await new Promise((done) => server.close(() => done()));
  })();
  return cleaningUp;
}
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.once(signal, () => cleanup().finally(() => process.exit(130)));
}

const results = [];
let exitCode = 0;
const startedAll = performance.now();
try {
  await new Promise((ok, fail) => server.once('error', fail).listen(0, '127.0.0.1', ok));
  const origin = `http://127.0.0.1:${server.address().port}`;
  chrome = await chromeLauncher.launch({
    chromePath,
    chromeFlags: CHROME_FLAGS,
    handleSIGINT: false,
    logLevel: 'silent',
  });
  console.log(
    `Lighthouse ${routes.length} page(s) from ${origin} with ${chromePath} (mobile, simulated throttling)`,
  );
  rmSync(join(reportDir, 'lighthouse'), { recursive: true, force: true }); // no stale reports
  mkdirSync(join(reportDir, 'lighthouse'), { recursive: true });

  for (const route of routes) {
    const started = performance.now();
    const url = new URL(route, origin).href;
    process.stdout.write(`  ${route} … `);
    const result = await lighthouse(url, {
      port: chrome.port,
      output: 'html',
      logLevel: 'error',
      onlyCategories: CATEGORIES,
      formFactor: 'mobile',
      throttlingMethod: 'simulate',
    });
    const seconds = (performance.now() - started) / 1000;
    const lhr = result?.lhr;
    lighthouseVersion ??= lhr?.lighthouseVersion;
    const htmlReport = join(reportDir, 'lighthouse', `${slug(route)}.html`);
    if (result?.report) writeFileSync(htmlReport, result.report);

    const scores = {};
    const failing = {};
    const problems = [];
    if (!lhr || lhr.runtimeError) {
      problems.push(
        `Lighthouse could not audit the page: ${lhr?.runtimeError?.code ?? 'no result'} ${lhr?.runtimeError?.message ?? ''}`.trim(),
      );
    } else {
      for (const id of CATEGORIES) {
        const score = lhr.categories[id]?.score;
        scores[id] = score == null ? null : Math.round(score * 100);
        failing[id] = losingAudits(lhr, id);
        if (scores[id] === null) problems.push(`${id}: no score`);
        else if (scores[id] < thresholds[id]) problems.push(`${id} ${scores[id]} < ${thresholds[id]}`);
      }
    }
    console.log(`${seconds.toFixed(1)} s`);
    results.push({
      page: route,
      url,
      seconds: Number(seconds.toFixed(1)),
      scores,
      ok: problems.length === 0,
      problems,
      failingAudits: failing,
      htmlReport: relative(root, htmlReport),
      ...(lhr?.runtimeWarnings?.length ? { warnings: lhr.runtimeWarnings } : {}),
    });
  }
} catch (error) {
  console.error(`\nlighthouse: run aborted: ${error?.stack ?? error}`);
  exitCode = 2;
} finally {
  await cleanup();
}

// ---------- report ----------
const totalSeconds = (performance.now() - startedAll) / 1000;
const show = (v) => (v === null || v === undefined ? '–' : String(v));
const header = ['page', 'perf', 'a11y', 'best-pr', 'seo', 'time', 'verdict'];
const rows = results.map((r) => [
  r.page,
  ...CATEGORIES.map((c) => show(r.scores[c])),
  `${r.seconds.toFixed(1)}s`,
  r.ok ? 'ok' : 'FAIL',
]);
const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
const line = (r) =>
  r.map((c, i) => (i === 0 || i === 6 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ');
console.log(`\nthresholds: ${CATEGORIES.map((c) => `${c} ≥ ${thresholds[c]}`).join(', ')}\n`);
console.log(line(header));
console.log(widths.map((w) => '-'.repeat(w)).join('  '));
for (const r of rows) console.log(line(r));
if (results.length)
  console.log(
    `\n${results.length} page(s) in ${totalSeconds.toFixed(1)} s (${(totalSeconds / results.length).toFixed(1)} s a page incl. startup)`,
  );

mkdirSync(reportDir, { recursive: true });
const ok = exitCode === 0 && results.length === routes.length && results.every((r) => r.ok);
writeFileSync(
  reportFile,
  JSON.stringify(
    {
      generatedAt: new Date().toISOString(),
      lighthouse: lighthouseVersion,
      chromePath,
      settings: { formFactor: 'mobile', throttlingMethod: 'simulate', categories: CATEGORIES },
      thresholds,
      ok,
      pages: results,
    },
    null,
    2,
  ) + '\n',
);
console.log(
  `report: ${relative(process.cwd(), reportFile)} (HTML reports in ${relative(process.cwd(), join(reportDir, 'lighthouse'))}/)`,
);

if (!ok) {
  console.error('\n✗ Lighthouse budget not met:');
  for (const r of results.filter((r) => !r.ok)) {
    console.error(`\n  ${r.page}: ${r.problems.join('; ')}   (report: ${r.htmlReport})`);
    for (const id of CATEGORIES) {
      if (r.scores[id] == null || r.scores[id] >= thresholds[id]) continue;
      for (const a of r.failingAudits[id] ?? []) {
        const detail = [a.displayValue, a.error].filter(Boolean).join(', ');
        console.error(
          `    [${id}] ${a.id}: ${a.title}${detail ? ` (${detail})` : ''}  score ${a.score ?? 'error'}, weight ${a.weight}`,
        );
      }
    }
  }
  console.error(`\nThresholds are in ${relative(process.cwd(), budgetFile)}.`);
  process.exit(exitCode || 1);
}
console.log(`✓ all ${results.length} pages meet the Lighthouse thresholds`);
