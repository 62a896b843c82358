/**
 * basira's service worker: keeps the page's own files in a cache so the page loads and analyzes
 * with no network once it has been opened.
 *
 * On install it fetches every file in PRECACHE into a cache named after this build (the build
 * writes BUILD, a hash of the files' contents, into the copy in the site); on activate it drops
 * the caches of other builds. Requests for these files are answered from the cache first;
 * anything else goes to the network untouched. Nothing is ever fetched from another origin.
 */

/** Replaced by the build (tools/site_version.py) with a hash of the precached files. */
const BUILD = 'dev';
const CACHE = `basira-${BUILD}`;

/**
 * Everything the page needs, relative to this worker's scope. The build rewrites this list with
 * every file of the site (tools/site_version.py), so a file added to web/ is cached too.
 */
const PRECACHE = ['./', 'index.html', 'app.js', 'style.css', 'worker.js', 'basira.js', 'basira.wasm'];

self.addEventListener('install', (event) => {
  event.waitUntil((async () => {
    const cache = await caches.open(CACHE);
    // 'reload' skips the HTTP cache, so a new build never stores an older file.
    await cache.addAll(PRECACHE.map((path) => new Request(path, {cache: 'reload'})));
    await self.skipWaiting();
  })());
});

self.addEventListener('activate', (event) => {
  event.waitUntil((async () => {
    for (const name of await caches.keys()) {
      if (name.startsWith('basira-') && name !== CACHE) await caches.delete(name);
    }
    await self.clients.claim();
  })());
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET' || new URL(request.url).origin !== self.location.origin) return;
  event.respondWith((async () => {
    const cache = await caches.open(CACHE);
    const hit = await cache.match(request, {ignoreSearch: true}) ||
        (request.mode === 'navigate' ? await cache.match('./') : undefined);
    return hit || fetch(request);
  })());
});
