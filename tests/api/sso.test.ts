import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import type { Db } from "@/server/db";
import { useFreshDatabase } from "../helpers/db";
import { makeUser, unique } from "../helpers/fixtures";
import { client, sessionCookieFor, startServer, type TestServer } from "../helpers/http";
import { type Jar, signInAnswer, signOut } from "../helpers/next-auth";
import { oidcEnv, signInWithOidc, startOidcProvider, type TestAccount, type TestProvider } from "../helpers/sso";

// SSO over real HTTP: Tessera's next-auth routes and a real OpenID Connect provider
// (oidc-provider on loopback), on PGlite and, under `npm run test:pg`, PostgreSQL. Who
// gets in (a linked account, a verified email of an existing user, an allowed domain),
// who does not (unknown, unverified, disabled), and what is recorded.

const PASSWORD = "correct horse battery";
const ALLOWED = "sso-allowed.example";

let db: Db;
let server: TestServer;
let provider: TestProvider;
let admin: ReturnType<typeof client>;

/** A provider account; its id (the OIDC `sub`) is unique per test. */
function account(email: string, emailVerified = true): TestAccount {
  const a = { id: unique("sub"), email, password: "provider-password", name: "Sam Provider", emailVerified };
  provider.accounts.push(a);
  return a;
}

beforeAll(async () => {
  db = await useFreshDatabase();
  server = await startServer();
  provider = await startOidcProvider([]);
  admin = client(server, await sessionCookieFor((await makeUser(db, { superAdmin: true })).id));
});
afterAll(async () => {
  await server.close();
  await provider.close();
});
beforeEach(() => {
  for (const [k, v] of Object.entries(oidcEnv(provider))) vi.stubEnv(k, v);
  vi.stubEnv("TESSERA_SSO_ALLOWED_DOMAINS", `other.example, ${ALLOWED}`);
});
afterEach(() => vi.unstubAllEnvs());

const me = async (jar: Jar) => client(server, jar.header())("GET", "/api/v1/me");
const events = (action: string, email: string) =>
  db.auditEvent.findMany({ where: { action, details: { path: ["email"], equals: email } }, orderBy: { id: "asc" } });

describe("who gets in", () => {
  it("links an existing user by verified email on first sign-in, and signs them in as that user", async () => {
    const user = await makeUser(db, { email: `${unique("linked")}@example.com`, password: PASSWORD });
    const sam = account(user.email);
    const { location, jar } = await signInWithOidc(server, sam, { "user-agent": "SsoTest/1.0" });
    expect(location.pathname).toBe("/tokens");
    const res = await me(jar);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ type: "user", id: user.id });

    const identities = await db.ssoIdentity.findMany({ where: { userId: user.id } });
    expect(identities).toMatchObject([{ provider: "oidc", issuer: provider.issuer, providerAccountId: sam.id, email: user.email }]);
    expect(identities[0]!.lastSignInAt).not.toBeNull();
    const [session] = await db.session.findMany({ where: { userId: user.id } });
    expect(session).toMatchObject({ endedAt: null, ip: "127.0.0.1", userAgent: "SsoTest/1.0" });
    expect(session!.expiresAt.getTime() - session!.createdAt.getTime()).toBe(12 * 60 * 60 * 1000);

    expect(await events("user.sso-linked", user.email)).toMatchObject([{ targetId: user.id, details: { provider: "oidc" } }]);
    expect(await events("sign-in.succeeded", user.email)).toMatchObject([
      { actorId: user.id, ip: "127.0.0.1", details: { method: "oidc", email: user.email } },
    ]);
    const listed = await admin("GET", `/api/v1/users/${user.id}`);
    expect(listed.body).toMatchObject({ signInMethods: ["password", "oidc"], lastSignInMethod: "oidc", lastSignInAt: expect.any(String) });
  });

  it("signs a linked account in as its user by the link, even after its email changed at the provider", async () => {
    const user = await makeUser(db, { email: `${unique("moved")}@example.com` });
    const sam = account(user.email);
    expect((await me((await signInWithOidc(server, sam)).jar)).status).toBe(200);
    sam.email = `${unique("renamed")}@elsewhere.example`;
    sam.emailVerified = false;
    const again = await signInWithOidc(server, sam);
    expect((await me(again.jar)).body).toMatchObject({ id: user.id });
    expect(await db.ssoIdentity.count({ where: { userId: user.id } })).toBe(1);
  });

  it("creates a user with no password and no permissions for an allowed domain", async () => {
    const email = `${unique("new")}@${ALLOWED}`;
    const { location, jar } = await signInWithOidc(server, account(email.toUpperCase()));
    expect(location.pathname).toBe("/tokens");
    const created = await db.user.findUniqueOrThrow({ where: { email }, omit: { passwordHash: false } });
    expect(created).toMatchObject({ name: "Sam Provider", superAdmin: false, grants: [], passwordHash: null, lastSignInMethod: "oidc" });
    expect((await me(jar)).body).toMatchObject({ id: created.id, permissions: { superAdmin: false, grants: [] } });
    expect(await events("user.created", email)).toMatchObject([{ actorId: created.id, details: { via: "oidc" } }]);
    expect((await admin("GET", `/api/v1/users/${created.id}`)).body).toMatchObject({ signInMethods: ["oidc"] });

    // With no password, a password sign-in fails exactly like a wrong one.
    expect(await signInAnswer(server, email, PASSWORD)).toBe("CredentialsSignin");
    expect(await events("sign-in.failed", email)).toMatchObject([{ details: { method: "password", reason: "invalid-credentials" } }]);
  });

  it("lets a super admin add a user with no password, who then signs in only through SSO", async () => {
    const email = `${unique("nopass")}@example.com`;
    const created = await admin("POST", "/api/v1/users", { email, name: "No Password" });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ signInMethods: [], lastSignInAt: null });
    expect(await signInAnswer(server, email, PASSWORD)).toBe("CredentialsSignin");
    const { jar } = await signInWithOidc(server, account(email));
    expect((await me(jar)).body).toMatchObject({ id: created.body.id });
  });

  it("does not take a subdomain of an allowed domain for the domain", async () => {
    const email = `${unique("sub")}@eng.${ALLOWED}`;
    const { location } = await signInWithOidc(server, account(email));
    expect(location.pathname).toBe("/login/refused");
    expect(await db.user.count({ where: { email } })).toBe(0);
  });
});

describe("who is refused, with a page that says why and an audit event", () => {
  it("refuses an email that is no user's and not in an allowed domain", async () => {
    const email = `${unique("stranger")}@nowhere.example`;
    const { location, jar } = await signInWithOidc(server, account(email));
    expect(`${location.pathname}${location.search}`).toBe("/login/refused?reason=not-registered&provider=oidc");
    expect(jar.has("next-auth.session-token")).toBe(false);
    expect(await db.user.count({ where: { email } })).toBe(0);
    expect(await events("sign-in.failed", email)).toMatchObject([
      { actorId: null, targetId: null, ip: "127.0.0.1", details: { method: "oidc", reason: "not-registered" } },
    ]);
  });

  it("refuses an email the provider has not verified, even when a user has it, and links nothing", async () => {
    const user = await makeUser(db, { email: `${unique("unverified")}@example.com` });
    const { location, jar } = await signInWithOidc(server, account(user.email, false));
    expect(location.searchParams.get("reason")).toBe("no-verified-email");
    expect(jar.has("next-auth.session-token")).toBe(false);
    expect(await db.ssoIdentity.count({ where: { userId: user.id } })).toBe(0);
    expect(await events("sign-in.failed", user.email)).toMatchObject([{ details: { reason: "no-verified-email" } }]);
  });

  it("refuses an unverified email in an allowed domain too", async () => {
    const email = `${unique("unverified")}@${ALLOWED}`;
    const { location } = await signInWithOidc(server, account(email, false));
    expect(location.searchParams.get("reason")).toBe("no-verified-email");
    expect(await db.user.count({ where: { email } })).toBe(0);
  });

  it("refuses a disabled user, linked or not, and a disabled user's SSO session ends", async () => {
    const user = await makeUser(db, { email: `${unique("disabled")}@example.com` });
    const sam = account(user.email);
    const { jar } = await signInWithOidc(server, sam);
    expect((await me(jar)).status).toBe(200);
    expect((await admin("PATCH", `/api/v1/users/${user.id}`, { disabled: true })).status).toBe(200);
    expect((await me(jar)).status).toBe(401);
    const linked = await signInWithOidc(server, sam);
    expect(linked.location.searchParams.get("reason")).toBe("disabled");
    expect(linked.jar.has("next-auth.session-token")).toBe(false);

    const other = await makeUser(db, { email: `${unique("disabled")}@example.com`, disabled: true });
    const unlinked = await signInWithOidc(server, account(other.email));
    expect(unlinked.location.searchParams.get("reason")).toBe("disabled");
    expect(await db.ssoIdentity.count({ where: { userId: other.id } })).toBe(0);
    expect(await events("sign-in.failed", other.email)).toMatchObject([{ targetId: other.id, details: { reason: "disabled" } }]);
  });

  it("ends an SSO session by sign-out and by sign out everywhere, like a password session", async () => {
    const user = await makeUser(db, { email: `${unique("everywhere")}@example.com` });
    const sam = account(user.email);
    const first = await signInWithOidc(server, sam);
    const copy = first.jar.copy();
    await signOut(server, first.jar);
    expect((await me(copy)).status).toBe(401);
    const second = await signInWithOidc(server, sam);
    expect((await me(second.jar)).status).toBe(200);
    expect((await admin("DELETE", `/api/v1/users/${user.id}/sessions`)).status).toBe(200);
    expect((await me(second.jar)).status).toBe(401);
  });

  it("offers no SSO when the provider is not configured", async () => {
    vi.stubEnv("TESSERA_OIDC_ISSUER", "");
    vi.stubEnv("TESSERA_OIDC_CLIENT_ID", "");
    vi.stubEnv("TESSERA_OIDC_CLIENT_SECRET", "");
    vi.stubEnv("TESSERA_OIDC_NAME", "");
    const res = await fetch(`${server.origin}/api/auth/providers`);
    expect(Object.keys((await res.json()) as object)).toEqual(["credentials"]);
  });
});

describe("password sign-in", () => {
  const errorCode = (email: string, password: string) => signInAnswer(server, email, password);

  it("is audited: successes and failures, with the address and the attempted email, never a password", async () => {
    const user = await makeUser(db, { email: `${unique("audited")}@example.com`, password: PASSWORD });
    expect(await errorCode(user.email, "wrong password!")).toBe("CredentialsSignin");
    expect(await errorCode(user.email, PASSWORD)).toBeNull();
    const failed = await events("sign-in.failed", user.email);
    expect(failed).toMatchObject([
      { actorId: null, targetId: user.id, ip: "127.0.0.1", details: { method: "password", reason: "invalid-credentials" } },
    ]);
    expect(await events("sign-in.succeeded", user.email)).toMatchObject([
      { actorId: user.id, ip: "127.0.0.1", details: { method: "password" } },
    ]);
    expect((await db.user.findUniqueOrThrow({ where: { id: user.id } })).lastSignInMethod).toBe("password");

    const stranger = `${unique("nobody")}@example.com`;
    expect(await errorCode(stranger, PASSWORD)).toBe("CredentialsSignin");
    expect(await events("sign-in.failed", stranger)).toMatchObject([{ targetId: null, details: { reason: "invalid-credentials" } }]);
    // A password typed into the email field is not an email address, and is not recorded.
    const before = await db.auditEvent.count({ where: { action: "sign-in.failed" } });
    expect(await errorCode("Secret-Typed-Here 123", PASSWORD)).toBe("CredentialsSignin");
    const last = await db.auditEvent.findFirstOrThrow({ where: { action: "sign-in.failed" }, orderBy: { id: "desc" } });
    expect(await db.auditEvent.count({ where: { action: "sign-in.failed" } })).toBe(before + 1);
    expect(JSON.stringify(last)).not.toContain("Secret-Typed-Here");
    expect(JSON.stringify(await db.auditEvent.findMany())).not.toContain(PASSWORD);
  });

  it("with TESSERA_PASSWORD_LOGIN=false lets only super admins in, refusing others only after the right password", async () => {
    vi.stubEnv("TESSERA_PASSWORD_LOGIN", "false");
    const user = await makeUser(db, { email: `${unique("nopassword")}@example.com`, password: PASSWORD });
    const boss = await makeUser(db, { email: `${unique("boss")}@example.com`, password: PASSWORD, superAdmin: true });
    expect(await errorCode(user.email, PASSWORD)).toBe("PasswordSignInOff");
    // A wrong password reads as any wrong password: nothing tells who is a super admin.
    expect(await errorCode(user.email, "wrong password!")).toBe("CredentialsSignin");
    expect(await errorCode(boss.email, PASSWORD)).toBeNull();
    expect(await events("sign-in.failed", user.email)).toMatchObject([
      { details: { reason: "password-sign-in-off" } },
      { details: { reason: "invalid-credentials" } },
    ]);
    expect(await db.session.count({ where: { userId: user.id } })).toBe(0);
    // SSO still works for the same person.
    const sso = await signInWithOidc(server, account(user.email));
    expect((await me(sso.jar)).body).toMatchObject({ id: user.id });
  });
});
