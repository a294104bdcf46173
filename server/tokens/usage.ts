import "server-only";
import { after } from "next/server";
import { onVercel } from "../config";
import { getDb } from "../db";
import { processState, shutdownTasks } from "../process-state";

// Usage accounting (last used, IPs, requests per day) is collected in memory on the
// request path and written in one batch at most every 5 seconds and on shutdown, so
// verifying a token never waits on a database write. Requests refused by a token's IP
// allowlist are counted the same way, per token, day and address, in the same batch, and so
// are the requests made while a token has two working secrets (the grace window after a
// regenerate), per secret, address and user agent.
//
// A Vercel function has neither: it is frozen between requests, so a timer does not fire
// until the next request thaws it (if one ever does), and it is discarded without a
// SIGTERM. There each request's usage is written once its response has been sent, with
// Next's after(), which keeps the function alive for that write; requests that overlap
// on one instance share writes (flushUsage).

export const FLUSH_INTERVAL_MS = 5_000;
const RECENT_IPS = 5;

type Pending = { lastUsedAt: Date; ips: string[]; perDay: Map<string, number> };
type Refused = { tokenId: number; day: string; ip: string; requests: number; lastAt: Date };
type SecretUse = { tokenId: number; secretVersion: number; ip: string; userAgent: string; requests: number; lastAt: Date };

type State = {
  pending: Map<number, Pending>;
  /** Keyed by token, day and address. */
  refused: Map<string, Refused>;
  /** Keyed by token, secret version, address and user agent. */
  secretUses: Map<string, SecretUse>;
  timer?: NodeJS.Timeout;
  flushing?: Promise<void>;
};
const state = processState<State>("__tesseraUsage", () => ({
  pending: new Map<number, Pending>(),
  refused: new Map(),
  secretUses: new Map(),
}));

export function recordUsage(tokenId: number, ip: string, at: Date = new Date()): void {
  let p = state.pending.get(tokenId);
  if (!p) {
    p = { lastUsedAt: at, ips: [], perDay: new Map() };
    state.pending.set(tokenId, p);
  }
  p.lastUsedAt = at;
  p.ips = [ip, ...p.ips.filter((x) => x !== ip)].slice(0, RECENT_IPS);
  const day = at.toISOString().slice(0, 10);
  p.perDay.set(day, (p.perDay.get(day) ?? 0) + 1);
  schedule();
}

/**
 * How many (token, day, address) refusal counts are kept unwritten. A leaked token tried from
 * very many addresses while the database refuses writes must not grow memory without bound:
 * past this, new addresses go uncounted (logged once per batch).
 */
export const MAX_PENDING_REFUSALS = 10_000;
let refusalsDropped = 0;

/** Counts a request refused by the token's IP allowlist; written with the next usage batch. */
export function recordRefusal(tokenId: number, ip: string, at: Date = new Date()): void {
  const day = at.toISOString().slice(0, 10);
  const key = `${tokenId} ${day} ${ip}`;
  let r = state.refused.get(key);
  if (!r) {
    if (state.refused.size >= MAX_PENDING_REFUSALS) {
      refusalsDropped += 1;
      return;
    }
    r = { tokenId, day, ip, requests: 0, lastAt: at };
    state.refused.set(key, r);
  }
  r.requests += 1;
  if (at > r.lastAt) r.lastAt = at;
  schedule();
}

/** User agents are kept this long at most: enough to tell clients apart, not a place to store a request. */
export const USER_AGENT_MAX = 200;
/** Like MAX_PENDING_REFUSALS, for grace-window uses: past this, new (address, user agent) pairs go uncounted. */
export const MAX_PENDING_SECRET_USES = 10_000;

/** Counts a request made during a grace window with the secret that was current at `secretVersion`. */
export function recordSecretUse(tokenId: number, secretVersion: number, ip: string, userAgent: string, at: Date = new Date()): void {
  const agent = userAgent.slice(0, USER_AGENT_MAX);
  const key = `${tokenId} ${secretVersion} ${ip} ${agent}`;
  let u = state.secretUses.get(key);
  if (!u) {
    if (state.secretUses.size >= MAX_PENDING_SECRET_USES) return;
    u = { tokenId, secretVersion, ip, userAgent: agent, requests: 0, lastAt: at };
    state.secretUses.set(key, u);
  }
  u.requests += 1;
  if (at > u.lastAt) u.lastAt = at;
  schedule();
}

shutdownTasks.add(() => flushUsage());

function schedule(): void {
  if (onVercel() && flushAfterResponse()) return;
  if (state.timer) return;
  state.timer = setTimeout(() => {
    state.timer = undefined;
    void flushUsage().catch((error: unknown) => console.error("[tessera] could not write token usage:", (error as Error).message));
  }, FLUSH_INTERVAL_MS);
  state.timer.unref();
}

/** Registers a write for when the current response is done; false outside a request (a script, a test). */
function flushAfterResponse(): boolean {
  try {
    after(() => flushUsage().catch((error: unknown) => console.error("[tessera] could not write token usage:", (error as Error).message)));
    return true;
  } catch {
    return false;
  }
}

/** Writes everything collected so far. Concurrent calls share one write. */
export async function flushUsage(): Promise<void> {
  if (state.flushing) await state.flushing;
  if (state.pending.size === 0 && state.refused.size === 0 && state.secretUses.size === 0) return;
  const batch = state.pending;
  const refused = state.refused;
  const secretUses = state.secretUses;
  state.pending = new Map();
  state.refused = new Map();
  state.secretUses = new Map();
  if (refusalsDropped > 0) {
    console.error(`[tessera] did not count ${refusalsDropped} refused requests: too many addresses were waiting to be written`);
    refusalsDropped = 0;
  }
  state.flushing = write(batch, refused, secretUses)
    .catch((error: unknown) => {
      // A failed write (the database is down, say) keeps its counts for the next flush.
      requeue(batch);
      requeueRefusals(refused);
      requeueSecretUses(secretUses);
      throw error;
    })
    .finally(() => {
      state.flushing = undefined;
    });
  return state.flushing;
}

/**
 * How many tokens' unwritten usage is kept while the database cannot take it. Past this,
 * the tokens used longest ago lose their counts (logged): memory stays bounded however long
 * an outage lasts.
 */
export const MAX_PENDING_TOKENS = 50_000;

function requeue(batch: Map<number, Pending>): void {
  for (const [tokenId, old] of batch) {
    const now = state.pending.get(tokenId);
    if (!now) {
      state.pending.set(tokenId, old);
      continue;
    }
    // Requests recorded since the failed write are newer than the batch.
    now.ips = [...now.ips, ...old.ips.filter((ip) => !now.ips.includes(ip))].slice(0, RECENT_IPS);
    for (const [day, n] of old.perDay) now.perDay.set(day, (now.perDay.get(day) ?? 0) + n);
  }
  const excess = state.pending.size - MAX_PENDING_TOKENS;
  if (excess > 0) {
    const oldest = [...state.pending].sort(([, a], [, b]) => a.lastUsedAt.getTime() - b.lastUsedAt.getTime()).slice(0, excess);
    for (const [tokenId] of oldest) state.pending.delete(tokenId);
    console.error(`[tessera] dropped unwritten usage of ${excess} tokens: the database has refused usage writes for too long`);
  }
  // On Vercel the next request's write takes them along: retrying from inside after() would
  // keep the function running for as long as the database is down.
  if (!onVercel()) schedule();
}

function requeueRefusals(batch: Map<string, Refused>): void {
  for (const [key, old] of batch) {
    const now = state.refused.get(key);
    if (now) {
      now.requests += old.requests;
      if (old.lastAt > now.lastAt) now.lastAt = old.lastAt;
    } else if (state.refused.size < MAX_PENDING_REFUSALS) state.refused.set(key, old);
    else refusalsDropped += old.requests;
  }
}

function requeueSecretUses(batch: Map<string, SecretUse>): void {
  for (const [key, old] of batch) {
    const now = state.secretUses.get(key);
    if (now) {
      now.requests += old.requests;
      if (old.lastAt > now.lastAt) now.lastAt = old.lastAt;
    } else if (state.secretUses.size < MAX_PENDING_SECRET_USES) state.secretUses.set(key, old);
  }
}

async function write(batch: Map<number, Pending>, refused: Map<string, Refused>, secretUses: Map<string, SecretUse>): Promise<void> {
  const db = await getDb();
  await db.$transaction(async (tx) => {
    for (const u of secretUses.values()) {
      await tx.$executeRaw`INSERT INTO "ApiTokenSecretUse" ("tokenId", "secretVersion", ip, "userAgent", requests, "lastAt")
        SELECT ${u.tokenId}, ${u.secretVersion}, ${u.ip}, ${u.userAgent}, ${u.requests}, ${u.lastAt} WHERE EXISTS (SELECT 1 FROM "ApiToken" WHERE id = ${u.tokenId})
        ON CONFLICT ("tokenId", "secretVersion", ip, "userAgent") DO UPDATE SET requests = "ApiTokenSecretUse".requests + EXCLUDED.requests,
          "lastAt" = GREATEST("ApiTokenSecretUse"."lastAt", EXCLUDED."lastAt")`;
    }
    for (const r of refused.values()) {
      // A token deleted meanwhile has no row to count against: the foreign key would fail the whole batch.
      await tx.$executeRaw`INSERT INTO "ApiTokenRefusal" ("tokenId", day, ip, requests, "lastAt")
        SELECT ${r.tokenId}, ${r.day}::date, ${r.ip}, ${r.requests}, ${r.lastAt} WHERE EXISTS (SELECT 1 FROM "ApiToken" WHERE id = ${r.tokenId})
        ON CONFLICT ("tokenId", day, ip) DO UPDATE SET requests = "ApiTokenRefusal".requests + EXCLUDED.requests,
          "lastAt" = GREATEST("ApiTokenRefusal"."lastAt", EXCLUDED."lastAt")`;
    }
    for (const [tokenId, p] of batch) {
      // One statement merges the batch into the row as it is when the statement gets it: when
      // another instance writes the same token at once, PostgreSQL makes this one wait for
      // that row and then re-reads it, so neither loses the other's addresses. A batch older
      // than what is stored (another instance saw a later use) leaves "last used" alone and
      // ranks its addresses after the stored ones. updatedAt is left alone: usage is not an edit.
      const updated = await tx.$executeRaw`UPDATE "ApiToken" t SET
        "lastUsedAt" = GREATEST(t."lastUsedAt", ${p.lastUsedAt}),
        "lastUsedIp" = CASE WHEN t."lastUsedAt" IS NULL OR t."lastUsedAt" <= ${p.lastUsedAt} THEN ${p.ips[0] ?? null} ELSE t."lastUsedIp" END,
        "recentIps" = (
          SELECT coalesce(jsonb_agg(ip ORDER BY rank), '[]'::jsonb) FROM (
            SELECT ip, min(rank) AS rank FROM (
              SELECT b.ip, b.n + CASE WHEN t."lastUsedAt" IS NULL OR t."lastUsedAt" <= ${p.lastUsedAt} THEN 0 ELSE 1000 END AS rank
                FROM jsonb_array_elements_text(${JSON.stringify(p.ips)}::jsonb) WITH ORDINALITY AS b(ip, n)
              UNION ALL
              SELECT s.ip, s.n + 500 FROM jsonb_array_elements_text(t."recentIps") WITH ORDINALITY AS s(ip, n)
            ) ranked GROUP BY ip ORDER BY min(rank) LIMIT ${RECENT_IPS}
          ) kept
        )
        WHERE t.id = ${tokenId}`;
      if (updated === 0) continue;
      for (const [day, n] of p.perDay) {
        await tx.$executeRaw`INSERT INTO "ApiTokenUsage" ("tokenId", day, requests) VALUES (${tokenId}, ${day}::date, ${n})
          ON CONFLICT ("tokenId", day) DO UPDATE SET requests = "ApiTokenUsage".requests + EXCLUDED.requests`;
      }
    }
  });
}

/** For tests: drop what was collected without writing it. */
export function discardPendingUsage(): void {
  state.pending = new Map();
  state.refused = new Map();
  state.secretUses = new Map();
}
