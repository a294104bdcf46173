import { Client } from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { generateToken } from "@/lib/tokens/format";
import { readMigrations } from "@/server/db/migrate";
import { type PgCluster, startPgCluster } from "@/tests/helpers/pg-cluster";
import {
  createToken,
  freePort,
  type ProductionServer,
  signIn,
  startProductionServer,
  waitForHealth,
} from "@/tests/helpers/production-server";

// Three production servers (scripts/serve.mjs on the build) on one PostgreSQL, started at
// the same moment on an empty database, act as one Tessera: migrations and the bootstrap
// admin happen once, a revocation through one is seen by the others on the next request,
// the failure limits count across them, and usage adds up. They stand behind a load
// balancer (TESSERA_TRUSTED_PROXIES=1), so each test sends its client address in
// X-Forwarded-For. TESSERA_TEST_HTTP_PORT (three ports from it) and TESSERA_TEST_PG_PORT
// pin the ports.

const ADMIN = { email: "admin@cluster.test", password: "cluster-password-123" };
const SECRET = "cluster-test-secret-0123456789abcdef0123";

let cluster: PgCluster;
let servers: ProductionServer[];
let cookie: string;

async function ports(): Promise<number[]> {
  const base = process.env.TESSERA_TEST_HTTP_PORT;
  if (base) return [0, 1, 2].map((i) => Number(base) + i);
  const found: number[] = [];
  while (found.length < 3) {
    const port = await freePort();
    if (!found.includes(port)) found.push(port);
  }
  return found;
}

beforeAll(async () => {
  cluster = startPgCluster(await freePort(process.env.TESSERA_TEST_PG_PORT));
  const env = {
    DATABASE_URL: cluster.url,
    NEXTAUTH_SECRET: SECRET,
    TESSERA_ADMIN_EMAIL: ADMIN.email,
    TESSERA_ADMIN_PASSWORD: ADMIN.password,
    TESSERA_TRUSTED_PROXIES: "1",
  };
  servers = (await ports()).map((port) => startProductionServer(port, env));
  await Promise.all(servers.map((s) => waitForHealth(s)));
  cookie = await signIn(servers[0]!.url, ADMIN.email, ADMIN.password);
}, 120_000);

afterAll(async () => {
  await Promise.all((servers ?? []).map((s) => s.stop()));
  cluster?.stop();
});

async function query<T>(sql: string, params: unknown[] = []): Promise<T[]> {
  const client = new Client({ connectionString: cluster.url });
  await client.connect();
  try {
    return (await client.query(sql, params)).rows as T[];
  } finally {
    await client.end();
  }
}

/** A token call from a client address; answers the status. */
async function call(server: ProductionServer, secret: string, ip: string): Promise<number> {
  const res = await fetch(`${server.url}/api/v1/me`, { headers: { token: secret, "x-forwarded-for": ip } });
  await res.arrayBuffer();
  return res.status;
}

async function tokenId(secret: string): Promise<number> {
  const res = await fetch(`${servers[0]!.url}/api/v1/me`, { headers: { token: secret, "x-forwarded-for": "192.0.2.200" } });
  return ((await res.json()) as { id: number }).id;
}

describe("three instances started together on an empty database", () => {
  it("apply each migration once and create the one bootstrap admin", async () => {
    const local = (await readMigrations()).map((m) => m.name);
    const applied = await query<{ migration_name: string; n: number }>(
      `SELECT migration_name, count(*)::int AS n FROM "_prisma_migrations" WHERE finished_at IS NOT NULL GROUP BY 1 ORDER BY 1`,
    );
    expect(applied).toEqual(local.map((migration_name) => ({ migration_name, n: 1 })));
    const logs = servers.map((s) => s.output()).join("\n");
    for (const name of local) expect(logs.split(`Applied migration ${name}\n`).length - 1, name).toBe(1);
    expect(await query(`SELECT email, "superAdmin" FROM "User"`)).toEqual([{ email: ADMIN.email, superAdmin: true }]);
    expect(logs.split("created the first super admin").length - 1).toBe(1);
  });
});

describe("revocation through one instance", () => {
  it("a deleted token is refused by the other two on their next request", async () => {
    const secret = await createToken(servers[0]!.url, cookie, "cluster-deleted");
    for (const s of servers) expect(await call(s, secret, "198.51.100.10")).toBe(200);
    const id = await tokenId(secret);
    const deleted = await fetch(`${servers[0]!.url}/api/v1/tokens/${id}`, {
      method: "DELETE",
      headers: { cookie, origin: servers[0]!.url },
    });
    expect(deleted.status).toBe(204);
    expect(await call(servers[1]!, secret, "198.51.100.10")).toBe(401);
    expect(await call(servers[2]!, secret, "198.51.100.10")).toBe(401);
  });

  it("a regenerated token's old secret is refused by the other two, and the new one accepted", async () => {
    const old = await createToken(servers[1]!.url, cookie, "cluster-regenerated");
    for (const s of servers) expect(await call(s, old, "198.51.100.11")).toBe(200);
    const res = await fetch(`${servers[1]!.url}/api/v1/tokens/${await tokenId(old)}/regenerate`, {
      method: "POST",
      headers: { cookie, origin: servers[1]!.url, "content-type": "application/json" },
      body: "{}",
    });
    expect(res.status).toBe(200);
    const fresh = ((await res.json()) as { secret: string }).secret;
    expect(await call(servers[0]!, old, "198.51.100.11")).toBe(401);
    expect(await call(servers[2]!, old, "198.51.100.11")).toBe(401);
    expect(await call(servers[0]!, fresh, "198.51.100.11")).toBe(200);
    expect(await call(servers[2]!, fresh, "198.51.100.11")).toBe(200);
  });
});

describe("disabling through one instance", () => {
  it("a disabled token is refused by the other two on their next request, and enabled through another it works on all three", async () => {
    const secret = await createToken(servers[0]!.url, cookie, "cluster-disabled");
    for (const s of servers) expect(await call(s, secret, "198.51.100.12")).toBe(200);
    const id = await tokenId(secret);
    const patch = (server: ProductionServer, disabled: boolean) =>
      fetch(`${server.url}/api/v1/tokens/${id}`, {
        method: "PATCH",
        headers: { cookie, origin: server.url, "content-type": "application/json" },
        body: JSON.stringify({ disabled }),
      });
    expect((await patch(servers[0]!, true)).status).toBe(200);
    for (const s of servers.slice(1)) {
      const res = await fetch(`${s.url}/api/v1/me`, { headers: { token: secret, "x-forwarded-for": "198.51.100.12" } });
      expect(res.status).toBe(401);
      expect(((await res.json()) as { code: string }).code).toBe("token_disabled");
    }
    expect((await patch(servers[2]!, false)).status).toBe(200);
    for (const s of servers) expect(await call(s, secret, "198.51.100.12")).toBe(200);
  });
});

describe("limits shared by the three", () => {
  it("25 bad tokens from one address, spread over them: 401 for the first 20, 429 from the 21st; a real token still gets in", async () => {
    const ip = "203.0.113.25";
    const statuses: number[] = [];
    for (let i = 0; i < 25; i++) statuses.push(await call(servers[i % 3]!, generateToken(), ip));
    expect(statuses).toEqual([...Array(20).fill(401), ...Array(5).fill(429)]);
    const real = await createToken(servers[0]!.url, cookie, "cluster-limited-address");
    for (const s of servers) expect(await call(s, real, ip)).toBe(200);
  });

  it("10 wrong sign-ins spread over them lock that address and email on all three; another address still signs in", async () => {
    const ip = "198.51.100.44";
    const attempt = async (server: ProductionServer, password: string, from: string) => {
      const csrf = await fetch(`${server.url}/api/auth/csrf`, { headers: { "x-forwarded-for": from } });
      const jar = csrf.headers.getSetCookie().map((c) => c.split(";")[0]);
      const { csrfToken } = (await csrf.json()) as { csrfToken: string };
      const res = await fetch(`${server.url}/api/auth/callback/credentials`, {
        method: "POST",
        redirect: "manual",
        headers: {
          "content-type": "application/x-www-form-urlencoded",
          cookie: jar.join("; "),
          origin: server.url,
          "x-forwarded-for": from,
        },
        body: new URLSearchParams({ csrfToken, email: ADMIN.email, password, json: "true", callbackUrl: server.url }),
      });
      const signedIn = res.headers.getSetCookie().some((c) => c.startsWith("next-auth.session-token="));
      await res.arrayBuffer();
      return { status: res.status, signedIn, retryAfter: res.headers.get("retry-after") };
    };
    for (let i = 0; i < 10; i++) {
      const wrong = await attempt(servers[i % 3]!, `wrong-password-${i}`, ip);
      expect(wrong.signedIn).toBe(false);
      expect(wrong.status, `attempt ${i + 1}`).not.toBe(429);
    }
    for (const s of servers) {
      const locked = await attempt(s, ADMIN.password, ip);
      expect(locked.status).toBe(429);
      expect(locked.signedIn).toBe(false);
      expect(Number(locked.retryAfter)).toBeGreaterThan(0);
    }
    expect((await attempt(servers[2]!, ADMIN.password, "198.51.100.45")).signedIn).toBe(true);
  });
});

describe("usage through all three", () => {
  it("adds up exactly once each has written what it holds on SIGTERM, refused requests too", async () => {
    const secret = await createToken(servers[0]!.url, cookie, "cluster-usage");
    const uses = [5, 8, 11];
    for (const [i, s] of servers.entries()) {
      for (let n = 0; n < uses[i]!; n++) expect(await call(s, secret, `192.0.2.${i + 1}`)).toBe(200);
    }
    const fenced = await createToken(servers[0]!.url, cookie, "cluster-refused");
    const fence = await fetch(`${servers[0]!.url}/api/v1/tokens/${await tokenId(fenced)}`, {
      method: "PATCH",
      headers: { cookie, origin: servers[0]!.url, "content-type": "application/json" },
      body: JSON.stringify({ allowedIps: ["192.0.2.200"] }),
    });
    expect(fence.status).toBe(200);
    for (const [i, s] of servers.entries()) {
      for (let n = 0; n <= i; n++) expect(await call(s, fenced, "203.0.113.99")).toBe(403);
    }
    for (const s of servers) s.child.kill("SIGTERM");
    expect(await Promise.all(servers.map((s) => s.exited))).toEqual([0, 0, 0]);
    const [row] = await query<{ requests: number; recentIps: string[]; used: boolean }>(
      `SELECT coalesce(sum(u.requests), 0)::int AS requests, t."recentIps", t."lastUsedAt" IS NOT NULL AS used
       FROM "ApiToken" t LEFT JOIN "ApiTokenUsage" u ON u."tokenId" = t.id WHERE t.name = 'cluster-usage' GROUP BY t.id`,
    );
    expect(row!.requests).toBe(5 + 8 + 11);
    expect(row!.used).toBe(true);
    expect([...row!.recentIps].sort()).toEqual(["192.0.2.1", "192.0.2.2", "192.0.2.3"]);
    const refused = await query<{ ip: string; requests: number }>(
      `SELECT r.ip, r.requests FROM "ApiTokenRefusal" r JOIN "ApiToken" t ON t.id = r."tokenId" WHERE t.name = 'cluster-refused'`,
    );
    expect(refused).toEqual([{ ip: "203.0.113.99", requests: 1 + 2 + 3 }]);
  }, 60_000);
});
