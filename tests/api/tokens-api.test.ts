import { createHash } from "node:crypto";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { isWellFormedToken } from "@/lib/tokens/format";
import type { Db } from "@/server/db";
import { useFreshDatabase } from "../helpers/db";
import { makeUser } from "../helpers/fixtures";
import { client, sessionCookieFor, startServer, type TestServer } from "../helpers/http";

// /api/v1/tokens… and /api/v1/audit-events over real HTTP, as a super admin with a
// session cookie: each endpoint's happy path with its exact response, the audit trail
// it leaves, and tables of bad input, each answered with the exact problem+json body
// and changing nothing at all (docs/design.md, "Tokens" and "Errors").

let db: Db;
let server: TestServer;
let admin: ReturnType<typeof client>;
let anon: ReturnType<typeof client>;
let adminId: number;
const ADMIN_EMAIL = "tokens-admin@example.com";
const DAY = 24 * 60 * 60 * 1000;

beforeAll(async () => {
  db = await useFreshDatabase();
  server = await startServer();
  const user = await makeUser(db, { email: ADMIN_EMAIL, name: "Tokens Admin", superAdmin: true });
  adminId = user.id;
  admin = client(server, await sessionCookieFor(user.id));
  anon = client(server);
  const payments = await db.project.create({ data: { name: "payments" } });
  await db.project.create({ data: { name: "billing" } });
  await db.environment.create({ data: { name: "staging", namespace: "staging" } });
  await db.app.create({ data: { name: "checkout", projectId: payments.id, createdBy: "seed" } });
  await db.chartGroup.create({ data: { name: "base-charts" } });
});
afterAll(() => server.close());

// ---------------------------------------------------------------------------------------
// Helpers

type FieldErrors = { path: string; message: string }[];
type TokenJson = Record<string, unknown> & { id: number; name: string; expiresAt: string | null; version: number };

const TITLES: Record<string, string> = {
  invalid_json: "Invalid JSON",
  validation_failed: "Validation failed",
  unauthorized: "Unauthorized",
  token_expired: "Token expired",
  forbidden: "Forbidden",
  not_found: "Not found",
  conflict: "Conflict",
  payload_too_large: "Payload too large",
  rate_limited: "Too many requests",
  unavailable: "Service unavailable",
};
const STATUS: Record<string, number> = {
  invalid_json: 400,
  validation_failed: 400,
  unauthorized: 401,
  token_expired: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  payload_too_large: 413,
  rate_limited: 429,
  unavailable: 503,
};

/** The exact RFC 9457 body; `errors` only when given. */
function problem(code: string, detail: string | RegExp, errors?: FieldErrors) {
  return {
    type: "about:blank",
    title: TITLES[code],
    status: STATUS[code],
    code,
    detail: typeof detail === "string" ? detail : expect.stringMatching(detail),
    ...(errors ? { errors } : {}),
  };
}

/** A zod validation failure: the detail is "<path> <message>" of the first error. */
function invalid(errors: FieldErrors) {
  const first = errors[0]!;
  const more = errors.length > 1 ? ` (and ${errors.length - 1} more)` : "";
  return problem("validation_failed", `${first.path === "(body)" ? "The request body" : first.path} ${first.message}${more}`, errors);
}

/** A failure of a rule checked outside the schema (expiry, ids): the detail is the message alone. */
const ruleBroken = (path: string, message: string) => problem("validation_failed", message, [{ path, message }]);

const iso = expect.stringMatching(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
const SECRET = expect.stringMatching(/^tsr_[0-9A-Za-z]{46}$/);
const sha256 = (s: string) => createHash("sha256").update(s).digest("hex");
const previewOf = (secret: string) => `tsr_${secret.slice(4, 8)}…${secret.slice(-4)}`;
const NO_GRANTS = { superAdmin: false, grants: [] };
const VIEW_PAYMENTS = {
  superAdmin: false,
  grants: [{ entity: "devtron-app", project: "payments", environments: [], apps: [], role: "view" }],
};

function expectNear(isoTime: unknown, expectedMs: number, toleranceMs = 60_000) {
  expect(typeof isoTime).toBe("string");
  expect(Math.abs(Date.parse(isoTime as string) - expectedMs)).toBeLessThanOrEqual(toleranceMs);
}

async function create(name: string, extra: Record<string, unknown> = {}) {
  const res = await admin("POST", "/api/v1/tokens", { name, permissions: NO_GRANTS, ...extra });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return { token: res.body.token as TokenJson, secret: res.body.secret as string };
}

/** Everything a token request could touch: every token row (hashes included), the audit log, the usage counts. */
async function snapshot() {
  const [tokens, audit, usage] = await Promise.all([
    db.apiToken.findMany({ orderBy: { id: "asc" } }),
    db.auditEvent.findMany({ orderBy: { id: "asc" } }),
    db.apiTokenUsage.findMany({ orderBy: [{ tokenId: "asc" }, { day: "asc" }] }),
  ]);
  return { tokens, audit, usage };
}

const asToken = (secret: string) => (method: string, path: string, body?: unknown) =>
  anon(method, path, body, { authorization: `Bearer ${secret}` });

// ---------------------------------------------------------------------------------------

describe("POST /api/v1/tokens", () => {
  it("answers 201 { token, secret } with exactly the Token fields, no-store, and never a hash", async () => {
    const before = Date.now();
    const res = await admin("POST", "/api/v1/tokens", { name: "ci-deployer", description: "Deploys from CI", permissions: VIEW_PAYMENTS });
    expect(res.status).toBe(201);
    expect(res.headers.get("cache-control")).toBe("no-store");
    expect(res.headers.get("content-type")).toMatch(/^application\/json/);
    const secret = res.body.secret as string;
    expect(res.body).toEqual({
      token: {
        id: expect.any(Number),
        name: "ci-deployer",
        description: "Deploys from CI",
        preview: previewOf(secret),
        permissions: VIEW_PAYMENTS,
        expiresAt: iso,
        status: "active",
        createdAt: iso,
        createdBy: ADMIN_EMAIL,
        updatedAt: iso,
        updatedBy: ADMIN_EMAIL,
        lastUsedAt: null,
        lastUsedIp: null,
        recentIps: [],
        notifyEmails: [],
        disabled: false,
        disabledAt: null,
        disabledReason: null,
        allowedIps: [],
        version: 1,
      },
      secret: SECRET,
    });
    expect(isWellFormedToken(secret)).toBe(true);
    const token = res.body.token as TokenJson;
    expectNear(token.expiresAt, before + 30 * DAY);

    // Stored: the hash and the preview, never the secret; the response never carries the hash.
    const row = await db.apiToken.findUniqueOrThrow({ where: { id: token.id } });
    expect(row.secretHash).toBe(sha256(secret));
    expect(row.preview).toBe(previewOf(secret));
    expect(JSON.stringify(row)).not.toContain(secret);
    expect(JSON.stringify(res.body)).not.toContain(row.secretHash);
    expect(JSON.stringify(res.body)).not.toMatch(/[0-9a-f]{64}|hash/i);

    // The secret works, with the token's own permissions.
    const me = await asToken(secret)("GET", "/api/v1/me");
    expect(me.body).toEqual({ type: "token", id: token.id, name: "ci-deployer", permissions: VIEW_PAYMENTS });
  });

  it.each([
    ["a 7-day preset", { expiresInDays: 7 }, 7 * DAY],
    ["a 90-day preset", { expiresInDays: 90 }, 90 * DAY],
    ["the 3650-day maximum", { expiresInDays: 3650 }, 3650 * DAY],
  ])("takes %s", async (_name, expiry, ms) => {
    const before = Date.now();
    const { token } = await create(`exp-${ms}`, expiry);
    expectNear(token.expiresAt, before + ms);
  });

  it("takes expiresAt: null as never, and a custom time as that exact instant", async () => {
    const never = await create("never-expires", { expiresAt: null });
    expect(never.token.expiresAt).toBeNull();
    expect(never.token.status).toBe("active");
    const at = new Date(Date.now() + 12 * DAY);
    at.setUTCHours(23, 59, 59, 999);
    const custom = await create("custom-day", { expiresAt: at.toISOString() });
    expect(custom.token.expiresAt).toBe(at.toISOString());
    const offset = await create("with-offset", { expiresAt: "2099-01-01T01:00:00+01:00" });
    expect(offset.token.expiresAt).toBe("2099-01-01T00:00:00.000Z");
    const far = await create("far-future", { expiresAt: "9999-12-31T23:59:59.999Z" });
    expect(far.token.expiresAt).toBe("9999-12-31T23:59:59.999Z");
    expect((await admin("GET", `/api/v1/tokens/${far.token.id}`)).body).toMatchObject({
      expiresAt: "9999-12-31T23:59:59.999Z",
      status: "active",
    });
  });

  it("stores super admin as just { superAdmin: true }, and a grant-less token as no grants", async () => {
    const sa = await create("super-token", { permissions: { superAdmin: true } });
    expect(sa.token.permissions).toEqual({ superAdmin: true });
    const bare = await create("no-roles-yet", { permissions: { superAdmin: false } });
    expect(bare.token.permissions).toEqual(NO_GRANTS);
  });

  it("accepts names at the edges of the rules: 3 and 50 characters, digits first, '_' and '-' inside", async () => {
    for (const name of ["abc", "a".repeat(50), "9-to_5", "0a0"]) await create(name);
  });

  it("refuses a duplicate name with 409 and changes nothing", async () => {
    await create("taken-name");
    const before = await snapshot();
    const res = await admin("POST", "/api/v1/tokens", { name: "taken-name", permissions: NO_GRANTS });
    expect(res.status).toBe(409);
    expect(res.body).toEqual(
      problem("conflict", "A token named taken-name already exists.", [{ path: "name", message: "is already used by another token" }]),
    );
    expect(await snapshot()).toEqual(before);
  });

  it("creates exactly one token when the same name is sent many times at once", async () => {
    const results = await Promise.all(
      Array.from({ length: 5 }, () => admin("POST", "/api/v1/tokens", { name: "racing-name", permissions: NO_GRANTS })),
    );
    expect(results.map((r) => r.status).sort()).toEqual([201, 409, 409, 409, 409]);
    for (const r of results.filter((x) => x.status === 409)) expect(r.body).toMatchObject({ code: "conflict", status: 409 });
    expect(await db.apiToken.count({ where: { name: "racing-name" } })).toBe(1);
    expect(await db.auditEvent.count({ where: { action: "token.created", details: { path: ["name"], equals: "racing-name" } } })).toBe(1);
  });

  it("lets a deleted token's name be used again, as a new token", async () => {
    const first = await create("reused-name");
    expect((await admin("DELETE", `/api/v1/tokens/${first.token.id}`)).status).toBe(204);
    const second = await create("reused-name");
    expect(second.token.id).not.toBe(first.token.id);
    expect(second.token.version).toBe(1);
    expect((await asToken(first.secret)("GET", "/api/v1/me")).status).toBe(401);
    expect((await asToken(second.secret)("GET", "/api/v1/me")).status).toBe(200);
    // Still only one live token of that name.
    const list = await admin("GET", "/api/v1/tokens?q=reused-name");
    expect((list.body.data as TokenJson[]).map((t) => t.id)).toEqual([second.token.id]);
  });
});

// ---------------------------------------------------------------------------------------

describe("POST /api/v1/tokens: bad input answers the exact problem and changes nothing", () => {
  const body = (extra: Record<string, unknown>) => ({ name: "valid-name", permissions: NO_GRANTS, ...extra });
  const past = "2020-01-01T00:00:00Z";
  const NAME_CHARS = "must use only lowercase letters, digits, '-' and '_'";
  const cases: [string, unknown, ReturnType<typeof problem>][] = [
    ["name too short (ab)", body({ name: "ab" }), invalid([{ path: "name", message: "must be at least 3 characters" }])],
    ["name too long (51)", body({ name: "a".repeat(51) }), invalid([{ path: "name", message: "must be at most 50 characters" }])],
    ["name with uppercase", body({ name: "myToken" }), invalid([{ path: "name", message: NAME_CHARS }])],
    ["name starting with -", body({ name: "-token" }), invalid([{ path: "name", message: "must start with a lowercase letter or digit" }])],
    ["name ending with _", body({ name: "token_" }), invalid([{ path: "name", message: "must end with a lowercase letter or digit" }])],
    ["name with a space", body({ name: "my token" }), invalid([{ path: "name", message: NAME_CHARS }])],
    ["name missing", { permissions: NO_GRANTS }, invalid([{ path: "name", message: "is required" }])],
    ["name not a string", body({ name: 42 }), invalid([{ path: "name", message: "must be a string" }])],
    [
      "description of 351 characters",
      body({ description: "d".repeat(351) }),
      invalid([{ path: "description", message: "must be at most 350 characters" }]),
    ],
    ["expiresInDays 0", body({ expiresInDays: 0 }), invalid([{ path: "expiresInDays", message: "must be at least 1" }])],
    ["expiresInDays 3651", body({ expiresInDays: 3651 }), invalid([{ path: "expiresInDays", message: "must be at most 3650" }])],
    [
      'expiresInDays "30"',
      body({ expiresInDays: "30" }),
      invalid([{ path: "expiresInDays", message: "must be a whole number of days (a JSON number, not a string)" }]),
    ],
    ["expiresInDays 30.5", body({ expiresInDays: 30.5 }), invalid([{ path: "expiresInDays", message: "must be a whole number of days" }])],
    ["expiresAt in the past", body({ expiresAt: past }), ruleBroken("expiresAt", "must be at least one minute in the future")],
    [
      "expiresAt not a time",
      body({ expiresAt: "next tuesday" }),
      invalid([{ path: "expiresAt", message: "must be an ISO 8601 time such as 2027-01-31T23:59:59Z, or null for never" }]),
    ],
    [
      "expiresAt an impossible date",
      body({ expiresAt: "2027-02-30T00:00:00Z" }),
      invalid([{ path: "expiresAt", message: "must be an ISO 8601 time such as 2027-01-31T23:59:59Z, or null for never" }]),
    ],
    [
      "both expiry fields",
      body({ expiresInDays: 7, expiresAt: "2099-01-01T00:00:00Z" }),
      invalid([{ path: "expiresAt", message: "send either expiresInDays or expiresAt, not both" }]),
    ],
    [
      "both expiry fields, expiresAt null",
      body({ expiresInDays: 7, expiresAt: null }),
      invalid([{ path: "expiresAt", message: "send either expiresInDays or expiresAt, not both" }]),
    ],
    ["permissions missing", { name: "valid-name" }, invalid([{ path: "permissions", message: "must be an object" }])],
    [
      "permissions.superAdmin not a boolean",
      body({ permissions: { superAdmin: "yes" } }),
      invalid([{ path: "permissions.superAdmin", message: "must be true or false" }]),
    ],
    [
      "super admin with grants",
      body({ permissions: { superAdmin: true, grants: [] } }),
      invalid([{ path: "permissions", message: "a super admin already has every permission; remove grants" }]),
    ],
    [
      "a grant with an unknown role",
      body({
        permissions: {
          superAdmin: false,
          grants: [{ entity: "devtron-app", project: "payments", environments: [], apps: [], role: "owner" }],
        },
      }),
      invalid([{ path: "permissions.grants.0.role", message: "must be one of view, trigger, admin, manager" }]),
    ],
    [
      "a grant with a misspelt field",
      body({
        permissions: {
          superAdmin: false,
          grants: [{ entity: "devtron-app", project: "payments", enviroments: [], environments: [], apps: [], role: "view" }],
        },
      }),
      invalid([{ path: "permissions.grants.0", message: "has unknown field: enviroments" }]),
    ],
    [
      "a grant naming an unknown project",
      body({
        permissions: { superAdmin: false, grants: [{ entity: "devtron-app", project: "nope", environments: [], apps: [], role: "view" }] },
      }),
      problem("validation_failed", "permissions.grants.0.project names something that does not exist: no project named nope.", [
        { path: "permissions.grants.0.project", message: "no project named nope" },
      ]),
    ],
    [
      "a grant naming an unknown environment",
      body({
        permissions: {
          superAdmin: false,
          grants: [{ entity: "devtron-app", project: "payments", environments: ["staging", "mars"], apps: [], role: "trigger" }],
        },
      }),
      problem("validation_failed", "permissions.grants.0.environments.1 names something that does not exist: no environment named mars.", [
        { path: "permissions.grants.0.environments.1", message: "no environment named mars" },
      ]),
    ],
    [
      "a grant naming an unknown app",
      body({
        permissions: {
          superAdmin: false,
          grants: [{ entity: "devtron-app", project: "payments", environments: [], apps: ["checkout", "ghost"], role: "view" }],
        },
      }),
      problem(
        "validation_failed",
        "permissions.grants.0.apps.1 names something that does not exist: no Devtron app named ghost in project payments.",
        [{ path: "permissions.grants.0.apps.1", message: "no Devtron app named ghost in project payments" }],
      ),
    ],
    [
      "a grant naming an app of another project",
      body({
        permissions: {
          superAdmin: false,
          grants: [{ entity: "devtron-app", project: "billing", environments: [], apps: ["checkout"], role: "view" }],
        },
      }),
      problem(
        "validation_failed",
        "permissions.grants.0.apps.0 names something that does not exist: no Devtron app named checkout in project billing.",
        [{ path: "permissions.grants.0.apps.0", message: "no Devtron app named checkout in project billing" }],
      ),
    ],
    [
      "grants naming several unknown things",
      body({
        permissions: {
          superAdmin: false,
          grants: [
            { entity: "chart-group", groups: ["base-charts"], role: "view" },
            { entity: "helm-app", project: "nope", environments: ["mars"], apps: [], role: "view" },
            { entity: "chart-group", groups: ["missing-charts"], role: "admin" },
          ],
        },
      }),
      problem(
        "validation_failed",
        "permissions.grants.1.project names something that does not exist: no project named nope (and 2 more).",
        [
          { path: "permissions.grants.1.project", message: "no project named nope" },
          { path: "permissions.grants.1.environments.0", message: "no environment named mars" },
          { path: "permissions.grants.2.groups.0", message: "no chart group named missing-charts" },
        ],
      ),
    ],
    ["an unknown field", body({ scopes: ["repo"] }), invalid([{ path: "(body)", message: "has unknown field: scopes" }])],
    ["a JSON array", [], invalid([{ path: "(body)", message: "must be a JSON object" }])],
    ["malformed JSON", "{not json", problem("invalid_json", "The request body is not valid JSON.")],
    ["an empty body", "", problem("invalid_json", "The request body is empty; send a JSON object.")],
    [
      "a body over 256 kB",
      body({ description: "d".repeat(300 * 1024) }),
      problem("payload_too_large", "The request body must be at most 256 kB."),
    ],
  ];

  it.each(cases)("%s", async (_name, payload, expected) => {
    const before = await snapshot();
    const res = await admin("POST", "/api/v1/tokens", payload);
    expect(res.headers.get("content-type")).toMatch(/^application\/problem\+json/);
    expect(res.body).toEqual(expected);
    expect(res.status).toBe(expected.status);
    expect(await snapshot()).toEqual(before);
  });
});

// ---------------------------------------------------------------------------------------

describe("GET /api/v1/tokens", () => {
  const ids: Record<string, number> = {};
  const now = Date.now();
  const HOUR = 3600_000;

  beforeAll(async () => {
    // Four live tokens with controlled times, and a deleted one that must never be listed.
    const plan: [string, Date | null, Date | null, Date][] = [
      // name, expiresAt, lastUsedAt, createdAt
      ["lst-alpha", new Date(now - DAY), new Date(now - 3 * HOUR), new Date(now - 4 * DAY)],
      ["lst-bravo", new Date(now + 3 * DAY), null, new Date(now - 3 * DAY)],
      ["lst-charlie", null, new Date(now - 1 * HOUR), new Date(now - 2 * DAY)],
      ["lst-delta", new Date(now + 60 * DAY), new Date(now - 2 * HOUR), new Date(now - 1 * DAY)],
    ];
    for (const [name, expiresAt, lastUsedAt, createdAt] of plan) {
      const { token } = await create(name);
      ids[name] = token.id;
      await db.apiToken.update({ where: { id: token.id }, data: { expiresAt, lastUsedAt, createdAt } });
    }
    const gone = await create("lst-echo");
    await admin("DELETE", `/api/v1/tokens/${gone.token.id}`);
  });

  const names = (res: { body: { data?: unknown[] } }) => (res.body.data as TokenJson[]).map((t) => t.name);

  it("lists Tokens with the page envelope, newest first by default, never with a secret or hash", async () => {
    const res = await admin("GET", "/api/v1/tokens?q=lst-");
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      data: expect.any(Array),
      page: 1,
      pageSize: 20,
      total: 4,
      totalExact: true,
      nextCursor: null,
      prevCursor: null,
      lastCursor: expect.any(String),
    });
    expect(names(res)).toEqual(["lst-delta", "lst-charlie", "lst-bravo", "lst-alpha"]);
    const alpha = (res.body.data as TokenJson[]).find((t) => t.name === "lst-alpha")!;
    expect(Object.keys(alpha).sort()).toEqual(
      [
        "allowedIps",
        "createdAt",
        "createdBy",
        "description",
        "disabled",
        "disabledAt",
        "disabledReason",
        "expiresAt",
        "id",
        "lastUsedAt",
        "lastUsedIp",
        "name",
        "notifyEmails",
        "permissions",
        "preview",
        "recentIps",
        "status",
        "updatedAt",
        "updatedBy",
        "version",
      ].sort(),
    );
    expect(JSON.stringify(res.body)).not.toMatch(/tsr_[0-9A-Za-z]{46}|[0-9a-f]{64}/);
  });

  it("reports status active or expired per token", async () => {
    const res = await admin("GET", "/api/v1/tokens?q=lst-&sort=name");
    expect((res.body.data as TokenJson[]).map((t) => [t.name, t.status])).toEqual([
      ["lst-alpha", "expired"],
      ["lst-bravo", "active"],
      ["lst-charlie", "active"],
      ["lst-delta", "active"],
    ]);
  });

  it.each([
    ["q is a case-insensitive substring", "q=LST-AL", ["lst-alpha"]],
    ["q with no match", "q=zzz-nothing", []],
    ["status=expired", "q=lst-&status=expired&sort=name", ["lst-alpha"]],
    ["status=expiring (within 7 days, not yet expired)", "q=lst-&status=expiring&sort=name", ["lst-bravo"]],
    ["status=active (never, expiring and later)", "q=lst-&status=active&sort=name", ["lst-bravo", "lst-charlie", "lst-delta"]],
    ["sort=name", "q=lst-&sort=name", ["lst-alpha", "lst-bravo", "lst-charlie", "lst-delta"]],
    ["sort=-name", "q=lst-&sort=-name", ["lst-delta", "lst-charlie", "lst-bravo", "lst-alpha"]],
    ["sort=createdAt", "q=lst-&sort=createdAt", ["lst-alpha", "lst-bravo", "lst-charlie", "lst-delta"]],
    ["sort=-createdAt", "q=lst-&sort=-createdAt", ["lst-delta", "lst-charlie", "lst-bravo", "lst-alpha"]],
    ["sort=lastUsedAt (never used last)", "q=lst-&sort=lastUsedAt", ["lst-alpha", "lst-delta", "lst-charlie", "lst-bravo"]],
    ["sort=-lastUsedAt (never used last)", "q=lst-&sort=-lastUsedAt", ["lst-charlie", "lst-delta", "lst-alpha", "lst-bravo"]],
    ["sort=expiresAt (never expiring last)", "q=lst-&sort=expiresAt", ["lst-alpha", "lst-bravo", "lst-delta", "lst-charlie"]],
    ["sort=-expiresAt (never expiring last)", "q=lst-&sort=-expiresAt", ["lst-delta", "lst-bravo", "lst-alpha", "lst-charlie"]],
    ["status and sort together", "q=lst-&status=active&sort=-expiresAt", ["lst-delta", "lst-bravo", "lst-charlie"]],
  ])("%s", async (_name, query, expected) => {
    const res = await admin("GET", `/api/v1/tokens?${query}`);
    expect(res.status).toBe(200);
    expect(names(res)).toEqual(expected);
    expect(res.body.total).toBe(expected.length);
  });

  it("pages with page and pageSize, the total counting every match", async () => {
    const p1 = await admin("GET", "/api/v1/tokens?q=lst-&sort=name&pageSize=3");
    expect(p1.body).toMatchObject({ page: 1, pageSize: 3, total: 4 });
    expect(names(p1)).toEqual(["lst-alpha", "lst-bravo", "lst-charlie"]);
    const p2 = await admin("GET", "/api/v1/tokens?q=lst-&sort=name&pageSize=3&page=2");
    expect(p2.body).toMatchObject({ page: 2, pageSize: 3, total: 4 });
    expect(names(p2)).toEqual(["lst-delta"]);
    const p3 = await admin("GET", "/api/v1/tokens?q=lst-&sort=name&pageSize=3&page=3");
    expect(p3.body).toMatchObject({ data: [], page: 3, pageSize: 3, total: 4, totalExact: true, nextCursor: null });
    const max = await admin("GET", "/api/v1/tokens?pageSize=100");
    expect(max.body).toMatchObject({ pageSize: 100 });
  });

  it("treats % and _ in q literally, not as wildcards", async () => {
    await create("wild_card");
    await create("wildxcard");
    const under = await admin("GET", "/api/v1/tokens?q=d_c");
    expect(names(under)).toEqual(["wild_card"]);
    const percent = await admin("GET", "/api/v1/tokens?q=wild%25card");
    expect(names(percent)).toEqual([]);
  });

  it.each([
    ["an unknown status", "status=revoked", [{ path: "status", message: "must be one of active, expired, expiring, disabled" }]],
    [
      "an unknown sort",
      "sort=secretHash",
      [{ path: "sort", message: "must be one of name, lastUsedAt, expiresAt, createdAt (prefix - for descending)" }],
    ],
    ["pageSize over 100", "pageSize=101", [{ path: "pageSize", message: "must be at most 100" }]],
    ["pageSize 0", "pageSize=0", [{ path: "pageSize", message: "must be at least 1" }]],
    ["page 0", "page=0", [{ path: "page", message: "must be at least 1" }]],
    ["page not a number", "page=two", [{ path: "page", message: "must be a number" }]],
    ["q over 200 characters", `q=${"q".repeat(201)}`, [{ path: "q", message: "must be at most 200 characters" }]],
  ])("refuses %s with 400", async (_name, query, errors) => {
    const res = await admin("GET", `/api/v1/tokens?${query}`);
    expect(res.status).toBe(400);
    expect(res.body).toEqual(invalid(errors));
  });
});

// ---------------------------------------------------------------------------------------

describe("GET, PATCH, regenerate and DELETE /api/v1/tokens/{id}", () => {
  it("GET answers the same Token as create", async () => {
    const { token } = await create("get-me", { description: "read me", permissions: VIEW_PAYMENTS });
    const res = await admin("GET", `/api/v1/tokens/${token.id}`);
    expect(res.status).toBe(200);
    expect(res.body).toEqual(token);
  });

  it("PATCH changes the description and permissions, keeps the name, secret, expiry and version, and audits the change", async () => {
    const { token, secret } = await create("patch-me", { description: "old", expiresInDays: 60 });
    const hashBefore = (await db.apiToken.findUniqueOrThrow({ where: { id: token.id } })).secretHash;

    const desc = await admin("PATCH", `/api/v1/tokens/${token.id}`, { description: "new" });
    expect(desc.status).toBe(200);
    expect(desc.body).toEqual({ ...token, description: "new", updatedAt: iso });

    const perms = await admin("PATCH", `/api/v1/tokens/${token.id}`, { permissions: VIEW_PAYMENTS });
    expect(perms.body).toEqual({ ...token, description: "new", permissions: VIEW_PAYMENTS, updatedAt: iso });
    expect((await db.apiToken.findUniqueOrThrow({ where: { id: token.id } })).secretHash).toBe(hashBefore);
    const me = await asToken(secret)("GET", "/api/v1/me");
    expect(me.body).toMatchObject({ permissions: VIEW_PAYMENTS });

    const both = await admin("PATCH", `/api/v1/tokens/${token.id}`, { description: "", permissions: { superAdmin: true } });
    expect(both.body).toMatchObject({
      description: "",
      permissions: { superAdmin: true },
      version: 1,
      expiresAt: token.expiresAt,
      name: "patch-me",
    });

    const events = await db.auditEvent.findMany({ where: { action: "token.updated", targetId: token.id }, orderBy: { id: "asc" } });
    expect(events.map((e) => e.details)).toEqual([
      { name: "patch-me", changes: { description: { from: "old", to: "new" } } },
      { name: "patch-me", changes: { permissions: { from: NO_GRANTS, to: VIEW_PAYMENTS } } },
      {
        name: "patch-me",
        changes: { description: { from: "new", to: "" }, permissions: { from: VIEW_PAYMENTS, to: { superAdmin: true } } },
      },
    ]);
    for (const e of events)
      expect(e).toMatchObject({ actorType: "user", actorId: adminId, actorName: ADMIN_EMAIL, ip: "127.0.0.1", targetType: "token" });
  });

  it("a permissions change takes effect on the token's next request", async () => {
    const { token, secret } = await create("live-perms", { permissions: { superAdmin: true } });
    expect((await asToken(secret)("GET", "/api/v1/tokens")).status).toBe(200);
    await admin("PATCH", `/api/v1/tokens/${token.id}`, { permissions: VIEW_PAYMENTS });
    expect((await asToken(secret)("GET", "/api/v1/tokens")).status).toBe(403);
  });

  it("regenerate answers a new secret with no-store, version + 1, a new expiry, and the old secret stops at once", async () => {
    const { token, secret } = await create("regen-me", { expiresInDays: 90 });
    const before = Date.now();
    const res = await admin("POST", `/api/v1/tokens/${token.id}/regenerate`, { expiresInDays: 7 });
    expect(res.status).toBe(200);
    expect(res.headers.get("cache-control")).toBe("no-store");
    const fresh = res.body.secret as string;
    expect(res.body).toEqual({
      token: { ...token, preview: previewOf(fresh), expiresAt: iso, updatedAt: iso, version: 2 },
      secret: SECRET,
    });
    expect(fresh).not.toBe(secret);
    expectNear((res.body.token as TokenJson).expiresAt, before + 7 * DAY);
    expect((await asToken(secret)("GET", "/api/v1/me")).status).toBe(401);
    expect((await asToken(fresh)("GET", "/api/v1/me")).status).toBe(200);
    const row = await db.apiToken.findUniqueOrThrow({ where: { id: token.id } });
    expect(row).toMatchObject({ secretHash: sha256(fresh), previousHash: null, previousValidUntil: null, version: 2 });

    // An empty body: the default 30 days; never; a custom time.
    const again = await admin("POST", `/api/v1/tokens/${token.id}/regenerate`, {});
    expect(again.body.token).toMatchObject({ version: 3 });
    expectNear((again.body.token as TokenJson).expiresAt, Date.now() + 30 * DAY);
    const never = await admin("POST", `/api/v1/tokens/${token.id}/regenerate`, { expiresAt: null });
    expect(never.body.token).toMatchObject({ version: 4, expiresAt: null });
    const events = await db.auditEvent.findMany({ where: { action: "token.regenerated", targetId: token.id }, orderBy: { id: "asc" } });
    expect(events.map((e) => e.details)).toEqual([
      {
        name: "regen-me",
        version: 2,
        expiresAt: { from: token.expiresAt, to: (res.body.token as TokenJson).expiresAt },
        oldSecretValidUntil: null,
      },
      {
        name: "regen-me",
        version: 3,
        expiresAt: { from: (res.body.token as TokenJson).expiresAt, to: (again.body.token as TokenJson).expiresAt },
        oldSecretValidUntil: null,
      },
      { name: "regen-me", version: 4, expiresAt: { from: (again.body.token as TokenJson).expiresAt, to: null }, oldSecretValidUntil: null },
    ]);
  });

  it("regenerate with graceSeconds keeps the old secret until then, and records when", async () => {
    const { token, secret } = await create("regen-grace", { expiresInDays: 30 });
    const before = Date.now();
    const res = await admin("POST", `/api/v1/tokens/${token.id}/regenerate`, { graceSeconds: 3600 });
    expect((await asToken(secret)("GET", "/api/v1/me")).status).toBe(200);
    expect((await asToken(res.body.secret as string)("GET", "/api/v1/me")).status).toBe(200);
    const event = await db.auditEvent.findFirstOrThrow({ where: { action: "token.regenerated", targetId: token.id } });
    expectNear((event.details as { oldSecretValidUntil: string }).oldSecretValidUntil, before + 3600_000);
  });

  it("DELETE answers 204 with no body; the token is gone from GET and the list but its row stays", async () => {
    const { token, secret } = await create("delete-me");
    const res = await admin("DELETE", `/api/v1/tokens/${token.id}`);
    expect(res.status).toBe(204);
    expect(res.body).toBeUndefined();
    expect((await admin("GET", `/api/v1/tokens/${token.id}`)).body).toEqual(problem("not_found", `No token with id ${token.id}.`));
    const list = await admin("GET", "/api/v1/tokens?q=delete-me");
    expect(list.body.total).toBe(0);
    const row = await db.apiToken.findUniqueOrThrow({ where: { id: token.id } });
    expect(row.deletedAt).toBeInstanceOf(Date);
    expect(row.updatedBy).toBe(ADMIN_EMAIL);
    expect((await asToken(secret)("GET", "/api/v1/me")).status).toBe(401);
  });
});

// ---------------------------------------------------------------------------------------

describe("bad requests to /api/v1/tokens/{id}… answer the exact problem and change nothing", () => {
  let live: number;
  let deleted: number;
  beforeAll(async () => {
    live = (await create("bad-req-live")).token.id;
    deleted = (await create("bad-req-deleted")).token.id;
    await admin("DELETE", `/api/v1/tokens/${deleted}`);
  });

  const BAD_ID = ruleBroken("id", "must be a positive integer");
  const cases: [string, string, () => string, unknown, ReturnType<typeof problem> | (() => ReturnType<typeof problem>)][] = [
    ["GET an unknown id", "GET", () => "/api/v1/tokens/999999", undefined, problem("not_found", "No token with id 999999.")],
    [
      "GET a deleted token",
      "GET",
      () => `/api/v1/tokens/${deleted}`,
      undefined,
      () => problem("not_found", `No token with id ${deleted}.`),
    ],
    ["GET a non-integer id", "GET", () => "/api/v1/tokens/abc", undefined, BAD_ID],
    ["GET id 0", "GET", () => "/api/v1/tokens/0", undefined, BAD_ID],
    ["GET a negative id", "GET", () => "/api/v1/tokens/-1", undefined, BAD_ID],
    ["GET a decimal id", "GET", () => "/api/v1/tokens/1.5", undefined, BAD_ID],
    [
      "GET an id past int32",
      "GET",
      () => "/api/v1/tokens/2147483648",
      undefined,
      problem("not_found", "Nothing has id 2147483648: ids go up to 2147483647."),
    ],
    [
      "PATCH the name",
      "PATCH",
      () => `/api/v1/tokens/${live}`,
      { name: "renamed" },
      invalid([{ path: "name", message: "cannot be changed; a token keeps its name (create a new token instead)" }]),
    ],
    [
      "PATCH the expiry",
      "PATCH",
      () => `/api/v1/tokens/${live}`,
      { expiresInDays: 7 },
      invalid([{ path: "(body)", message: "has unknown field: expiresInDays" }]),
    ],
    [
      "PATCH a 351-character description",
      "PATCH",
      () => `/api/v1/tokens/${live}`,
      { description: "d".repeat(351) },
      invalid([{ path: "description", message: "must be at most 350 characters" }]),
    ],
    [
      "PATCH permissions naming an unknown project",
      "PATCH",
      () => `/api/v1/tokens/${live}`,
      {
        permissions: { superAdmin: false, grants: [{ entity: "devtron-app", project: "nope", environments: [], apps: [], role: "view" }] },
      },
      problem("validation_failed", "permissions.grants.0.project names something that does not exist: no project named nope.", [
        { path: "permissions.grants.0.project", message: "no project named nope" },
      ]),
    ],
    [
      "PATCH malformed JSON",
      "PATCH",
      () => `/api/v1/tokens/${live}`,
      "{description:",
      problem("invalid_json", "The request body is not valid JSON."),
    ],
    ["PATCH an unknown id", "PATCH", () => "/api/v1/tokens/999999", { description: "x" }, problem("not_found", "No token with id 999999.")],
    [
      "PATCH a deleted token",
      "PATCH",
      () => `/api/v1/tokens/${deleted}`,
      { description: "x" },
      () => problem("not_found", `No token with id ${deleted}.`),
    ],
    ["PATCH a non-integer id", "PATCH", () => "/api/v1/tokens/abc", { description: "x" }, BAD_ID],
    ["regenerate an unknown id", "POST", () => "/api/v1/tokens/999999/regenerate", {}, problem("not_found", "No token with id 999999.")],
    [
      "regenerate a deleted token",
      "POST",
      () => `/api/v1/tokens/${deleted}/regenerate`,
      {},
      () => problem("not_found", `No token with id ${deleted}.`),
    ],
    ["regenerate a non-integer id", "POST", () => "/api/v1/tokens/abc/regenerate", {}, BAD_ID],
    [
      "regenerate with graceSeconds over 7 days",
      "POST",
      () => `/api/v1/tokens/${live}/regenerate`,
      { graceSeconds: 604801 },
      invalid([{ path: "graceSeconds", message: "must be at most 604800 (7 days)" }]),
    ],
    [
      "regenerate with negative graceSeconds",
      "POST",
      () => `/api/v1/tokens/${live}/regenerate`,
      { graceSeconds: -1 },
      invalid([{ path: "graceSeconds", message: "must be at least 0" }]),
    ],
    [
      'regenerate with graceSeconds "60"',
      "POST",
      () => `/api/v1/tokens/${live}/regenerate`,
      { graceSeconds: "60" },
      invalid([{ path: "graceSeconds", message: "must be a number of seconds" }]),
    ],
    [
      "regenerate with fractional graceSeconds",
      "POST",
      () => `/api/v1/tokens/${live}/regenerate`,
      { graceSeconds: 1.5 },
      invalid([{ path: "graceSeconds", message: "must be a whole number of seconds" }]),
    ],
    [
      "regenerate with expiresAt in the past",
      "POST",
      () => `/api/v1/tokens/${live}/regenerate`,
      { expiresAt: "2020-01-01T00:00:00Z" },
      ruleBroken("expiresAt", "must be at least one minute in the future"),
    ],
    [
      "regenerate with both expiry fields",
      "POST",
      () => `/api/v1/tokens/${live}/regenerate`,
      { expiresInDays: 7, expiresAt: null },
      invalid([{ path: "expiresAt", message: "send either expiresInDays or expiresAt, not both" }]),
    ],
    [
      "regenerate with expiresInDays 0",
      "POST",
      () => `/api/v1/tokens/${live}/regenerate`,
      { expiresInDays: 0 },
      invalid([{ path: "expiresInDays", message: "must be at least 1" }]),
    ],
    [
      "regenerate with malformed JSON",
      "POST",
      () => `/api/v1/tokens/${live}/regenerate`,
      "nope",
      problem("invalid_json", "The request body is not valid JSON."),
    ],
    ["DELETE an unknown id", "DELETE", () => "/api/v1/tokens/999999", undefined, problem("not_found", "No token with id 999999.")],
    [
      "DELETE a deleted token",
      "DELETE",
      () => `/api/v1/tokens/${deleted}`,
      undefined,
      () => problem("not_found", `No token with id ${deleted}.`),
    ],
    ["DELETE a non-integer id", "DELETE", () => "/api/v1/tokens/abc", undefined, BAD_ID],
  ];

  it.each(cases)("%s", async (_name, method, path, payload, expected) => {
    const want = typeof expected === "function" ? expected() : expected;
    const before = await snapshot();
    const res = await admin(method, path(), payload);
    expect(res.headers.get("content-type")).toMatch(/^application\/problem\+json/);
    expect(res.body).toEqual(want);
    expect(res.status).toBe(want.status);
    expect(await snapshot()).toEqual(before);
  });
});

// ---------------------------------------------------------------------------------------

describe("TESSERA_MAX_TOKEN_LIFETIME_DAYS", () => {
  const saved = process.env.TESSERA_MAX_TOKEN_LIFETIME_DAYS;
  afterEach(() => {
    if (saved === undefined) delete process.env.TESSERA_MAX_TOKEN_LIFETIME_DAYS;
    else process.env.TESSERA_MAX_TOKEN_LIFETIME_DAYS = saved;
  });
  const limit = "this server allows tokens to live at most 90 days (TESSERA_MAX_TOKEN_LIFETIME_DAYS)";
  let maxLifeCounter = 0;

  it.each([
    ["never", { expiresAt: null }, "expiresAt", `cannot be "never": ${limit}`],
    ["91 days", { expiresInDays: 91 }, "expiresInDays", `is too far ahead: ${limit}`],
    ["a date past the limit", { expiresAt: new Date(Date.now() + 91 * DAY).toISOString() }, "expiresAt", `is too far ahead: ${limit}`],
  ])("refuses %s on create and on regenerate, naming the limit, and changes nothing", async (_name, expiry, path, message) => {
    maxLifeCounter += 1;
    const { token } = await create(`max-life-${maxLifeCounter}`);
    process.env.TESSERA_MAX_TOKEN_LIFETIME_DAYS = "90";
    const before = await snapshot();
    const created = await admin("POST", "/api/v1/tokens", { name: "too-long-lived", permissions: NO_GRANTS, ...expiry });
    expect(created.status).toBe(400);
    expect(created.body).toEqual(ruleBroken(path, message));
    const regen = await admin("POST", `/api/v1/tokens/${token.id}/regenerate`, expiry);
    expect(regen.body).toEqual(ruleBroken(path, message));
    expect(await snapshot()).toEqual(before);
  });

  it("accepts exactly the limit and anything shorter", async () => {
    process.env.TESSERA_MAX_TOKEN_LIFETIME_DAYS = "90";
    await create("max-life-ok-90", { expiresInDays: 90 });
    await create("max-life-ok-30");
    await create("max-life-ok-at", { expiresAt: new Date(Date.now() + 89 * DAY).toISOString() });
  });

  it("shortens the 30-day default to a smaller limit instead of refusing a request that chose nothing", async () => {
    process.env.TESSERA_MAX_TOKEN_LIFETIME_DAYS = "7";
    const { token } = await create("default-shortened");
    expect(Math.abs(Date.parse(token.expiresAt!) - (Date.now() + 7 * 86_400_000))).toBeLessThan(60_000);
  });

  it("is ignored when not a positive whole number", async () => {
    process.env.TESSERA_MAX_TOKEN_LIFETIME_DAYS = "soon";
    await create("max-life-ignored", { expiresAt: null });
  });
});

// ---------------------------------------------------------------------------------------

describe("audit events", () => {
  it("records created, updated, regenerated and deleted with actor, ip and changes, never a secret or hash; the API filters and pages them", async () => {
    const { token, secret } = await create("audited", { expiresInDays: 7, permissions: NO_GRANTS });
    await admin("PATCH", `/api/v1/tokens/${token.id}`, { permissions: VIEW_PAYMENTS });
    const regen = await admin("POST", `/api/v1/tokens/${token.id}/regenerate`, { expiresAt: null, graceSeconds: 60 });
    const fresh = regen.body.secret as string;
    await admin("DELETE", `/api/v1/tokens/${token.id}`);

    const res = await admin("GET", `/api/v1/audit-events?tokenId=${token.id}`);
    expect(res.status).toBe(200);
    const actor = { type: "user", id: adminId, name: ADMIN_EMAIL };
    const target = { type: "token", id: token.id };
    const event = (action: string, details: Record<string, unknown>) => ({
      id: expect.any(Number),
      action,
      actor,
      target,
      ip: "127.0.0.1",
      details,
      createdAt: iso,
    });
    expect(res.body).toEqual({
      data: [
        event("token.deleted", { name: "audited" }),
        event("token.regenerated", {
          name: "audited",
          version: 2,
          expiresAt: { from: token.expiresAt, to: null },
          oldSecretValidUntil: iso,
        }),
        event("token.updated", { name: "audited", changes: { permissions: { from: NO_GRANTS, to: VIEW_PAYMENTS } } }),
        event("token.created", { name: "audited", expiresAt: token.expiresAt, permissions: NO_GRANTS }),
      ],
      page: 1,
      pageSize: 20,
      total: 4,
    });

    // Nothing in the whole audit log carries a secret or a hash of one.
    const all = JSON.stringify(await db.auditEvent.findMany());
    const row = await db.apiToken.findUniqueOrThrow({ where: { id: token.id } });
    for (const needle of [secret, fresh, sha256(secret), sha256(fresh), row.secretHash, secret.slice(4, 44), fresh.slice(4, 44)]) {
      expect(all).not.toContain(needle);
    }

    const byAction = await admin("GET", `/api/v1/audit-events?tokenId=${token.id}&action=token.regenerated`);
    expect((byAction.body.data as { action: string }[]).map((e) => e.action)).toEqual(["token.regenerated"]);
    expect(byAction.body.total).toBe(1);

    const page2 = await admin("GET", `/api/v1/audit-events?tokenId=${token.id}&pageSize=3&page=2`);
    expect(page2.body).toMatchObject({ page: 2, pageSize: 3, total: 4 });
    expect((page2.body.data as { action: string }[]).map((e) => e.action)).toEqual(["token.created"]);

    const createdAnywhere = await admin("GET", "/api/v1/audit-events?action=token.created&pageSize=100");
    expect((createdAnywhere.body.data as { action: string }[]).every((e) => e.action === "token.created")).toBe(true);
    expect(createdAnywhere.body.total).toBe(await db.auditEvent.count({ where: { action: "token.created" } }));
  });

  it("names a token actor as API-TOKEN:<name> when a token manages tokens", async () => {
    const { secret } = await create("token-admin", { permissions: { superAdmin: true } });
    const made = await asToken(secret)("POST", "/api/v1/tokens", { name: "made-by-token", permissions: NO_GRANTS });
    expect(made.status).toBe(201);
    expect((made.body.token as TokenJson).createdBy).toBe("API-TOKEN:token-admin");
    const event = await db.auditEvent.findFirstOrThrow({ where: { action: "token.created", targetId: (made.body.token as TokenJson).id } });
    expect(event).toMatchObject({ actorType: "token", actorName: "API-TOKEN:token-admin", ip: "127.0.0.1" });
  });

  it.each([
    ["an unknown action", "action=token.exploded", [{ path: "action", message: "is not a known action" }]],
    ["a non-numeric tokenId", "tokenId=abc", [{ path: "tokenId", message: "must be a token id (an integer)" }]],
    ["a fractional tokenId", "tokenId=1.5", [{ path: "tokenId", message: "must be an integer" }]],
    ["pageSize over 100", "pageSize=101", [{ path: "pageSize", message: "must be at most 100" }]],
  ])("refuses %s with 400", async (_name, query, errors) => {
    const res = await admin("GET", `/api/v1/audit-events?${query}`);
    expect(res.body).toEqual(invalid(errors));
  });

  it("is for super admins only", async () => {
    const plain = await makeUser(db, { email: "audit-plain@example.com" });
    const res = await client(server, await sessionCookieFor(plain.id))("GET", "/api/v1/audit-events");
    expect(res.body).toEqual(problem("forbidden", "Only super admins can manage this."));
    expect((await anon("GET", "/api/v1/audit-events")).status).toBe(401);
  });
});

// ---------------------------------------------------------------------------------------

describe("every error code of docs/design.md on the token API", () => {
  const saved = process.env.TESSERA_TRUSTED_PROXIES;
  afterEach(() => {
    vi.restoreAllMocks();
    if (saved === undefined) delete process.env.TESSERA_TRUSTED_PROXIES;
    else process.env.TESSERA_TRUSTED_PROXIES = saved;
  });

  it("invalid_json 400", async () => {
    expect((await admin("POST", "/api/v1/tokens", "{")).body).toEqual(problem("invalid_json", "The request body is not valid JSON."));
  });

  it("validation_failed 400", async () => {
    expect((await admin("POST", "/api/v1/tokens", { name: "x", permissions: NO_GRANTS })).body).toEqual(
      invalid([{ path: "name", message: "must be at least 3 characters" }]),
    );
  });

  it("unauthorized 401: no credentials, a bad token", async () => {
    expect((await anon("GET", "/api/v1/tokens")).body).toEqual(
      problem("unauthorized", "Sign in, or send an API token in the Authorization or token header."),
    );
    const bad = await anon("GET", "/api/v1/tokens", undefined, { authorization: "Bearer tsr_nope" });
    expect(bad.body).toEqual(
      problem("unauthorized", "The token is not valid. Check that it was copied whole, and that it was not deleted or regenerated."),
    );
    expect(bad.headers.get("content-type")).toMatch(/^application\/problem\+json/);
  });

  it("token_expired 401", async () => {
    const { token, secret } = await create("code-expired", { permissions: { superAdmin: true } });
    await db.apiToken.update({ where: { id: token.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    expect((await asToken(secret)("GET", "/api/v1/tokens")).body).toEqual(
      problem("token_expired", "This token has expired. Regenerate it to get a new one."),
    );
  });

  it("forbidden 403: a user or token that is not a super admin", async () => {
    const plain = await makeUser(db, { email: "codes-plain@example.com" });
    const asPlain = client(server, await sessionCookieFor(plain.id));
    for (const [method, path] of [
      ["GET", "/api/v1/tokens"],
      ["POST", "/api/v1/tokens"],
      ["GET", "/api/v1/tokens/1"],
      ["PATCH", "/api/v1/tokens/1"],
      ["POST", "/api/v1/tokens/1/regenerate"],
      ["DELETE", "/api/v1/tokens/1"],
    ] as const) {
      const before = await snapshot();
      const res = await asPlain(
        method,
        path,
        method === "GET" || method === "DELETE" ? undefined : { name: "sneaky", permissions: { superAdmin: true } },
      );
      expect(res.body, `${method} ${path}`).toEqual(problem("forbidden", "Only super admins can manage this."));
      expect(await snapshot()).toEqual(before);
    }
  });

  it("not_found 404", async () => {
    expect((await admin("GET", "/api/v1/tokens/424242")).body).toEqual(problem("not_found", "No token with id 424242."));
  });

  it("conflict 409", async () => {
    await create("code-conflict");
    expect((await admin("POST", "/api/v1/tokens", { name: "code-conflict", permissions: NO_GRANTS })).status).toBe(409);
  });

  it("rate_limited 429 with Retry-After", async () => {
    process.env.TESSERA_TRUSTED_PROXIES = "1";
    const headers = { authorization: "Bearer not-a-token", "x-forwarded-for": "10.9.200.1" };
    const statuses: number[] = [];
    for (let i = 0; i < 20; i++) statuses.push((await anon("GET", "/api/v1/tokens", undefined, headers)).status);
    expect(statuses).toEqual(Array(20).fill(401));
    const res = await anon("GET", "/api/v1/tokens", undefined, headers);
    expect(res.status).toBe(429);
    expect(res.body).toEqual(
      problem("rate_limited", /^Too many failed authentication attempts from your address\. Try again in \d+ seconds\.$/),
    );
    expect(Number(res.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(Number(res.headers.get("retry-after"))).toBeLessThanOrEqual(60);
  });

  it("unavailable 503 when the database cannot be reached, saying nothing about internals", async () => {
    const down = Object.assign(new Error("connect ECONNREFUSED 10.0.0.5:5432"), { code: "ECONNREFUSED" });
    vi.spyOn(db.apiToken, "findMany").mockRejectedValue(down);
    vi.spyOn(console, "error").mockImplementation(() => {});
    const res = await admin("GET", "/api/v1/tokens");
    expect(res.body).toEqual(problem("unavailable", "The database cannot be reached. Try again shortly."));
    expect(JSON.stringify(res.body)).not.toContain("10.0.0.5");
  });
});
