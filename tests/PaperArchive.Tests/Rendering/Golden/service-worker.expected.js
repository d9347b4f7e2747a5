/* Written by paperarchive build: the cache version (build id) and what to keep from the first visit. */
var PA_VERSION = "65153a8c9307";
var PA_PRECACHE = ["index.html","search.html","404.html","my-list.html","for-you.html","assets/css/search.c12c49400f.css","assets/css/site.a081e4d34e.css","assets/js/reader.c1333685e6.js","assets/js/search-analyzer.6cd2604cb9.js","assets/js/search-engine.eda974d10c.js","assets/js/search-ui.241be2b6d9.js","assets/js/site.f846dab8fd.js"];
/* PaperArchive service worker (theme file sw/service-worker.js; the build writes it to sw.js with
   PA_VERSION, the build id, and PA_PRECACHE above). Registered by assets/js/reader.js on http(s) only.
   - One cache per build and site scope, "paperarchive:<scope>:<build id>"; a new deploy changes the
     build id, so the new worker installs and deletes the caches of older builds of this site.
   - Fingerprinted assets (name.<hash>.css/js) and versioned search shards (?v=) never change:
     cache first. Everything else (pages, search root, reader data): network first, falling back
     to the cache, so online readers always get the newest build and offline readers what they saw.
   - "Save for offline" (My list page) posts {type: "save", urls} and gets progress on its port. */
"use strict";
var SCOPE = self.registration.scope;
var PREFIX = "paperarchive:" + SCOPE + ":";
var CACHE = PREFIX + PA_VERSION;

self.addEventListener("install", function (event) {
  event.waitUntil(caches.open(CACHE).then(function (cache) {
    // One missing file must not stop the worker from installing.
    return Promise.all(PA_PRECACHE.map(function (path) {
      return cache.add(new URL(path, SCOPE).href).catch(function () { return null; });
    }));
  }).then(function () { return self.skipWaiting(); }));
});

self.addEventListener("activate", function (event) {
  event.waitUntil(caches.keys().then(function (keys) {
    return Promise.all(keys.filter(function (k) { return k.indexOf(PREFIX) === 0 && k !== CACHE; }).map(function (k) { return caches.delete(k); }));
  }).then(function () { return self.clients.claim(); }));
});

function immutable(url) {
  return /\/assets\/.+\.[0-9a-f]{10}\.(css|js)$/.test(url.pathname) || /[?&]v=[0-9a-z]+/.test(url.search);
}

function offlinePage() {
  return new Response("<!DOCTYPE html><meta charset=utf-8><meta name=viewport content='width=device-width, initial-scale=1'><title>Offline</title>" +
    "<p style='font:1rem/1.6 system-ui,sans-serif;max-width:36rem;margin:3rem auto;padding:0 1rem'>You are offline and this page was not saved. " +
    "<a href='" + SCOPE + "my-list.html'>My list</a> can save the newest days for offline reading next time you are online.</p>",
    { status: 503, headers: { "Content-Type": "text/html; charset=utf-8" } });
}

self.addEventListener("fetch", function (event) {
  var request = event.request;
  if (request.method !== "GET" || request.url.indexOf(SCOPE) !== 0) return;
  var url = new URL(request.url);
  // Left to the network: the offline button's own fresh read of the search root, and tool endpoints
  // (a path segment starting "__", like the preview server's live reload: an event stream never
  // ends, so it must not be cached).
  if (url.searchParams.has("offline") || url.pathname.indexOf("/__") >= 0 ||
      (request.headers.get("Accept") || "").indexOf("text/event-stream") >= 0) return;
  if (immutable(url)) {
    event.respondWith(caches.open(CACHE).then(function (cache) {
      return cache.match(request).then(function (hit) {
        return hit || fetch(request).then(function (response) {
          if (response.ok) cache.put(request, response.clone());
          return response;
        });
      });
    }));
    return;
  }
  event.respondWith(fetch(request).then(function (response) {
    if (response.ok && response.type === "basic") {
      var copy = response.clone();
      caches.open(CACHE).then(function (cache) { cache.put(request, copy); });
    }
    return response;
  }, function () {
    return caches.open(CACHE).then(function (cache) {
      return cache.match(request, { ignoreSearch: !immutable(url) }).then(function (hit) {
        if (hit) return hit;
        return request.mode === "navigate" ? offlinePage() : Response.error();
      });
    });
  }));
});

self.addEventListener("message", function (event) {
  var data = event.data || {};
  var port = event.ports && event.ports[0];
  if (data.type !== "save" || !Array.isArray(data.urls) || !port) return;
  var urls = data.urls.filter(function (u) { return typeof u === "string" && u.indexOf(SCOPE) === 0; });
  var done = 0, saved = 0, failed = 0;
  event.waitUntil(caches.open(CACHE).then(function (cache) {
    // A few at a time: polite to the host, and progress stays readable.
    var queue = urls.slice();
    function next() {
      var u = queue.shift();
      if (u === undefined) return Promise.resolve();
      return fetch(u).then(function (response) {
        if (!response.ok) throw new Error(String(response.status));
        saved++;
        return cache.put(u, response);
      }).catch(function () { failed++; }).then(function () {
        done++;
        if (done % 10 === 0) port.postMessage({ type: "progress", done: done, total: urls.length });
        return next();
      });
    }
    return Promise.all([next(), next(), next(), next()]);
  }).then(function () { port.postMessage({ type: "done", saved: saved, failed: failed, total: urls.length }); }));
});
