/**
 * The token an invite link to a cohort carries. Stored only as its SHA-256,
 * as session tokens are (models/session.server.ts): a leaked database opens
 * no cohort. Pure (the random bytes are an argument), but it hashes with
 * node:crypto, so the name keeps it out of the browser bundle that pages
 * importing assignments.ts (join codes) would otherwise pull it into.
 */
import { createHash } from "node:crypto";

export const INVITE_TOKEN_BYTES = 32;
const INVITE_TOKEN_SHAPE = /^[A-Za-z0-9_-]{43}$/; // 32 bytes in base64url, unpadded

/** The token an invite link carries, from INVITE_TOKEN_BYTES random bytes. */
export function inviteTokenFromBytes(bytes: Uint8Array): string {
  if (bytes.length !== INVITE_TOKEN_BYTES) {
    throw new RangeError(`An invite token needs ${INVITE_TOKEN_BYTES} random bytes; got ${bytes.length}.`);
  }
  return Buffer.from(bytes).toString("base64url");
}

/** What is stored for an invite token: its SHA-256, hex (as session ids are). */
export function hashInviteToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

/** The stored hash to look up for a token from a link, or null when it cannot be one of ours. */
export function inviteTokenLookup(token: string): string | null {
  return INVITE_TOKEN_SHAPE.test(token) ? hashInviteToken(token) : null;
}
