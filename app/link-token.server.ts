/**
 * Tokens that links carry: a cohort's invite link, a one-time set-password
 * link. 32 random bytes in base64url; stored only as their SHA-256 (hex), as
 * session tokens are (models/session.server.ts), so a leaked database opens
 * nothing. Pure apart from hashing (the random bytes are an argument).
 */
import { createHash } from "node:crypto";

export const LINK_TOKEN_BYTES = 32;
const LINK_TOKEN_SHAPE = /^[A-Za-z0-9_-]{43}$/; // 32 bytes in base64url, unpadded

/** The token a link carries, from LINK_TOKEN_BYTES random bytes. */
export function linkTokenFromBytes(bytes: Uint8Array): string {
  if (bytes.length !== LINK_TOKEN_BYTES) {
    throw new RangeError(`A link token needs ${LINK_TOKEN_BYTES} random bytes; got ${bytes.length}.`);
  }
  return Buffer.from(bytes).toString("base64url");
}

/** What is stored for a token: its SHA-256, hex. */
export function hashLinkToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

/** The stored hash to look up for a token from a link, or null when it cannot be one of ours. */
export function linkTokenLookup(token: string): string | null {
  return LINK_TOKEN_SHAPE.test(token) ? hashLinkToken(token) : null;
}
