import { describe, expect, it } from "vitest";
import { runDueWork } from "@/server/notifications/scheduler";
import { flushUsage } from "@/server/tokens/usage";
import { adminServerPerFile } from "../helpers/admin-server";
import { unique } from "../helpers/fixtures";

// Rotation that shows who still uses the old secret, over real HTTP: during a grace window
// each request is counted per secret, address and user agent (off the request path, written
// with the usage batch); the grace endpoint lists them; "end grace now" stops the old secret;
// and the scheduler, on an injected clock, ends a grace whose old secret went quiet.
// With TESSERA_TRUSTED_PROXIES=1 the X-Forwarded-For a test sends is the client address.

const ctx = adminServerPerFile({ trustedProxies: 1 });
const { admin, anon } = ctx;

async function rotated(regenerate: Record<string, unknown> = { graceSeconds: 3600 }) {
  const created = await admin("POST", "/api/v1/tokens", { name: unique("grace"), permissions: { superAdmin: true } });
  expect(created.status).toBe(201);
  const id = (created.body.token as { id: number }).id;
  const old = created.body.secret as string;
  const regen = await admin("POST", `/api/v1/tokens/${id}/regenerate`, regenerate);
  expect(regen.status, JSON.stringify(regen.body)).toBe(200);
  return { id, old, fresh: regen.body.secret as string };
}
const use = (secret: string, ip: string, agent: string) =>
  anon("GET", "/api/v1/me", undefined, { authorization: `Bearer ${secret}`, "x-forwarded-for": ip, "user-agent": agent });
const grace = async (id: number) => {
  const res = await admin("GET", `/api/v1/tokens/${id}/grace`);
  expect(res.status).toBe(200);
  return res.body as { graceUntil: string | null; quietSeconds: number | null; oldSecret: Use[]; currentSecret: Use[] };
};
type Use = { ip: string; userAgent: string; requests: number; lastAt: string };

describe("who uses which secret during a grace window", () => {
  it("lists the addresses and user agents that used the old secret, with counts and last times", async () => {
    const { id, old, fresh } = await rotated({ graceSeconds: 3600, graceQuietSeconds: 1800 });
    const before = Date.now();
    for (let i = 0; i < 3; i++) expect((await use(old, "198.51.100.1", "deploy-bot/1.0")).status).toBe(200);
    expect((await use(old, "198.51.100.2", "curl/8.5")).status).toBe(200);
    expect((await use(fresh, "198.51.100.3", "deploy-bot/2.0")).status).toBe(200);
    await flushUsage();

    const seen = await grace(id);
    expect(seen.quietSeconds).toBe(1800);
    expect(Date.parse(seen.graceUntil!)).toBeGreaterThan(before + 3500_000);
    const byIp = Object.fromEntries(seen.oldSecret.map((u) => [u.ip, u]));
    expect(seen.oldSecret).toHaveLength(2);
    expect(byIp["198.51.100.1"]).toMatchObject({ userAgent: "deploy-bot/1.0", requests: 3 });
    expect(byIp["198.51.100.2"]).toMatchObject({ userAgent: "curl/8.5", requests: 1 });
    for (const u of seen.oldSecret) expect(Date.parse(u.lastAt)).toBeGreaterThanOrEqual(before - 1000);
    expect(seen.currentSecret).toEqual([expect.objectContaining({ ip: "198.51.100.3", userAgent: "deploy-bot/2.0", requests: 1 })]);
  });

  it("counts nothing per secret outside a grace window", async () => {
    const { id, fresh } = await rotated({ graceSeconds: 0 });
    expect((await use(fresh, "198.51.100.9", "x")).status).toBe(200);
    await flushUsage();
    expect(await ctx.db.apiTokenSecretUse.count({ where: { tokenId: id } })).toBe(0);
    expect(await grace(id)).toEqual({ graceUntil: null, quietSeconds: null, oldSecret: [], currentSecret: [] });
  });

  it("ends grace now: the old secret gets 401 at once, the new one works, the end is audited; a second end is 409", async () => {
    const { id, old, fresh } = await rotated();
    expect((await use(old, "198.51.100.4", "a")).status).toBe(200);
    const end = await admin("POST", `/api/v1/tokens/${id}/end-grace`);
    expect(end.status).toBe(204);
    expect((await use(old, "198.51.100.4", "a")).status).toBe(401);
    expect((await use(fresh, "198.51.100.4", "a")).status).toBe(200);
    expect((await grace(id)).graceUntil).toBeNull();
    expect(await ctx.db.auditEvent.findFirstOrThrow({ where: { targetId: id, action: "token.grace_ended" } })).toMatchObject({
      actorType: "user",
      details: { reason: "manual" },
    });
    const again = await admin("POST", `/api/v1/tokens/${id}/end-grace`);
    expect(again.status).toBe(409);
    expect(again.body).toMatchObject({ code: "conflict" });
    expect((await admin("POST", "/api/v1/tokens/999999/end-grace")).status).toBe(404);
  });

  it("refuses a quiet period without a grace period (400)", async () => {
    const created = await admin("POST", "/api/v1/tokens", { name: unique("grace"), permissions: { superAdmin: true } });
    const id = (created.body.token as { id: number }).id;
    const res = await admin("POST", `/api/v1/tokens/${id}/regenerate`, { graceSeconds: 0, graceQuietSeconds: 600 });
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ errors: [{ path: "graceQuietSeconds", message: "needs a grace period (graceSeconds above 0)" }] });
  });
});

describe("ending grace when the old secret goes quiet (the scheduler, on an injected clock)", () => {
  it("ends it once the old secret has gone unused for the quiet period, and not before", async () => {
    await ctx.db.apiToken.updateMany({ data: { graceQuietSeconds: null } }); // earlier tests' windows stay out of the counts
    const used = await rotated({ graceSeconds: 3600, graceQuietSeconds: 600 });
    const unused = await rotated({ graceSeconds: 3600, graceQuietSeconds: 1800 });
    const plain = await rotated({ graceSeconds: 3600 });
    expect((await use(used.old, "198.51.100.5", "cron")).status).toBe(200);
    await flushUsage();
    const lastUse = (await ctx.db.apiTokenSecretUse.findFirstOrThrow({ where: { tokenId: used.id } })).lastAt.getTime();
    const run = (at: number) => runDueWork({ now: () => new Date(at), smtp: null });

    expect((await run(lastUse + 590_000)).graces).toBe(0);
    // A use before the quiet period is over starts it again: a use 5 minutes later (requests
    // carry the real time, so the later use is written as the usage batch would write it).
    const again = lastUse + 300_000;
    await ctx.db.apiTokenSecretUse.updateMany({ where: { tokenId: used.id }, data: { lastAt: new Date(again) } });
    expect((await run(lastUse + 601_000)).graces).toBe(0);

    const first = await run(again + 601_000);
    expect(first.graces).toBe(1);
    expect((await use(used.old, "198.51.100.5", "cron")).status).toBe(401);
    expect((await use(used.fresh, "198.51.100.5", "cron")).status).toBe(200);
    expect((await ctx.db.apiToken.findUniqueOrThrow({ where: { id: unused.id } })).previousHash).not.toBeNull();
    const ended = await ctx.db.auditEvent.findFirstOrThrow({ where: { targetId: used.id, action: "token.grace_ended" } });
    expect(ended).toMatchObject({ actorType: "system", details: { reason: "quiet", quietSeconds: 600 } });

    // Never used since the regenerate: the quiet period counts from the regenerate.
    const regenerated = (await ctx.db.apiToken.findUniqueOrThrow({ where: { id: unused.id } })).renewedAt!.getTime();
    expect((await run(regenerated + 1_799_000)).graces).toBe(0);
    expect((await run(regenerated + 1_801_000)).graces).toBe(1);
    expect((await use(unused.old, "198.51.100.6", "x")).status).toBe(401);
    expect((await use(plain.old, "198.51.100.7", "x")).status).toBe(200);
  });
});
