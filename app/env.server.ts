/**
 * The environment, validated once at start-up. Everything else asks this
 * module rather than reading process.env, so a missing or malformed setting
 * fails loudly before the first request instead of in the middle of one.
 */
import { z } from "zod";

const envSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  HOST: z.string().min(1).optional(),
  DATABASE_URL: z
    .string()
    .regex(/^(file:|libsql:|https?:|wss?:)/, "must start with file:, libsql:, http(s): or ws(s):")
    .default("file:data/cairn.db"),
  DATABASE_AUTH_TOKEN: z.string().optional(),
  /** HTTP worker processes sharing the port (node:cluster); default one per core (≤ 8) in production, else 1. */
  WEB_CONCURRENCY: z.coerce.number().int().min(1).max(64).optional(),
});

export type Env = z.infer<typeof envSchema>;

export function parseEnv(source: Record<string, string | undefined>): Env {
  const result = envSchema.safeParse(source);
  if (!result.success) {
    const lines = result.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`);
    throw new Error(`Invalid environment:\n${lines.join("\n")}`);
  }
  const env = result.data;
  if (!env.DATABASE_URL.startsWith("file:") && !env.DATABASE_AUTH_TOKEN && env.NODE_ENV === "production") {
    // A remote libSQL server without a token only works for a local sqld; say so.
    console.warn("DATABASE_URL points at a server and DATABASE_AUTH_TOKEN is not set.");
  }
  return env;
}

let cached: Env | undefined;
export function env(): Env {
  cached ??= parseEnv(process.env);
  return cached;
}
