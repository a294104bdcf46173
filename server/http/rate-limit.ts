import "server-only";
import { processState } from "../process-state";

// A fixed-window failure counter kept in memory. It counts failures only, so a
// client that keeps succeeding is never slowed down. Several instances each keep
// their own windows, which loosens the limit by the instance count; that is an
// accepted trade for keeping the request path free of database writes.

type Window = { count: number; resetAt: number };

export class FailureLimiter {
  private readonly windows = new Map<string, Window>();

  constructor(
    readonly limit: number,
    readonly windowMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  /** Seconds until the key may try again, or 0 when it may try now. */
  retryAfter(key: string): number {
    const w = this.windows.get(key);
    if (!w) return 0;
    const now = this.now();
    if (w.resetAt <= now) {
      this.windows.delete(key);
      return 0;
    }
    return w.count >= this.limit ? Math.ceil((w.resetAt - now) / 1000) : 0;
  }

  fail(key: string): void {
    const now = this.now();
    const w = this.windows.get(key);
    if (!w || w.resetAt <= now) this.windows.set(key, { count: 1, resetAt: now + this.windowMs });
    else w.count += 1;
    if (this.windows.size > 100_000) this.sweep(now);
  }

  reset(key: string): void {
    this.windows.delete(key);
  }

  private sweep(now: number): void {
    for (const [key, w] of this.windows) if (w.resetAt <= now) this.windows.delete(key);
  }
}

const limiters = processState("__tesseraLimiters", () => new Map<string, FailureLimiter>());

/** One limiter per purpose for the whole process (module copies included). */
export function limiter(name: string, limit: number, windowMs: number): FailureLimiter {
  let l = limiters.get(name);
  if (!l) {
    l = new FailureLimiter(limit, windowMs);
    limiters.set(name, l);
  }
  return l;
}
