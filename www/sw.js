// ShopLens service worker: the app works offline once it has been opened.
//
// Plain JavaScript, no dependencies, never contacts anything but this origin. trunk copies this
// file to dist/sw.js (index.html: <link data-trunk rel="copy-file">) and the post_build hook
// scripts/sw_hook.py fills in the three placeholders below:
//   MODE      'cache' for `trunk build`; 'off' for `trunk serve` (development: no caching, and a
//             service worker left over from a release build on the same origin removes itself);
//   VERSION   a hash of every file of the build, so every build gets a fresh cache;
//   PRECACHE  every file of the build (index.html, the hashed app JS/wasm, the worker JS/wasm,
//             style, icons, manifest, sample data), as paths relative to this file.
// Left unfilled (no hook ran) the worker behaves as 'off'.
//
// Strategy:
//   install   precache every file of the build in the cache `shoplens-<VERSION>`;
//   activate  delete the caches of older builds, take control of open pages;
//   fetch     same-origin GETs: cache first, then the network; a navigation to an app route
//             (/overview, /customers, ... — no dot in the last path segment) that is not cached
//             gets the cached index.html (single-page app fallback). Other origins, other
//             methods and range requests are left alone (the page's CSP refuses other origins).
// A new build's worker waits until every tab of the old build is closed (no skipWaiting), so an
// open tab never mixes files of two builds; the next visit after that runs the new build.
'use strict';

const MODE = '__SHOPLENS_SW_MODE__';
const VERSION = '__SHOPLENS_SW_VERSION__';
const PRECACHE = ['__SHOPLENS_SW_PRECACHE__'];

const PREFIX = 'shoplens-';
const CACHE = PREFIX + VERSION;
const ON = MODE === 'cache';

/** Absolute URL of a path relative to this worker's scope. */
function scoped(path) {
  return new URL(path, self.registration.scope).href;
}

self.addEventListener('install', (event) => {
  if (!ON) {
    self.skipWaiting();
    return;
  }
  event.waitUntil(
    caches.open(CACHE).then((cache) =>
      // cache: 'reload' — precache what the server has now, never a stale HTTP-cache copy.
      cache.addAll(PRECACHE.map((p) => new Request(scoped(p), { cache: 'reload', credentials: 'same-origin' }))),
    ),
  );
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    (async () => {
      const names = await caches.keys();
      await Promise.all(names.filter((n) => n.startsWith(PREFIX) && n !== CACHE).map((n) => caches.delete(n)));
      if (ON) {
        await self.clients.claim();
      } else {
        await self.registration.unregister();
      }
    })(),
  );
});

self.addEventListener('fetch', (event) => {
  if (!ON) return;
  const request = event.request;
  if (request.method !== 'GET' || request.headers.has('range')) return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin) return;
  event.respondWith(respond(request, url));
});

async function respond(request, url) {
  const cache = await caches.open(CACHE);
  const hit = await cache.match(request);
  if (hit) return hit;
  const last = url.pathname.split('/').pop() || '';
  if (request.mode === 'navigate' && !last.includes('.')) {
    const shell = await cache.match(scoped('index.html'));
    if (shell) return shell;
  }
  return fetch(request);
}
