/**
 * The attempt pages' service worker (hand-written: the classic Remix compiler
 * has no maintained PWA plugin). Registered by the attempt page with scope
 * /attempts/, so it serves only the pages of attempts and what they load.
 *
 * - An attempt page (a navigation under /attempts/): network first; a page
 *   that came (200) is kept, one copy per attempt address (whatever the
 *   query), and served when the network fails, so that a reload without a
 *   connection still shows the attempt, its questions and the answers
 *   waiting on this device (kept in IndexedDB by the page, not here). A page
 *   that now redirects (signed out, attempt finished) or is refused loses
 *   its copy.
 * - /build/ assets (fingerprinted, immutable): cache first.
 * - Everything else (saves, the clock, other pages) goes to the network
 *   untouched: nothing the server says about answers is ever cached.
 *
 * The page asks it to keep the page it is on and the assets it loaded (the
 * first visit happens before this worker controls anything). Signing out
 * deletes the cache (app/client/attempt-cache.ts holds the same name).
 */
const CACHE = "cairn-attempt-pages-v1";

const sameOrigin = (url) => url.origin === self.location.origin;
const isAttemptPage = (url) => sameOrigin(url) && url.pathname.startsWith("/attempts/");
const isAsset = (url) => sameOrigin(url) && url.pathname.startsWith("/build/");
/** One copy per attempt address: ?q= and ?view= only choose what the same page shows. */
const pageKey = (url) => `${url.origin}${url.pathname}`;

self.addEventListener("install", () => self.skipWaiting());

self.addEventListener("activate", (event) => {
  event.waitUntil(
    (async () => {
      for (const name of await caches.keys()) if (name.startsWith("cairn-attempt-") && name !== CACHE) await caches.delete(name);
      await self.clients.claim();
    })(),
  );
});

async function keepPage(cache, url, response) {
  if (response.ok && response.type === "basic") await cache.put(pageKey(url), response.clone());
  else await cache.delete(pageKey(url));
}

async function page(request) {
  const url = new URL(request.url);
  const cache = await caches.open(CACHE);
  let response;
  try {
    response = await fetch(request);
  } catch (error) {
    const kept = await cache.match(pageKey(url));
    if (kept) return kept;
    throw error;
  }
  await keepPage(cache, url, response);
  return response;
}

async function asset(request) {
  const cache = await caches.open(CACHE);
  const kept = await cache.match(request);
  if (kept) return kept;
  const response = await fetch(request);
  if (response.ok) await cache.put(request, response.clone());
  return response;
}

self.addEventListener("fetch", (event) => {
  const request = event.request;
  if (request.method !== "GET") return;
  const url = new URL(request.url);
  if (request.mode === "navigate" && isAttemptPage(url)) event.respondWith(page(request));
  else if (isAsset(url)) event.respondWith(asset(request));
});

/** {keep: [urls]} from the attempt page: that page and the assets it loaded. */
async function keep(urls) {
  const cache = await caches.open(CACHE);
  for (const href of urls) {
    const url = new URL(href, self.location.origin);
    if (isAttemptPage(url)) {
      const response = await fetch(url, { credentials: "same-origin", redirect: "manual" }).catch(() => null);
      if (response) await keepPage(cache, url, response);
    } else if (isAsset(url) && !(await cache.match(url))) {
      const response = await fetch(url).catch(() => null);
      if (response?.ok) await cache.put(url, response);
    }
  }
}

self.addEventListener("message", (event) => {
  const data = event.data;
  if (data && Array.isArray(data.keep)) event.waitUntil(keep(data.keep.filter((u) => typeof u === "string").slice(0, 200)));
  else if (data && data.forget === true) event.waitUntil(caches.delete(CACHE));
});
