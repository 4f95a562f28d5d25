import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import {
  hashInviteToken,
  INVITE_TOKEN_BYTES,
  inviteTokenFromBytes,
  inviteTokenLookup,
} from "~/teaching/invite-token.server";

describe("invite link tokens", () => {
  const seq = Uint8Array.from({ length: INVITE_TOKEN_BYTES }, (_, i) => i);

  it("the token is the given bytes in base64url, fit for a URL", () => {
    const token = inviteTokenFromBytes(seq);
    expect(token).toBe(Buffer.from(seq).toString("base64url"));
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
  });

  it("anything but 32 bytes throws", () => {
    expect(() => inviteTokenFromBytes(new Uint8Array(16))).toThrow(RangeError);
  });

  it("is stored as its SHA-256 in hex, never as itself", () => {
    const token = inviteTokenFromBytes(seq);
    const stored = hashInviteToken(token);
    expect(stored).toBe(createHash("sha256").update(token).digest("hex"));
    expect(stored).toMatch(/^[0-9a-f]{64}$/);
    expect(stored).not.toContain(token);
  });

  it("a token from a link is looked up by its hash; one that cannot be ours is not looked up at all", () => {
    const token = inviteTokenFromBytes(seq);
    expect(inviteTokenLookup(token)).toBe(hashInviteToken(token));
    expect(inviteTokenLookup(`${token}x`)).toBeNull();
    expect(inviteTokenLookup("not a token")).toBeNull();
  });
});
