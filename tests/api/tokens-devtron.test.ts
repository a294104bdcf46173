import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/server/db";
import { flushUsage } from "@/server/tokens/usage";
import { useFreshDatabase } from "../helpers/db";
import { makeUser } from "../helpers/fixtures";
import { client, sessionCookieFor, startServer, type TestServer } from "../helpers/http";

// Devtron's API-token surface (/orchestrator, docs/design.md): the calls a Devtron script
// or Postman collection makes, with Devtron's field names and its envelope
// { code, status, result, errors: [{ code, internalMessage, userMessage }] }, then the
// documented flow: create a token, give it roles, create an application with it.

let db: Db;
let server: TestServer;
let admin: ReturnType<typeof client>;
let anon: ReturnType<typeof client>;
let rootSecret: string | undefined;
const DAY = 24 * 60 * 60 * 1000;
const ADMIN_EMAIL = "devtron-admin@example.com";

beforeAll(async () => {
  db = await useFreshDatabase();
  server = await startServer();
  const user = await makeUser(db, { email: ADMIN_EMAIL, superAdmin: true });
  admin = client(server, await sessionCookieFor(user.id));
  anon = client(server);
});
afterAll(() => server.close());

/**
 * A call as a Devtron script makes it: a super-admin token in Devtron's `token` header.
 * The token ("root-script") is made on first use, so the first test still sees no tokens.
 */
async function devtron(method: string, path: string, body?: unknown, headers: Record<string, string> = {}) {
  if (!rootSecret) {
    const root = await admin("POST", "/api/v1/tokens", { name: "root-script", permissions: { superAdmin: true }, expiresAt: null });
    rootSecret = root.body.secret as string;
  }
  return anon(method, path, body, { token: rootSecret, ...headers });
}

type Devtron = {
  code: number;
  status: string;
  result?: unknown;
  errors?: { code: string; internalMessage: string; userMessage: string }[];
};
type Listed = {
  id: number;
  userId: number;
  name: string;
  expireAtInMs: number;
  token: string;
  description: string;
  lastUsedAt: string;
  lastUsedByIp: string;
};

const ok = (result: unknown) => ({ code: 200, status: "OK", result });
const SECRET = expect.stringMatching(/^tsr_[0-9A-Za-z]{46}$/);
const iso = expect.stringMatching(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
const REASONS: Record<number, string> = { 400: "Bad Request", 401: "Unauthorized", 403: "Forbidden", 404: "Not Found", 409: "Conflict" };

/** Devtron's error envelope: one entry per field error (or one for the whole). */
function failure(status: number, code: string, fields: { path?: string; message: string }[]): Devtron {
  return {
    code: status,
    status: REASONS[status]!,
    errors: fields.map((f) => ({
      code,
      internalMessage: f.path ? `${f.path}: ${f.message}` : f.message,
      userMessage: f.path ? `${f.path} ${f.message}` : f.message,
    })),
  };
}

async function snapshot() {
  const [tokens, audit] = await Promise.all([db.apiToken.findMany({ orderBy: { id: "asc" } }), db.auditEvent.count()]);
  return { tokens, audit };
}

async function devtronCreate(body: Record<string, unknown>) {
  const res = await devtron("POST", "/orchestrator/api-token", body);
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  const result = res.body.result as { token: string; userId: number };
  return { id: result.userId, secret: result.token, res };
}

const withSecret = (secret: string) => (method: string, path: string, body?: unknown) => anon(method, path, body, { token: secret });

async function listed(name: string): Promise<Listed | undefined> {
  const res = await devtron("GET", "/orchestrator/api-token");
  return (res.body.result as Listed[]).find((t) => t.name === name);
}

// ---------------------------------------------------------------------------------------

describe("GET /orchestrator/api-token", () => {
  it("answers [] when there are no tokens", async () => {
    const res = await admin("GET", "/orchestrator/api-token");
    expect(res.status).toBe(200);
    expect(res.body).toEqual(ok([]));
  });

  it("lists every live token in Devtron's shape, sorted by name, never with a secret", async () => {
    const b = await devtronCreate({ name: "list-b", description: "second", expireAtInMs: 0 });
    const at = Date.now() + 10 * DAY;
    const a = await devtronCreate({ name: "list-a", description: "first", expireAtInMs: at });
    const gone = await devtronCreate({ name: "list-gone", description: "" });
    await devtron("DELETE", `/orchestrator/api-token/${gone.id}`);

    const res = await devtron("GET", "/orchestrator/api-token");
    expect(res.status).toBe(200);
    const result = res.body.result as Listed[];
    expect(result.map((t) => t.name)).toEqual(["list-a", "list-b", "root-script"]);
    expect(result[0]).toEqual({
      id: a.id,
      userId: a.id,
      userIdentifier: "API-TOKEN:list-a",
      name: "list-a",
      description: "first",
      expireAtInMs: at,
      token: "",
      lastUsedAt: "",
      lastUsedByIp: "",
      updatedAt: iso,
    });
    expect(result[1]).toMatchObject({ id: b.id, name: "list-b", description: "second", expireAtInMs: 0, token: "" });
    for (const secret of [rootSecret!, a.secret, b.secret, gone.secret]) expect(JSON.stringify(res.body)).not.toContain(secret);

    // After use: when and from where.
    await withSecret(a.secret)("GET", "/api/v1/me");
    await flushUsage();
    expect(await listed("list-a")).toMatchObject({ lastUsedAt: iso, lastUsedByIp: "127.0.0.1", token: "" });
  });
});

// ---------------------------------------------------------------------------------------

describe("POST /orchestrator/api-token", () => {
  it("creates a token with no roles, answers the secret once with no-store", async () => {
    const res = await devtron("POST", "/orchestrator/api-token", { name: "devtron-ci", description: "from Devtron", expireAtInMs: 0 });
    expect(res.status).toBe(200);
    expect(res.headers.get("cache-control")).toBe("no-store");
    expect(res.body).toEqual(ok({ success: true, token: SECRET, userId: expect.any(Number), userIdentifier: "API-TOKEN:devtron-ci" }));
    const { token: secret, userId } = res.body.result as { token: string; userId: number };
    const token = await admin("GET", `/api/v1/tokens/${userId}`);
    expect(token.body).toMatchObject({
      name: "devtron-ci",
      description: "from Devtron",
      expiresAt: null,
      permissions: { superAdmin: false, grants: [] },
      version: 1,
      createdBy: "API-TOKEN:root-script",
    });
    expect((await withSecret(secret)("GET", "/api/v1/me")).body).toEqual({
      type: "token",
      id: userId,
      name: "devtron-ci",
      permissions: { superAdmin: false, grants: [] },
    });
    const event = await db.auditEvent.findFirstOrThrow({ where: { action: "token.created", targetId: userId } });
    expect(event).toMatchObject({ actorType: "token", actorName: "API-TOKEN:root-script" });
    expect(JSON.stringify(event)).not.toContain(secret);
  });

  it("expireAtInMs 0 is never; omitted is one year; a time is that time", async () => {
    const never = await devtronCreate({ name: "exp-never", description: "", expireAtInMs: 0 });
    expect((await listed("exp-never"))!.expireAtInMs).toBe(0);
    expect((await db.apiToken.findUniqueOrThrow({ where: { id: never.id } })).expiresAt).toBeNull();

    const before = Date.now();
    const year = await devtronCreate({ name: "exp-default", description: "" });
    const ms = (await listed("exp-default"))!.expireAtInMs;
    expect(Math.abs(ms - (before + 365 * DAY))).toBeLessThanOrEqual(DAY);
    expect((await db.apiToken.findUniqueOrThrow({ where: { id: year.id } })).expiresAt!.getTime()).toBe(ms);

    const at = Date.now() + 3 * DAY + 12345;
    const timed = await devtronCreate({ name: "exp-timed", description: "", expireAtInMs: at });
    expect((await listed("exp-timed"))!.expireAtInMs).toBe(at);
    expect((await admin("GET", `/api/v1/tokens/${timed.id}`)).body).toMatchObject({ expiresAt: new Date(at).toISOString() });
  });

  it("accepts the last millisecond of the year 9999, the latest time /api/v1 can name too", async () => {
    const last = Date.UTC(9999, 11, 31, 23, 59, 59, 999);
    const { id } = await devtronCreate({ name: "exp-far", description: "", expireAtInMs: last });
    expect((await listed("exp-far"))!.expireAtInMs).toBe(last);
    expect((await admin("GET", `/api/v1/tokens/${id}`)).body).toMatchObject({ expiresAt: "9999-12-31T23:59:59.999Z", status: "active" });
  });

  it("a description may be omitted; unknown Devtron fields are ignored", async () => {
    const res = await devtron("POST", "/orchestrator/api-token", {
      name: "minimal-devtron",
      expireAtInMs: 0,
      userId: 0,
      hideApiToken: true,
    });
    expect(res.status).toBe(200);
  });

  const saved = process.env.TESSERA_MAX_TOKEN_LIFETIME_DAYS;
  afterEach(() => {
    if (saved === undefined) delete process.env.TESSERA_MAX_TOKEN_LIFETIME_DAYS;
    else process.env.TESSERA_MAX_TOKEN_LIFETIME_DAYS = saved;
  });

  const limit = "this server allows tokens to live at most 30 days (TESSERA_MAX_TOKEN_LIFETIME_DAYS)";
  const cases: [string, unknown, Devtron, string?][] = [
    [
      "a past expireAtInMs",
      { name: "past-exp", description: "", expireAtInMs: Date.now() - DAY },
      failure(400, "validation_failed", [{ path: "expireAtInMs", message: "must be at least one minute in the future" }]),
    ],
    [
      "expireAtInMs 1 (1970)",
      { name: "epoch-exp", description: "", expireAtInMs: 1 },
      failure(400, "validation_failed", [{ path: "expireAtInMs", message: "must be at least one minute in the future" }]),
    ],
    [
      "a negative expireAtInMs",
      { name: "neg-exp", description: "", expireAtInMs: -5 },
      failure(400, "validation_failed", [{ path: "expireAtInMs", message: "must be 0 (never) or a future time in epoch milliseconds" }]),
    ],
    [
      "expireAtInMs as a string",
      { name: "str-exp", description: "", expireAtInMs: "0" },
      failure(400, "validation_failed", [{ path: "expireAtInMs", message: "must be epoch milliseconds (0 = never)" }]),
    ],
    [
      "a fractional expireAtInMs",
      { name: "frac-exp", description: "", expireAtInMs: Date.now() + DAY + 0.5 },
      failure(400, "validation_failed", [{ path: "expireAtInMs", message: "must be a whole number of milliseconds" }]),
    ],
    [
      "an expireAtInMs past the end of JavaScript time",
      { name: "far-exp", description: "", expireAtInMs: 9_000_000_000_000_000 },
      failure(400, "validation_failed", [{ path: "expireAtInMs", message: "must be a time before the year 10000, or 0 for never" }]),
    ],
    [
      "a bad name",
      { name: "Bad Name", description: "" },
      failure(400, "validation_failed", [
        { path: "name", message: "must use only lowercase letters, digits, '-' and '_'" },
        { path: "name", message: "must start with a lowercase letter or digit" },
      ]),
    ],
    ["no name", { description: "" }, failure(400, "validation_failed", [{ path: "name", message: "is required" }])],
    [
      "a description of 351 characters",
      { name: "long-desc", description: "d".repeat(351) },
      failure(400, "validation_failed", [{ path: "description", message: "must be at most 350 characters" }]),
    ],
    ["malformed JSON", "{oops", failure(400, "invalid_json", [{ message: "The request body is not valid JSON." }])],
    [
      "a duplicate name",
      { name: "root-script", description: "" },
      failure(409, "conflict", [{ path: "name", message: "is already used by another token" }]),
    ],
    [
      "never, with a 30-day maximum lifetime",
      { name: "max-never", description: "", expireAtInMs: 0 },
      failure(400, "validation_failed", [{ path: "expireAtInMs", message: `cannot be "never": ${limit}` }]),
      "30",
    ],
  ];

  it.each(cases)("refuses %s with Devtron's error envelope and changes nothing", async (_name, body, expected, maxLifetime) => {
    if (maxLifetime) process.env.TESSERA_MAX_TOKEN_LIFETIME_DAYS = maxLifetime;
    const before = await snapshot();
    const res = await devtron("POST", "/orchestrator/api-token", body);
    expect(res.status).toBe(expected.code);
    expect(res.body).toEqual(expected);
    expect(await snapshot()).toEqual(before);
  });

  it("shortens the one-year default to a smaller maximum lifetime instead of refusing it", async () => {
    process.env.TESSERA_MAX_TOKEN_LIFETIME_DAYS = "30";
    const res = await devtron("POST", "/orchestrator/api-token", { name: "max-default", description: "" });
    expect(res.status).toBe(200);
    const listed = (await devtron("GET", "/orchestrator/api-token")).body.result as { name: string; expireAtInMs: number }[];
    const ms = listed.find((t) => t.name === "max-default")!.expireAtInMs;
    expect(Math.abs(ms - (Date.now() + 30 * 86_400_000))).toBeLessThan(60_000);
  });
});

// ---------------------------------------------------------------------------------------

describe("PUT /orchestrator/api-token/{id}", () => {
  it('with the same expireAtInMs (as listed): updates the description only, answers token "", and the secret keeps working', async () => {
    const at = Date.now() + 20 * DAY;
    const { id, secret } = await devtronCreate({ name: "put-same", description: "old", expireAtInMs: at });
    const current = await listed("put-same");
    const res = await devtron("PUT", `/orchestrator/api-token/${id}`, { description: "new", expireAtInMs: current!.expireAtInMs });
    expect(res.status).toBe(200);
    expect(res.headers.get("cache-control")).toBe("no-store");
    expect(res.body).toEqual(ok({ success: true, token: "", hideApiToken: true }));
    expect(await listed("put-same")).toMatchObject({ description: "new", expireAtInMs: at });
    expect((await admin("GET", `/api/v1/tokens/${id}`)).body).toMatchObject({ version: 1, description: "new" });
    expect((await withSecret(secret)("GET", "/api/v1/me")).status).toBe(200);
    const actions = (await db.auditEvent.findMany({ where: { targetType: "token", targetId: id }, orderBy: { id: "asc" } })).map(
      (e) => e.action,
    );
    expect(actions).toEqual(["token.created", "token.updated"]);
  });

  it("without expireAtInMs: description only; with nothing to change: no event at all", async () => {
    const { id, secret } = await devtronCreate({ name: "put-desc", description: "a", expireAtInMs: 0 });
    expect((await devtron("PUT", `/orchestrator/api-token/${id}`, { description: "b" })).body).toEqual(
      ok({ success: true, token: "", hideApiToken: true }),
    );
    expect((await devtron("PUT", `/orchestrator/api-token/${id}`, { description: "b", expireAtInMs: 0 })).body).toEqual(
      ok({ success: true, token: "", hideApiToken: true }),
    );
    expect((await withSecret(secret)("GET", "/api/v1/me")).status).toBe(200);
    expect(await db.auditEvent.count({ where: { targetType: "token", targetId: id } })).toBe(2);
  });

  it("with a changed expireAtInMs: regenerates; the old secret is 401 at once and the new one works", async () => {
    const { id, secret } = await devtronCreate({ name: "put-regen", description: "x", expireAtInMs: 0 });
    const at = Date.now() + 5 * DAY;
    const res = await devtron("PUT", `/orchestrator/api-token/${id}`, { description: "x", expireAtInMs: at });
    expect(res.status).toBe(200);
    expect(res.body).toEqual(ok({ success: true, token: SECRET, hideApiToken: true }));
    const fresh = (res.body.result as { token: string }).token;
    expect(fresh).not.toBe(secret);
    expect((await withSecret(secret)("GET", "/api/v1/me")).status).toBe(401);
    expect((await withSecret(fresh)("GET", "/api/v1/me")).status).toBe(200);
    expect(await listed("put-regen")).toMatchObject({ expireAtInMs: at, token: "" });
    expect((await admin("GET", `/api/v1/tokens/${id}`)).body).toMatchObject({ version: 2 });

    // Back to never: another new secret.
    const never = await devtron("PUT", `/orchestrator/api-token/${id}`, { description: "x", expireAtInMs: 0 });
    const third = (never.body.result as { token: string }).token;
    expect(third).toMatch(/^tsr_/);
    expect((await withSecret(fresh)("GET", "/api/v1/me")).status).toBe(401);
    expect((await listed("put-regen"))!.expireAtInMs).toBe(0);
  });

  it("changing both regenerates and updates the description", async () => {
    const { id } = await devtronCreate({ name: "put-both", description: "before", expireAtInMs: 0 });
    const res = await devtron("PUT", `/orchestrator/api-token/${id}`, { description: "after", expireAtInMs: Date.now() + 2 * DAY });
    expect((res.body.result as { token: string }).token).toMatch(/^tsr_/);
    expect(await listed("put-both")).toMatchObject({ description: "after" });
  });

  it.each([
    [
      "an unknown id",
      () => "/orchestrator/api-token/999999",
      { description: "x", expireAtInMs: 0 },
      failure(404, "not_found", [{ message: "No token with id 999999." }]),
    ],
    [
      "a non-integer id",
      () => "/orchestrator/api-token/abc",
      { description: "x" },
      failure(400, "validation_failed", [{ path: "id", message: "must be a positive integer" }]),
    ],
    [
      "a past expireAtInMs",
      () => `/orchestrator/api-token/${putTarget.id}`,
      { description: "x", expireAtInMs: 1000 },
      failure(400, "validation_failed", [{ path: "expireAtInMs", message: "must be at least one minute in the future" }]),
    ],
    [
      "an expireAtInMs past the end of JavaScript time",
      () => `/orchestrator/api-token/${putTarget.id}`,
      { expireAtInMs: 9_000_000_000_000_000 },
      failure(400, "validation_failed", [{ path: "expireAtInMs", message: "must be a time before the year 10000, or 0 for never" }]),
    ],
    [
      "a negative expireAtInMs",
      () => `/orchestrator/api-token/${putTarget.id}`,
      { expireAtInMs: -1 },
      failure(400, "validation_failed", [{ path: "expireAtInMs", message: "must be 0 (never) or a future time in epoch milliseconds" }]),
    ],
    [
      "a 351-character description",
      () => `/orchestrator/api-token/${putTarget.id}`,
      { description: "d".repeat(351) },
      failure(400, "validation_failed", [{ path: "description", message: "must be at most 350 characters" }]),
    ],
    [
      "malformed JSON",
      () => `/orchestrator/api-token/${putTarget.id}`,
      "{",
      failure(400, "invalid_json", [{ message: "The request body is not valid JSON." }]),
    ],
  ])("refuses %s and changes nothing (the secret keeps working)", async (_name, path, body, expected) => {
    const before = await snapshot();
    const res = await devtron("PUT", path(), body);
    expect(res.status).toBe(expected.code);
    expect(res.body).toEqual(expected);
    expect(await snapshot()).toEqual(before);
    expect((await withSecret(putTarget.secret)("GET", "/api/v1/me")).status).toBe(200);
  });

  const putTarget = { id: 0, secret: "" };
  beforeAll(async () => {
    Object.assign(putTarget, await devtronCreate({ name: "put-target", description: "", expireAtInMs: Date.now() + 30 * DAY }));
  });
});

// ---------------------------------------------------------------------------------------

describe("DELETE /orchestrator/api-token/{id}", () => {
  it("answers success; the secret is 401 right after; a second delete is 404", async () => {
    const { id, secret } = await devtronCreate({ name: "delete-devtron", description: "", expireAtInMs: 0 });
    expect((await withSecret(secret)("GET", "/api/v1/me")).status).toBe(200);
    const res = await devtron("DELETE", `/orchestrator/api-token/${id}`);
    expect(res.status).toBe(200);
    expect(res.body).toEqual(ok({ success: true }));
    const after = await withSecret(secret)("GET", "/api/v1/me");
    expect(after.status).toBe(401);
    expect(after.body).toMatchObject({ code: "unauthorized" });
    expect(await listed("delete-devtron")).toBeUndefined();
    expect((await devtron("DELETE", `/orchestrator/api-token/${id}`)).body).toEqual(
      failure(404, "not_found", [{ message: `No token with id ${id}.` }]),
    );
    expect((await devtron("PUT", `/orchestrator/api-token/${id}`, { description: "x" })).status).toBe(404);
    // The name is free again.
    await devtronCreate({ name: "delete-devtron", description: "again", expireAtInMs: 0 });
  });

  it.each([
    ["an unknown id", "/orchestrator/api-token/999999", failure(404, "not_found", [{ message: "No token with id 999999." }])],
    [
      "a non-integer id",
      "/orchestrator/api-token/1e3",
      failure(400, "validation_failed", [{ path: "id", message: "must be a positive integer" }]),
    ],
  ])("refuses %s", async (_name, path, expected) => {
    const before = await snapshot();
    expect((await devtron("DELETE", path)).body).toEqual(expected);
    expect(await snapshot()).toEqual(before);
  });
});

// ---------------------------------------------------------------------------------------

describe("authentication on /orchestrator", () => {
  it("answers 401 in the envelope without credentials, with a bad token, and token_expired for an expired one", async () => {
    expect((await anon("GET", "/orchestrator/api-token")).body).toEqual(
      failure(401, "unauthorized", [{ message: "Send an API token in the token header." }]),
    );
    expect((await anon("GET", "/orchestrator/api-token", undefined, { token: "tsr_nope" })).body).toEqual(
      failure(401, "unauthorized", [
        { message: "The token is not valid. Check that it was copied whole, and that it was not deleted or regenerated." },
      ]),
    );
    const { id, secret } = await devtronCreate({ name: "devtron-expired", description: "", expireAtInMs: Date.now() + DAY });
    await db.apiToken.update({ where: { id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    expect((await withSecret(secret)("GET", "/orchestrator/api-token")).body).toEqual(
      failure(401, "token_expired", [{ message: "This token has expired. Regenerate it to get a new one." }]),
    );
  });
});

// ---------------------------------------------------------------------------------------

describe("the Devtron flow: create a token, give it roles, create an application with it", () => {
  it("POST /orchestrator/api-token → PATCH /api/v1/tokens/{id} → POST /orchestrator/app with the token header → listed by GET /api/v1/apps", async () => {
    const payments = await db.project.create({ data: { name: "payments" } });
    const other = await db.project.create({ data: { name: "other-team" } });

    const { id, secret } = await devtronCreate({ name: "app-creator", description: "creates apps", expireAtInMs: 0 });
    const script = withSecret(secret);

    // No roles yet: refused, and nothing is created.
    const denied = await script("POST", "/orchestrator/app", { appName: "checkout", teamId: payments.id });
    expect(denied.status).toBe(403);
    expect(denied.body).toMatchObject({ code: 403, status: "Forbidden", errors: [{ code: "forbidden" }] });
    expect(await db.app.count()).toBe(0);

    const grant = { entity: "devtron-app", project: "payments", environments: [], apps: [], role: "admin" };
    const patched = await admin("PATCH", `/api/v1/tokens/${id}`, { permissions: { superAdmin: false, grants: [grant] } });
    expect(patched.status).toBe(200);

    const labels = [{ key: "team", value: "payments", propagate: true }];
    const made = await script("POST", "/orchestrator/app", {
      appName: "checkout",
      teamId: payments.id,
      description: "Checkout service",
      labels,
    });
    expect(made.status).toBe(200);
    expect(made.body).toEqual(
      ok({
        id: expect.any(Number),
        appName: "checkout",
        teamId: payments.id,
        description: "Checkout service",
        labels,
        active: true,
        createdBy: "API-TOKEN:app-creator",
      }),
    );
    const appId = (made.body.result as { id: number }).id;

    const list = await script("GET", "/api/v1/apps");
    expect(list.status).toBe(200);
    expect(list.body).toMatchObject({
      total: 1,
      data: [{ id: appId, name: "checkout", project: "payments", createdBy: "API-TOKEN:app-creator" }],
    });
    expect((await script("GET", `/api/v1/apps/${appId}`)).body).toMatchObject({ name: "checkout", labels });

    // Its grant reaches only its project.
    const elsewhere = await script("POST", "/orchestrator/app", { appName: "elsewhere", teamId: other.id });
    expect(elsewhere.status).toBe(403);
    const unknownTeam = await script("POST", "/orchestrator/app", { appName: "nowhere", teamId: 999999 });
    expect(unknownTeam.body).toEqual(failure(400, "validation_failed", [{ path: "teamId", message: "no project (team) with id 999999" }]));
    const duplicate = await script("POST", "/orchestrator/app", { appName: "checkout", teamId: payments.id });
    expect(duplicate.status).toBe(409);
    expect(duplicate.body).toMatchObject({
      code: 409,
      errors: [{ code: "conflict", internalMessage: expect.stringMatching(/^appName: /) }],
    });
    // Still no token management.
    expect((await script("GET", "/orchestrator/api-token")).status).toBe(403);

    const event = await db.auditEvent.findFirstOrThrow({ where: { action: "app.created", targetId: appId } });
    expect(event).toMatchObject({ actorType: "token", actorId: id, actorName: "API-TOKEN:app-creator" });
    expect(event.details).toMatchObject({ name: "checkout", project: "payments", via: "orchestrator" });
    expect(await db.app.count()).toBe(1);
  });
});
