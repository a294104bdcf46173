import { chromium } from "@playwright/test";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase } from "@/server/db";
import { type PgCluster, startPgCluster } from "@/tests/helpers/pg-cluster";
import {
  createToken,
  freePort,
  type ProductionServer,
  signIn,
  startProductionServer,
  waitForHealth,
} from "@/tests/helpers/production-server";

// A PostgreSQL that stops answering without closing anything (every process of its
// cluster SIGSTOPped): connections stay open and nothing ever replies. The production
// server must answer within its database limit (TESSERA_DATABASE_TIMEOUT_MS, 3 s by
// default) and pick up again by itself once the database answers. The cluster is this
// file's own; TESSERA_TEST_PG_PORT and TESSERA_TEST_HTTP_PORT pin its ports when the
// machine's ports are shared out.

const ADMIN = { email: "admin@hung.test", password: "admin-password-123" };

let cluster: PgCluster;
let server: ProductionServer;
let cookie: string;
let secret: string;

beforeAll(async () => {
  cluster = startPgCluster(await freePort(process.env.TESSERA_TEST_PG_PORT));
  server = startProductionServer(await freePort(process.env.TESSERA_TEST_HTTP_PORT), {
    DATABASE_URL: cluster.url,
    NEXTAUTH_SECRET: "hung-database-test-secret-0123456789abcdef",
    TESSERA_ADMIN_EMAIL: ADMIN.email,
    TESSERA_ADMIN_PASSWORD: ADMIN.password,
  });
  await waitForHealth(server);
  cookie = await signIn(server.url, ADMIN.email, ADMIN.password);
  secret = await createToken(server.url, cookie, "hung-database");
}, 120_000);

afterAll(async () => {
  cluster?.thaw();
  await server?.stop();
  cluster?.stop();
});

/** A request and how long its answer took. */
async function timed(path: string, headers: Record<string, string> = {}) {
  const started = Date.now();
  const res = await fetch(`${server.url}${path}`, { headers, signal: AbortSignal.timeout(30_000) });
  const body = await res.text();
  return { status: res.status, type: res.headers.get("content-type"), body, ms: Date.now() - started };
}

const unavailable = {
  type: "about:blank",
  title: "Service unavailable",
  status: 503,
  code: "unavailable",
  detail: "The database cannot be reached. Try again shortly.",
};

describe("a database that stops answering", () => {
  it("gets 503 unavailable within 5 s on health and on a token call, and the error screen on a page", async () => {
    expect((await timed("/api/v1/me", { token: secret })).status).toBe(200);
    cluster.freeze();
    try {
      // Twice each: first on the pool's open connections, then on new ones that never finish connecting.
      for (let round = 0; round < 2; round++) {
        const health = await timed("/api/health");
        expect(health.status).toBe(503);
        expect(JSON.parse(health.body)).toEqual({ status: "unavailable" });
        expect(health.ms).toBeLessThan(5000);
        const me = await timed("/api/v1/me", { token: secret });
        expect(me.status).toBe(503);
        expect(me.type).toMatch(/application\/problem\+json/);
        expect(JSON.parse(me.body)).toEqual(unavailable);
        expect(me.ms).toBeLessThan(5000);
      }
      const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium", args: ["--no-sandbox"] });
      try {
        const context = await browser.newContext();
        const [name, value] = cookie.split(/=(.*)/s);
        await context.addCookies([{ name: name!, value: value!, url: server.url }]);
        const page = await context.newPage();
        await page.goto(`${server.url}/tokens`, { timeout: 30_000 });
        await page.getByRole("heading", { name: "Something went wrong" }).waitFor({ timeout: 30_000 });
        expect(await page.getByText("Tessera could not reach its database").isVisible()).toBe(true);
      } finally {
        await browser.close();
      }
    } finally {
      cluster.thaw();
    }
  }, 120_000);

  it("recovers by itself once the database answers again, with no restart", async () => {
    const pid = server.child.pid;
    cluster.freeze();
    try {
      expect((await timed("/api/v1/me", { token: secret })).status).toBe(503);
    } finally {
      cluster.thaw();
    }
    await waitForHealth(server, 200, 30_000);
    expect((await timed("/api/v1/me", { token: secret })).status).toBe(200);
    // Writes work again too: nothing is stuck in a transaction the freeze cut off.
    const another = await createToken(server.url, cookie, "after-the-freeze");
    expect((await timed("/api/v1/me", { token: another })).status).toBe(200);
    expect(server.child.pid).toBe(pid);
    expect(server.child.exitCode).toBeNull();
  }, 120_000);
});

describe("a transaction cut off by a frozen database", () => {
  it("fails after the statement limit and leaves no pooled connection inside it", async () => {
    const { db, sql, close } = await openDatabase({ kind: "postgres", url: cluster.url }, { timeoutMs: 2000 });
    try {
      const name = `cut-off-${Date.now()}`;
      let frozenAt = 0;
      const error = await db
        .$transaction(async (tx) => {
          await tx.project.create({ data: { name } });
          cluster.freeze();
          frozenAt = Date.now();
          await tx.project.count();
        })
        .catch((e: unknown) => e)
        .finally(() => cluster.thaw());
      expect(String(error)).toMatch(/did not answer within 2000 ms/);
      // One limit, not two: the ROLLBACK fails at once on the closed connection instead
      // of waiting its own turn behind the stuck statement.
      expect(Date.now() - frozenAt).toBeLessThan(3600);
      // Had the connection gone back to the pool, this would run on it, inside the
      // unfinished transaction, and see its uncommitted row.
      expect(await sql(`SELECT count(*)::int AS n FROM "Project" WHERE name = $1`, [name])).toEqual([{ n: 0 }]);
    } finally {
      cluster.thaw();
      await close();
    }
  }, 60_000);
});
