// The service worker: the app opens with no network after its first visit, and a new
// release is picked up on the next load. `.ci/offline.mjs` writes it into each build with
// that build's id and hashed files in place of BUILD and ASSETS.
//
// Hashed files never change: cache first. The page (index.html) is network first, so a
// reload online always gets the newest release, and offline the last one seen.
const BUILD = "__BUILD__";
const ASSETS = __ASSETS__;
const CACHE = `partner-hub-${BUILD}`;
const PAGE = "index.html";
const scope = new URL(self.registration.scope);

self.addEventListener("install", (event) => {
  event.waitUntil(caches.open(CACHE).then((cache) => cache.addAll([PAGE, ...ASSETS])));
  // A new release takes over at once: pages already open keep the files they loaded.
  self.skipWaiting();
});

self.addEventListener("activate", (event) => {
  event.waitUntil((async () => {
    // The release before this one stays: a page still running it fetches each page's
    // code when first opened, from this cache once the host has dropped the old files.
    const older = (await caches.keys()).filter((key) => key.startsWith("partner-hub-") && key !== CACHE);
    for (const key of older.slice(0, -1)) await caches.delete(key);
    await self.clients.claim();
    // Pages running another release offer a reload (the app compares the builds).
    for (const client of await self.clients.matchAll({ type: "window" })) client.postMessage({ build: BUILD });
  })());
});

self.addEventListener("fetch", (event) => {
  const request = event.request;
  const url = new URL(request.url);
  if (request.method !== "GET" || url.origin !== scope.origin || !url.pathname.startsWith(scope.pathname)) return;
  if (request.mode === "navigate") {
    event.respondWith(pageFirstFromNetwork(request));
  } else if (ASSETS.includes(url.pathname.slice(scope.pathname.length)) || url.pathname.includes("/pkg-")) {
    // This release's files, or the previous release's code for a page still running it.
    event.respondWith(caches.match(request).then((hit) => hit ?? fetch(request)));
  }
});

/** Every path of the app is the same page (the router draws it): the network's, else the cached one. */
async function pageFirstFromNetwork(request) {
  try {
    const response = await fetch(request);
    if (response.ok) (await caches.open(CACHE)).put(PAGE, response.clone());
    return response;
  } catch (offline) {
    const cached = await caches.match(PAGE, { cacheName: CACHE });
    if (cached) return cached;
    throw offline;
  }
}
