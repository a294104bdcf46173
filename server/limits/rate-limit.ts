import "server-only";
import { ApiError } from "@/lib/errors";
import { databaseConfig } from "../config";
import { getSql } from "../db";
import { toApiError } from "../errors";
import { processState } from "../process-state";
import { type CounterStore, MemoryCounterStore, PostgresCounterStore } from "./counter-store";

// Attempt limits: fixed windows of `limit` counted attempts per key, a window opening at
// a key's first counted attempt. Counting and deciding are one atomic step (consume), so
// concurrent attempts cannot all pass a check that none of them has been counted against
// yet. On PostgreSQL the counts live in one table that every instance shares; on the
// embedded PGlite (one process owns the data) they stay in memory.

export type LimitPolicy = { readonly name: string; readonly limit: number; readonly windowMs: number };

/** Past this many remembered refusals, the expired ones are dropped. */
const REMEMBERED_SWEEP_ABOVE = 100_000;

export type Decision = {
  allowed: boolean;
  /** Seconds until the key may try again; 0 when allowed. */
  retryAfter: number;
};

/**
 * One limit over a store. Each instance also remembers the keys it has seen refused
 * until their windows close, and refuses them again without asking the store: a client
 * that keeps going past its limit costs no more database work. A store that fails is
 * answered 503 `unavailable`, never counted as allowed.
 */
export class RateLimiter {
  private readonly refusedUntil = new Map<string, number>();

  constructor(
    readonly policy: LimitPolicy,
    private readonly store: CounterStore,
    private readonly now: () => number = Date.now,
  ) {}

  /** Counts one attempt and says whether it is within the limit. */
  async consume(key: string): Promise<Decision> {
    const known = this.knownRefusal(key);
    if (known) return { allowed: false, retryAfter: known };
    const { count, resetInMs } = await guard(this.store.increment(this.storeKey(key), this.policy.windowMs));
    if (count <= this.policy.limit) return { allowed: true, retryAfter: 0 };
    return { allowed: false, retryAfter: this.remember(key, resetInMs) };
  }

  /** Seconds until the key's next attempt would be allowed, 0 when it would be; counts nothing. */
  async retryAfter(key: string): Promise<number> {
    const known = this.knownRefusal(key);
    if (known) return known;
    const open = await guard(this.store.peek(this.storeKey(key)));
    return open && open.count >= this.policy.limit ? seconds(open.resetInMs) : 0;
  }

  /** Seconds this instance already knows the key must wait, without asking the store; 0 when it knows of none. */
  knownRefusal(key: string): number {
    const until = this.refusedUntil.get(key);
    if (until === undefined) return 0;
    const left = until - this.now();
    if (left > 0) return seconds(left);
    this.refusedUntil.delete(key);
    return 0;
  }

  /** Gives back one counted attempt that never got as far as what the limit protects. */
  async refund(key: string): Promise<void> {
    await guard(this.store.decrement(this.storeKey(key)));
  }

  async reset(key: string): Promise<void> {
    this.refusedUntil.delete(key);
    await guard(this.store.delete(this.storeKey(key)));
  }

  private storeKey(key: string): string {
    return `${this.policy.name}|${key}`;
  }

  private remember(key: string, resetInMs: number): number {
    const now = this.now();
    this.refusedUntil.set(key, now + resetInMs);
    if (this.refusedUntil.size > REMEMBERED_SWEEP_ABOVE) {
      for (const [k, until] of this.refusedUntil) if (until <= now) this.refusedUntil.delete(k);
    }
    return seconds(resetInMs);
  }
}

function seconds(ms: number): number {
  return Math.max(1, Math.ceil(ms / 1000));
}

async function guard<T>(work: Promise<T>): Promise<T> {
  try {
    return await work;
  } catch (error) {
    const known = toApiError(error);
    throw known.code === "unavailable"
      ? known
      : new ApiError("unavailable", "Tessera cannot check its rate limits right now. Try again shortly.");
  }
}

type Registry = { store?: CounterStore; limiters: Map<string, RateLimiter> };
const registry = processState<Registry>("__tesseraRateLimits", () => ({ limiters: new Map() }));

/** Where a server counts: in the shared table with DATABASE_URL (every instance agrees), in memory on PGlite (one process). */
export function defaultCounterStore(env: NodeJS.ProcessEnv = process.env): CounterStore {
  return databaseConfig(env).kind === "postgres" ? new PostgresCounterStore(getSql) : new MemoryCounterStore();
}

/** The process's limiter for a policy: shared through PostgreSQL with DATABASE_URL, in memory on PGlite. */
export function limiter(policy: LimitPolicy): RateLimiter {
  let l = registry.limiters.get(policy.name);
  if (!l) {
    registry.store ??= defaultCounterStore();
    l = new RateLimiter(policy, registry.store);
    registry.limiters.set(policy.name, l);
  }
  return l;
}

/** Tests and scripts: count in this store from now on, forgetting what the limiters knew. */
export function useCounterStore(store: CounterStore): void {
  registry.store = store;
  registry.limiters.clear();
}
