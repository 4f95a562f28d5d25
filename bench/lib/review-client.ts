/**
 * A learner's phone, as far as the server can tell: the review page's
 * single-fetch requests over keep-alive HTTP/1.1, decoded with the same
 * turbo-stream format Remix's client reads.
 *
 *   GET  /review.data                       the loader: the next card
 *   POST /review.data  intent=answer&…      the action: result + next card
 *   POST /review.data  intent=rate&…        the action: re-rated result + next card
 */
import http from "node:http";
import { gunzipSync } from "node:zlib";
import { decode } from "turbo-stream";

export interface ShownCard {
  showingId: string;
  cardId: number;
  question: { id: string; type: string; options: string[] | null };
}

export interface AnswerResult {
  showingId: string;
  correct: boolean;
  rating: number;
  proposedRating: number;
  replayed: boolean;
}

export type ActionData =
  | { kind: "answered"; result: AnswerResult; next: ShownCard | null; remaining: number }
  | { kind: "undone"; message: string }
  | { kind: "error"; message: string };

/** The error of a request refused because the client was closed (the run ended). */
export const NOT_SENT = "not sent: the run had ended";

export interface Reply<T> {
  status: number;
  body: T | null;
}

export class ReviewClient {
  readonly agent: http.Agent;
  private readonly origin: string;

  constructor(
    readonly host: string,
    readonly port: number,
    maxSockets: number,
  ) {
    this.agent = new http.Agent({ keepAlive: true, maxSockets, maxFreeSockets: maxSockets });
    this.origin = `http://${host}:${port}`;
  }

  private stopped = false;

  private request(method: "GET" | "POST", path: string, cookie: string, form?: Record<string, string>) {
    if (this.stopped) return Promise.reject(new Error(NOT_SENT));
    const body = form ? new URLSearchParams(form).toString() : undefined;
    const headers: http.OutgoingHttpHeaders = { Cookie: cookie, "Accept-Encoding": "gzip" };
    if (body !== undefined) {
      headers["Content-Type"] = "application/x-www-form-urlencoded;charset=UTF-8";
      headers["Content-Length"] = Buffer.byteLength(body);
      headers.Origin = this.origin; // what a browser sends with a same-site POST
    }
    return new Promise<{ status: number; buffer: Buffer }>((resolve, reject) => {
      const req = http.request({ host: this.host, port: this.port, method, path, headers, agent: this.agent }, (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (chunk: Buffer) => chunks.push(chunk));
        res.on("error", reject);
        res.on("end", () => {
          let buffer = Buffer.concat(chunks);
          if (res.headers["content-encoding"] === "gzip") buffer = gunzipSync(buffer);
          resolve({ status: res.statusCode ?? 0, buffer });
        });
      });
      req.setTimeout(30_000, () => req.destroy(new Error(`${method} ${path} timed out after 30 s`)));
      req.on("error", reject);
      req.end(body);
    });
  }

  /** The review loader's data: the card to show now (null when nothing is due). */
  async next(cookie: string): Promise<Reply<{ card: ShownCard | null; remaining: number }>> {
    const { status, buffer } = await this.request("GET", "/review.data", cookie);
    if (status !== 200) return { status, body: null };
    const decoded = (await decodeTurboStream(buffer)) as Record<string, { data?: unknown }>;
    const data = decoded["routes/review"]?.data as { card: ShownCard | null; remaining: number } | undefined;
    return { status, body: data ?? null };
  }

  async answer(cookie: string, showingId: string, response: string, clientMs?: number): Promise<Reply<ActionData>> {
    const form: Record<string, string> = { intent: "answer", showingId, response };
    if (clientMs !== undefined) form.clientMs = String(Math.round(clientMs));
    return this.act(cookie, form);
  }

  async rate(cookie: string, showingId: string, rating: number): Promise<Reply<ActionData>> {
    return this.act(cookie, { intent: "rate", showingId, rating: String(rating) });
  }

  /** The page itself, as HTML (for the client JavaScript inventory). */
  async page(path: string, cookie: string): Promise<{ status: number; html: string }> {
    const { status, buffer } = await this.request("GET", path, cookie);
    return { status, html: buffer.toString("utf8") };
  }

  async asset(path: string): Promise<Buffer> {
    const { status, buffer } = await this.request("GET", path, "");
    if (status !== 200) throw new Error(`GET ${path}: HTTP ${status}`);
    return buffer;
  }

  private async act(cookie: string, form: Record<string, string>): Promise<Reply<ActionData>> {
    const { status, buffer } = await this.request("POST", "/review.data", cookie, form);
    // Action errors (400, 404, 409) still carry { kind: "error", message } in the stream.
    if (!buffer.length || !isTurboStream(buffer)) return { status, body: null };
    const decoded = (await decodeTurboStream(buffer)) as { data?: ActionData };
    return { status, body: decoded.data ?? null };
  }

  /** Aborts requests in flight and refuses new ones. */
  close() {
    this.stopped = true;
    this.agent.destroy();
  }
}

function isTurboStream(buffer: Buffer) {
  return buffer[0] === 0x5b; // "["
}

async function decodeTurboStream(buffer: Buffer): Promise<unknown> {
  const stream = new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(new Uint8Array(buffer));
      controller.close();
    },
  });
  const { value, done } = await decode(stream);
  await done;
  return value;
}
