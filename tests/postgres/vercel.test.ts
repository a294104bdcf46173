import { spawnSync } from "node:child_process";
import path from "node:path";
import { Client } from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type PgCluster, startPgCluster } from "@/tests/helpers/pg-cluster";
import {
  createToken,
  freePort,
  type ProductionServer,
  signIn,
  startProductionServer,
  waitForHealth,
} from "@/tests/helpers/production-server";
import { startReceiver } from "@/tests/helpers/webhook-receiver";

// The production build started as on Vercel (VERCEL=1): what a function does at a cold
// start, through the same instrumentation hook. Without DATABASE_URL it refuses; on a
// database the build has not migrated it refuses, naming the build step; migrated as the
// build does it (scripts/migrate.ts, which scripts/vercel-build.mjs runs), it serves, and
// token usage reaches the database without a SIGTERM. (That the write comes from after()
// and not a timer is shown in process: server/tokens/usage.test.ts.) No scheduler runs there:
// notifications go out when Vercel Cron calls the cron route with CRON_SECRET.

const ROOT = path.resolve(__dirname, "../..");
const ADMIN = { email: "admin@vercel.test", password: "vercel-password-123" };
const SECRET = "vercel-test-secret-0123456789abcdef012345";
const CRON_SECRET = "vercel-cron-secret-0123456789";

let cluster: PgCluster;
let port: number;
const started: ProductionServer[] = [];

beforeAll(async () => {
  cluster = startPgCluster(await freePort(process.env.TESSERA_TEST_PG_PORT));
  port = await freePort(process.env.TESSERA_TEST_HTTP_PORT);
}, 60_000);

afterAll(async () => {
  await Promise.all(started.map((s) => s.stop()));
  cluster?.stop();
});

function start(env: Record<string, string>): ProductionServer {
  const server = startProductionServer(port, { VERCEL: "1", NEXTAUTH_SECRET: SECRET, ...env });
  started.push(server);
  return server;
}

async function exitOf(server: ProductionServer): Promise<number | null> {
  const timer = setTimeout(() => void server.stop(), 60_000);
  try {
    return await server.exited;
  } finally {
    clearTimeout(timer);
  }
}

describe("on Vercel (VERCEL=1)", () => {
  it("refuses to start without DATABASE_URL, saying the embedded database needs a disk", async () => {
    const server = start({});
    expect(await exitOf(server)).toBe(1);
    expect(server.output()).toMatch(
      /cannot start: On Vercel, Tessera needs DATABASE_URL: the embedded database keeps its data on a local disk/,
    );
  });

  it("does not migrate at a cold start: refuses an unmigrated database, naming the build step", async () => {
    const server = start({ DATABASE_URL: cluster.url });
    expect(await exitOf(server)).toBe(1);
    expect(server.output()).toMatch(
      /cannot start: The database lacks \d+ of this version's migrations .*on Vercel the build applies them/s,
    );
    const client = new Client({ connectionString: cluster.url });
    await client.connect();
    const { rows } = await client.query(`SELECT to_regclass('"_prisma_migrations"') AS t`);
    await client.end();
    expect(rows).toEqual([{ t: null }]);
  });

  it("serves once the build's migration step has run, and writes token usage with no shutdown", async () => {
    const migrate = spawnSync(process.execPath, ["--conditions=react-server", "--import", "tsx", "scripts/migrate.ts"], {
      cwd: ROOT,
      env: { ...process.env, VERCEL: "1", DATABASE_URL: cluster.url, NODE_ENV: "production" },
      encoding: "utf8",
    });
    expect(migrate.status, migrate.stderr).toBe(0);
    expect(migrate.stdout).toMatch(/Applied migration .*Database is up to date/s);

    const server = start({ DATABASE_URL: cluster.url, TESSERA_ADMIN_EMAIL: ADMIN.email, TESSERA_ADMIN_PASSWORD: ADMIN.password });
    await waitForHealth(server);
    expect(server.output()).not.toMatch(/Applied migration/);
    const secret = await createToken(server.url, await signIn(server.url, ADMIN.email, ADMIN.password), "vercel-usage");
    expect((await fetch(`${server.url}/api/v1/me`, { headers: { token: secret } })).status).toBe(200);
    const client = new Client({ connectionString: cluster.url });
    await client.connect();
    try {
      const deadline = Date.now() + 30_000;
      let requests = 0;
      while (requests === 0 && Date.now() < deadline) {
        const { rows } = await client.query(
          `SELECT coalesce(sum(u.requests), 0)::int AS n FROM "ApiTokenUsage" u JOIN "ApiToken" t ON t.id = u."tokenId" WHERE t.name = 'vercel-usage'`,
        );
        requests = rows[0].n;
        if (requests === 0) await new Promise((r) => setTimeout(r, 200));
      }
      expect(requests).toBe(1);
    } finally {
      await client.end();
    }
    // A frozen function is thrown away without a signal; nothing was waiting for one.
    await server.stop("SIGKILL");
  }, 120_000);

  it("runs no scheduler: a webhook gets its event when Vercel Cron calls the cron route, with CRON_SECRET only", async () => {
    const receiver = await startReceiver();
    const server = start({ DATABASE_URL: cluster.url, CRON_SECRET, TESSERA_WEBHOOK_ALLOW_PRIVATE: "1" });
    const client = new Client({ connectionString: cluster.url });
    await client.connect();
    try {
      await waitForHealth(server);
      const cookie = await signIn(server.url, ADMIN.email, ADMIN.password);
      const hook = await fetch(`${server.url}/api/v1/webhooks`, {
        method: "POST",
        headers: { "content-type": "application/json", cookie, origin: server.url },
        body: JSON.stringify({ url: receiver.url, events: ["token.created"] }),
      });
      expect(hook.status).toBe(201);
      receiver.setSecret(((await hook.json()) as { secret: string }).secret);
      await createToken(server.url, cookie, "vercel-cron");
      const undispatched = async () =>
        (await client.query(`SELECT count(*)::int AS n FROM "NotificationEvent" WHERE "dispatchedAt" IS NULL`)).rows[0].n as number;
      // The token of the test before left its event waiting too: nothing has run since.
      const waiting = await undispatched();
      expect(waiting).toBeGreaterThanOrEqual(1);
      // A long-lived server's loop would have run at least once by now (every 5 s); here nothing does.
      await new Promise((resolve) => setTimeout(resolve, 8_000));
      expect(await undispatched()).toBe(waiting);
      expect(receiver.hits).toBe(0);

      const refused = await fetch(`${server.url}/api/cron/notifications`, { headers: { authorization: "Bearer wrong", cookie } });
      expect(refused.status).toBe(401);
      const ran = await fetch(`${server.url}/api/cron/notifications`, { headers: { authorization: `Bearer ${CRON_SECRET}` } });
      expect(ran.status).toBe(200);
      expect(await ran.json()).toMatchObject({ events: waiting, webhooks: waiting, more: false });
      const mine = receiver.received.filter((r) => (r.body.data as { token: { name: string } }).token.name === "vercel-cron");
      expect(mine.map((r) => [r.type, r.verified])).toEqual([["token.created", true]]);
      expect(await undispatched()).toBe(0);
    } finally {
      await client.end();
      await server.stop("SIGKILL");
      await receiver.close();
    }
  }, 120_000);
});
