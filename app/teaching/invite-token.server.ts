/**
 * The token an invite link to a cohort carries: a link token
 * (app/link-token.server.ts), stored only as its SHA-256, so a leaked
 * database opens no cohort. Its own .server file, so a page that shows a join
 * code (assignments.ts) does not pull node:crypto into the browser.
 */
export {
  LINK_TOKEN_BYTES as INVITE_TOKEN_BYTES,
  linkTokenFromBytes as inviteTokenFromBytes,
  hashLinkToken as hashInviteToken,
  linkTokenLookup as inviteTokenLookup,
} from "../link-token.server";
