/**
 * Accounts: creating users, hashing and checking passwords, looking users up.
 *
 * Passwords are hashed with argon2id (@node-rs/argon2's defaults: 19 MiB,
 * 2 passes, about 8 ms a hash here). Emails are stored normalised (trimmed,
 * lower-cased) so "Ada@Example.com" and "ada@example.com" are one account.
 * Roles are only ever set by code (sign-up makes learners, the user:create
 * command and the demo seed make the others), never read from a form.
 */
import { hash, verify } from "@node-rs/argon2";
import { asc, eq, like, sql } from "drizzle-orm";
import { randomBytes, randomUUID } from "node:crypto";
import { z } from "zod";
import type { Database } from "../../db/client";
import { roles, users, type User } from "../../db/schema";

export type Role = (typeof roles)[number];

/** What the rest of the app may see of a user: never the password hash. */
export type PublicUser = Pick<User, "id" | "email" | "name" | "role">;

// `Algorithm.Argon2id` is an ambient const enum, which TypeScript will not
// inline under isolatedModules; 2 is its value. Stated explicitly so that a
// change of the library's default cannot silently weaken new hashes.
const ARGON2ID = 2;

import { NAME_MAX, PASSWORD_MAX, PASSWORD_MIN } from "./account-rules";
export { NAME_MAX, PASSWORD_MAX, PASSWORD_MIN };

export const emailSchema = z
  .string({ required_error: "Enter your email address." })
  .trim()
  .toLowerCase()
  .max(254, "That email address is too long.")
  .email("Enter an email address like name@example.com.");

export const passwordSchema = z
  .string({ required_error: "Enter a password." })
  .min(PASSWORD_MIN, `Use at least ${PASSWORD_MIN} characters.`)
  .max(PASSWORD_MAX, `Use at most ${PASSWORD_MAX} characters.`);

export const nameSchema = z
  .string({ required_error: "Enter your name." })
  .trim()
  .min(1, "Enter your name.")
  .max(NAME_MAX, `Use at most ${NAME_MAX} characters.`);

export const roleSchema = z.enum(roles);

export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}

export function hashPassword(password: string): Promise<string> {
  return hash(password, { algorithm: ARGON2ID });
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    // A malformed stored hash is a failed check, not a crash mid-sign-in.
    return false;
  }
}

let dummyHash: Promise<string> | undefined;

/**
 * Spends the same work as a real password check, for sign-ins naming an
 * unknown email: otherwise a fast reply would tell an attacker which
 * addresses have accounts.
 */
export async function verifyAgainstDummy(password: string): Promise<false> {
  dummyHash ??= hashPassword(randomBytes(24).toString("base64url"));
  await verifyPassword(await dummyHash, password);
  return false;
}

/**
 * The stored hash of an account made without a password (a roster's new
 * learner, until they use their set-password link): no password verifies
 * against it, and checking one costs what a real check costs.
 */
export const NO_PASSWORD = "";

export class DuplicateEmailError extends Error {
  constructor(email: string) {
    super(`An account with the email ${email} already exists.`);
    this.name = "DuplicateEmailError";
  }
}

export interface NewUser {
  email: string;
  name: string;
  password: string;
  role: Role;
  /** IANA zone for the study day; UTC when not known. */
  timeZone?: string;
}

function toPublicUser(user: PublicUser): PublicUser {
  return { id: user.id, email: user.email, name: user.name, role: user.role };
}

/** Creates an account; throws DuplicateEmailError when the email is taken. */
export async function createUser(db: Database, input: NewUser, now: number): Promise<PublicUser> {
  const email = normaliseEmail(input.email);
  if (await getUserByEmail(db, email)) throw new DuplicateEmailError(email);
  const passwordHash = await hashPassword(input.password);
  const row = { id: randomUUID(), email, name: input.name.trim(), role: input.role, passwordHash, createdAt: now, timeZone: input.timeZone ?? "UTC" };
  try {
    await db.insert(users).values(row);
  } catch (error) {
    // Two sign-ups racing for one address: the unique index decides.
    if (/UNIQUE/i.test(String(error)) && (await getUserByEmail(db, email))) throw new DuplicateEmailError(email);
    throw error;
  }
  return toPublicUser(row);
}

export async function getUserByEmail(db: Database, email: string): Promise<User | undefined> {
  const [user] = await db.select().from(users).where(eq(users.email, normaliseEmail(email))).limit(1);
  return user;
}

export async function getUserById(db: Database, id: string): Promise<PublicUser | undefined> {
  const [user] = await db
    .select({ id: users.id, email: users.email, name: users.name, role: users.role })
    .from(users)
    .where(eq(users.id, id))
    .limit(1);
  return user;
}

/**
 * The user whose email and password these are, or null. Unknown email and
 * wrong password take the same time and give the same answer.
 */
export async function verifyCredentials(
  db: Database,
  email: string,
  password: string,
): Promise<PublicUser | null> {
  const user = await getUserByEmail(db, email);
  if (!user || user.passwordHash === NO_PASSWORD) return verifyAgainstDummy(password).then(() => null);
  return (await verifyPassword(user.passwordHash, password)) ? toPublicUser(user) : null;
}

export interface UserListing extends PublicUser {
  createdAt: number;
  /** False for an account made from a roster whose set-password link has not been used. */
  hasPassword: boolean;
}

export const USER_SEARCH_LIMIT = 50;

/** Accounts whose email contains `text` (any case), by email; at most USER_SEARCH_LIMIT. For admins. */
export async function searchUsersByEmail(db: Database, text: string): Promise<UserListing[]> {
  const needle = normaliseEmail(text);
  if (needle === "") return [];
  // LIKE's own wildcards in the search are matched as themselves.
  const pattern = `%${needle.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  return db
    .select({
      id: users.id,
      email: users.email,
      name: users.name,
      role: users.role,
      createdAt: users.createdAt,
      hasPassword: sql<boolean>`${users.passwordHash} <> ${NO_PASSWORD}`.mapWith(Boolean),
    })
    .from(users)
    .where(sql`${like(users.email, pattern)} ESCAPE '\\'`)
    .orderBy(asc(users.email))
    .limit(USER_SEARCH_LIMIT);
}
