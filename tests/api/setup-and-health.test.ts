import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ANONYMOUS_PASSWORD_QUEUE, ANONYMOUS_PASSWORD_SLOTS, anonymousPasswordWork, passwordDerivations } from "@/server/auth/password";
import { type Db, openDatabase, setDatabase } from "@/server/db";
import { bootstrapAdminFromEnv, needsSetup, SETUP_ATTEMPT_LIMIT } from "@/server/setup/setup";
import { useFreshDatabase } from "../helpers/db";
import { client, startServer, type TestServer } from "../helpers/http";

let db: Db;
let server: TestServer;
let anon: ReturnType<typeof client>;

beforeAll(async () => {
  server = await startServer();
  anon = client(server);
});
afterAll(() => server.close());

const admin = {
  email: "First@Example.com",
  name: "First Admin",
  password: "first-admin-password",
  confirmPassword: "first-admin-password",
};

describe("first-run setup", () => {
  beforeAll(async () => {
    db = await useFreshDatabase();
    (globalThis as { __tesseraSetupDone?: boolean }).__tesseraSetupDone = false;
  });

  it.each([
    ["a short password", { ...admin, password: "short", confirmPassword: "short" }, "password", "must be at least 12 characters"],
    [
      "a mismatched confirmation",
      { ...admin, confirmPassword: "something-else-entirely" },
      "confirmPassword",
      "does not match the password",
    ],
    ["a bad email", { ...admin, email: "first" }, "email", "must be a valid email address"],
  ])("refuses %s and creates nothing", async (_name, body, path, message) => {
    const res = await anon("POST", "/api/setup", body);
    expect(res.status).toBe(400);
    expect(res.body.errors).toContainEqual({ path, message });
    expect(await db.user.count()).toBe(0);
    expect(await needsSetup()).toBe(true);
  });

  it.each([
    ["Sec-Fetch-Site: cross-site", { "sec-fetch-site": "cross-site" }],
    ["a foreign Origin", { origin: "https://evil.example" }],
  ])("refuses a cross-site browser submit (%s), even as text/plain, and creates nothing", async (_name, headers) => {
    // A page elsewhere can send a "simple" text/plain POST without a preflight; it must
    // not become the first super admin of a fresh Tessera the victim's browser can reach.
    const res = await fetch(`${server.origin}/api/setup`, {
      method: "POST",
      headers: { "content-type": "text/plain", ...headers },
      body: JSON.stringify({ ...admin, email: "attacker@evil.example" }),
    });
    expect(res.status).toBe(403);
    expect(await res.json()).toMatchObject({ code: "forbidden", detail: "Cross-origin requests from a browser are not allowed here." });
    expect(await db.user.count()).toBe(0);
  });

  it("creates the first super admin once; a second submit is refused for good", async () => {
    const res = await anon("POST", "/api/setup", admin);
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ email: "first@example.com", superAdmin: true, disabled: false });
    const again = await anon("POST", "/api/setup", { ...admin, email: "second@example.com" });
    expect(again.status).toBe(403);
    expect(again.body).toMatchObject({ code: "forbidden", detail: expect.stringMatching(/already set up/) });
    expect(await db.user.count()).toBe(1);
    expect(await needsSetup()).toBe(false);
  });

  it("lets only one of several simultaneous first submits through", async () => {
    await useFreshDatabase();
    (globalThis as { __tesseraSetupDone?: boolean }).__tesseraSetupDone = false;
    const results = await Promise.all([1, 2, 3].map((i) => anon("POST", "/api/setup", { ...admin, email: `racer${i}@example.com` })));
    expect(results.map((r) => r.status).sort()).toEqual([201, 403, 403]);
  });

  it("creates the first super admin from TESSERA_ADMIN_EMAIL + TESSERA_ADMIN_PASSWORD, only while none exists", async () => {
    const fresh = await useFreshDatabase();
    (globalThis as { __tesseraSetupDone?: boolean }).__tesseraSetupDone = false;
    const env = { TESSERA_ADMIN_EMAIL: "ops@example.com", TESSERA_ADMIN_PASSWORD: "ops-password-123" } as unknown as NodeJS.ProcessEnv;
    expect(await bootstrapAdminFromEnv(env)).toBe(true);
    expect(await bootstrapAdminFromEnv(env)).toBe(false);
    expect(await fresh.user.findMany({ select: { email: true, superAdmin: true } })).toEqual([
      { email: "ops@example.com", superAdmin: true },
    ]);
    await expect(
      bootstrapAdminFromEnv({ TESSERA_ADMIN_EMAIL: "x", TESSERA_ADMIN_PASSWORD: "short" } as unknown as NodeJS.ProcessEnv),
    ).resolves.toBe(false);
  });
});

describe("setup cannot be used to make Tessera hash passwords", () => {
  const savedProxies = process.env.TESSERA_TRUSTED_PROXIES;
  // TESSERA_TRUSTED_PROXIES=1: the X-Forwarded-For entry a test sends is the client IP.
  const from = (ip: string) => ({ "x-forwarded-for": ip });
  beforeAll(() => {
    process.env.TESSERA_TRUSTED_PROXIES = "1";
  });
  afterAll(() => {
    if (savedProxies === undefined) delete process.env.TESSERA_TRUSTED_PROXIES;
    else process.env.TESSERA_TRUSTED_PROXIES = savedProxies;
  });
  const reopen = async () => {
    db = await useFreshDatabase();
    (globalThis as { __tesseraSetupDone?: boolean }).__tesseraSetupDone = false;
  };

  it("40 concurrent setups after setup closed are all refused with 403 and compute no password hash", async () => {
    await reopen();
    expect((await anon("POST", "/api/setup", admin, from("10.20.0.1"))).status).toBe(201);
    // As on an instance that has not yet seen setup close (it reads the database once), then from memory.
    (globalThis as { __tesseraSetupDone?: boolean }).__tesseraSetupDone = false;
    const before = passwordDerivations();
    const results = await Promise.all(
      Array.from({ length: 40 }, (_, i) =>
        anon("POST", "/api/setup", { ...admin, email: `late${i}@example.com` }, from(i % 2 ? "10.20.0.2" : `10.20.1.${i}`)),
      ),
    );
    expect(passwordDerivations() - before).toBe(0);
    expect(results.map((r) => r.status)).toEqual(Array(40).fill(403));
    expect(results[0]!.body).toMatchObject({ code: "forbidden", detail: expect.stringMatching(/already set up/) });
    expect(await db.user.count()).toBe(1);
  });

  it(`while setup is open, an IP gets ${SETUP_ATTEMPT_LIMIT} attempts per window, then 429 with Retry-After; another IP is unaffected`, async () => {
    await reopen();
    const ip = "10.21.0.1";
    for (let i = 0; i < SETUP_ATTEMPT_LIMIT; i++) {
      expect((await anon("POST", "/api/setup", { ...admin, password: "short", confirmPassword: "short" }, from(ip))).status).toBe(400);
    }
    const before = passwordDerivations();
    const limited = await anon("POST", "/api/setup", admin, from(ip));
    expect(limited.status).toBe(429);
    expect(limited.body).toMatchObject({
      code: "rate_limited",
      detail: "Too many setup attempts from your address. Try again in 15 minutes.",
    });
    expect(Number(limited.headers.get("retry-after"))).toBeGreaterThan(14 * 60);
    expect(passwordDerivations() - before).toBe(0);
    expect(await db.user.count()).toBe(0);
    expect((await anon("POST", "/api/setup", admin, from("10.21.0.2"))).status).toBe(201);
  });

  it("while the password checks are full, setup is refused at once with 429 and Retry-After, without hashing", async () => {
    await reopen();
    let release!: () => void;
    const held = new Promise<void>((r) => {
      release = r;
    });
    const gate = anonymousPasswordWork();
    const holders = Array.from({ length: ANONYMOUS_PASSWORD_SLOTS + ANONYMOUS_PASSWORD_QUEUE }, () => gate.run(() => held));
    try {
      const before = passwordDerivations();
      const busy = await anon("POST", "/api/setup", admin, from("10.22.0.1"));
      expect(busy.status).toBe(429);
      expect(busy.body).toMatchObject({ code: "rate_limited", detail: expect.stringMatching(/Try again in a few seconds/) });
      expect(Number(busy.headers.get("retry-after"))).toBeGreaterThan(0);
      expect(passwordDerivations() - before).toBe(0);
      expect(await db.user.count()).toBe(0);
    } finally {
      release();
      await Promise.all(holders);
    }
    expect((await anon("POST", "/api/setup", admin, from("10.22.0.1"))).status).toBe(201);
  });
});

describe("health and an unreachable database", () => {
  it("answers 200 ok while the database answers", async () => {
    await useFreshDatabase();
    const res = await anon("GET", "/api/health");
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ status: "ok" });
  });

  it("answers 503 on health and problem+json unavailable on the API, with nothing internal", async () => {
    // A PostgreSQL that nobody listens on: port 1 on loopback refuses at once.
    setDatabase(openDatabase({ kind: "postgres", url: "postgresql://tessera@127.0.0.1:1/tessera" }));
    // A fresh instance: it must ask the database whether setup is still open.
    (globalThis as { __tesseraSetupDone?: boolean }).__tesseraSetupDone = false;
    const health = await anon("GET", "/api/health");
    expect(health.status).toBe(503);
    expect(health.body).toEqual({ status: "unavailable" });
    const api = await anon("POST", "/api/setup", admin);
    expect(api.status).toBe(503);
    expect(api.body).toEqual({
      type: "about:blank",
      title: "Service unavailable",
      status: 503,
      code: "unavailable",
      detail: "The database cannot be reached. Try again shortly.",
    });
    await useFreshDatabase();
  });
});
