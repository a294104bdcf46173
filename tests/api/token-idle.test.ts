import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/server/auth/principal";
import type { Db } from "@/server/db";
import { runDueWork } from "@/server/notifications/scheduler";
import { updateSettings } from "@/server/settings/settings";
import { previewIdleTokens } from "@/server/tokens/idle";
import { createToken, regenerateToken, updateToken } from "@/server/tokens/tokens";
import { useFreshDatabase } from "../helpers/db";
import { makeUser } from "../helpers/fixtures";
import { client, sessionCookieFor, startServer, type TestServer } from "../helpers/http";

// The idle policy (Settings.idleDisableDays), run by the scheduler (runDueWork) against a
// clock the test moves: exactly the idle tokens are disabled, once, each with an audit event
// by the system and a token.idle_disabled event; enabling or regenerating one restarts its count.

const DAY = 86_400_000;
let db: Db;
let server: TestServer;
let admin: ReturnType<typeof client>;
let actor: Actor;

beforeAll(async () => {
  db = await useFreshDatabase();
  server = await startServer();
  const user = await makeUser(db, { superAdmin: true });
  actor = { type: "user", id: user.id, name: user.email, ip: null };
  admin = client(server, await sessionCookieFor(user.id));
});
afterAll(() => server.close());

let counter = 0;
const fresh = (prefix: string) => `${prefix}-${++counter}`;

describe("the idle policy", () => {
  const run = (at: Date) => runDueWork({ now: () => at, smtp: null, retentionDays: 3650 });
  const make = async (name: string, now: Date) =>
    (await createToken({ name, description: "", permissions: { superAdmin: true }, expiresAt: null }, actor, now)).token;
  const state = async (ids: number[]) =>
    Object.fromEntries(
      (await db.apiToken.findMany({ where: { id: { in: ids } }, orderBy: { id: "asc" } })).map((t) => [t.name, t.disabledReason ?? "on"]),
    );
  const trail = async (ids: number[]) => ({
    audit: await db.auditEvent.count({ where: { action: "token.idle_disabled", targetId: { in: ids }, actorType: "system" } }),
    events: await db.notificationEvent.count({ where: { type: "token.idle_disabled", tokenId: { in: ids } } }),
  });

  it("disables exactly the idle tokens, once each, with an audit and an outbox event, and only while switched on", async () => {
    const start = new Date();
    const neverUsed = await make("idle-never-used", start);
    const usedLongAgo = await make("idle-used-long-ago", start);
    const usedRecently = await make("idle-used-recently", start);
    const alreadyOff = await make("idle-already-off", start);
    const deleted = await make("idle-deleted", start);
    const ids = [neverUsed.id, usedLongAgo.id, usedRecently.id, alreadyOff.id, deleted.id];
    await db.apiToken.update({ where: { id: usedLongAgo.id }, data: { lastUsedAt: new Date(start.getTime() + 1 * DAY) } });
    await db.apiToken.update({ where: { id: usedRecently.id }, data: { lastUsedAt: new Date(start.getTime() + 25 * DAY) } });
    await updateToken(alreadyOff.id, { disabled: true }, actor, start);
    await db.apiToken.update({ where: { id: deleted.id }, data: { deletedAt: start } });
    const t = new Date(start.getTime() + 31 * DAY + 60_000);

    // Switched off: nothing happens, however idle.
    expect((await run(t)).idle).toBe(0);
    await updateSettings({ idleDisableDays: 30 }, actor);
    expect((await previewIdleTokens(30, t)).tokens.map((x) => x.name)).toEqual(["idle-never-used", "idle-used-long-ago"]);

    // One day short of the used token's 30 days: only the never-used one is idle.
    expect((await run(new Date(start.getTime() + 30 * DAY + 60_000))).idle).toBe(1);
    expect((await run(t)).idle).toBe(1);
    expect(await state(ids)).toEqual({
      "idle-never-used": "idle",
      "idle-used-long-ago": "idle",
      "idle-used-recently": "on",
      "idle-already-off": "manual",
      "idle-deleted": "on",
    });
    expect(await trail(ids)).toEqual({ audit: 2, events: 2 });
    // Again, and later still: nothing more happens to them.
    expect((await run(t)).idle).toBe(0);
    expect((await run(new Date(t.getTime() + 3 * DAY))).idle).toBe(0);
    expect(await trail(ids)).toEqual({ audit: 2, events: 2 });
    const event = await db.notificationEvent.findFirstOrThrow({ where: { type: "token.idle_disabled", tokenId: neverUsed.id } });
    expect(event.payload).toMatchObject({
      type: "token.idle_disabled",
      data: { token: { name: "idle-never-used", disabled: true, disabledReason: "idle" } },
    });
    const audit = await db.auditEvent.findFirstOrThrow({ where: { action: "token.idle_disabled", targetId: usedLongAgo.id } });
    expect(audit).toMatchObject({ actorName: "system", details: { name: "idle-used-long-ago", idleDisableDays: 30 } });
  });

  it("gives a token someone enabled or regenerated its full idle period again; leaves expired tokens to expire", async () => {
    await updateSettings({ idleDisableDays: 10 }, actor);
    const start = new Date();
    const revived = await make("idle-revived", start);
    const regenerated = await make("idle-regenerated", start);
    const expiring = (
      await createToken({ name: "idle-expiring", description: "", permissions: { superAdmin: true }, expiresInDays: 5 }, actor, start)
    ).token;
    const ids = [revived.id, regenerated.id, expiring.id];
    const t1 = new Date(start.getTime() + 11 * DAY);
    await regenerateToken(regenerated.id, { expiresAt: null, graceSeconds: 0 }, actor, new Date(start.getTime() + 9 * DAY));
    await run(t1);
    expect(await state(ids)).toEqual({ "idle-revived": "idle", "idle-regenerated": "on", "idle-expiring": "on" });

    await updateToken(revived.id, { disabled: false }, actor, t1);
    await run(new Date(t1.getTime() + 9 * DAY));
    expect(await state(ids)).toEqual({ "idle-revived": "on", "idle-regenerated": "idle", "idle-expiring": "on" });
    await run(new Date(t1.getTime() + 10 * DAY + 60_000));
    expect(await state(ids)).toEqual({ "idle-revived": "idle", "idle-regenerated": "idle", "idle-expiring": "on" });
    expect(await trail([revived.id])).toEqual({ audit: 2, events: 2 });
  });

  it("is previewed over HTTP before it is switched on, least recently used first", async () => {
    const stale = await make(fresh("preview-stale"), new Date());
    const staler = await make(fresh("preview-staler"), new Date());
    await make(fresh("preview-fresh"), new Date());
    await db.apiToken.update({ where: { id: stale.id }, data: { createdAt: new Date(Date.now() - 100 * DAY) } });
    await db.apiToken.update({
      where: { id: staler.id },
      data: { createdAt: new Date(Date.now() - 300 * DAY), lastUsedAt: new Date(Date.now() - 200 * DAY) },
    });
    const res = await admin("GET", "/api/v1/settings/idle-preview?idleDisableDays=90");
    expect(res.status).toBe(200);
    const listed = (res.body.tokens as { name: string }[]).map((x) => x.name).filter((n) => n.startsWith("preview-"));
    expect(listed).toEqual([staler.name, stale.name]);
    expect(res.body.matched).toBe((res.body.tokens as unknown[]).length);
    const bad = await admin("GET", "/api/v1/settings/idle-preview?idleDisableDays=0");
    expect(bad.status).toBe(400);
    expect(bad.body.errors).toEqual([{ path: "idleDisableDays", message: "must be at least 1" }]);
  });
});
