import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import type { Db } from "@/server/db";
import { useFreshDatabase } from "../helpers/db";
import { makeUser, unique } from "../helpers/fixtures";
import { client, sessionCookieFor, startServer, type TestServer } from "../helpers/http";
import { Jar, readSession, signIn, signOut } from "../helpers/next-auth";

// Dashboard sessions over real HTTP, through next-auth's own routes and the API: every
// way a session ends, ends it for good, and a session cannot outlive 12 hours.

const PASSWORD = "correct horse battery";
const HOUR = 60 * 60 * 1000;

let db: Db;
let server: TestServer;
let admin: ReturnType<typeof client>;
let adminId: number;

beforeAll(async () => {
  db = await useFreshDatabase();
  server = await startServer();
  adminId = (await makeUser(db, { superAdmin: true })).id;
  admin = client(server, await sessionCookieFor(adminId));
});
afterAll(() => server.close());
afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllEnvs();
});

async function newUser(superAdmin = false) {
  const email = `${unique("session")}@example.com`;
  const user = await makeUser(db, { email, password: PASSWORD, superAdmin });
  return { id: user.id, email };
}

/** What the API answers for a cookie: GET /api/v1/me's status. */
const apiStatus = async (jar: Jar) => (await client(server, jar.header())("GET", "/api/v1/me")).status;

/** Whether next-auth's own session endpoint calls this cookie signed in (it answers `{}` when not). */
const signedIn = async (jar: Jar) => Object.keys((await readSession(server, jar.copy())).body).length > 0;

const endedEvents = (userId: number) =>
  db.auditEvent.findMany({ where: { action: "session.ended", targetId: userId }, orderBy: { id: "asc" } });

describe("signing in", () => {
  it("gives a cookie that names a new session row, which the API and /api/auth/session both accept", async () => {
    const user = await newUser();
    const jar = await signIn(server, user.email, PASSWORD, { "user-agent": "SessionTest/1.0", "x-forwarded-for": "203.0.113.9" });
    expect(jar.has("next-auth.session-token")).toBe(true);
    expect(await apiStatus(jar)).toBe(200);
    expect(await signedIn(jar)).toBe(true);
    const [row] = await db.session.findMany({ where: { userId: user.id } });
    expect(row).toMatchObject({ endedAt: null, userAgent: "SessionTest/1.0", ip: "127.0.0.1" });
    expect(row!.expiresAt.getTime() - row!.createdAt.getTime()).toBe(12 * HOUR);
  });

  it("refuses a cookie from before sessions had ids (a JWT naming only the user)", async () => {
    const { encode } = await import("next-auth/jwt");
    const user = await newUser(true);
    const old = await encode({ token: { sub: String(user.id) }, secret: process.env.NEXTAUTH_SECRET! });
    const jar = new Jar(`next-auth.session-token=${old}`);
    expect(await apiStatus(jar)).toBe(401);
    expect(await signedIn(jar)).toBe(false);
  });
});

describe("signing out", () => {
  it("makes a cookie copied before sign-out useless, on the API and on /api/auth/session, and leaves other sessions alone", async () => {
    const user = await newUser();
    const jar = await signIn(server, user.email, PASSWORD);
    const other = await signIn(server, user.email, PASSWORD);
    const copied = jar.copy();
    await signOut(server, jar);
    expect(jar.has("next-auth.session-token")).toBe(false);
    expect(await apiStatus(copied)).toBe(401);
    expect(await signedIn(copied)).toBe(false);
    expect(await apiStatus(other)).toBe(200);
    const events = await endedEvents(user.id);
    expect(events.map((e) => [e.details, e.actorId])).toEqual([[{ email: user.email, reason: "signed-out", ended: 1 }, user.id]]);
  });
});

describe("password changes", () => {
  it("a super admin changing their own password keeps the session they did it from; their others end", async () => {
    const me = await newUser(true);
    const here = await signIn(server, me.email, PASSWORD);
    const elsewhere = await signIn(server, me.email, PASSWORD);
    const res = await client(server, here.header())("PATCH", `/api/v1/users/${me.id}`, { password: "a brand new password" });
    expect(res.status).toBe(200);
    expect(await apiStatus(here)).toBe(200);
    expect(await signedIn(here)).toBe(true);
    expect(await apiStatus(elsewhere)).toBe(401);
    expect(await signedIn(elsewhere)).toBe(false);
    expect((await endedEvents(me.id)).map((e) => e.details)).toEqual([{ email: me.email, reason: "password-changed", ended: 1 }]);
  });

  it("an admin's reset ends every session of that user, and no one else's", async () => {
    const user = await newUser();
    const bystander = await newUser();
    const a = await signIn(server, user.email, PASSWORD);
    const b = await signIn(server, user.email, PASSWORD);
    const c = await signIn(server, bystander.email, PASSWORD);
    expect((await admin("PATCH", `/api/v1/users/${user.id}`, { password: "reset by the admin" })).status).toBe(200);
    for (const jar of [a, b]) {
      expect(await apiStatus(jar)).toBe(401);
      expect(await signedIn(jar)).toBe(false);
    }
    expect(await apiStatus(c)).toBe(200);
    expect((await admin("GET", "/api/v1/me")).status).toBe(200);
    const [event] = await endedEvents(user.id);
    expect(event).toMatchObject({ actorId: adminId, details: { email: user.email, reason: "password-reset", ended: 2 } });
    // The new password signs in afresh.
    expect(await apiStatus(await signIn(server, user.email, "reset by the admin"))).toBe(200);
  });
});

describe("disabling", () => {
  it("ends the user's sessions for good: re-enabling does not revive a cookie, signing in again works", async () => {
    const user = await newUser();
    const jar = await signIn(server, user.email, PASSWORD);
    const copied = jar.copy();
    expect((await admin("PATCH", `/api/v1/users/${user.id}`, { disabled: true })).status).toBe(200);
    expect(await apiStatus(copied)).toBe(401);
    expect((await admin("PATCH", `/api/v1/users/${user.id}`, { disabled: false })).status).toBe(200);
    expect(await apiStatus(copied)).toBe(401);
    expect(await signedIn(copied)).toBe(false);
    expect((await endedEvents(user.id)).map((e) => e.details)).toEqual([{ email: user.email, reason: "disabled", ended: 1 }]);
    expect(await apiStatus(await signIn(server, user.email, PASSWORD))).toBe(200);
  });
});

describe("sign out everywhere", () => {
  it("DELETE /api/v1/me/sessions ends all of the caller's sessions, this one included, and only theirs", async () => {
    const user = await newUser();
    const bystander = await newUser();
    const here = await signIn(server, user.email, PASSWORD);
    const there = await signIn(server, user.email, PASSWORD);
    const theirs = await signIn(server, bystander.email, PASSWORD);
    const res = await client(server, here.header())("DELETE", "/api/v1/me/sessions");
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ ended: 2 });
    for (const jar of [here, there]) {
      expect(await apiStatus(jar)).toBe(401);
      expect(await signedIn(jar)).toBe(false);
    }
    expect(await apiStatus(theirs)).toBe(200);
    const [event] = await endedEvents(user.id);
    expect(event).toMatchObject({ actorId: user.id, details: { email: user.email, reason: "signed-out-everywhere", ended: 2 } });
  });

  it("DELETE /api/v1/users/{id}/sessions lets a super admin end another user's sessions, and only theirs", async () => {
    const user = await newUser();
    const bystander = await newUser();
    const a = await signIn(server, user.email, PASSWORD);
    const b = await signIn(server, user.email, PASSWORD);
    const theirs = await signIn(server, bystander.email, PASSWORD);
    const res = await admin("DELETE", `/api/v1/users/${user.id}/sessions`);
    expect(res).toMatchObject({ status: 200, body: { ended: 2 } });
    expect(await apiStatus(a)).toBe(401);
    expect(await apiStatus(b)).toBe(401);
    expect(await apiStatus(theirs)).toBe(200);
    expect((await admin("GET", "/api/v1/me")).status).toBe(200);
    expect(await endedEvents(user.id)).toEqual([
      expect.objectContaining({ actorId: adminId, details: { email: user.email, reason: "signed-out-everywhere", ended: 2 } }),
    ]);
    // Asked again, nothing is left to end; the request is still on the record.
    expect((await admin("DELETE", `/api/v1/users/${user.id}/sessions`)).body).toEqual({ ended: 0 });
    expect(await endedEvents(user.id)).toHaveLength(2);
  });

  it("works with a super-admin token; a token has no sessions of its own to end", async () => {
    const created = await admin("POST", "/api/v1/tokens", { name: unique("sessions").toLowerCase(), permissions: { superAdmin: true } });
    const bearer = { authorization: `Bearer ${created.body.secret as string}` };
    const user = await newUser();
    const jar = await signIn(server, user.email, PASSWORD);
    const anon = client(server);
    expect(await anon("DELETE", `/api/v1/users/${user.id}/sessions`, undefined, bearer)).toMatchObject({ status: 200, body: { ended: 1 } });
    expect(await apiStatus(jar)).toBe(401);
    const own = await anon("DELETE", "/api/v1/me/sessions", undefined, bearer);
    expect(own).toMatchObject({ status: 403, body: { code: "forbidden" } });
    expect(own.body.detail).toMatch(/API tokens have no sessions/);
  });

  it("answers 401 without credentials, 403 to a non-admin, 404 for an unknown user, 400 for a bad id", async () => {
    const user = await newUser();
    const plain = client(server, (await signIn(server, user.email, PASSWORD)).header());
    expect((await client(server)("DELETE", "/api/v1/me/sessions")).status).toBe(401);
    expect((await client(server)("DELETE", `/api/v1/users/${user.id}/sessions`)).status).toBe(401);
    expect((await plain("DELETE", `/api/v1/users/${adminId}/sessions`)).body).toMatchObject({ status: 403, code: "forbidden" });
    expect((await admin("DELETE", "/api/v1/users/999999/sessions")).body).toMatchObject({ status: 404, code: "not_found" });
    expect((await admin("DELETE", "/api/v1/users/abc/sessions")).body).toMatchObject({ status: 400 });
    expect((await admin("GET", "/api/v1/me")).status).toBe(200);
    expect((await plain("GET", "/api/v1/me")).status).toBe(200);
  });

  it("refuses a cookie-authenticated request from another site, ending nothing", async () => {
    const user = await newUser();
    const jar = await signIn(server, user.email, PASSWORD);
    const res = await fetch(`${server.origin}/api/v1/me/sessions`, {
      method: "DELETE",
      headers: { cookie: jar.header(), origin: "https://evil.example" },
    });
    expect(res.status).toBe(403);
    expect(await apiStatus(jar)).toBe(200);
  });
});

describe("the 12-hour lifetime", () => {
  it("refuses a session past 12 hours however often it was refreshed", async () => {
    const start = new Date("2031-03-01T08:00:00Z");
    vi.useFakeTimers({ toFake: ["Date"], now: start });
    const user = await newUser();
    const jar = await signIn(server, user.email, PASSWORD);
    // next-auth re-issues the cookie with a fresh 12-hour expiry on every poll.
    for (let t = 1; t <= 23; t++) {
      vi.setSystemTime(start.getTime() + t * 30 * 60 * 1000);
      expect((await readSession(server, jar)).body).toHaveProperty("expires");
    }
    vi.setSystemTime(start.getTime() + 12 * HOUR - 60_000);
    expect(await signedIn(jar)).toBe(true);
    expect(await apiStatus(jar)).toBe(200);
    const refreshed = jar.copy();
    vi.setSystemTime(start.getTime() + 12 * HOUR + 1);
    expect(await apiStatus(jar)).toBe(401);
    expect(await apiStatus(refreshed)).toBe(401);
    const answer = await readSession(server, jar);
    expect(answer).toEqual({ status: 200, body: {} });
    expect(jar.has("next-auth.session-token")).toBe(false);
  });
});

describe("malformed cookies", () => {
  it.each([
    ["a stray `x=%` next to the session", (session: string) => `x=%; ${session}; y=%E0%A4%A`],
    ["a stray cookie after the session", (session: string) => `${session}; broken=%zz`],
  ])("are ignored: %s", async (_name, header) => {
    const user = await newUser(true);
    const session = (await signIn(server, user.email, PASSWORD)).header();
    const res = await client(server, header(session))("GET", "/api/v1/users");
    expect(res.status).toBe(200);
    const write = await client(server, header(session))("POST", "/api/v1/projects", { name: unique("cookie").toLowerCase() });
    expect(write.status).toBe(201);
  });

  it.each([
    ["x=%"],
    ["next-auth.session-token=%"],
    ["next-auth.session-token=not-a-jwt"],
    ["next-auth.session-token.0=%; next-auth.session-token.1=abc"],
  ])("alone, `%s` is simply no session: 401, never 500", async (cookie) => {
    const res = await client(server, cookie)("GET", "/api/v1/me");
    expect(res.status).toBe(401);
    expect(res.body).toMatchObject({ code: "unauthorized" });
    expect((await client(server, cookie)("GET", "/api/v1/projects", undefined, {})).status).toBe(401);
    expect(await signedIn(new Jar(cookie))).toBe(false);
  });

  it("do not get in the way of a token", async () => {
    const created = await admin("POST", "/api/v1/tokens", { name: unique("stray").toLowerCase(), permissions: { superAdmin: true } });
    const res = await client(server, "x=%")("GET", "/api/v1/me", undefined, { authorization: `Bearer ${created.body.secret as string}` });
    expect(res).toMatchObject({ status: 200, body: { type: "token" } });
  });
});

describe("cookie names", () => {
  it("with an https NEXTAUTH_URL, only the __Secure- cookie (whole or in chunks) authenticates", async () => {
    vi.stubEnv("NEXTAUTH_URL", "https://tessera.example.com");
    const user = await newUser();
    const jar = await signIn(server, user.email, PASSWORD);
    expect(jar.has("__Secure-next-auth.session-token")).toBe(true);
    expect(jar.has("next-auth.session-token")).toBe(false);
    expect(await apiStatus(jar)).toBe(200);
    expect(await signedIn(jar)).toBe(true);
    const value = jar.header().match(/__Secure-next-auth\.session-token=([^;]+)/)![1]!;
    expect(await apiStatus(new Jar(`next-auth.session-token=${value}`))).toBe(401);
    const half = Math.ceil(value.length / 2);
    const chunks = `__Secure-next-auth.session-token.0=${value.slice(0, half)}; __Secure-next-auth.session-token.1=${value.slice(half)}`;
    expect(await apiStatus(new Jar(chunks))).toBe(200);
    expect(await apiStatus(new Jar(chunks.replaceAll("__Secure-", "")))).toBe(401);
  });

  it("the Set-Cookie of an https sign-in is Secure", async () => {
    vi.stubEnv("NEXTAUTH_URL", "https://tessera.example.com");
    const user = await newUser();
    const jar = new Jar();
    const csrf = await fetch(`${server.origin}/api/auth/csrf`);
    jar.take(csrf);
    const res = await fetch(`${server.origin}/api/auth/callback/credentials`, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded", cookie: jar.header() },
      body: new URLSearchParams({
        email: user.email,
        password: PASSWORD,
        csrfToken: ((await csrf.json()) as { csrfToken: string }).csrfToken,
        json: "true",
      }),
    });
    const line = res.headers.getSetCookie().find((c) => c.startsWith("__Secure-next-auth.session-token="));
    expect(line).toMatch(/; Secure/i);
    expect(line).toMatch(/; HttpOnly/i);
  });

  it("with an http NEXTAUTH_URL, a __Secure- cookie is not read (next-auth never sets one there)", async () => {
    const user = await newUser();
    const value = (await signIn(server, user.email, PASSWORD)).header().match(/next-auth\.session-token=([^;]+)/)![1]!;
    expect(await apiStatus(new Jar(`next-auth.session-token=${value}`))).toBe(200);
    expect(await apiStatus(new Jar(`__Secure-next-auth.session-token=${value}`))).toBe(401);
  });
});
