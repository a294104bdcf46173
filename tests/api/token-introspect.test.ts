import { beforeAll, describe, expect, it } from "vitest";
import { generateToken } from "@/lib/tokens/format";
import { adminServerPerFile } from "../helpers/admin-server";
import { seedEnvironment, seedProject } from "../helpers/catalog-fixtures";
import { unique } from "../helpers/fixtures";

// RFC 7662 introspection over real HTTP: a secret the API accepts is active, with its
// subject, expiry and scope; every secret the API refuses — expired, disabled, deleted,
// superseded, never issued, not even a token — is `{ "active": false }` and nothing else.
// Callers must be super admins; the token may come as a form field or in JSON.

const ctx = adminServerPerFile();
const { admin, anon } = ctx;
let adminSecret: string;

beforeAll(async () => {
  adminSecret = (await create()).secret;
});

const GRANT = { entity: "devtron-app", project: "pay ments", environments: ["prod", "stage"], apps: [], role: "trigger" };

async function create(permissions: unknown = { superAdmin: true }, extra: Record<string, unknown> = {}) {
  const res = await admin("POST", "/api/v1/tokens", { name: unique("intro"), permissions, ...extra });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  const token = res.body.token as { id: number; name: string; createdAt: string; expiresAt: string | null };
  return { token, secret: res.body.secret as string };
}

const introspect = (secret: string) =>
  anon("POST", "/api/v1/introspect", `token=${encodeURIComponent(secret)}`, {
    authorization: `Bearer ${adminSecret}`,
    "content-type": "application/x-www-form-urlencoded",
  });
const seconds = (iso: string) => Math.floor(Date.parse(iso) / 1000);

describe("POST /api/v1/introspect", () => {
  it("describes an active token: sub, name, exp, iat, scope, token_type", async () => {
    await seedProject(ctx.db, "pay ments");
    await seedEnvironment(ctx.db, "prod");
    await seedEnvironment(ctx.db, "stage");
    const { token, secret } = await create({ superAdmin: false, grants: [GRANT] }, { expiresInDays: 30 });
    const res = await introspect(secret);
    expect(res.status).toBe(200);
    expect(res.headers.get("cache-control")).toBe("no-store");
    expect(res.body).toEqual({
      active: true,
      sub: String(token.id),
      name: token.name,
      exp: seconds(token.expiresAt!),
      iat: seconds(token.createdAt),
      scope: "devtron-app:trigger:pay%20ments/prod,stage/*",
      token_type: "api_token",
    });
    const superAdmin = await introspect(adminSecret);
    expect(superAdmin.body).toMatchObject({ active: true, scope: "super_admin" });
  });

  it("answers only { active: false } for expired, disabled, deleted, superseded, unknown and malformed secrets", async () => {
    const expired = await create();
    await ctx.db.apiToken.update({ where: { id: expired.token.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    const disabled = await create();
    expect((await admin("PATCH", `/api/v1/tokens/${disabled.token.id}`, { disabled: true })).status).toBe(200);
    const deleted = await create();
    expect((await admin("DELETE", `/api/v1/tokens/${deleted.token.id}`)).status).toBe(204);
    const superseded = await create();
    expect((await admin("POST", `/api/v1/tokens/${superseded.token.id}/regenerate`, { graceSeconds: 0 })).status).toBe(200);
    for (const secret of [expired.secret, disabled.secret, deleted.secret, superseded.secret, generateToken(), "garbage", ""]) {
      const res = await introspect(secret);
      expect(res.status, secret).toBe(200);
      expect(res.body, secret).toEqual({ active: false });
    }
  });

  it("calls an old secret in its grace window active, expiring when the grace ends; JSON bodies work too", async () => {
    const { token, secret: old } = await create(undefined, { expiresInDays: 30 });
    const regen = await admin("POST", `/api/v1/tokens/${token.id}/regenerate`, { expiresInDays: 60, graceSeconds: 3600 });
    expect(regen.status).toBe(200);
    const graceEnd = await ctx.db.apiToken.findUniqueOrThrow({
      where: { id: token.id },
      select: { previousValidUntil: true, expiresAt: true },
    });
    const before = await anon("POST", "/api/v1/introspect", { token: old }, { authorization: `Bearer ${adminSecret}` });
    expect(before.body).toMatchObject({
      active: true,
      sub: String(token.id),
      exp: Math.floor(graceEnd.previousValidUntil!.getTime() / 1000),
    });
    const fresh = await introspect(regen.body.secret as string);
    expect(fresh.body).toMatchObject({ active: true, exp: Math.floor(graceEnd.expiresAt!.getTime() / 1000) });
    expect((await admin("POST", `/api/v1/tokens/${token.id}/end-grace`)).status).toBe(204);
    expect((await introspect(old)).body).toEqual({ active: false });
  });

  it("is for super admins: 401 without credentials, 403 for a token without super admin", async () => {
    expect((await anon("POST", "/api/v1/introspect", { token: adminSecret })).status).toBe(401);
    const { secret } = await create({ superAdmin: false, grants: [] });
    const res = await anon("POST", "/api/v1/introspect", { token: adminSecret }, { authorization: `Bearer ${secret}` });
    expect(res.status).toBe(403);
    expect(res.headers.get("content-type")).toMatch(/^application\/problem\+json/);
  });

  it("answers a form or JSON body without a token 400", async () => {
    const headers = { authorization: `Bearer ${adminSecret}`, "content-type": "application/x-www-form-urlencoded" };
    const res = await anon("POST", "/api/v1/introspect", "token_type_hint=api_token", headers);
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ code: "validation_failed", errors: [{ path: "token", message: "is required" }] });
    expect((await anon("POST", "/api/v1/introspect", {}, { authorization: `Bearer ${adminSecret}` })).status).toBe(400);
  });
});
