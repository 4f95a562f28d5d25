/**
 * Demo accounts for a fresh development database: one instructor and three
 * learners with a known password, printed by `npm start` so there is
 * something to sign in with. Never in production, where the first admin is
 * created with `npm run -s user:create -- --role admin --email …`.
 */
import type { Database } from "../../db/client";
import { createUser, getUserByEmail, type PublicUser, type Role } from "./user.server";

/** Known on purpose: these accounts exist only outside production. */
export const DEMO_PASSWORD = "cairn-demo-password";

const DEMO_ACCOUNTS: ReadonlyArray<{ email: string; name: string; role: Role }> = [
  { email: "instructor@demo.cairn.test", name: "Iris Instructor", role: "instructor" },
  { email: "ada@demo.cairn.test", name: "Ada Learner", role: "learner" },
  { email: "ben@demo.cairn.test", name: "Ben Learner", role: "learner" },
  { email: "chloe@demo.cairn.test", name: "Chloe Learner", role: "learner" },
];

export interface DemoSignIn {
  user: PublicUser;
  password: string;
  /** False when the account was already there (seeding twice changes nothing). */
  created: boolean;
}

export class DemoInProductionError extends Error {
  constructor() {
    super("Refusing to create demo accounts with NODE_ENV=production.");
    this.name = "DemoInProductionError";
  }
}

/** Creates whichever demo accounts are missing; returns all of their sign-ins. */
export async function seedDemoAccounts(db: Database, now: number, nodeEnv: string | undefined): Promise<DemoSignIn[]> {
  if (nodeEnv === "production") throw new DemoInProductionError();
  const signIns: DemoSignIn[] = [];
  for (const account of DEMO_ACCOUNTS) {
    const existing = await getUserByEmail(db, account.email);
    if (existing) {
      signIns.push({
        user: { id: existing.id, email: existing.email, name: existing.name, role: existing.role },
        password: DEMO_PASSWORD,
        created: false,
      });
    } else {
      const user = await createUser(db, { ...account, password: DEMO_PASSWORD }, now);
      signIns.push({ user, password: DEMO_PASSWORD, created: true });
    }
  }
  return signIns;
}

/** The lines `npm start` prints. */
export function describeDemoSignIns(signIns: DemoSignIn[]): string[] {
  return signIns.map((s) => `  ${s.user.role.padEnd(10)} ${s.user.email}  password: ${s.password}`);
}
