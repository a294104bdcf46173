import { Pool } from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ApiError } from "@/lib/errors";
import { getSql, openDatabase, type Sql } from "@/server/db";
import { brokenCounterStore, useFreshDatabase } from "@/tests/helpers/db";
import { withDatabase } from "@/tests/helpers/global-setup";
import { SIGN_IN_PAIR } from "../auth/sign-in-limit";
import { clientIp } from "../client-ip";
import { TOKEN_FAILURES } from "../tokens/verify";
import { type CounterStore, MemoryCounterStore, PostgresCounterStore } from "./counter-store";
import { defaultCounterStore, type LimitPolicy, RateLimiter } from "./rate-limit";
import { WorkGate } from "./work-gate";

// The limiter on both stores: in memory (PGlite) and in the RateLimitCounter table
// (PostgreSQL, and the same SQL on PGlite in the default run). "Two servers" are two
// stores on their own connection pools to one database, as two Tessera processes hold.

const pools: Pool[] = [];

beforeAll(async () => {
  await useFreshDatabase();
});
afterAll(async () => {
  await Promise.all(pools.map((p) => p.end()));
});

/** The test database through a connection pool of its own (PostgreSQL), or the shared PGlite handle. */
async function separateConnection(): Promise<() => Promise<Sql>> {
  const url = process.env.TESSERA_TEST_DATABASE_URL;
  if (!url) return getSql;
  const [{ name }] = (await (await getSql())<{ name: string }>("SELECT current_database() AS name")) as [{ name: string }];
  const pool = new Pool({ connectionString: withDatabase(url, name), max: 5 });
  // The file's database is dropped WITH (FORCE) when it ends (tests/helpers/db.ts), which may
  // terminate an idle connection here first (57P01): expected, not a failure.
  pool.on("error", () => {});
  pools.push(pool);
  const sql: Sql = async (text, params) => (await pool.query(text, params)).rows as never;
  return async () => sql;
}

async function counterRows(): Promise<{ key: string; hits: number; expired: boolean }[]> {
  return (await getSql())(`SELECT key, hits, "expiresAt" <= now() AS expired FROM "RateLimitCounter"`);
}

let unique = 0;
const policy = (limit: number, windowMs = 60_000): LimitPolicy => ({ name: `test-${++unique}`, limit, windowMs });

describe("RateLimiter in memory", () => {
  it("allows up to the limit per window, then answers the seconds left; another key is unaffected", async () => {
    let now = 1_000_000;
    const l = new RateLimiter(policy(3), new MemoryCounterStore(() => now), () => now);
    for (let i = 0; i < 3; i++) {
      expect(await l.retryAfter("k")).toBe(0);
      expect(await l.consume("k")).toEqual({ allowed: true, retryAfter: 0 });
    }
    expect(await l.retryAfter("k")).toBe(60);
    expect(await l.consume("k")).toEqual({ allowed: false, retryAfter: 60 });
    expect(await l.consume("other")).toEqual({ allowed: true, retryAfter: 0 });
    now += 59_001;
    expect(await l.retryAfter("k")).toBe(1);
    now += 1_000;
    expect(await l.retryAfter("k")).toBe(0);
    expect(await l.consume("k")).toEqual({ allowed: true, retryAfter: 0 });
  });

  it("forgets a key on reset; a refund gives one attempt back", async () => {
    const l = new RateLimiter(policy(2), new MemoryCounterStore());
    await l.consume("k");
    await l.consume("k");
    expect((await l.consume("k")).allowed).toBe(false);
    expect(l.knownRefusal("k")).toBeGreaterThan(0);
    await l.reset("k");
    expect(l.knownRefusal("k")).toBe(0);
    expect(await l.retryAfter("k")).toBe(0);
    await l.consume("k");
    await l.consume("k");
    await l.refund("k");
    expect((await l.consume("k")).allowed).toBe(true);
    expect((await l.consume("k")).allowed).toBe(false);
  });

  it("of 40 concurrent attempts on one key exactly the limit are allowed, in call order", async () => {
    const l = new RateLimiter(policy(20), new MemoryCounterStore());
    const decisions = await Promise.all(Array.from({ length: 40 }, () => l.consume("ip")));
    expect(decisions.map((d) => d.allowed)).toEqual([...Array(20).fill(true), ...Array(20).fill(false)]);
  });
});

describe("RateLimiter on the RateLimitCounter table", () => {
  it("of 40 concurrent attempts from one instance exactly the limit are allowed, in call order", async () => {
    const l = new RateLimiter(policy(20), new PostgresCounterStore(getSql));
    const decisions = await Promise.all(Array.from({ length: 40 }, () => l.consume("ip")));
    expect(decisions.map((d) => d.allowed)).toEqual([...Array(20).fill(true), ...Array(20).fill(false)]);
    const refused = decisions.at(-1)!;
    expect(refused.retryAfter).toBeGreaterThan(55);
    expect(refused.retryAfter).toBeLessThanOrEqual(60);
  });

  it("two limiter instances on one database (two servers) share their counts, one by one and concurrently", async () => {
    for (const p of [TOKEN_FAILURES, SIGN_IN_PAIR]) {
      const a = new RateLimiter(p, new PostgresCounterStore(await separateConnection()));
      const b = new RateLimiter(p, new PostgresCounterStore(await separateConnection()));
      const key = `10.77.0.${++unique}`;
      // Alternating: the limit is the sum, not the limit on each.
      const oneByOne: boolean[] = [];
      for (let i = 0; i < p.limit + 4; i++) oneByOne.push((await (i % 2 ? b : a).consume(key)).allowed);
      expect(oneByOne.filter(Boolean)).toHaveLength(p.limit);
      expect(await a.retryAfter(key)).toBeGreaterThan(0);
      expect(await b.retryAfter(key)).toBeGreaterThan(0);
      // Concurrently, through both at once: still exactly the limit in all.
      const other = `${key}-burst`;
      const burst = await Promise.all(Array.from({ length: 2 * p.limit }, (_, i) => (i % 2 ? b : a).consume(other)));
      expect(burst.filter((d) => d.allowed)).toHaveLength(p.limit);
    }
  });

  it("four instances hammering one key concurrently allow exactly the limit", async () => {
    const p = policy(20);
    const limiters = await Promise.all(
      [1, 2, 3, 4].map(async () => new RateLimiter(p, new PostgresCounterStore(await separateConnection()))),
    );
    const decisions = await Promise.all(Array.from({ length: 80 }, (_, i) => limiters[i % 4]!.consume("10.78.0.1")));
    expect(decisions.filter((d) => d.allowed)).toHaveLength(20);
  });

  it("one instance's reset and refund are seen by the other", async () => {
    const p = policy(2);
    const a = new RateLimiter(p, new PostgresCounterStore(await separateConnection()));
    const b = new RateLimiter(p, new PostgresCounterStore(await separateConnection()));
    await a.consume("k");
    await a.consume("k");
    expect(await b.retryAfter("k")).toBeGreaterThan(0);
    await a.refund("k");
    expect(await b.retryAfter("k")).toBe(0);
    expect((await b.consume("k")).allowed).toBe(true);
    expect((await b.consume("k")).allowed).toBe(false);
    await a.reset("k");
    expect(await a.retryAfter("k")).toBe(0);
    expect((await a.consume("k")).allowed).toBe(true);
  });

  it("opens a new window once the old one has closed", async () => {
    const l = new RateLimiter(policy(1, 300), new PostgresCounterStore(getSql));
    expect((await l.consume("k")).allowed).toBe(true);
    expect((await l.consume("k")).allowed).toBe(false);
    await new Promise((r) => setTimeout(r, 1_100));
    expect(await l.retryAfter("k")).toBe(0);
    expect((await l.consume("k")).allowed).toBe(true);
  });

  it("stores neither the address nor the email, only a hash of the key", async () => {
    const l = new RateLimiter(SIGN_IN_PAIR, new PostgresCounterStore(getSql));
    await l.consume("10.79.0.1|someone.private@example.com");
    const dump = JSON.stringify(await counterRows());
    expect(dump).not.toContain("someone.private");
    expect(dump).not.toContain("10.79.0.1");
    expect(dump).toMatch(/"key":"[A-Za-z0-9_-]{43}"/);
  });

  it("deletes rows whose windows have closed, from the path that creates rows, so they do not pile up", async () => {
    const shortLived = new RateLimiter(policy(5, 50), new PostgresCounterStore(getSql, { sweepEveryMs: Number.POSITIVE_INFINITY }));
    await Promise.all(Array.from({ length: 30 }, (_, i) => shortLived.consume(`10.80.0.${i}`)));
    await new Promise((r) => setTimeout(r, 100));
    expect((await counterRows()).filter((r) => r.expired).length).toBeGreaterThanOrEqual(30);
    // Any new count sweeps the dead rows (in the background: wait for it, within a bound).
    const store = new PostgresCounterStore(getSql, { sweepEveryMs: 0 });
    const counting = new RateLimiter(policy(5, 60_000), store);
    // Each count may start a sweep; on a loaded machine one may not have finished yet, so keep
    // counting (still only the path that creates rows) until the dead rows are gone, within a bound.
    const deadline = Date.now() + 20_000;
    for (let i = 0; (await counterRows()).some((r) => r.expired) && Date.now() < deadline; i++) {
      await counting.consume(`10.80.1.${i % 250}`);
      await new Promise((r) => setTimeout(r, 100));
    }
    expect((await counterRows()).filter((r) => r.expired)).toEqual([]);
    expect(await store.sweepExpired()).toBe(0);
  });
});

describe("defaultCounterStore", () => {
  it("counts in the shared table with DATABASE_URL, in memory on the embedded database", () => {
    expect(
      defaultCounterStore({ DATABASE_URL: "postgresql://tessera@db.example:5432/tessera" } as unknown as NodeJS.ProcessEnv),
    ).toBeInstanceOf(PostgresCounterStore);
    expect(defaultCounterStore({} as unknown as NodeJS.ProcessEnv)).toBeInstanceOf(MemoryCounterStore);
  });
});

describe("a store that fails", () => {
  it("answers 503 unavailable, never allowed, for an unreachable database and for a database without the table", async () => {
    const broken = await brokenCounterStore();
    const stores: CounterStore[] = [
      // A PostgreSQL that nobody listens on: port 1 on loopback refuses at once.
      new PostgresCounterStore(async () => (await openDatabase({ kind: "postgres", url: "postgresql://tessera@127.0.0.1:1/tessera" })).sql),
      broken.store,
    ];
    for (const store of stores) {
      const l = new RateLimiter(policy(5), store);
      for (const call of [() => l.consume("k"), () => l.retryAfter("k"), () => l.refund("k"), () => l.reset("k")]) {
        const error = await call().then(
          () => null,
          (e: unknown) => e,
        );
        expect(error).toBeInstanceOf(ApiError);
        expect((error as ApiError).toProblem()).toMatchObject({ status: 503, code: "unavailable" });
      }
    }
    await broken.close();
  });
});

describe("WorkGate", () => {
  function deferred() {
    let release!: () => void;
    const done = new Promise<void>((r) => {
      release = r;
    });
    return { done, release };
  }

  it("runs at most `slots` at once, queues at most `queue` first come first served, and refuses the rest at once", async () => {
    const gate = new WorkGate(2, 3, () => new ApiError("rate_limited", "busy", { retryAfter: 2 }));
    const started: number[] = [];
    const jobs = Array.from({ length: 5 }, () => deferred());
    const runs = jobs.map((job, i) =>
      gate.run(async () => {
        started.push(i);
        await job.done;
        return i;
      }),
    );
    await new Promise((r) => setImmediate(r));
    expect(started).toEqual([0, 1]);
    expect(gate.load).toEqual({ running: 2, waiting: 3 });
    expect(gate.full).toBe(true);
    await expect(gate.run(async () => "never")).rejects.toMatchObject({ code: "rate_limited", retryAfter: 2 });

    jobs[1]!.release();
    await runs[1];
    await new Promise((r) => setImmediate(r));
    expect(started).toEqual([0, 1, 2]);
    expect(gate.full).toBe(false);
    for (const job of jobs) job.release();
    expect(await Promise.all(runs)).toEqual([0, 1, 2, 3, 4]);
    expect(started).toEqual([0, 1, 2, 3, 4]);
    expect(gate.load).toEqual({ running: 0, waiting: 0 });
  });

  it("frees the slot when the work throws", async () => {
    const gate = new WorkGate(1, 0, () => new Error("busy"));
    await expect(gate.run(async () => Promise.reject(new Error("boom")))).rejects.toThrow("boom");
    expect(await gate.run(async () => "ok")).toBe("ok");
  });
});

describe("clientIp", () => {
  const h = (xff?: string) => new Headers(xff === undefined ? {} : { "x-forwarded-for": xff });
  it.each([
    ["the address Next saw (rightmost) with no trusted proxy", "6.6.6.6, 10.0.0.1", 0, "10.0.0.1"],
    ["a forged entry is ignored without trusted proxies", "1.2.3.4, 5.6.7.8", 0, "5.6.7.8"],
    ["one hop further left per trusted proxy", "1.2.3.4, 10.0.0.2, 10.0.0.1", 1, "10.0.0.2"],
    ["never past the leftmost entry", "1.2.3.4", 5, "1.2.3.4"],
    ["unknown without the header", undefined, 0, "unknown"],
  ])("%s", (_name, xff, hops, ip) => {
    expect(clientIp(h(xff), hops)).toBe(ip);
  });
});
