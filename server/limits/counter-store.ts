import "server-only";
import { createHash } from "node:crypto";
import type { Sql } from "../db";

// Where the rate limiters' counts live: in memory (one process, the embedded PGlite) or
// in the RateLimitCounter table that every instance on one PostgreSQL shares.

/** A key's count in its open window, and the milliseconds until that window closes. */
export type WindowCount = { count: number; resetInMs: number };

/** Where the counts live. Each method is atomic with respect to every other user of the same store. */
export interface CounterStore {
  /** Adds one to the key's count, opening a window of `windowMs` when none is open, and answers the count after. */
  increment(key: string, windowMs: number): Promise<WindowCount>;
  /** The key's open window, or null. */
  peek(key: string): Promise<WindowCount | null>;
  /** Takes one counted attempt back; never below zero, never opens a window. */
  decrement(key: string): Promise<void>;
  delete(key: string): Promise<void>;
}

const MEMORY_SWEEP_ABOVE = 100_000;

export class MemoryCounterStore implements CounterStore {
  private readonly windows = new Map<string, { count: number; resetAt: number }>();

  constructor(private readonly now: () => number = Date.now) {}

  // Every method changes the map before its first await, so calls take effect in the
  // order they were made.
  async increment(key: string, windowMs: number): Promise<WindowCount> {
    const now = this.now();
    let w = this.open(key, now);
    if (!w) {
      w = { count: 0, resetAt: now + windowMs };
      this.windows.set(key, w);
      if (this.windows.size > MEMORY_SWEEP_ABOVE) this.sweep(now);
    }
    w.count += 1;
    return { count: w.count, resetInMs: w.resetAt - now };
  }

  async peek(key: string): Promise<WindowCount | null> {
    const now = this.now();
    const w = this.open(key, now);
    return w ? { count: w.count, resetInMs: w.resetAt - now } : null;
  }

  async decrement(key: string): Promise<void> {
    const w = this.open(key, this.now());
    if (w && w.count > 0) w.count -= 1;
  }

  async delete(key: string): Promise<void> {
    this.windows.delete(key);
  }

  private open(key: string, now: number) {
    const w = this.windows.get(key);
    if (w && w.resetAt <= now) {
      this.windows.delete(key);
      return undefined;
    }
    return w;
  }

  private sweep(now: number): void {
    for (const [key, w] of this.windows) if (w.resetAt <= now) this.windows.delete(key);
  }
}

// One statement counts: the row lock that ON CONFLICT takes serialises concurrent
// increments of a key across every instance. All times are the database's, so instances
// whose clocks disagree still agree on windows.
const INCREMENT = `INSERT INTO "RateLimitCounter" AS c (key, hits, "expiresAt")
  VALUES ($1, $2, now() + $3::double precision * interval '1 millisecond')
  ON CONFLICT (key) DO UPDATE SET
    hits = CASE WHEN c."expiresAt" <= now() THEN EXCLUDED.hits ELSE LEAST(c.hits + EXCLUDED.hits, 1000000000) END,
    "expiresAt" = CASE WHEN c."expiresAt" <= now() THEN EXCLUDED."expiresAt" ELSE c."expiresAt" END
  RETURNING hits, GREATEST(0, CEIL(EXTRACT(EPOCH FROM c."expiresAt" - now()) * 1000))::int AS reset_in_ms`;
const PEEK = `SELECT hits, GREATEST(0, CEIL(EXTRACT(EPOCH FROM "expiresAt" - now()) * 1000))::int AS reset_in_ms
  FROM "RateLimitCounter" WHERE key = $1 AND "expiresAt" > now()`;
const DECREMENT = `UPDATE "RateLimitCounter" SET hits = hits - 1 WHERE key = $1 AND hits > 0 AND "expiresAt" > now()`;
const DELETE = `DELETE FROM "RateLimitCounter" WHERE key = $1`;
const SWEEP = `WITH gone AS (DELETE FROM "RateLimitCounter" WHERE "expiresAt" <= now() RETURNING 1) SELECT count(*)::int AS n FROM gone`;

type CounterRow = { hits: number; reset_in_ms: number };
type Waiter = { resolve: (count: WindowCount) => void; reject: (error: unknown) => void };

/**
 * Counts in the RateLimitCounter table (created by a migration), shared by every
 * instance on the database. Keys are stored as SHA-256 hashes. Increments of one key
 * from this instance go out one statement at a time: those made while one is in flight
 * are added together by the next, and their counts handed out in call order — so a
 * flood costs a few statements instead of a connection each, and this instance's
 * attempts are counted in the order they came. Expired rows are deleted at most once per
 * `sweepEveryMs`, on the path that creates rows, so the table holds about one window's
 * worth of keys and needs no timer.
 */
export class PostgresCounterStore implements CounterStore {
  private readonly queued = new Map<string, { windowMs: number; waiters: Waiter[] }>();
  private readonly inFlight = new Set<string>();
  private lastSweep = Date.now();

  constructor(
    private readonly sql: () => Promise<Sql>,
    private readonly options: { sweepEveryMs?: number } = {},
  ) {}

  increment(key: string, windowMs: number): Promise<WindowCount> {
    return new Promise((resolve, reject) => {
      const id = rowKey(key);
      const batch = this.queued.get(id) ?? { windowMs, waiters: [] };
      batch.waiters.push({ resolve, reject });
      this.queued.set(id, batch);
      if (!this.inFlight.has(id)) this.send(id);
    });
  }

  async peek(key: string): Promise<WindowCount | null> {
    const [row] = await (await this.sql())<CounterRow>(PEEK, [rowKey(key)]);
    return row ? { count: row.hits, resetInMs: row.reset_in_ms } : null;
  }

  async decrement(key: string): Promise<void> {
    await (await this.sql())(DECREMENT, [rowKey(key)]);
  }

  async delete(key: string): Promise<void> {
    await (await this.sql())(DELETE, [rowKey(key)]);
  }

  /** Deletes the rows whose windows have closed; answers how many. */
  async sweepExpired(): Promise<number> {
    const [row] = await (await this.sql())<{ n: number }>(SWEEP);
    return row?.n ?? 0;
  }

  private send(id: string): void {
    const batch = this.queued.get(id);
    if (!batch) return;
    this.queued.delete(id);
    this.inFlight.add(id);
    const hits = batch.waiters.length;
    this.upsert(id, hits, batch.windowMs)
      .then(
        ({ count, resetInMs }) => {
          for (const [i, w] of batch.waiters.entries()) w.resolve({ count: count - hits + 1 + i, resetInMs });
        },
        (error: unknown) => {
          for (const w of batch.waiters) w.reject(error);
        },
      )
      .finally(() => {
        this.inFlight.delete(id);
        this.send(id);
      });
  }

  private async upsert(id: string, hits: number, windowMs: number): Promise<WindowCount> {
    const [row] = await (await this.sql())<CounterRow>(INCREMENT, [id, hits, windowMs]);
    this.sweepNowAndThen();
    return { count: row!.hits, resetInMs: row!.reset_in_ms };
  }

  private sweepNowAndThen(): void {
    const now = Date.now();
    if (now - this.lastSweep < (this.options.sweepEveryMs ?? 60_000)) return;
    this.lastSweep = now;
    this.sweepExpired().catch((error: unknown) =>
      console.error("[tessera] could not sweep rate-limit counters:", (error as Error)?.message),
    );
  }
}

function rowKey(key: string): string {
  return createHash("sha256").update(key).digest("base64url");
}
