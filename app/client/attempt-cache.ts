/**
 * The browser side of the attempt pages' service worker (public/attempt-sw.js):
 * registering it from an attempt page, asking it to keep that page and its
 * assets, and deleting its copies on sign-out (so that the next person on the
 * device never gets this learner's page from the cache, even offline).
 */

/** The service worker's cache; public/attempt-sw.js names it the same. */
const ATTEMPT_CACHE = "cairn-attempt-pages-v1";

export function keepAttemptPageOffline(): void {
  if (!("serviceWorker" in navigator)) return;
  void (async () => {
    const registration = await navigator.serviceWorker.register("/attempt-sw.js", { scope: "/attempts/" });
    // A page the worker served is kept by it already; one loaded before it took over, or reached by a
    // client-side navigation from outside /attempts/ (the document then stays the other page's, out of
    // the worker's scope), is asked for.
    if (navigator.serviceWorker.controller) return;
    const worker = await activeWorker(registration);
    const assets = performance
      .getEntriesByType("resource")
      .map((entry) => entry.name)
      .filter((name) => new URL(name).origin === location.origin && new URL(name).pathname.startsWith("/build/"));
    worker.postMessage({ keep: [location.href, ...assets] });
  })().catch(() => undefined);
}

function activeWorker(registration: ServiceWorkerRegistration): Promise<ServiceWorker> {
  if (registration.active) return Promise.resolve(registration.active);
  return new Promise((resolve) => {
    const worker = registration.installing ?? registration.waiting;
    worker?.addEventListener("statechange", () => {
      if (worker.state === "activated") resolve(worker);
    });
  });
}

/** Deletes the kept attempt pages; called as the sign-out form is sent. */
export function forgetAttemptPages(): void {
  if (typeof caches === "undefined") return;
  void caches.delete(ATTEMPT_CACHE).catch(() => undefined);
}
