// Chikaya's service worker: the portal opens without network (pages already visited, styles, scripts);
// a complaint written offline waits in the page's draft store (js/offline-draft.js), not here.
const CACHE = "chikaya-v1";
const SHELL = ["/", "/complaints/new", "/track", "/css/site.css", "/js/offline-draft.js", "/manifest.webmanifest", "/icons/icon-192.png"];

self.addEventListener("install", event => {
  event.waitUntil(caches.open(CACHE).then(cache => cache.addAll(SHELL)).then(() => self.skipWaiting()));
});

self.addEventListener("activate", event => {
  event.waitUntil(caches.keys()
    .then(keys => Promise.all(keys.filter(k => k !== CACHE).map(k => caches.delete(k))))
    .then(() => self.clients.claim()));
});

self.addEventListener("fetch", event => {
  const request = event.request;
  const url = new URL(request.url);
  if (request.method !== "GET" || url.origin !== self.location.origin) return;
  if (url.pathname.startsWith("/backoffice") || url.pathname.startsWith("/admin") || url.pathname.startsWith("/api")) return;
  if (request.mode === "navigate") {
    // the network first, so that a page is never stale when it can be fresh
    event.respondWith(fetch(request)
      .then(response => {
        if (response.ok && SHELL.includes(url.pathname)) caches.open(CACHE).then(cache => cache.put(request, response.clone()));
        return response;
      })
      .catch(() => caches.match(request).then(hit => hit || caches.match("/"))));
    return;
  }
  if (url.pathname.startsWith("/css/") || url.pathname.startsWith("/js/") || url.pathname.startsWith("/icons/")) {
    event.respondWith(caches.match(request).then(hit => hit || fetch(request)));
  }
});
