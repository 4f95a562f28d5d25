/**
 * Creates an account from the command line, e.g. the first admin in production:
 *
 *   npm run -s user:create -- --role admin --email ada@example.com [--name "Ada L."]
 *
 * The password is never an argument (it would land in shell history and the
 * process list): it is read from stdin when stdin is not a terminal or with
 * --password-stdin (one line), otherwise prompted for twice without echo.
 * Works against DATABASE_URL, migrating it first.
 */
import { parseArgs } from "node:util";
import { migrateDatabase, openDatabase } from "../db/client";
import { parseEnv } from "../app/env.server";
import {
  createUser,
  DuplicateEmailError,
  emailSchema,
  nameSchema,
  passwordSchema,
  roleSchema,
} from "../app/models/user.server";
import { roles } from "../db/schema";

const USAGE = `Usage: npm run -s user:create -- --role <${roles.join("|")}> --email <address> [--name <name>] [--password-stdin]`;

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(Buffer.from(chunk));
  // Only the first line: `echo secret | …` and a file without a final newline both work.
  return Buffer.concat(chunks).toString("utf8").split(/\r?\n/)[0] ?? "";
}

/** Reads a line from the terminal without echoing it. */
function promptHidden(question: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const stdin = process.stdin;
    process.stderr.write(question);
    stdin.setRawMode(true);
    stdin.resume();
    stdin.setEncoding("utf8");
    let value = "";
    const finish = (error?: Error) => {
      stdin.setRawMode(false);
      stdin.pause();
      stdin.removeListener("data", onData);
      process.stderr.write("\n");
      if (error) reject(error);
      else resolve(value);
    };
    const onData = (chunk: string) => {
      for (const ch of chunk) {
        if (ch === "\r" || ch === "\n") return finish();
        if (ch === "\u0003" || ch === "\u0004") return finish(new Error("Cancelled."));
        if (ch === "\u007f" || ch === "\b") value = value.slice(0, -1);
        else value += ch;
      }
    };
    stdin.on("data", onData);
  });
}

async function readPassword(fromStdin: boolean): Promise<string> {
  if (fromStdin || !process.stdin.isTTY) return readStdin();
  const first = await promptHidden("Password: ");
  const second = await promptHidden("Repeat the password: ");
  if (first !== second) throw new Error("The two passwords differ; nothing was created.");
  return first;
}

function check<T>(result: { success: true; data: T } | { success: false; error: { issues: { message: string }[] } }, what: string): T {
  if (!result.success) throw new Error(`${what}: ${result.error.issues[0]?.message ?? "invalid"}`);
  return result.data;
}

async function main(): Promise<void> {
  let values;
  try {
    ({ values } = parseArgs({
      options: {
        role: { type: "string" },
        email: { type: "string" },
        name: { type: "string" },
        "password-stdin": { type: "boolean", default: false },
      },
      strict: true,
    }));
  } catch (error) {
    throw new Error(`${error instanceof Error ? error.message : String(error)}\n${USAGE}`);
  }
  if (!values.role || !values.email) throw new Error(USAGE);
  const role = roleSchema.safeParse(values.role);
  if (!role.success) throw new Error(`Role must be one of ${roles.join(", ")} (got "${values.role}").`);
  const email = check(emailSchema.safeParse(values.email), "Email");
  const name = check(nameSchema.safeParse(values.name ?? email.split("@")[0]), "Name");

  const env = parseEnv(process.env);
  const db = await openDatabase({ url: env.DATABASE_URL, authToken: env.DATABASE_AUTH_TOKEN });
  try {
    await migrateDatabase(db);
    const password = check(passwordSchema.safeParse(await readPassword(values["password-stdin"])), "Password");
    const user = await createUser(db, { email, name, password, role: role.data }, Date.now());
    console.log(`Created ${user.role} ${user.email} (id ${user.id}).`);
  } catch (error) {
    if (error instanceof DuplicateEmailError) throw new Error(`${error.message} Nothing was changed.`);
    throw error;
  } finally {
    db.$client.close();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : String(error));
  process.exitCode = 1;
});
