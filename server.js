// Cairn's production server: Express in front of the Remix request handler.
// Adds compression, security headers (with a per-request CSP nonce for
// Remix's inline scripts), a same-origin check on state-changing requests,
// and long-lived caching for fingerprinted assets.
import { createRequestHandler } from "@remix-run/express";
import { installGlobals } from "@remix-run/node";
import compression from "compression";
import express from "express";
import helmet from "helmet";
import cluster from "node:cluster";
import os from "node:os";
import { randomBytes } from "node:crypto";
import { pathToFileURL } from "node:url";
import path from "node:path";

installGlobals({ nativeFetch: true });

const BUILD_PATH = path.resolve("build/index.js");
const build = await import(pathToFileURL(BUILD_PATH).href);
// Validates the environment before the first request.
let env;
try {
  env = build.entry.module.startup();
} catch (error) {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
}

// Several worker processes share the port (node:cluster); each keeps no state
// of its own, and an embedded database is shared through SQLite's file locks.
// WEB_CONCURRENCY sets how many; in production the default is one per core
// (up to 8), elsewhere one.
const workers =
  env.WEB_CONCURRENCY ?? (process.env.NODE_ENV === "production" ? Math.min(8, os.availableParallelism()) : 1);
if (cluster.isPrimary && workers > 1) {
  for (let i = 0; i < workers; i++) cluster.fork();
  let stopping = false;
  cluster.on("exit", (worker, code) => {
    if (stopping) return;
    console.error(`Worker ${worker.process.pid} exited (${code}); starting another.`);
    cluster.fork();
  });
  const stopAll = () => {
    stopping = true;
    for (const worker of Object.values(cluster.workers ?? {})) worker?.kill("SIGTERM");
    setTimeout(() => process.exit(0), 2500).unref();
  };
  process.on("SIGTERM", stopAll);
  process.on("SIGINT", stopAll);
} else {
  serve();
}

function serve() {
  const app = express();
  app.disable("x-powered-by");
  app.set("trust proxy", process.env.TRUST_PROXY === "1" ? 1 : false);

  app.use((req, res, next) => {
    res.locals.cspNonce = randomBytes(16).toString("base64");
    next();
  });
  app.use(
    helmet({
      contentSecurityPolicy: {
        directives: {
          "default-src": ["'self'"],
          "script-src": ["'self'", (_req, res) => `'nonce-${res.locals.cspNonce}'`],
          "style-src": ["'self'", "'unsafe-inline'"],
          "img-src": ["'self'", "data:"],
          "connect-src": env.NODE_ENV === "development" ? ["'self'", "ws:"] : ["'self'"],
          "form-action": ["'self'"],
          "frame-ancestors": ["'none'"],
          "upgrade-insecure-requests": env.NODE_ENV === "production" ? [] : null,
        },
      },
      strictTransportSecurity: env.NODE_ENV === "production",
      // Not "no-referrer": with it, Chromium sends "Origin: null" on form posts,
      // which the same-origin check below would refuse.
      referrerPolicy: { policy: "same-origin" },
      crossOriginEmbedderPolicy: false,
    }),
  );

  // CSRF: a state-changing request must come from a page of this site. Browsers
  // send Origin on every cross-site POST; SameSite=Lax cookies are the second line.
  app.use((req, res, next) => {
    if (req.method === "GET" || req.method === "HEAD" || req.method === "OPTIONS") return next();
    const origin = req.get("origin") ?? req.get("referer");
    if (!origin) return next();
    let originHost;
    try {
      originHost = new URL(origin).host;
    } catch {
      originHost = null;
    }
    if (originHost !== req.get("host")) {
      res.status(403).type("text/plain").send("Forbidden: this form was not sent from Cairn.");
      return;
    }
    next();
  });

  // Pages, documents and loader data are compressed. Action data posted by the
  // app's scripts (POST …/x.data) is not: a review's result and next card is
  // about 1 KB (0.6 KB gzipped), one packet either way, and compressing it
  // cost more CPU than any other single step of answering a card. A form posted
  // without JavaScript gets a whole page back, and that is compressed.
  const isActionData = (req) => req.method === "POST" && req.path.endsWith(".data");
  app.use(compression({ filter: (req, res) => !isActionData(req) && compression.filter(req, res) }));
  app.use("/build", express.static("public/build", { immutable: true, maxAge: "1y" }));
  // The attempt pages' service worker (public/attempt-sw.js) is checked for a new version on
  // every visit: an hour-old copy could keep serving the pages of a build that is gone.
  app.get("/attempt-sw.js", (req, res, next) => {
    res.set("Cache-Control", "no-cache");
    next();
  });
  app.use(express.static("public", { maxAge: "1h" }));

  // Request bodies are bounded before the app reads them (Cairn's forms are a
  // few fields; an unbounded 200 MB post once took 700 MB of memory). A
  // declared Content-Length over the limit is refused at once with 413. A
  // chunked body is counted as it streams: past the limit the app's reader
  // gets an error (parseForm answers 413) and the connection closes after
  // that answer, so the rest is never read. A body the app did not read is
  // drained when small (the connection stays usable) and cut off when large.
  // A form that carries a file (a roster) has a larger bound of its own: requestBodyLimit says which.
  const bodyLimitFor = build.entry.module.requestBodyLimit;
  const describeLimit = (limit) => (limit >= 1024 * 1024 ? `${(limit / (1024 * 1024)).toFixed(1)} MB` : `${limit / 1024} KB`);
  app.use((req, res, next) => {
    if (req.method === "GET" || req.method === "HEAD" || req.method === "OPTIONS") return next();
    const limit = bodyLimitFor(req.path);
    if (Number(req.get("content-length") ?? 0) > limit) {
      res.set("Connection", "close");
      res.status(413).type("text/plain").send(`This request is too large: at most ${describeLimit(limit)} is accepted.`);
      return;
    }
    let seen = 0;
    let over = false;
    const count = (chunk) => {
      seen += chunk.length;
      if (seen <= limit || over) return;
      over = true;
      if (res.headersSent) return req.destroy();
      res.set("Connection", "close");
      req.pause();
      req.emit("error", Object.assign(new Error("Request body over the limit"), { code: "CAIRN_BODY_TOO_LARGE" }));
    };
    // The app's body reader (attached synchronously by the handler below) sees the same chunks and the error.
    req.on("data", count);
    req.on("error", () => {});
    res.on("finish", () => {
      if (req.complete || over) return;
      req.removeAllListeners("data");
      req.on("data", count);
      req.resume();
    });
    next();
  });

  app.all(
    "*",
    createRequestHandler({
      build,
      // "production" mode: errors reach users as a plain message, never a stack trace.
      mode: process.env.REMIX_DEV_ORIGIN ? "development" : "production",
      getLoadContext: (req, res) => ({ cspNonce: res.locals.cspNonce, clientAddress: req.ip ?? req.socket.remoteAddress }),
    }),
  );

  const host = env.HOST ?? (env.NODE_ENV === "production" ? "0.0.0.0" : "127.0.0.1");
  const server = app.listen(env.PORT, host, () => {
    // Finishes timed attempts whose deadline passed, also those that expired while the server was down.
    build.entry.module.startBackgroundWork();
    // One line per server, not per worker.
    if (cluster.isPrimary || cluster.worker?.id === 1) {
      const label = workers > 1 ? ` (${workers} workers)` : "";
      console.log(`Cairn is serving on http://${host === "0.0.0.0" ? "localhost" : host}:${env.PORT}${label}`);
    }
  });

  function shutDown() {
    server.close(() => process.exit(0));
    setTimeout(() => process.exit(0), 2000).unref();
  }
  process.on("SIGTERM", shutDown);
  process.on("SIGINT", shutDown);
}
