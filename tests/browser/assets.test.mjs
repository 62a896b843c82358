/**
 * The page's own files: it works offline once loaded (its service worker precaches every file of
 * the site under a cache named after the build and answers from it), and it draws Arabic with its
 * self-hosted font.
 */
import {test} from 'node:test';
import assert from 'node:assert/strict';
import {readFileSync} from 'node:fs';
import {join} from 'node:path';
import {startServer} from '../../tools/serve.mjs';
import {analyzeText, DEMO_TEXT, openPage, setUp, site} from './harness.mjs';

const env = setUp();

test('offline: after one visit the page reloads and analyzes with no network and no server', async () => {
  // A server of its own, so that it can be stopped without touching the other tests.
  const own = await startServer({root: site, port: 0});
  const {page, context, errors} = await openPage(env, {url: own.url});
  // The worker takes control once it has cached every file (install, then activate and claim).
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, {timeout: 30000});
  const build = readFileSync(join(site, 'sw.js'), 'utf8').match(/const BUILD = '([^']+)'/)[1];
  assert.notEqual(build, 'dev', 'the build stamps sw.js');
  const cached = await page.evaluate(async () => {
    const names = await caches.keys();
    const cache = await caches.open(names[0]);
    return {names, keys: (await cache.keys()).map((r) => new URL(r.url).pathname)};
  });
  assert.deepEqual(cached.names, [`basira-${build}`]);
  for (const file of ['/', '/index.html', '/app.js', '/worker.js', '/basira.js', '/basira.wasm',
    '/style.css', '/favicon.svg', '/fonts/noto-naskh-arabic-arabic-400-normal.woff2']) {
    assert.ok(cached.keys.includes(file), `${file} is precached`);
  }

  await context.setOffline(true);
  const closed = new Promise((done) => own.server.close(done));
  own.server.closeAllConnections();
  await closed;
  await page.reload();
  await page.waitForSelector('body[data-ready="true"]', {timeout: 20000});
  await analyzeText(page, DEMO_TEXT);
  assert.ok(Number(await page.getByTestId('stat-sentences').getAttribute('data-value')) > 3);
  assert.ok(await page.locator('#text-view mark[data-type="LOC"]').count() > 0);
  assert.deepEqual(errors, []);
  await context.close();
});

/** Holds the page's requests for basira.wasm back until the returned function is called. */
async function holdWasm(page) {
  let release;
  const held = new Promise((resolve) => { release = resolve; });
  await page.route('**/basira.wasm', async (route) => {
    await held;
    await route.continue();
  });
  return release;
}

test('offline copy: the service worker is registered only once the analyzer is ready', async () => {
  // Its install downloads every file again: registered while the page still loads the wasm, it
  // would compete with that download. The wasm is held back here until the page has settled.
  const context = await env.browser.newContext();
  const page = await context.newPage();
  const release = await holdWasm(page);
  await page.goto(env.url);
  await page.waitForLoadState('load');
  await page.waitForTimeout(500);
  const before = await page.evaluate(async () => (await navigator.serviceWorker.getRegistrations()).length);
  assert.equal(before, 0, 'no service worker before the analyzer is ready');
  release();
  await page.waitForSelector('body[data-ready="true"]', {timeout: 20000});
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, {timeout: 30000});
  await context.close();
});

test('font: not fetched while the wasm loads, then loaded once the analyzer is ready', async () => {
  // Its downloads and the second layout they cause would compete with the wasm's compile on the
  // page's main thread. The wasm is held back here until the page has settled.
  const context = await env.browser.newContext({serviceWorkers: 'block'});
  const page = await context.newPage();
  const fontRequests = [];
  page.on('request', (request) => {
    if (request.url().endsWith('.woff2')) fontRequests.push(request.url());
  });
  const release = await holdWasm(page);
  await page.goto(env.url);
  await page.waitForLoadState('load');
  await page.waitForTimeout(300);
  assert.deepEqual(fontRequests, [], 'no font requested before the analyzer is ready');
  release();
  await page.waitForSelector('body[data-ready="true"]', {timeout: 20000});
  await page.waitForFunction(() => [...document.fonts].filter((f) =>
    f.family.replace(/"/g, '') === 'Noto Naskh Arabic' && f.status === 'loaded').length === 2,
  null, {timeout: 10000});
  assert.deepEqual(fontRequests.map((u) => new URL(u).pathname).sort(),
      ['/fonts/noto-naskh-arabic-arabic-400-normal.woff2',
        '/fonts/noto-naskh-arabic-arabic-700-normal.woff2']);
  await context.close();
});

test('font: the self-hosted Noto Naskh Arabic is loaded and used for the text', async () => {
  const {page, context, errors} = await openPage(env);
  await analyzeText(page, DEMO_TEXT);
  const fonts = await page.evaluate(async () => {
    await document.fonts.ready;
    return [...document.fonts].map((f) => ({family: f.family.replace(/"/g, ''), weight: f.weight,
      status: f.status}));
  });
  assert.ok(fonts.some((f) => f.family === 'Noto Naskh Arabic' && f.weight === '400' &&
                              f.status === 'loaded'), JSON.stringify(fonts));
  const family = await page.locator('#text-view').evaluate((el) => getComputedStyle(el).fontFamily);
  assert.match(family, /^"?Noto Naskh Arabic/);
  assert.deepEqual(errors, []);
  await context.close();
});
