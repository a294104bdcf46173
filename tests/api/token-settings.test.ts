import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/server/auth/principal";
import type { Db } from "@/server/db";
import { updateSettings } from "@/server/settings/settings";
import { useFreshDatabase } from "../helpers/db";
import { makeUser } from "../helpers/fixtures";
import { client, sessionCookieFor, startServer, type TestServer } from "../helpers/http";

// Settings (GET/PATCH /api/v1/settings), and the lifetime limit, which the environment's
// TESSERA_MAX_TOKEN_LIFETIME_DAYS caps and token creation and regeneration obey. The idle
// policy has its own file (token-idle.test.ts).

const DAY = 86_400_000;
let db: Db;
let server: TestServer;
let admin: ReturnType<typeof client>;
let viewer: ReturnType<typeof client>;
let actor: Actor;
const ADMIN_EMAIL = "settings-admin@example.com";
const savedCeiling = process.env.TESSERA_MAX_TOKEN_LIFETIME_DAYS;

beforeAll(async () => {
  delete process.env.TESSERA_MAX_TOKEN_LIFETIME_DAYS;
  db = await useFreshDatabase();
  server = await startServer();
  const user = await makeUser(db, { email: ADMIN_EMAIL, superAdmin: true });
  actor = { type: "user", id: user.id, name: ADMIN_EMAIL, ip: null };
  admin = client(server, await sessionCookieFor(user.id));
  viewer = client(server, await sessionCookieFor((await makeUser(db)).id));
});
afterEach(async () => {
  delete process.env.TESSERA_MAX_TOKEN_LIFETIME_DAYS;
  await updateSettings({ maxLifetimeDays: null, idleDisableDays: null }, actor);
});
afterAll(async () => {
  if (savedCeiling === undefined) delete process.env.TESSERA_MAX_TOKEN_LIFETIME_DAYS;
  else process.env.TESSERA_MAX_TOKEN_LIFETIME_DAYS = savedCeiling;
  await server.close();
});

const patch = (body: unknown) => admin("PATCH", "/api/v1/settings", body);
let counter = 0;
const fresh = (prefix: string) => `${prefix}-${++counter}`;

describe("GET and PATCH /api/v1/settings", () => {
  it("answers the defaults, saves each field, and audits what changed", async () => {
    const initial = await admin("GET", "/api/v1/settings");
    expect(initial.status).toBe(200);
    expect(initial.body).toMatchObject({
      reminderDays: [30, 7, 1],
      maxLifetimeDays: null,
      maxLifetimeCeilingDays: null,
      effectiveMaxLifetimeDays: null,
      idleDisableDays: null,
    });
    const saved = await patch({ maxLifetimeDays: 90, idleDisableDays: 60, reminderDays: [1, 14] });
    expect(saved.status).toBe(200);
    expect(saved.body).toMatchObject({
      reminderDays: [14, 1],
      maxLifetimeDays: 90,
      effectiveMaxLifetimeDays: 90,
      idleDisableDays: 60,
      updatedBy: ADMIN_EMAIL,
    });
    const audit = await db.auditEvent.findFirstOrThrow({ where: { action: "settings.updated" }, orderBy: { id: "desc" } });
    expect(audit.details).toEqual({
      changes: {
        reminderDays: { from: [30, 7, 1], to: [14, 1] },
        maxLifetimeDays: { from: null, to: 90 },
        idleDisableDays: { from: null, to: 60 },
      },
    });
    expect((await patch({ idleDisableDays: null })).body).toMatchObject({ idleDisableDays: null, maxLifetimeDays: 90 });
  });

  it.each([
    ["a lifetime of 0 days", { maxLifetimeDays: 0 }, "maxLifetimeDays", "must be at least 1"],
    ["a fractional idle period", { idleDisableDays: 1.5 }, "idleDisableDays", "must be a whole number of days"],
    ["an idle period as text", { idleDisableDays: "30" }, "idleDisableDays", "must be a whole number of days, or null for off"],
    ["an unknown field", { maxLifetime: 30 }, "(body)", "has unknown field: maxLifetime"],
  ])("refuses %s with 400", async (_name, body, path, message) => {
    const res = await patch(body);
    expect(res.status).toBe(400);
    expect(res.body.errors).toEqual([{ path, message }]);
  });

  it("is for super admins only", async () => {
    expect((await viewer("GET", "/api/v1/settings")).status).toBe(403);
    expect((await viewer("PATCH", "/api/v1/settings", { idleDisableDays: 1 })).status).toBe(403);
  });
});

describe("the lifetime limit", () => {
  it("refuses longer expiries on create and regenerate, shortens the default, and says where the limit was set", async () => {
    await patch({ maxLifetimeDays: 14 });
    const limit = "this server allows tokens to live at most 14 days (set on the Settings page)";
    const tooLong = await admin("POST", "/api/v1/tokens", { name: fresh("life"), expiresInDays: 30, permissions: { superAdmin: true } });
    expect(tooLong.body.errors).toEqual([{ path: "expiresInDays", message: `is too far ahead: ${limit}` }]);
    const never = await admin("POST", "/api/v1/tokens", { name: fresh("life"), expiresAt: null, permissions: { superAdmin: true } });
    expect(never.body.errors).toEqual([{ path: "expiresAt", message: `cannot be "never": ${limit}` }]);
    const byDefault = await admin("POST", "/api/v1/tokens", { name: fresh("life"), permissions: { superAdmin: true } });
    expect(byDefault.status).toBe(201);
    const id = (byDefault.body.token as { id: number; expiresAt: string }).id;
    expect(Math.abs(Date.parse((byDefault.body.token as { expiresAt: string }).expiresAt) - (Date.now() + 14 * DAY))).toBeLessThan(60_000);
    const regen = await admin("POST", `/api/v1/tokens/${id}/regenerate`, { expiresInDays: 60 });
    expect(regen.body.errors).toEqual([{ path: "expiresInDays", message: `is too far ahead: ${limit}` }]);
    // Devtron's one-year default shrinks to it as well.
    const devtron = await admin("POST", "/orchestrator/api-token", { name: fresh("life"), description: "" });
    expect(devtron.status).toBe(200);
    const made = await db.apiToken.findFirstOrThrow({ where: { name: `life-${counter}` } });
    expect(Math.abs(made.expiresAt!.getTime() - (Date.now() + 14 * DAY))).toBeLessThan(60_000);
  });

  it("cannot be raised past TESSERA_MAX_TOKEN_LIFETIME_DAYS, only lowered", async () => {
    process.env.TESSERA_MAX_TOKEN_LIFETIME_DAYS = "30";
    const raised = await patch({ maxLifetimeDays: 60 });
    expect(raised.status).toBe(400);
    expect(raised.body.errors).toEqual([
      {
        path: "maxLifetimeDays",
        message: "must be at most 30: TESSERA_MAX_TOKEN_LIFETIME_DAYS is 30, and this page can only lower that limit",
      },
    ]);
    expect((await admin("GET", "/api/v1/settings")).body).toMatchObject({
      maxLifetimeDays: null,
      maxLifetimeCeilingDays: 30,
      effectiveMaxLifetimeDays: 30,
    });
    expect((await patch({ maxLifetimeDays: 20 })).body).toMatchObject({ maxLifetimeDays: 20, effectiveMaxLifetimeDays: 20 });
    const refused = await admin("POST", "/api/v1/tokens", { name: fresh("ceiling"), expiresInDays: 25, permissions: { superAdmin: true } });
    expect(refused.body.errors).toEqual([
      { path: "expiresInDays", message: "is too far ahead: this server allows tokens to live at most 20 days (set on the Settings page)" },
    ]);
    // The environment lowered below the saved value wins, and is named.
    process.env.TESSERA_MAX_TOKEN_LIFETIME_DAYS = "10";
    const lowered = await admin("POST", "/api/v1/tokens", { name: fresh("ceiling"), expiresInDays: 15, permissions: { superAdmin: true } });
    expect(lowered.body.errors).toEqual([
      {
        path: "expiresInDays",
        message: "is too far ahead: this server allows tokens to live at most 10 days (TESSERA_MAX_TOKEN_LIFETIME_DAYS)",
      },
    ]);
  });
});
