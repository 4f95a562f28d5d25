/**
 * Stable identifiers: a question's id hashes its module and its content, so
 * re-importing unchanged material gives the same ids (and keeps a learner's
 * history); the sibling key hashes the module, the fact's answer and its
 * source sentence, shared by every form that asks that fact.
 */
import { hash } from "node:crypto";
import { normaliseAnswer } from "./text";

/** Hex digits of the digest an id keeps. */
const ID_DIGITS = 20;
/**
 * Scratch for the character codes of one id: a two-character prefix and
 * ID_DIGITS hex digits. Its length never changes (emptying an array frees its
 * storage, and refilling it reallocates), so building an id allocates only the id.
 */
const idCodes: number[] = new Array<number>(2 + ID_DIGITS).fill(0);

/**
 * `prefix` and the first 20 hex digits of the SHA-256 of the parts (joined by NUL), as one flat
 * string: a slice of the digest, prefixed, would keep a rope and the whole
 * 64-digit digest alive for each of the course's ~135k questions. The digest is
 * asked for as hex, a string made by the hash itself (as a Buffer it is an object
 * and a backing store per id, half the cost of an id), and the id is made from
 * its character codes in one step.
 */
function prefixedDigest(prefix: "q_" | "s_", joined: string): string {
  const digest = hash("sha256", joined, "hex");
  idCodes[0] = prefix.charCodeAt(0);
  idCodes[1] = prefix.charCodeAt(1);
  for (let i = 0; i < ID_DIGITS; i++) idCodes[2 + i] = digest.charCodeAt(i);
  return String.fromCharCode.apply(null, idCodes);
}

export function questionId(moduleKey: string, type: string, prompt: string, answer: string): string {
  return prefixedDigest("q_", `${moduleKey}\u0000${type}\u0000${prompt}\u0000${answer}`);
}

/**
 * Shared by every question made from one source sentence, whatever it asks: the first answer
 * shown of one gives the others away, so a learner meets one of them a day.
 */
export function siblingKey(moduleKey: string, sourceSentence: string): string {
  return prefixedDigest("s_", `${moduleKey}\u0000${sourceSentence.trim()}`);
}

/**
 * A deterministic pseudo-random order key (for shuffling options and picking
 * distractors without randomness). FNV-1a: cheap, and order is all it decides.
 */
export function orderKey(...parts: string[]): string {
  return keyOf(orderNumber(...parts));
}

/** orderKey as an unsigned 32-bit number: the same order, without a string per key (the distractor pool holds ~150k). */
export function orderNumber(...parts: string[]): number {
  // A loop, not reduce: the parts need not escape into an array the pool would make for every candidate.
  let h = FNV_START;
  for (let i = 0; i < parts.length; i++) h = mixPart(h, parts[i]);
  return h >>> 0;
}

const FNV_START = 0x811c9dc5;

/** The FNV state after one more part (parts are separated, so "ab"+"c" differs from "a"+"bc"). */
export function mixPart(h: number, part: string): number {
  for (let i = 0; i < part.length; i++) {
    h ^= part.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return Math.imul(h, 0x01000193);
}

/** orderNumber(...prefix, last) for many `last`s, the prefix hashed once. */
export function orderKeysAfter(prefix: string[]): (last: string) => number {
  const h = prefix.reduce(mixPart, FNV_START);
  return (last) => mixPart(h, last) >>> 0;
}

function keyOf(h: number): string {
  return (h >>> 0).toString(16).padStart(8, "0");
}
