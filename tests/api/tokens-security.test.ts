import { createHash } from "node:crypto";
import { PGlite } from "@electric-sql/pglite";
import { Client as PgClient } from "pg";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { ApiError } from "@/lib/errors";
import { generateToken, isWellFormedToken } from "@/lib/tokens/format";
import { type Db, getDb } from "@/server/db";
import { useCounterStore } from "@/server/limits/rate-limit";
import { discardPendingUsage, flushUsage, recordUsage } from "@/server/tokens/usage";
import { authenticateToken, TOKEN_FAILURE_LIMIT } from "@/server/tokens/verify";
import { brokenCounterStore, useFreshCounterStore, useFreshDatabase, usingPostgres } from "../helpers/db";
import { makeUser } from "../helpers/fixtures";
import { client, sessionCookieFor, startServer, type TestServer } from "../helpers/http";

// The security properties of tokens (docs/security.md), over real HTTP: secrets are
// stored and logged nowhere; a deleted, superseded or expired token stops at once; bad
// tokens are refused before the database; guessing is rate limited per client IP
// without locking a real token out; a scoped token stays inside its grants; usage is
// accounted off the request path; tokens are not ambient credentials.
//
// The failure limiter and the usage buffer are process-wide, so every test that fails
// authentication does it from its own address: TESSERA_TRUSTED_PROXIES=1 makes the
// X-Forwarded-For entry we send (left of the peer address the server appends) the
// client IP.

let db: Db;
let server: TestServer;
let admin: ReturnType<typeof client>;
let anon: ReturnType<typeof client>;
let adminId: number;
const ADMIN_EMAIL = "security-admin@example.com";
const savedProxies = process.env.TESSERA_TRUSTED_PROXIES;
const ids: Record<string, number> = {};

beforeAll(async () => {
  process.env.TESSERA_TRUSTED_PROXIES = "1";
  db = await useFreshDatabase();
  server = await startServer();
  const user = await makeUser(db, { email: ADMIN_EMAIL, name: "Security Admin", superAdmin: true });
  adminId = user.id;
  admin = client(server, await sessionCookieFor(user.id));
  anon = client(server);
  const alpha = await db.project.create({ data: { name: "alpha" } });
  const beta = await db.project.create({ data: { name: "beta" } });
  const dev = await db.environment.create({ data: { name: "dev", namespace: "dev" } });
  ids.alpha = alpha.id;
  ids.beta = beta.id;
  ids.dev = dev.id;
  ids.alphaWeb = (await db.app.create({ data: { name: "alpha-web", projectId: alpha.id, createdBy: "seed" } })).id;
  ids.betaApi = (await db.app.create({ data: { name: "beta-api", projectId: beta.id, createdBy: "seed" } })).id;
  ids.betaHelm = (
    await db.helmApp.create({
      data: { name: "beta-redis", projectId: beta.id, environmentId: dev.id, chart: "bitnami/redis", version: "1.0.0" },
    })
  ).id;
  ids.group = (await db.chartGroup.create({ data: { name: "base-charts" } })).id;
});
afterAll(async () => {
  if (savedProxies === undefined) delete process.env.TESSERA_TRUSTED_PROXIES;
  else process.env.TESSERA_TRUSTED_PROXIES = savedProxies;
  await server.close();
});
afterEach(() => {
  vi.restoreAllMocks();
});

// ---------------------------------------------------------------------------------------
// Helpers

type TokenJson = { id: number; name: string; expiresAt: string | null; version: number };
const NO_GRANTS = { superAdmin: false, grants: [] };
const sha256 = (s: string) => createHash("sha256").update(s).digest("hex");

let ipCounter = 0;
/** A fresh client address for one test: 10.9.0.N. */
const freshIp = () => {
  ipCounter += 1;
  return `10.9.0.${ipCounter}`;
};
const from = (ip: string) => ({ "x-forwarded-for": ip });

const UNAUTHORIZED = {
  type: "about:blank",
  title: "Unauthorized",
  status: 401,
  code: "unauthorized",
  detail: "The token is not valid. Check that it was copied whole, and that it was not deleted or regenerated.",
};
const EXPIRED = {
  type: "about:blank",
  title: "Token expired",
  status: 401,
  code: "token_expired",
  detail: "This token has expired. Regenerate it to get a new one.",
};
const rateLimited = () => ({
  type: "about:blank",
  title: "Too many requests",
  status: 429,
  code: "rate_limited",
  detail: expect.stringMatching(/^Too many failed authentication attempts from your address\. Try again in \d+ seconds\.$/),
});
const forbidden = (detail: string | RegExp) => ({
  type: "about:blank",
  title: "Forbidden",
  status: 403,
  code: "forbidden",
  detail: typeof detail === "string" ? detail : expect.stringMatching(detail),
});
const notFound = (detail: string) => ({ type: "about:blank", title: "Not found", status: 404, code: "not_found", detail });

async function create(name: string, extra: Record<string, unknown> = {}) {
  const res = await admin("POST", "/api/v1/tokens", { name, permissions: NO_GRANTS, ...extra });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return { token: res.body.token as TokenJson, secret: res.body.secret as string };
}

/** A request carrying a token, from a given client IP. */
function withToken(secret: string, ip: string, header: "bearer" | "token" = "bearer") {
  const auth: Record<string, string> = header === "bearer" ? { authorization: `Bearer ${secret}` } : { token: secret };
  return (method: string, path: string, body?: unknown) => anon(method, path, body, { ...auth, ...from(ip) });
}

/** Every row of every table of the current schema, as text. */
async function dumpDatabase(): Promise<string> {
  const tables = await db.$queryRawUnsafe<{ table_name: string }[]>(
    "SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema()",
  );
  expect(tables.map((t) => t.table_name)).toEqual(
    expect.arrayContaining(["ApiToken", "ApiTokenUsage", "AuditEvent", "User", "_prisma_migrations"]),
  );
  const dump: Record<string, unknown[]> = {};
  for (const { table_name } of tables) dump[table_name] = await db.$queryRawUnsafe<unknown[]>(`SELECT * FROM "${table_name}"`);
  return JSON.stringify(dump, (_k, v: unknown) => (typeof v === "bigint" ? v.toString() : v));
}

/**
 * Counts every statement sent to the database, whatever issues it (Prisma or a plain
 * parameterised query): spies on the drivers themselves, PGlite and node-postgres.
 * `count` leaves out the failure limiter's own counter, which on PostgreSQL is a shared
 * table (a failure is counted there, in one statement); `limiter` counts those alone.
 */
async function spyOnDatabaseQueries() {
  // No usage flush may fire in the middle of the measurement.
  await quiesceUsage();
  const spies = [
    vi.spyOn(PGlite.prototype, "query"),
    vi.spyOn(PGlite.prototype, "exec"),
    vi.spyOn(PGlite.prototype, "transaction"),
    vi.spyOn(PgClient.prototype, "query"),
  ];
  const text = (arg: unknown) => (typeof arg === "string" ? arg : typeof arg === "object" && arg && "text" in arg ? String(arg.text) : "");
  const isLimiter = (arg: unknown) => text(arg).includes('"RateLimitCounter"');
  const calls = () => spies.flatMap((s) => s.mock.calls.map((c: unknown[]) => c[0]));
  return {
    count: () => calls().filter((c) => !isLimiter(c)).length,
    limiter: () => calls().filter(isLimiter).length,
    reset: () => {
      for (const s of spies) s.mockClear();
    },
  };
}

/** Writes pending usage and cancels the flush timer, so no background write lands in a test. */
async function quiesceUsage() {
  await flushUsage();
  discardPendingUsage();
  const state = (globalThis as { __tesseraUsage?: { timer?: NodeJS.Timeout } }).__tesseraUsage;
  if (state?.timer) {
    clearTimeout(state.timer);
    state.timer = undefined;
  }
}

/** Everything that looks like the secret: the whole, the random part, and a middle piece the preview does not show. */
const secretPieces = (secret: string) => [secret, secret.slice(4, 44), secret.slice(8, 40), secret.slice(4)];

// ---------------------------------------------------------------------------------------

describe("secrets are stored and written nowhere", () => {
  it("after create, use, regenerate (with grace), Devtron create and delete, no secret is in any table or any console output", async () => {
    const output: string[] = [];
    const capture = (...args: unknown[]) => {
      output.push(
        args
          .map((a) =>
            typeof a === "string"
              ? a
              : a instanceof Uint8Array
                ? Buffer.from(a).toString()
                : (() => {
                    try {
                      return JSON.stringify(a) ?? String(a);
                    } catch {
                      return String(a);
                    }
                  })(),
          )
          .join(" "),
      );
    };
    for (const level of ["log", "info", "warn", "error", "debug", "trace"] as const) {
      vi.spyOn(console, level).mockImplementation((...args: unknown[]) => capture(...args));
    }
    const realOut = process.stdout.write.bind(process.stdout);
    const realErr = process.stderr.write.bind(process.stderr);
    vi.spyOn(process.stdout, "write").mockImplementation(((chunk: unknown, ...rest: unknown[]) => {
      capture(chunk);
      return (realOut as (...a: unknown[]) => boolean)(chunk, ...rest);
    }) as typeof process.stdout.write);
    vi.spyOn(process.stderr, "write").mockImplementation(((chunk: unknown, ...rest: unknown[]) => {
      capture(chunk);
      return (realErr as (...a: unknown[]) => boolean)(chunk, ...rest);
    }) as typeof process.stderr.write);

    // The capture itself works.
    console.log("capture-canary");
    process.stdout.write("stdout-canary\n");
    expect(output.join("\n")).toMatch(/capture-canary[\s\S]*stdout-canary/);

    const ip = freshIp();
    const secrets: string[] = [];
    const a = await create("leak-check-a", { permissions: { superAdmin: true } });
    const b = await create("leak-check-b", { expiresAt: null });
    secrets.push(a.secret, b.secret);
    // Use them, through both headers, including on a failing path.
    expect((await withToken(a.secret, ip)("GET", "/api/v1/tokens")).status).toBe(200);
    expect((await withToken(b.secret, ip, "token")("GET", "/api/v1/me")).status).toBe(200);
    expect((await withToken(b.secret, ip)("GET", "/api/v1/tokens")).status).toBe(403);
    // Regenerate with and without grace; both generations are secrets.
    const r1 = await admin("POST", `/api/v1/tokens/${a.token.id}/regenerate`, { graceSeconds: 600 });
    const r2 = await admin("POST", `/api/v1/tokens/${b.token.id}/regenerate`, { expiresInDays: 7 });
    secrets.push(r1.body.secret as string, r2.body.secret as string);
    expect((await withToken(a.secret, ip)("GET", "/api/v1/me")).status).toBe(200);
    expect((await withToken(b.secret, ip)("GET", "/api/v1/me")).status).toBe(401);
    // The Devtron surface, with a token acting as the admin.
    const dev = await withToken(r1.body.secret as string, ip, "token")("POST", "/orchestrator/api-token", {
      name: "leak-check-devtron",
      description: "",
      expireAtInMs: 0,
    });
    expect(dev.status).toBe(200);
    const devSecret = (dev.body.result as { token: string }).token;
    secrets.push(devSecret);
    const put = await admin("PUT", `/orchestrator/api-token/${(dev.body.result as { userId: number }).userId}`, {
      description: "x",
      expireAtInMs: Date.now() + 86_400_000,
    });
    secrets.push((put.body.result as { token: string }).token);
    await admin("DELETE", `/api/v1/tokens/${b.token.id}`);
    await flushUsage();

    for (const s of secrets) expect(isWellFormedToken(s)).toBe(true);
    expect(new Set(secrets).size).toBe(secrets.length);
    const dump = await dumpDatabase();
    const logged = output.join("\n");
    for (const s of secrets) {
      for (const piece of secretPieces(s)) {
        expect(dump, "a secret is in the database").not.toContain(piece);
        expect(logged, "a secret was written to the console").not.toContain(piece);
      }
    }
    // What is stored is the hash: present for the live secret, and for the old one in its grace period.
    expect(dump).toContain(sha256(r1.body.secret as string));
    expect(dump).toContain(sha256(a.secret));
    // …and the hash is in no audit event.
    expect(JSON.stringify(await db.auditEvent.findMany())).not.toMatch(/[0-9a-f]{64}/);
  });
});

// ---------------------------------------------------------------------------------------

describe("a token stops working at once", () => {
  it("after DELETE: the very next request is 401, through either header", async () => {
    const ip = freshIp();
    const { token, secret } = await create("delete-now", { permissions: { superAdmin: true } });
    expect((await withToken(secret, ip)("GET", "/api/v1/me")).status).toBe(200);
    expect((await admin("DELETE", `/api/v1/tokens/${token.id}`)).status).toBe(204);
    for (const header of ["bearer", "token"] as const) {
      const res = await withToken(secret, ip, header)("GET", "/api/v1/me");
      expect(res.status).toBe(401);
      expect(res.body).toEqual(UNAUTHORIZED);
    }
  });

  it("a token can delete itself, and is refused right after", async () => {
    const ip = freshIp();
    const { token, secret } = await create("self-delete", { permissions: { superAdmin: true } });
    expect((await withToken(secret, ip)("DELETE", `/api/v1/tokens/${token.id}`)).status).toBe(204);
    expect((await withToken(secret, ip)("GET", "/api/v1/me")).body).toEqual(UNAUTHORIZED);
  });

  it("after regenerate without grace: the old secret is 401, the new one 200", async () => {
    const ip = freshIp();
    const { token, secret } = await create("regen-now");
    const res = await admin("POST", `/api/v1/tokens/${token.id}/regenerate`, {});
    expect((await withToken(secret, ip)("GET", "/api/v1/me")).body).toEqual(UNAUTHORIZED);
    expect((await withToken(res.body.secret as string, ip)("GET", "/api/v1/me")).status).toBe(200);
  });

  it("after regenerate with graceSeconds: both work within the window, the old one is 401 after it", async () => {
    const ip = freshIp();
    const { token, secret } = await create("regen-grace");
    const before = Date.now();
    const res = await admin("POST", `/api/v1/tokens/${token.id}/regenerate`, { graceSeconds: 300 });
    const fresh = res.body.secret as string;
    const row = await db.apiToken.findUniqueOrThrow({ where: { id: token.id } });
    expect(row.previousHash).toBe(sha256(secret));
    expect(Math.abs(row.previousValidUntil!.getTime() - (before + 300_000))).toBeLessThan(60_000);
    expect((await withToken(secret, ip)("GET", "/api/v1/me")).body).toMatchObject({ type: "token", id: token.id });
    expect((await withToken(fresh, ip)("GET", "/api/v1/me")).status).toBe(200);

    await db.apiToken.update({ where: { id: token.id }, data: { previousValidUntil: new Date(Date.now() - 1000) } });
    expect((await withToken(secret, ip)("GET", "/api/v1/me")).body).toEqual(UNAUTHORIZED);
    expect((await withToken(fresh, ip)("GET", "/api/v1/me")).status).toBe(200);
  });

  it("a grace period never outlives the old secret's own expiry, and ends with another regenerate or a delete", async () => {
    const ip = freshIp();
    const { token, secret } = await create("grace-bounds", { expiresInDays: 1 });
    const res = await admin("POST", `/api/v1/tokens/${token.id}/regenerate`, { graceSeconds: 604800, expiresInDays: 30 });
    const row = await db.apiToken.findUniqueOrThrow({ where: { id: token.id } });
    expect(row.previousValidUntil!.toISOString()).toBe(token.expiresAt);
    expect((await withToken(secret, ip)("GET", "/api/v1/me")).status).toBe(200);

    // Another regenerate (no grace) ends the first grace period.
    const second = await admin("POST", `/api/v1/tokens/${token.id}/regenerate`, { graceSeconds: 0 });
    expect((await withToken(secret, ip)("GET", "/api/v1/me")).status).toBe(401);
    expect((await withToken(res.body.secret as string, ip)("GET", "/api/v1/me")).status).toBe(401);
    const third = second.body.secret as string;

    // A fresh grace period, then delete: everything stops.
    const fourth = await admin("POST", `/api/v1/tokens/${token.id}/regenerate`, { graceSeconds: 600 });
    expect((await withToken(third, ip)("GET", "/api/v1/me")).status).toBe(200);
    await admin("DELETE", `/api/v1/tokens/${token.id}`);
    expect((await withToken(third, ip)("GET", "/api/v1/me")).status).toBe(401);
    expect((await withToken(fourth.body.secret as string, ip)("GET", "/api/v1/me")).status).toBe(401);
  });

  it("an expired token answers 401 token_expired and nothing else about the token; it is not counted as a guess", async () => {
    const ip = freshIp();
    const { token, secret } = await create("expired-quietly", { description: "do not reveal", permissions: { superAdmin: true } });
    const past = new Date(Date.now() - 60_000);
    await db.apiToken.update({ where: { id: token.id }, data: { expiresAt: past } });
    for (let i = 0; i < TOKEN_FAILURE_LIMIT + 5; i++) {
      const res = await withToken(secret, ip)("GET", "/api/v1/me");
      expect(res.status).toBe(401);
      expect(res.body).toEqual(EXPIRED);
      const everything = JSON.stringify(res.body) + JSON.stringify([...res.headers]);
      for (const leak of ["expired-quietly", "do not reveal", past.toISOString(), past.toISOString().slice(0, 10)])
        expect(everything).not.toContain(leak);
    }
    // An expiry exactly now is expired too.
    await db.apiToken.update({ where: { id: token.id }, data: { expiresAt: new Date() } });
    expect((await withToken(secret, ip)("GET", "/api/v1/me")).body).toEqual(EXPIRED);
    // Regenerating brings it back.
    const regen = await admin("POST", `/api/v1/tokens/${token.id}/regenerate`, { expiresInDays: 7 });
    expect((await withToken(regen.body.secret as string, ip)("GET", "/api/v1/me")).status).toBe(200);
  });
});

// ---------------------------------------------------------------------------------------

describe("bad token headers are refused before the database", () => {
  let queries: Awaited<ReturnType<typeof spyOnDatabaseQueries>>;
  beforeEach(async () => {
    expect(await getDb()).toBe(db);
    queries = await spyOnDatabaseQueries();
  });

  const valid = generateToken();
  const flip = (s: string, i: number) => s.slice(0, i) + (s[i] === "A" ? "B" : "A") + s.slice(i + 1);
  const cases: [string, Record<string, string>][] = [
    ["a token with spaces inside (Bearer)", { authorization: `Bearer ${valid.slice(0, 20)} ${valid.slice(20)}` }],
    ["a token with spaces inside (token header)", { token: `${valid.slice(0, 20)} ${valid.slice(21)}` }],
    ["10 kB of text", { authorization: `Bearer ${`tsr_${"A".repeat(10_240)}`}` }],
    ["10 kB of text in the token header", { token: "x".repeat(10_240) }],
    ["the right prefix with a wrong checksum", { authorization: `Bearer ${flip(valid, 49)}` }],
    ["a changed random character (checksum catches it)", { token: flip(valid, 10) }],
    ["the wrong prefix", { authorization: `Bearer ghp_${valid.slice(4)}` }],
    ["an upper-case prefix", { authorization: `Bearer TSR_${valid.slice(4)}` }],
    ["one character short", { authorization: `Bearer ${valid.slice(0, -1)}` }],
    ["Authorization: Basic", { authorization: `Basic ${Buffer.from("admin:password").toString("base64")}` }],
    ["Authorization: Basic with a valid-looking token", { authorization: `Basic ${valid}` }],
    ["an empty Bearer", { authorization: "Bearer " }],
    ["an empty token header", { token: "" }],
    ["the SHA-256 of a token (a pasted hash)", { authorization: `Bearer ${sha256(valid)}` }],
    ["a JWT", { authorization: "Bearer eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.c2lnbmF0dXJl" }],
    ["a non-ASCII lookalike character", { token: `${valid.slice(0, 10)}\u00e9${valid.slice(11)}`.normalize("NFC") }],
  ];

  it.each(cases)("%s → 401 unauthorized, no lookup", async (_name, headers) => {
    const ip = freshIp();
    const res = await anon("GET", "/api/v1/me", undefined, { ...headers, ...from(ip) });
    expect(res.status).toBe(401);
    expect(res.body).toEqual(UNAUTHORIZED);
    expect(queries.count()).toBe(0);
    // The failure itself is counted: in memory on PGlite, in the shared table on PostgreSQL.
    expect(queries.limiter()).toBe(usingPostgres ? 1 : 0);
  });

  it.each([
    ["a newline inside", `${valid.slice(0, 25)}\n${valid.slice(25)}`],
    ["a CRLF after it", `${valid}\r\n`],
    ["a newline replacing a character", `${valid.slice(0, 25)}\n${valid.slice(26)}`],
    ["a NUL inside", `${valid.slice(0, 25)}\u0000${valid.slice(26)}`],
    ["a tab inside", `${valid.slice(0, 25)}\t${valid.slice(26)}`],
    ["a Cyrillic lookalike", `${valid.slice(0, 10)}\u0410${valid.slice(11)}`],
    ["full-width digits", `tsr_${"\uff11".repeat(46)}`],
  ])(
    "%s (not sendable through fetch): isWellFormedToken is false and authenticateToken throws unauthorized without a lookup",
    async (_name, token) => {
      expect(isWellFormedToken(token)).toBe(false);
      const error = await authenticateToken(token, freshIp()).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ApiError);
      expect((error as ApiError).toProblem()).toEqual(UNAUTHORIZED);
      expect(queries.count()).toBe(0);
    },
  );

  it("a well-formed but unknown token is looked up once, then refused", async () => {
    const res = await anon("GET", "/api/v1/me", undefined, { authorization: `Bearer ${generateToken()}`, ...from(freshIp()) });
    expect(res.body).toEqual(UNAUTHORIZED);
    expect(queries.count()).toBe(1);
  });

  it("a token in the URL is not a credential", async () => {
    const { secret } = await create("not-in-urls", { permissions: { superAdmin: true } });
    await quiesceUsage();
    queries.reset();
    const res = await anon("GET", `/api/v1/me?token=${secret}`, undefined, from(freshIp()));
    expect(res.status).toBe(401);
    expect(res.body).toMatchObject({ code: "unauthorized" });
    expect(queries.count()).toBe(0);
  });

  it("Authorization wins over the token header: a bad Bearer is not rescued by a good token header", async () => {
    const { secret } = await create("header-precedence", { permissions: { superAdmin: true } });
    const res = await anon("GET", "/api/v1/me", undefined, { authorization: "Bearer nope", token: secret, ...from(freshIp()) });
    expect(res.body).toEqual(UNAUTHORIZED);
  });

  it("a good token with surrounding spaces or a lower-case 'bearer' still works", async () => {
    const { secret } = await create("lenient-spacing", { permissions: { superAdmin: true } });
    const ip = freshIp();
    expect((await anon("GET", "/api/v1/me", undefined, { authorization: `bearer   ${secret}  `, ...from(ip) })).status).toBe(200);
    expect((await anon("GET", "/api/v1/me", undefined, { token: `  ${secret}`, ...from(ip) })).status).toBe(200);
  });
});

// ---------------------------------------------------------------------------------------

describe("rate limiting failed attempts per client IP", () => {
  it(`answers the first ${TOKEN_FAILURE_LIMIT} failures 401, then 429 with Retry-After; a valid token from the same IP still gets in`, async () => {
    const ip = freshIp();
    const { token, secret } = await create("rate-limit-survivor", { permissions: { superAdmin: true } });
    const bad = { authorization: `Bearer ${generateToken()}`, ...from(ip) };
    for (let i = 0; i < TOKEN_FAILURE_LIMIT; i++) {
      const res = await anon("GET", "/api/v1/me", undefined, bad);
      expect(res.status, `attempt ${i + 1}`).toBe(401);
    }
    const limited = await anon("GET", "/api/v1/me", undefined, bad);
    expect(limited.status).toBe(429);
    expect(limited.body).toEqual(rateLimited());
    const retryAfter = Number(limited.headers.get("retry-after"));
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(60);
    expect(limited.body.detail).toContain(`${retryAfter} seconds`);

    // A real token from the same address is never locked out…
    const me = await withToken(secret, ip)("GET", "/api/v1/me");
    expect(me.status).toBe(200);
    expect(me.body).toMatchObject({ id: token.id });
    // …nor does its success reset the counter for guesses.
    expect((await anon("GET", "/api/v1/me", undefined, { token: "garbage", ...from(ip) })).status).toBe(429);

    // Over the limit, a malformed token is refused without a lookup.
    const queries = await spyOnDatabaseQueries();
    expect((await anon("GET", "/api/v1/me", undefined, { token: "garbage", ...from(ip) })).status).toBe(429);
    expect(queries.count()).toBe(0);
    // A well-formed one is still looked up (a real token must get in), and still refused with 429.
    expect((await anon("GET", "/api/v1/me", undefined, { token: generateToken(), ...from(ip) })).status).toBe(429);
    expect(queries.count()).toBe(1);

    // The Devtron surface shares the limit, in its own envelope.
    const orch = await anon("GET", "/orchestrator/api-token", undefined, { token: "garbage", ...from(ip) });
    expect(orch.status).toBe(429);
    expect(orch.headers.get("retry-after")).toMatch(/^\d+$/);
    expect(orch.body).toMatchObject({ code: 429, status: "Too Many Requests", errors: [{ code: "rate_limited" }] });

    // Another address is unaffected.
    expect((await anon("GET", "/api/v1/me", undefined, { token: "garbage", ...from(freshIp()) })).status).toBe(401);
  });

  it(`of 40 concurrent bad tokens from one IP exactly ${TOKEN_FAILURE_LIMIT} get 401 and the rest 429, whatever the interleaving; a valid token from that IP still gets in`, async () => {
    const { token, secret } = await create("concurrent-survivor", { permissions: { superAdmin: true } });
    // Half malformed (refused without a lookup), half well-formed but unknown (one lookup each), interleaved.
    const bad = (i: number) => (i % 2 ? generateToken() : `garbage-${i}`);
    for (let round = 0; round < 3; round++) {
      const ip = freshIp();
      const results = await Promise.all(
        Array.from({ length: 40 }, (_, i) => anon("GET", "/api/v1/me", undefined, { token: bad(i), ...from(ip) })),
      );
      expect(results.filter((r) => r.status === 401)).toHaveLength(TOKEN_FAILURE_LIMIT);
      expect(results.filter((r) => r.status === 429)).toHaveLength(40 - TOKEN_FAILURE_LIMIT);
      for (const r of results) expect(r.body).toEqual(r.status === 401 ? UNAUTHORIZED : rateLimited());
      expect((await anon("GET", "/api/v1/me", undefined, { token: generateToken(), ...from(ip) })).status).toBe(429);

      // A valid token gets in at the cost of its one lookup, and nothing else: no limiter, no write.
      const queries = await spyOnDatabaseQueries();
      const me = await withToken(secret, ip)("GET", "/api/v1/me");
      expect(me.status).toBe(200);
      expect(me.body).toMatchObject({ id: token.id });
      expect(queries.count()).toBe(1);
      expect(queries.limiter()).toBe(0);
      vi.restoreAllMocks();
    }
  });

  it(`in process, where every check starts before any failure is counted: of 40 concurrent failures exactly ${TOKEN_FAILURE_LIMIT} are unauthorized`, async () => {
    const ip = freshIp();
    const codes = await Promise.all(
      Array.from({ length: 40 }, (_, i) =>
        authenticateToken(i % 4 ? generateToken() : "garbage", ip).then(
          () => "authenticated",
          (e: ApiError) => e.code,
        ),
      ),
    );
    expect(codes.filter((c) => c === "unauthorized")).toHaveLength(TOKEN_FAILURE_LIMIT);
    expect(codes.filter((c) => c === "rate_limited")).toHaveLength(40 - TOKEN_FAILURE_LIMIT);
  });

  it("a failure the limiter cannot count is 503 unavailable, never a 500 and never a 401 past the limit", async () => {
    const broken = await brokenCounterStore();
    useCounterStore(broken.store);
    try {
      for (const token of ["garbage", generateToken()]) {
        const res = await anon("GET", "/api/v1/me", undefined, { token, ...from(freshIp()) });
        expect(res.status).toBe(503);
        expect(res.body).toMatchObject({ code: "unavailable", status: 503 });
      }
      // A valid token never asks the limiter, so it still gets in.
      const { secret } = await create("limiter-down-survivor", { permissions: { superAdmin: true } });
      expect((await withToken(secret, freshIp())("GET", "/api/v1/me")).status).toBe(200);
    } finally {
      useFreshCounterStore();
      await broken.close();
    }
  });

  it("counts against the trusted client IP: changing the untrusted, leftmost X-Forwarded-For entries does not escape the limit", async () => {
    const ip = freshIp();
    for (let i = 0; i < TOKEN_FAILURE_LIMIT; i++) {
      const res = await anon("GET", "/api/v1/me", undefined, { token: "garbage", "x-forwarded-for": `203.0.113.${i}, ${ip}` });
      expect(res.status).toBe(401);
    }
    expect((await anon("GET", "/api/v1/me", undefined, { token: "garbage", "x-forwarded-for": `198.51.100.7, ${ip}` })).status).toBe(429);
  });

  it("does not count successful requests", async () => {
    const ip = freshIp();
    const { secret } = await create("many-successes", { permissions: { superAdmin: true } });
    for (let i = 0; i < TOKEN_FAILURE_LIMIT + 5; i++) expect((await withToken(secret, ip)("GET", "/api/v1/me")).status).toBe(200);
    expect((await anon("GET", "/api/v1/me", undefined, { token: "garbage", ...from(ip) })).status).toBe(401);
  });
});

// ---------------------------------------------------------------------------------------

describe("a scoped token stays inside its grants", () => {
  const VIEW_ALPHA = { superAdmin: false, grants: [{ entity: "devtron-app", project: "alpha", environments: [], apps: [], role: "view" }] };

  // Usage columns are left out: the periodic usage flush (every 5 s) may write earlier tests'
  // requests at any moment, and that is not a change made by the refused calls.
  const withoutUsage = ({ lastUsedAt, lastUsedIp, recentIps, ...rest }: { lastUsedAt: unknown; lastUsedIp: unknown; recentIps: unknown }) =>
    rest;

  async function catalogState() {
    const byId = { orderBy: { id: "asc" as const } };
    return Promise.all([
      db.project.findMany(byId),
      db.environment.findMany(byId),
      db.app.findMany(byId),
      db.deployment.findMany(byId),
      db.helmApp.findMany(byId),
      db.chartGroup.findMany(byId),
      db.apiToken.findMany(byId).then((tokens) => tokens.map(withoutUsage)),
      db.user.findMany(byId),
    ]);
  }

  it("devtron-app view on one project: reads that project's apps, 404 outside, 403 on changes, 403 on admin surfaces; nothing changes", async () => {
    const { secret } = await create("scoped-viewer", { permissions: VIEW_ALPHA });
    const as = withToken(secret, freshIp());
    const before = await catalogState();

    const list = await as("GET", "/api/v1/apps");
    expect(list.status).toBe(200);
    expect((list.body.data as { name: string }[]).map((a) => a.name)).toEqual(["alpha-web"]);
    expect(list.body.total).toBe(1);
    expect((await as("GET", `/api/v1/apps/${ids.alphaWeb}`)).body).toMatchObject({ name: "alpha-web", project: "alpha" });
    expect((await as("GET", `/api/v1/apps/${ids.alphaWeb}/deployments`)).status).toBe(200);
    expect((await as("GET", "/api/v1/helm-apps")).body).toMatchObject({ data: [], total: 0 });
    expect((await as("GET", "/api/v1/chart-groups")).body).toMatchObject({ data: [], total: 0 });

    const cases: [string, string, unknown, number, Record<string, unknown>][] = [
      ["GET", `/api/v1/apps/${ids.betaApi}`, undefined, 404, notFound(`No app with id ${ids.betaApi}.`)],
      ["GET", `/api/v1/apps/${ids.betaApi}/deployments`, undefined, 404, notFound(`No app with id ${ids.betaApi}.`)],
      ["PATCH", `/api/v1/apps/${ids.betaApi}`, { description: "pwned" }, 404, notFound(`No app with id ${ids.betaApi}.`)],
      ["DELETE", `/api/v1/apps/${ids.betaApi}`, undefined, 404, notFound(`No app with id ${ids.betaApi}.`)],
      ["POST", `/api/v1/apps/${ids.betaApi}/deployments`, { environment: "dev" }, 404, notFound(`No app with id ${ids.betaApi}.`)],
      ["GET", `/api/v1/helm-apps/${ids.betaHelm}`, undefined, 404, { code: "not_found" }],
      [
        "PATCH",
        `/api/v1/apps/${ids.alphaWeb}`,
        { description: "changed" },
        403,
        forbidden("Changing app alpha-web needs the admin or manager role on it."),
      ],
      [
        "DELETE",
        `/api/v1/apps/${ids.alphaWeb}`,
        undefined,
        403,
        forbidden("Deleting app alpha-web needs the admin or manager role on it."),
      ],
      ["POST", `/api/v1/apps/${ids.alphaWeb}/deployments`, { environment: "dev" }, 403, forbidden(/needs the trigger role/)],
      [
        "POST",
        "/api/v1/apps",
        { name: "alpha-new", project: "alpha" },
        403,
        forbidden("Creating apps in project alpha needs the admin or manager role on the whole project."),
      ],
      ["POST", "/api/v1/apps", { name: "beta-new", project: "beta" }, 403, { code: "forbidden" }],
      ["POST", "/api/v1/projects", { name: "gamma" }, 403, forbidden("Only super admins can manage this.")],
      ["POST", "/api/v1/environments", { name: "prod" }, 403, { code: "forbidden" }],
      ["POST", "/api/v1/chart-groups", { name: "new-group" }, 403, { code: "forbidden" }],
      ["GET", "/api/v1/tokens", undefined, 403, forbidden("Only super admins can manage this.")],
      [
        "POST",
        "/api/v1/tokens",
        { name: "escalate", permissions: { superAdmin: true } },
        403,
        forbidden("Only super admins can manage this."),
      ],
      ["GET", "/api/v1/tokens/1", undefined, 403, forbidden("Only super admins can manage this.")],
      ["PATCH", "/api/v1/tokens/1", { permissions: { superAdmin: true } }, 403, forbidden("Only super admins can manage this.")],
      ["POST", "/api/v1/tokens/1/regenerate", {}, 403, forbidden("Only super admins can manage this.")],
      ["DELETE", "/api/v1/tokens/1", undefined, 403, forbidden("Only super admins can manage this.")],
      ["GET", "/api/v1/users", undefined, 403, forbidden("Only super admins can manage this.")],
      [
        "POST",
        "/api/v1/users",
        { email: "x@example.com", name: "x", password: "long-enough-pass" },
        403,
        forbidden("Only super admins can manage this."),
      ],
      ["GET", "/api/v1/audit-events", undefined, 403, forbidden("Only super admins can manage this.")],
    ];
    for (const [method, path, body, status, expected] of cases) {
      const res = await as(method, path, body);
      expect(res.status, `${method} ${path}`).toBe(status);
      expect(res.body, `${method} ${path}`).toMatchObject(expected);
    }

    const envelope403 = {
      code: 403,
      status: "Forbidden",
      errors: [
        {
          code: "forbidden",
          internalMessage: "Only super admins can manage API tokens.",
          userMessage: "Only super admins can manage API tokens.",
        },
      ],
    };
    for (const [method, path, body] of [
      ["GET", "/orchestrator/api-token", undefined],
      ["POST", "/orchestrator/api-token", { name: "escalate-devtron", description: "" }],
      ["PUT", "/orchestrator/api-token/1", { description: "x", expireAtInMs: 0 }],
      ["DELETE", "/orchestrator/api-token/1", undefined],
    ] as const) {
      const res = await as(method, path, body);
      expect(res.status, `${method} ${path}`).toBe(403);
      expect(res.body, `${method} ${path}`).toEqual(envelope403);
    }
    const app = await as("POST", "/orchestrator/app", { appName: "alpha-new", teamId: ids.alpha });
    expect(app.status).toBe(403);

    expect(await catalogState()).toEqual(before);
  });

  it("a token with no roles reads nothing", async () => {
    const { secret } = await create("no-roles", { permissions: NO_GRANTS });
    const as = withToken(secret, freshIp());
    expect((await as("GET", "/api/v1/apps")).body).toMatchObject({ data: [], total: 0 });
    expect((await as("GET", "/api/v1/helm-apps")).body).toMatchObject({ data: [], total: 0 });
    expect((await as("GET", `/api/v1/apps/${ids.alphaWeb}`)).status).toBe(404);
  });

  it("a super-admin token creates, lists, regenerates and deletes tokens through the API", async () => {
    const { secret } = await create("root-token", { permissions: { superAdmin: true } });
    const as = withToken(secret, freshIp());
    const made = await as("POST", "/api/v1/tokens", { name: "child-token", permissions: NO_GRANTS, expiresInDays: 7 });
    expect(made.status).toBe(201);
    const child = made.body.token as TokenJson & { createdBy: string };
    expect(child.createdBy).toBe("API-TOKEN:root-token");
    const list = await as("GET", "/api/v1/tokens?q=child-token");
    expect((list.body.data as TokenJson[]).map((t) => t.id)).toEqual([child.id]);
    const regen = await as("POST", `/api/v1/tokens/${child.id}/regenerate`, {});
    expect(regen.status).toBe(200);
    expect(regen.body.token).toMatchObject({ version: 2 });
    expect((await as("DELETE", `/api/v1/tokens/${child.id}`)).status).toBe(204);
    expect((await as("GET", `/api/v1/tokens/${child.id}`)).status).toBe(404);
    const events = await db.auditEvent.findMany({ where: { targetType: "token", targetId: child.id }, orderBy: { id: "asc" } });
    expect(events.map((e) => [e.action, e.actorType, e.actorName])).toEqual([
      ["token.created", "token", "API-TOKEN:root-token"],
      ["token.regenerated", "token", "API-TOKEN:root-token"],
      ["token.deleted", "token", "API-TOKEN:root-token"],
    ]);
  });
});

// ---------------------------------------------------------------------------------------

describe("usage accounting", () => {
  // Start from an empty buffer with no flush timer pending from an earlier test.
  beforeEach(quiesceUsage);

  it("writes nothing on the request path; flushUsage writes last used time, IP, the last 5 distinct IPs and per-day counts", async () => {
    const { token, secret } = await create("usage-counted", { permissions: { superAdmin: true } });
    const updatedAt = (await db.apiToken.findUniqueOrThrow({ where: { id: token.id } })).updatedAt;
    const ips = ["10.8.0.1", "10.8.0.2", "10.8.0.3", "10.8.0.1", "10.8.0.4", "10.8.0.5", "10.8.0.6", "10.8.0.7"];
    const start = Date.now();
    for (const [i, ip] of ips.entries())
      expect((await withToken(secret, ip, i % 2 ? "token" : "bearer")("GET", "/api/v1/me")).status).toBe(200);
    // Failures and other tokens' failures are not usage.
    await withToken(generateToken(), "10.8.0.9")("GET", "/api/v1/me");

    const unwritten = await db.apiToken.findUniqueOrThrow({ where: { id: token.id } });
    expect(unwritten).toMatchObject({ lastUsedAt: null, lastUsedIp: null, recentIps: [] });
    expect(await db.apiTokenUsage.count({ where: { tokenId: token.id } })).toBe(0);

    await flushUsage();
    const row = await db.apiToken.findUniqueOrThrow({ where: { id: token.id } });
    expect(row.lastUsedAt!.getTime()).toBeGreaterThanOrEqual(start - 1000);
    expect(row.lastUsedAt!.getTime()).toBeLessThanOrEqual(Date.now() + 1000);
    expect(row.lastUsedIp).toBe("10.8.0.7");
    expect(row.recentIps).toEqual(["10.8.0.7", "10.8.0.6", "10.8.0.5", "10.8.0.4", "10.8.0.1"]);
    expect(row.updatedAt).toEqual(updatedAt);
    const today = new Date().toISOString().slice(0, 10);
    const usage = await db.apiTokenUsage.findMany({ where: { tokenId: token.id } });
    expect(usage.map((u) => [u.day.toISOString().slice(0, 10), u.requests])).toEqual([[today, 8]]);

    // A second batch merges with what is stored.
    for (const ip of ["10.8.0.2", "10.8.0.2"]) await withToken(secret, ip)("GET", "/api/v1/me");
    expect((await db.apiToken.findUniqueOrThrow({ where: { id: token.id } })).lastUsedIp).toBe("10.8.0.7");
    await flushUsage();
    const again = await db.apiToken.findUniqueOrThrow({ where: { id: token.id } });
    expect(again.lastUsedIp).toBe("10.8.0.2");
    expect(again.recentIps).toEqual(["10.8.0.2", "10.8.0.7", "10.8.0.6", "10.8.0.5", "10.8.0.4"]);
    expect((await db.apiTokenUsage.findMany({ where: { tokenId: token.id } })).map((u) => u.requests)).toEqual([10]);

    // The API shows it.
    const shown = await admin("GET", `/api/v1/tokens/${token.id}`);
    expect(shown.body).toMatchObject({ lastUsedAt: again.lastUsedAt!.toISOString(), lastUsedIp: "10.8.0.2", recentIps: again.recentIps });
  });

  it("counts requests per UTC day", async () => {
    const { token } = await create("usage-days");
    const yesterday = new Date(Date.now() - 86_400_000);
    const now = new Date();
    recordUsage(token.id, "10.8.1.1", yesterday);
    recordUsage(token.id, "10.8.1.1", yesterday);
    recordUsage(token.id, "10.8.1.2", now);
    await flushUsage();
    const rows = await db.apiTokenUsage.findMany({ where: { tokenId: token.id }, orderBy: { day: "asc" } });
    expect(rows.map((u) => [u.day.toISOString().slice(0, 10), u.requests])).toEqual([
      [yesterday.toISOString().slice(0, 10), 2],
      [now.toISOString().slice(0, 10), 1],
    ]);
    expect((await db.apiToken.findUniqueOrThrow({ where: { id: token.id } })).lastUsedAt).toEqual(now);
  });

  it("keeps a batch whose write failed for the next flush, merged with newer use", async () => {
    const { token } = await create("usage-retried");
    const earlier = new Date(Date.now() - 60_000);
    recordUsage(token.id, "10.8.2.1", earlier);
    recordUsage(token.id, "10.8.2.1", earlier);
    // The database refuses one write, as it would while unreachable.
    const outage = vi.spyOn(db, "$transaction").mockRejectedValueOnce(new Error("Connection terminated unexpectedly"));
    await expect(flushUsage()).rejects.toThrow("Connection terminated");
    outage.mockRestore();
    expect(await db.apiTokenUsage.count({ where: { tokenId: token.id } })).toBe(0);

    const later = new Date();
    recordUsage(token.id, "10.8.2.2", later);
    await flushUsage();
    const row = await db.apiToken.findUniqueOrThrow({ where: { id: token.id } });
    expect(row.lastUsedAt).toEqual(later);
    expect(row.recentIps).toEqual(["10.8.2.2", "10.8.2.1"]);
    const days = await db.apiTokenUsage.findMany({ where: { tokenId: token.id } });
    expect(days.reduce((n, d) => n + d.requests, 0)).toBe(3);
  });

  it("does not count an expired token's refused requests", async () => {
    const { token, secret } = await create("usage-expired");
    await db.apiToken.update({ where: { id: token.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    expect((await withToken(secret, freshIp())("GET", "/api/v1/me")).status).toBe(401);
    await flushUsage();
    expect(await db.apiTokenUsage.count({ where: { tokenId: token.id } })).toBe(0);
    expect((await db.apiToken.findUniqueOrThrow({ where: { id: token.id } })).lastUsedAt).toBeNull();
  });
});

// ---------------------------------------------------------------------------------------

describe("tokens are not ambient credentials", () => {
  it("a session-cookie POST with a foreign Origin is 403; the same request with a token and a foreign Origin succeeds", async () => {
    const cookie = await sessionCookieFor(adminId);
    const body = JSON.stringify({ name: "cross-origin", permissions: NO_GRANTS });
    const before = await db.apiToken.count();
    const viaCookie = await fetch(`${server.origin}/api/v1/tokens`, {
      method: "POST",
      headers: { cookie, origin: "https://evil.example", "content-type": "application/json" },
      body,
    });
    expect(viaCookie.status).toBe(403);
    expect(await viaCookie.json()).toEqual(forbidden("Cross-origin requests with a session cookie are not allowed; use an API token."));
    expect(await db.apiToken.count()).toBe(before);

    const { secret } = await create("cross-origin-caller", { permissions: { superAdmin: true } });
    const viaToken = await fetch(`${server.origin}/api/v1/tokens`, {
      method: "POST",
      headers: {
        authorization: `Bearer ${secret}`,
        origin: "https://evil.example",
        "sec-fetch-site": "cross-site",
        "content-type": "application/json",
        ...from(freshIp()),
      },
      body,
    });
    expect(viaToken.status).toBe(201);
    expect(((await viaToken.json()) as { token: { createdBy: string } }).token.createdBy).toBe("API-TOKEN:cross-origin-caller");
  });

  it("with both a cookie and a token, the token decides (and the origin check is not needed)", async () => {
    const { secret } = await create("cookie-and-token", { permissions: NO_GRANTS });
    const cookie = await sessionCookieFor(adminId);
    const res = await fetch(`${server.origin}/api/v1/tokens`, {
      method: "GET",
      headers: { cookie, token: secret, ...from(freshIp()) },
    });
    // The admin's cookie does not lend the token super-admin rights.
    expect(res.status).toBe(403);
  });
});
