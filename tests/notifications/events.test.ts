import { beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/server/auth/principal";
import type { Db } from "@/server/db";
import type { EventPayload } from "@/server/notifications/events";
import { runDueWork } from "@/server/notifications/scheduler";
import { updateSettings } from "@/server/settings/settings";
import { createToken, deleteToken, getTokenOrThrow, regenerateToken, updateToken } from "@/server/tokens/tokens";
import { useFreshDatabase } from "../helpers/db";
import { makeUser, unique } from "../helpers/fixtures";

// The outbox and the reminders, against a clock the test moves. No webhook or email is
// configured here: the events themselves are what is checked (delivery has its own tests).

const DAY = 86_400_000;
let db: Db;
let actor: Actor;

beforeAll(async () => {
  db = await useFreshDatabase();
  const user = await makeUser(db, { superAdmin: true });
  actor = { type: "user", id: user.id, name: user.email, ip: null };
});

// The clock jumps months here; a long retention keeps the events to look at.
const run = (at: Date) => runDueWork({ now: () => at, smtp: null, retentionDays: 3650 });
const at = (base: Date, ms: number) => new Date(base.getTime() + ms);

async function events(tokenId: number) {
  const rows = await db.notificationEvent.findMany({ where: { tokenId }, orderBy: { id: "asc" } });
  return rows.map((r) => ({ type: r.type, payload: r.payload as EventPayload }));
}
const reminders = async (tokenId: number) =>
  (await events(tokenId))
    .filter((e) => e.type === "token.expiring" || e.type === "token.expired")
    .map((e) => (e.type === "token.expiring" ? `expiring:${e.payload.data.daysLeft}` : "expired"));

async function makeToken(expiresInDays: number, now: Date) {
  const { token, secret } = await createToken(
    { name: unique("tok"), description: "", permissions: { superAdmin: true }, expiresInDays },
    actor,
    now,
  );
  return { token, secret, expiresAt: new Date(token.expiresAt as string) };
}

describe("token events are written with their change", () => {
  it("create, update, regenerate and delete each write one event carrying the token JSON, never a secret or hash", async () => {
    const now = new Date();
    const { token, secret } = await makeToken(30, now);
    await updateToken(token.id, { description: "changed", notifyEmails: ["ops@example.com"] }, actor);
    const updated = await getTokenOrThrow(token.id);
    const regenerated = await regenerateToken(token.id, { expiresInDays: 60, graceSeconds: 0 }, actor, now);
    await deleteToken(token.id, actor);

    const written = await events(token.id);
    expect(written.map((e) => e.type)).toEqual(["token.created", "token.updated", "token.regenerated", "token.deleted"]);
    for (const e of written) {
      expect(Object.keys(e.payload).sort()).toEqual(["data", "timestamp", "type"]);
      expect(e.payload.type).toBe(e.type);
      expect(Number.isNaN(Date.parse(e.payload.timestamp))).toBe(false);
    }
    expect(written[0]!.payload.data).toEqual({ token });
    expect(written[1]!.payload.data).toEqual({ token: updated });
    expect(written[1]!.payload.data.token).toMatchObject({ description: "changed", notifyEmails: ["ops@example.com"] });
    expect(written[2]!.payload.data).toEqual({ token: regenerated.token });
    const row = await db.apiToken.findUniqueOrThrow({ where: { id: token.id } });
    const all = JSON.stringify(written);
    for (const leak of [secret, regenerated.secret, row.secretHash]) expect(all).not.toContain(leak);
    expect(all).not.toMatch(/tsr_[0-9A-Za-z]{46}|[0-9a-f]{64}/);
  });

  it("an update that changes nothing writes no event", async () => {
    const { token } = await makeToken(30, new Date());
    await updateToken(token.id, { description: "" }, actor);
    expect((await events(token.id)).map((e) => e.type)).toEqual(["token.created"]);
  });

  it("a change that rolls back leaves no event, and an event that cannot be written undoes its change", async () => {
    // Triggers that fail any transaction writing an event for a token named doomed-…: at
    // commit (after the event was written), or at once (the event itself fails).
    await db.$executeRawUnsafe(`
      CREATE FUNCTION doom() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF NEW.payload -> 'data' -> 'token' ->> 'name' LIKE 'doomed-%' THEN RAISE EXCEPTION 'doomed'; END IF;
        RETURN NEW;
      END $$`);
    await db.$executeRawUnsafe(`
      CREATE CONSTRAINT TRIGGER doom_at_commit AFTER INSERT ON "NotificationEvent"
      DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION doom()`);
    const before = await db.notificationEvent.count();
    // pglite-prisma-adapter reports a COMMIT that failed as a success, so only the outcome
    // in the database is checked here: neither the token nor its event exists.
    await createToken({ name: "doomed-one", description: "", permissions: { superAdmin: true } }, actor).catch(() => undefined);
    expect(await db.apiToken.count({ where: { name: "doomed-one" } })).toBe(0);
    expect(await db.notificationEvent.count()).toBe(before);
    await db.$executeRawUnsafe(`DROP TRIGGER doom_at_commit ON "NotificationEvent"`);

    await db.$executeRawUnsafe(`CREATE TRIGGER doom_now AFTER INSERT ON "NotificationEvent" FOR EACH ROW EXECUTE FUNCTION doom()`);
    const { token } = await makeToken(30, new Date());
    await db.$executeRawUnsafe(`UPDATE "ApiToken" SET name = 'doomed-two' WHERE id = ${token.id}`);
    await expect(updateToken(token.id, { description: "never saved" }, actor)).rejects.toThrow(/doomed/);
    expect((await getTokenOrThrow(token.id)).description).toBe("");
    await expect(deleteToken(token.id, actor)).rejects.toThrow(/doomed/);
    expect((await getTokenOrThrow(token.id)).name).toBe("doomed-two");
    expect((await events(token.id)).map((e) => e.type)).toEqual(["token.created"]);
    await db.$executeRawUnsafe(`DROP TRIGGER doom_now ON "NotificationEvent"`);
    // The same paths commit both once nothing fails.
    await updateToken(token.id, { description: "saved" }, actor);
    expect((await events(token.id)).map((e) => e.type)).toEqual(["token.created", "token.updated"]);
  });
});

describe("reminders and expiry, against an injected clock", () => {
  it("crosses 30, 7 and 1 days exactly once each, then fires token.expired once", async () => {
    const t0 = new Date();
    const { token, expiresAt } = await makeToken(90, t0);
    const steps: [number, string[]][] = [
      [-90 * DAY, []],
      [-30 * DAY - 1, []],
      [-30 * DAY, ["expiring:30"]],
      [-29 * DAY, ["expiring:30"]],
      [-7 * DAY + 1000, ["expiring:30", "expiring:7"]],
      [-6 * DAY, ["expiring:30", "expiring:7"]],
      [-DAY, ["expiring:30", "expiring:7", "expiring:1"]],
      [-1, ["expiring:30", "expiring:7", "expiring:1"]],
      [0, ["expiring:30", "expiring:7", "expiring:1", "expired"]],
      [DAY, ["expiring:30", "expiring:7", "expiring:1", "expired"]],
      [10 * DAY, ["expiring:30", "expiring:7", "expiring:1", "expired"]],
    ];
    for (const [offset, expected] of steps) {
      await run(at(expiresAt, offset));
      await run(at(expiresAt, offset));
      expect({ offset, fired: await reminders(token.id) }).toEqual({ offset, fired: expected });
    }
    const expiring = (await events(token.id)).find((e) => e.type === "token.expiring")!;
    expect(expiring.payload.data).toEqual({ token: expect.objectContaining({ id: token.id, name: token.name }), daysLeft: 30 });
    const expired = (await events(token.id)).find((e) => e.type === "token.expired")!;
    expect(expired.payload.data.token).toMatchObject({ status: "expired" });
  });

  it("a token made inside a threshold gets only the nearest one, once", async () => {
    const t0 = new Date();
    const { token, expiresAt } = await makeToken(5, t0);
    await run(t0);
    await run(at(t0, DAY));
    expect(await reminders(token.id)).toEqual(["expiring:5"]);
    await run(at(expiresAt, -DAY));
    await run(at(expiresAt, 0));
    expect(await reminders(token.id)).toEqual(["expiring:5", "expiring:1", "expired"]);
  });

  it("a token given exactly a threshold's lifetime (a 30-day preset) is not reminded of it at once", async () => {
    const t0 = new Date();
    const { token, expiresAt } = await makeToken(30, t0);
    await run(at(t0, 1000));
    await run(at(t0, DAY));
    expect(await reminders(token.id)).toEqual([]);
    await run(at(expiresAt, -7 * DAY));
    expect(await reminders(token.id)).toEqual(["expiring:7"]);
  });

  it("a deleted token gets nothing more", async () => {
    const t0 = new Date();
    const { token, expiresAt } = await makeToken(60, t0);
    await run(at(expiresAt, -30 * DAY));
    await deleteToken(token.id, actor);
    for (const offset of [-7 * DAY, -DAY, 0, DAY]) await run(at(expiresAt, offset));
    expect(await reminders(token.id)).toEqual(["expiring:30"]);
  });

  it("regenerating with a new expiry arms the reminders again", async () => {
    const t0 = new Date();
    const { token, expiresAt } = await makeToken(30, t0);
    await run(at(expiresAt, -DAY));
    expect(await reminders(token.id)).toEqual(["expiring:1"]);
    const regenAt = at(expiresAt, -DAY / 2);
    const regenerated = await regenerateToken(token.id, { expiresInDays: 20, graceSeconds: 0 }, actor, regenAt);
    const next = new Date(regenerated.token.expiresAt as string);
    await run(at(regenAt, 1000));
    await run(at(expiresAt, 0)); // the old expiry passes: nothing, it is no longer the token's
    expect(await reminders(token.id)).toEqual(["expiring:1", "expiring:20"]);
    await run(at(next, -7 * DAY));
    await run(at(next, 0));
    expect(await reminders(token.id)).toEqual(["expiring:1", "expiring:20", "expiring:7", "expired"]);
  });

  it("follows the reminder days in Settings", async () => {
    await updateSettings({ reminderDays: [14] }, actor);
    try {
      const t0 = new Date();
      const { token, expiresAt } = await makeToken(60, t0);
      for (const offset of [-30 * DAY, -14 * DAY, -7 * DAY, -DAY]) await run(at(expiresAt, offset));
      expect(await reminders(token.id)).toEqual(["expiring:14"]);
    } finally {
      await updateSettings({ reminderDays: [30, 7, 1] }, actor);
    }
  });

  it("two runs at the same moment fire each notice once", async () => {
    const t0 = new Date();
    const made = await Promise.all([makeToken(30, t0), makeToken(30, t0), makeToken(30, t0)]);
    const when = at(made[0]!.expiresAt, -7 * DAY + 1000);
    await Promise.all([run(when), run(when), run(when)]);
    for (const { token } of made) expect(await reminders(token.id)).toEqual(["expiring:7"]);
  });
});
