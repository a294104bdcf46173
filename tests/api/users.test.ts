import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/server/db";
import { useFreshDatabase } from "../helpers/db";
import { makeUser } from "../helpers/fixtures";
import { client, sessionCookieFor, startServer, type TestServer } from "../helpers/http";

let db: Db;
let server: TestServer;
let admin: ReturnType<typeof client>;
let adminId: number;

beforeAll(async () => {
  db = await useFreshDatabase();
  server = await startServer();
  const user = await makeUser(db, { email: "admin@example.com", name: "Admin", superAdmin: true });
  adminId = user.id;
  admin = client(server, await sessionCookieFor(user.id));
});
afterAll(() => server.close());

const problem = (status: number, code: string, detail?: string | RegExp) =>
  expect.objectContaining({
    type: "about:blank",
    status,
    code,
    ...(detail ? { detail: typeof detail === "string" ? detail : expect.stringMatching(detail) } : {}),
  });

describe("users API", () => {
  it("creates a user, lower-casing the email, and never returns password material", async () => {
    const res = await admin("POST", "/api/v1/users", { email: "  Ada@Example.COM ", name: "Ada", password: "a-long-enough-password" });
    expect(res.status).toBe(201);
    expect(res.body).toEqual({
      id: expect.any(Number),
      email: "ada@example.com",
      name: "Ada",
      superAdmin: false,
      permissions: { superAdmin: false, grants: [] },
      disabled: false,
      signInMethods: ["password"],
      lastSignInAt: null,
      lastSignInMethod: null,
      createdAt: expect.any(String),
      updatedAt: expect.any(String),
    });
    // "password" is named as a sign-in method; nothing of the password itself is there.
    expect(JSON.stringify(res.body)).not.toMatch(/passwordHash|scrypt|a-long-enough-password/i);
    const event = await db.auditEvent.findFirst({ where: { action: "user.created", targetId: res.body.id as number } });
    expect(event?.actorId).toBe(adminId);
    expect(JSON.stringify(event)).not.toContain("a-long-enough-password");
  });

  it("lists with paging and search", async () => {
    for (const n of ["zed", "zoe", "zack"]) await makeUser(db, { email: `${n}@list.example.com`, name: n });
    const res = await admin("GET", "/api/v1/users?q=list.example&pageSize=2&sort=-email");
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ page: 1, pageSize: 2, total: 3 });
    expect((res.body.data as { email: string }[]).map((u) => u.email)).toEqual(["zoe@list.example.com", "zed@list.example.com"]);
    const page2 = await admin("GET", "/api/v1/users?q=LIST.EXAMPLE&pageSize=2&page=2&sort=-email");
    expect((page2.body.data as { email: string }[]).map((u) => u.email)).toEqual(["zack@list.example.com"]);
  });

  const bad: [string, string, string, unknown, number, string, { path: string; message: string }[] | undefined][] = [
    ["malformed JSON", "POST", "/api/v1/users", "{not json", 400, "invalid_json", undefined],
    ["empty body", "POST", "/api/v1/users", "", 400, "invalid_json", undefined],
    [
      "missing fields",
      "POST",
      "/api/v1/users",
      {},
      400,
      "validation_failed",
      [
        { path: "email", message: "is required" },
        { path: "name", message: "is required" },
      ],
    ],
    [
      // Only a user single sign-on can let in may go without one (tests/api/sso.test.ts); none is configured here.
      "no password without single sign-on",
      "POST",
      "/api/v1/users",
      { email: "nopass@example.com", name: "x" },
      400,
      "validation_failed",
      [{ path: "password", message: "is required (single sign-on is not configured)" }],
    ],
    [
      "wrong types",
      "POST",
      "/api/v1/users",
      { email: 5, name: "x", password: "long-enough-pass", superAdmin: "yes" },
      400,
      "validation_failed",
      [
        { path: "email", message: "is required" },
        { path: "superAdmin", message: "must be true or false" },
      ],
    ],
    [
      "email over 254",
      "POST",
      "/api/v1/users",
      { email: `${"a".repeat(250)}@x.io`, name: "x", password: "long-enough-pass" },
      400,
      "validation_failed",
      [{ path: "email", message: "must be at most 254 characters" }],
    ],
    [
      "name over 100",
      "POST",
      "/api/v1/users",
      { email: "n@x.io", name: "n".repeat(101), password: "long-enough-pass" },
      400,
      "validation_failed",
      [{ path: "name", message: "must be at most 100 characters" }],
    ],
    [
      "password over 1024",
      "POST",
      "/api/v1/users",
      { email: "p@x.io", name: "p", password: "p".repeat(1025) },
      400,
      "validation_failed",
      [{ path: "password", message: "must be at most 1024 characters" }],
    ],
    [
      "short password",
      "POST",
      "/api/v1/users",
      { email: "s@x.io", name: "s", password: "short" },
      400,
      "validation_failed",
      [{ path: "password", message: "must be at least 12 characters" }],
    ],
    [
      "unknown field",
      "POST",
      "/api/v1/users",
      { email: "u@x.io", name: "u", password: "long-enough-pass", role: "x" },
      400,
      "validation_failed",
      undefined,
    ],
    [
      "non-integer id",
      "GET",
      "/api/v1/users/abc",
      undefined,
      400,
      "validation_failed",
      [{ path: "id", message: "must be a positive integer" }],
    ],
    [
      "id with decimals",
      "PATCH",
      "/api/v1/users/1.5",
      { name: "x" },
      400,
      "validation_failed",
      [{ path: "id", message: "must be a positive integer" }],
    ],
    ["unknown id", "GET", "/api/v1/users/99999", undefined, 404, "not_found", undefined],
    [
      "pageSize over 100",
      "GET",
      "/api/v1/users?pageSize=101",
      undefined,
      400,
      "validation_failed",
      [{ path: "pageSize", message: "must be at most 100" }],
    ],
    [
      "pageSize not a number",
      "GET",
      "/api/v1/users?pageSize=ten",
      undefined,
      400,
      "validation_failed",
      [{ path: "pageSize", message: "must be a number" }],
    ],
    ["unknown sort", "GET", "/api/v1/users?sort=password", undefined, 400, "validation_failed", undefined],
    ["unknown endpoint", "GET", "/api/v1/nope", undefined, 404, "not_found", undefined],
  ];

  it.each(bad)("%s: %s %s", async (_name, method, path, body, status, code, errors) => {
    const before = await db.user.count();
    const res = await admin(method, path, body);
    expect(res.status).toBe(status);
    expect(res.headers.get("content-type")).toMatch(/^application\/problem\+json/);
    expect(res.body).toEqual(problem(status, code));
    expect(res.body.title).toEqual(expect.any(String));
    expect(res.body.detail).toEqual(expect.any(String));
    if (errors) expect(res.body.errors).toEqual(errors);
    expect(await db.user.count()).toBe(before);
  });

  it("refuses a duplicate email (any case) with 409 and a field path", async () => {
    await makeUser(db, { email: "dup@example.com" });
    const res = await admin("POST", "/api/v1/users", { email: "DUP@example.com", name: "Dup", password: "long-enough-pass" });
    expect(res.status).toBe(409);
    expect(res.body).toEqual(problem(409, "conflict", "A user with the email dup@example.com already exists."));
    expect(res.body.errors).toEqual([{ path: "email", message: "is already used by another user" }]);
  });

  it("disables and enables, resets a password, grants and revokes super admin", async () => {
    const u = await makeUser(db);
    let res = await admin("PATCH", `/api/v1/users/${u.id}`, { disabled: true });
    expect(res.body).toMatchObject({ disabled: true });
    res = await admin("PATCH", `/api/v1/users/${u.id}`, { disabled: false, superAdmin: true, password: "a-new-password-123" });
    expect(res.body).toMatchObject({ disabled: false, superAdmin: true });
    res = await admin("PATCH", `/api/v1/users/${u.id}`, { superAdmin: false });
    expect(res.body).toMatchObject({ superAdmin: false });
    const events = await db.auditEvent.findMany({ where: { targetId: u.id, action: "user.updated" }, orderBy: { id: "asc" } });
    expect(events.map((e) => e.details)).toEqual([
      { email: u.email, changes: { disabled: { from: false, to: true } }, passwordReset: false },
      {
        email: u.email,
        changes: {
          disabled: { from: true, to: false },
          permissions: { from: { superAdmin: false, grants: [] }, to: { superAdmin: true } },
        },
        passwordReset: true,
      },
      {
        email: u.email,
        changes: { permissions: { from: { superAdmin: true }, to: { superAdmin: false, grants: [] } } },
        passwordReset: false,
      },
    ]);
  });

  it("never disables, demotes or deletes the last active super admin", async () => {
    // Every other super admin is made ordinary first, so `admin` is the last one.
    await db.user.updateMany({ where: { superAdmin: true, id: { not: adminId } }, data: { superAdmin: false } });
    for (const body of [{ disabled: true }, { superAdmin: false }]) {
      const res = await admin("PATCH", `/api/v1/users/${adminId}`, body);
      expect(res.status).toBe(409);
      expect(res.body.detail).toMatch(/last active super admin/);
    }
    const other = await makeUser(db, { superAdmin: true });
    const otherClient = client(server, await sessionCookieFor(other.id));
    await otherClient("PATCH", `/api/v1/users/${other.id}`, { disabled: true }).then((r) => expect(r.status).toBe(200));
    const res = await admin("DELETE", `/api/v1/users/${adminId}`);
    expect(res.status).toBe(409);
    expect((await db.user.findUnique({ where: { id: adminId } }))?.superAdmin).toBe(true);
  });

  it("deletes a user and answers 404 afterwards", async () => {
    const u = await makeUser(db);
    expect((await admin("DELETE", `/api/v1/users/${u.id}`)).status).toBe(204);
    expect((await admin("GET", `/api/v1/users/${u.id}`)).status).toBe(404);
  });
});

describe("who may call it", () => {
  it("refuses without a session (401) and for a non-super-admin (403)", async () => {
    const anon = client(server);
    const res = await anon("GET", "/api/v1/users");
    expect(res.status).toBe(401);
    expect(res.body).toEqual(problem(401, "unauthorized"));
    const plain = await makeUser(db);
    const asPlain = client(server, await sessionCookieFor(plain.id));
    const forbidden = await asPlain("GET", "/api/v1/users");
    expect(forbidden.body).toEqual(problem(403, "forbidden", "Only super admins can manage this."));
  });

  it("takes a disabled user's or demoted admin's session away on the next request", async () => {
    const u = await makeUser(db, { superAdmin: true });
    const asU = client(server, await sessionCookieFor(u.id));
    expect((await asU("GET", "/api/v1/users")).status).toBe(200);
    await db.user.update({ where: { id: u.id }, data: { superAdmin: false } });
    expect((await asU("GET", "/api/v1/users")).status).toBe(403);
    await db.user.update({ where: { id: u.id }, data: { disabledAt: new Date() } });
    expect((await asU("GET", "/api/v1/users")).status).toBe(401);
  });

  it("refuses a forged session cookie", async () => {
    const forged = client(server, "next-auth.session-token=eyJhbGciOiJkaXIiLCJlbmMiOiJBMjU2R0NNIn0..forged.forged.forged");
    expect((await forged("GET", "/api/v1/users")).status).toBe(401);
  });

  it.each([
    ["a foreign Origin", { origin: "https://evil.example" }],
    ["Sec-Fetch-Site: cross-site", { "sec-fetch-site": "cross-site" }],
    ["Sec-Fetch-Site: same-site", { "sec-fetch-site": "same-site" }],
    ["no Origin at all", { origin: "" }],
  ])("refuses an unsafe cookie request from %s with 403 and changes nothing", async (_name, headers) => {
    const cookie = await sessionCookieFor(adminId);
    const before = await db.user.count();
    const h: Record<string, string> = { cookie, "content-type": "application/json", ...headers };
    if (!h.origin) delete h.origin;
    const res = await fetch(`${server.origin}/api/v1/users`, {
      method: "POST",
      headers: h,
      body: JSON.stringify({ email: "csrf@example.com", name: "C", password: "long-enough-pass" }),
    });
    expect(res.status).toBe(403);
    expect(await res.json()).toEqual(problem(403, "forbidden"));
    expect(await db.user.count()).toBe(before);
  });

  it("accepts the same request from the same origin", async () => {
    const res = await admin(
      "POST",
      "/api/v1/users",
      { email: "same-origin@example.com", name: "S", password: "long-enough-pass" },
      { "sec-fetch-site": "same-origin" },
    );
    expect(res.status).toBe(201);
  });
});
