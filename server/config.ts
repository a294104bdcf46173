import "server-only";
import { randomBytes } from "node:crypto";
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";

// Every environment variable Tessera reads is read here (README "Configuration").

export class ConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "ConfigError";
  }
}

export type DatabaseConfig = { kind: "pglite"; dataDir: string } | { kind: "postgres"; url: string };

export function dataDir(env: NodeJS.ProcessEnv = process.env): string {
  // A run-time folder, not part of the build: keep it out of output file tracing.
  return path.resolve(/*turbopackIgnore: true*/ env.TESSERA_DATA_DIR || ".data");
}

/** Whether Tessera runs as Vercel functions: Vercel sets VERCEL=1 in its builds and its functions. */
export function onVercel(env: NodeJS.ProcessEnv = process.env): boolean {
  return env.VERCEL === "1";
}

export function databaseConfig(env: NodeJS.ProcessEnv = process.env): DatabaseConfig {
  const url = env.DATABASE_URL?.trim();
  if (!url && onVercel(env)) {
    throw new ConfigError(
      "On Vercel, Tessera needs DATABASE_URL: the embedded database keeps its data on a local disk, and a Vercel " +
        "function has none that lasts (each instance starts empty and is thrown away). Set DATABASE_URL to your " +
        "PostgreSQL provider's pooled connection URL in the project's Environment Variables, and redeploy.",
    );
  }
  if (!url) return { kind: "pglite", dataDir: dataDir(env) };
  if (/^postgres(ql)?:\/\//.test(url)) {
    // pg would only say "Invalid URL", request after request; a typo is a configuration error.
    if (!URL.canParse(url)) {
      throw new ConfigError("DATABASE_URL is not a valid URL: check it for spaces, and percent-encode @ : / # ? in the password.");
    }
    return { kind: "postgres", url };
  }
  throw new ConfigError(
    `DATABASE_URL must start with postgres:// or postgresql:// (it starts with "${url.split(":")[0]}:"). ` +
      `Unset it to use the embedded database in TESSERA_DATA_DIR.`,
  );
}

/**
 * How long Tessera waits on PostgreSQL for any one thing (a connection, a free pooled
 * connection, a statement) before it answers 503; server/db/postgres.ts applies it.
 */
export function databaseTimeoutMs(env: NodeJS.ProcessEnv = process.env): number {
  const raw = env.TESSERA_DATABASE_TIMEOUT_MS?.trim();
  if (!raw) return 3000;
  const ms = Number(raw);
  if (!Number.isInteger(ms) || ms < 100 || ms > 3_600_000) {
    throw new ConfigError(`TESSERA_DATABASE_TIMEOUT_MS must be a whole number of milliseconds from 100 to 3600000 (it is "${raw}").`);
  }
  return ms;
}

/**
 * Whether opening the database applies pending migrations ("apply") or only checks that
 * none is pending ("check"). TESSERA_SKIP_MIGRATIONS=1 leaves them to the operator
 * (`npm run db:migrate`, a job before the rollout); on Vercel the build applies them
 * (scripts/vercel-build.mjs), once per deployment, and functions only check.
 */
export function migrationMode(env: NodeJS.ProcessEnv = process.env): "apply" | "check" {
  const raw = env.TESSERA_SKIP_MIGRATIONS?.trim() ?? "";
  if (raw !== "" && raw !== "0" && raw !== "1") {
    throw new ConfigError(`TESSERA_SKIP_MIGRATIONS must be 1 (do not apply migrations at start) or 0 (it is "${raw}").`);
  }
  return raw === "1" || onVercel(env) ? "check" : "apply";
}

/**
 * The most connections one process keeps to PostgreSQL. Functions on Vercel get few: many
 * instances run at once, each serving its requests with one or two statements, and the
 * provider's pooler multiplexes them onto the server.
 */
export function databasePoolMax(env: NodeJS.ProcessEnv = process.env): number {
  const raw = env.TESSERA_DATABASE_POOL_MAX?.trim();
  if (!raw) return onVercel(env) ? 5 : 10;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 1 || n > 1000) {
    throw new ConfigError(`TESSERA_DATABASE_POOL_MAX must be a whole number from 1 to 1000 (it is "${raw}").`);
  }
  return n;
}

const SECRET_FILE = "nextauth-secret";

/**
 * The key that signs session cookies. On the embedded database one instance owns the
 * data folder, so a secret generated there on first start is safe and needs no
 * setup. Several instances sharing PostgreSQL must share a secret: require it.
 */
export function authSecret(env: NodeJS.ProcessEnv = process.env): string {
  const fromEnv = env.NEXTAUTH_SECRET?.trim();
  if (fromEnv) return fromEnv;
  const db = databaseConfig(env);
  if (db.kind === "postgres") {
    if (env.NODE_ENV === "production") {
      throw new ConfigError(
        "NEXTAUTH_SECRET is not set. With DATABASE_URL every Tessera instance must sign sessions with the same " +
          "secret: set NEXTAUTH_SECRET to a random string of at least 32 characters (e.g. `openssl rand -base64 32`).",
      );
    }
    return "tessera-development-secret-do-not-use-in-production";
  }
  const file = path.join(db.dataDir, SECRET_FILE);
  if (existsSync(file)) return readFileSync(file, "utf8").trim();
  mkdirSync(db.dataDir, { recursive: true });
  const secret = randomBytes(32).toString("base64url");
  writeFileSync(file, `${secret}\n`, { mode: 0o600, flag: "wx" });
  chmodSync(file, 0o600);
  return secret;
}

/**
 * The dashboard's public address: NEXTAUTH_URL, else localhost on PORT. Links and documents
 * that name Tessera's own address use this, never the request's Host header, which the
 * client writes.
 */
export function publicUrl(env: NodeJS.ProcessEnv = process.env): string {
  const configured = env.NEXTAUTH_URL?.trim();
  return (configured || `http://localhost:${env.PORT || 3000}`).replace(/\/+$/, "");
}

/** How many proxies in front of Next may be trusted to append X-Forwarded-For entries. */
export function trustedProxies(env: NodeJS.ProcessEnv = process.env): number {
  const n = Number(env.TESSERA_TRUSTED_PROXIES ?? "0");
  return Number.isInteger(n) && n >= 0 ? n : 0;
}

/**
 * Whether session cookies are `__Secure-` cookies, the rule next-auth applies when it is
 * left to decide (an https NEXTAUTH_URL; on Vercel without one, the request, always
 * https there). Tessera tells next-auth explicitly, so that the cookie it sets and the
 * one Tessera reads on every request (server/auth/session.ts) are the same.
 */
export function secureCookies(env: NodeJS.ProcessEnv = process.env): boolean {
  const url = env.NEXTAUTH_URL?.trim();
  if (url) return url.startsWith("https://");
  return Boolean(env.VERCEL);
}
