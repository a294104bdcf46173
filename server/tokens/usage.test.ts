import path from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import type { Db } from "@/server/db";
import { useFreshDatabase } from "@/tests/helpers/db";
import { nextScopedRoute } from "@/tests/helpers/next-route";
import { createToken } from "./tokens";
import { discardPendingUsage, FLUSH_INTERVAL_MS, flushUsage } from "./usage";

// Where usage is written from: a timer in a long-lived server, Next's after() in a Vercel
// function, whose timers do not fire while it is frozen. The route runs inside Next's own
// request scope (the app-route module `next start` and Vercel use), given the hooks a host
// passes it: `onClose` when the response is done, `waitUntil` for work that outlives it.

const ME = path.resolve(__dirname, "../../app/api/v1/me/route.ts");
const ACTOR = { type: "system", id: null, name: "usage-test", ip: null } as const;
const usageState = () => (globalThis as { __tesseraUsage?: { timer?: unknown; pending: Map<number, unknown> } }).__tesseraUsage!;

let db: Db;
beforeAll(async () => {
  db = await useFreshDatabase();
});
afterEach(async () => {
  vi.unstubAllEnvs();
  discardPendingUsage();
  const timer = usageState().timer as NodeJS.Timeout | undefined;
  clearTimeout(timer);
  usageState().timer = undefined;
});
afterAll(() => flushUsage());

/** A request to GET /api/v1/me in Next's request scope, as a host runs it; answers its status and the host's hooks. */
async function callAsHost(secret: string) {
  const closeListeners: (() => void)[] = [];
  const awaited: Promise<unknown>[] = [];
  const hosting = { waitUntil: (p: Promise<unknown>) => awaited.push(p), onClose: (fn: () => void) => closeListeners.push(fn) };
  const handle = await nextScopedRoute(ME, ["api", "v1", "me"], await import(ME), hosting);
  const res = await handle(new Request("http://localhost/api/v1/me", { headers: { token: secret, "x-forwarded-for": "203.0.113.9" } }), {});
  await res.arrayBuffer();
  return {
    status: res.status,
    /** The host closes the response and waits for what it was asked to wait for. */
    finish: async () => {
      for (const fn of closeListeners) fn();
      await Promise.all(awaited);
    },
    awaited,
  };
}

async function newToken(name: string) {
  const { token, secret } = await createToken({ name, description: "", permissions: { superAdmin: true }, expiresInDays: 30 }, ACTOR);
  return { id: token.id, secret };
}

const usedCount = async (id: number) => (await db.apiTokenUsage.findMany({ where: { tokenId: id } })).reduce((n, r) => n + r.requests, 0);

describe("usage on Vercel (VERCEL=1)", () => {
  it("is written once the response is done, through after(), with no timer left behind", async () => {
    vi.stubEnv("VERCEL", "1");
    const { id, secret } = await newToken("vercel-usage");
    const call = await callAsHost(secret);
    expect(call.status).toBe(200);
    // Nothing on the request path: the write waits for the response to close.
    expect(await usedCount(id)).toBe(0);
    expect(call.awaited.length).toBeGreaterThan(0);
    expect(usageState().timer).toBeUndefined();
    await call.finish();
    expect(await usedCount(id)).toBe(1);
    const row = await db.apiToken.findUniqueOrThrow({ where: { id } });
    expect(row.lastUsedIp).toBe("203.0.113.9");
    expect(usageState().pending.size).toBe(0);
  });

  it("outside a request (a script), falls back to the timer", async () => {
    vi.stubEnv("VERCEL", "1");
    const { id } = await newToken("vercel-script-usage");
    const { recordUsage } = await import("./usage");
    recordUsage(id, "127.0.0.1");
    expect(usageState().timer).toBeDefined();
  });
});

describe("usage in a long-lived server", () => {
  it("waits for the timer, not for the response: written within the flush interval, not at close", async () => {
    const { id, secret } = await newToken("server-usage");
    const call = await callAsHost(secret);
    expect(call.status).toBe(200);
    expect(call.awaited).toHaveLength(0);
    await call.finish();
    expect(await usedCount(id)).toBe(0);
    expect(usageState().timer).toBeDefined();
    // The timer fires by itself; give it generous room on a loaded machine.
    const deadline = Date.now() + FLUSH_INTERVAL_MS + 15_000;
    while ((await usedCount(id)) === 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 200));
    expect(await usedCount(id)).toBe(1);
  }, 30_000);
});

describe("writing a batch", () => {
  it("merges with what another instance wrote: a newer batch leads, an older one keeps 'last used' and comes after", async () => {
    const { recordUsage } = await import("./usage");
    const { id } = await newToken("merged-usage");
    const t = (s: number) => new Date(Date.UTC(2026, 0, 1, 0, 0, s));
    recordUsage(id, "10.0.0.2", t(20));
    await flushUsage();
    // An instance that saw an earlier use writes after it.
    recordUsage(id, "10.0.0.1", t(10));
    await flushUsage();
    let row = await db.apiToken.findUniqueOrThrow({ where: { id } });
    expect(row).toMatchObject({ lastUsedAt: t(20), lastUsedIp: "10.0.0.2", recentIps: ["10.0.0.2", "10.0.0.1"] });
    recordUsage(id, "10.0.0.3", t(30));
    recordUsage(id, "10.0.0.1", t(31));
    await flushUsage();
    row = await db.apiToken.findUniqueOrThrow({ where: { id } });
    expect(row).toMatchObject({ lastUsedAt: t(31), lastUsedIp: "10.0.0.1", recentIps: ["10.0.0.1", "10.0.0.3", "10.0.0.2"] });
    expect(await usedCount(id)).toBe(4);
  });
});
