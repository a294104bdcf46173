import { beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/server/db";
import { useFreshDatabase } from "@/tests/helpers/db";
import { makeUser, unique } from "@/tests/helpers/fixtures";
import { admitSsoSignIn, type SsoAttempt } from "./sso";

// The linking and allow-list rules, straight against the service on PGlite and (under
// `npm run test:pg`) PostgreSQL, where first sign-ins that arrive together really race.
// tests/api/sso.test.ts drives the same rules through next-auth and a real provider.

const ALLOWED = ["corp.example"];
let db: Db;

beforeAll(async () => {
  db = await useFreshDatabase();
});

function attempt(email: string | null, options: Partial<SsoAttempt> & { verified?: boolean } = {}): SsoAttempt {
  const provider = options.provider ?? "github";
  return {
    provider,
    issuer: options.issuer ?? `https://${provider}.example`,
    providerAccountId: options.providerAccountId ?? unique("gh"),
    profile: { email, emailVerified: options.verified ?? true, name: "Pat Example" },
    ip: "198.51.100.7",
  };
}

describe("linking", () => {
  it("links a verified email to its user once; the link then decides, whatever the email", async () => {
    const user = await makeUser(db, { email: `${unique("pat")}@example.com` });
    const first = attempt(user.email);
    expect(await admitSsoSignIn(first, ALLOWED)).toMatchObject({ ok: true, userId: user.id });
    const later = { ...first, profile: { email: "someone-else@example.org", emailVerified: false, name: null } };
    expect(await admitSsoSignIn(later, ALLOWED)).toMatchObject({ ok: true, userId: user.id });
    expect(await db.ssoIdentity.count({ where: { userId: user.id } })).toBe(1);
    expect(await db.auditEvent.count({ where: { action: "user.sso-linked", targetId: user.id } })).toBe(1);
  });

  it("keys a link by its issuer too: a new OIDC issuer's account with an old link's sub is not that link", async () => {
    const user = await makeUser(db, { email: `${unique("issuer")}@example.com` });
    const sub = unique("sub");
    const okta = attempt(user.email, { provider: "oidc", issuer: "https://okta.example", providerAccountId: sub });
    expect(await admitSsoSignIn(okta, ALLOWED)).toMatchObject({ ok: true, userId: user.id });
    const keycloak = {
      ...attempt("mallory@evil.example", { provider: "oidc", issuer: "https://keycloak.example", providerAccountId: sub }),
    };
    expect(await admitSsoSignIn(keycloak, ALLOWED)).toEqual({ ok: false, reason: "not-registered" });
    expect(await db.ssoIdentity.count({ where: { userId: user.id } })).toBe(1);
  });

  it("keeps accounts of different providers, and a second account of one provider, apart but linked to the same user", async () => {
    const user = await makeUser(db, { email: `${unique("multi")}@example.com` });
    for (const a of [
      attempt(user.email, { provider: "github" }),
      attempt(user.email, { provider: "google" }),
      attempt(user.email, { provider: "github" }),
    ]) {
      expect(await admitSsoSignIn(a, ALLOWED)).toMatchObject({ ok: true, userId: user.id });
    }
    expect(await db.ssoIdentity.count({ where: { userId: user.id } })).toBe(3);
  });

  it("refuses a missing or unverified email before looking for a user", async () => {
    const user = await makeUser(db, { email: `${unique("unverified")}@corp.example` });
    expect(await admitSsoSignIn(attempt(null), ALLOWED)).toEqual({ ok: false, reason: "no-verified-email" });
    expect(await admitSsoSignIn(attempt(user.email, { verified: false }), ALLOWED)).toEqual({ ok: false, reason: "no-verified-email" });
    expect(await db.ssoIdentity.count({ where: { userId: user.id } })).toBe(0);
  });

  it("refuses a disabled user, and audits it with the user as target", async () => {
    const user = await makeUser(db, { email: `${unique("off")}@corp.example`, disabled: true });
    expect(await admitSsoSignIn(attempt(user.email), ALLOWED)).toEqual({ ok: false, reason: "disabled" });
    const event = await db.auditEvent.findFirstOrThrow({ where: { action: "sign-in.failed", targetId: user.id } });
    expect(event).toMatchObject({
      actorId: null,
      actorName: user.email,
      ip: "198.51.100.7",
      details: { method: "github", reason: "disabled" },
    });
  });
});

describe("the allow-list", () => {
  it("creates a user only for an exact allowed domain", async () => {
    const local = unique("new");
    expect(await admitSsoSignIn(attempt(`${local}@corp.example`), ALLOWED)).toMatchObject({ ok: true });
    expect(await admitSsoSignIn(attempt(`${local}@eng.corp.example`), ALLOWED)).toEqual({ ok: false, reason: "not-registered" });
    expect(await admitSsoSignIn(attempt(`${local}@corp.example.evil`), ALLOWED)).toEqual({ ok: false, reason: "not-registered" });
    expect(await admitSsoSignIn(attempt(`${unique("new")}@corp.example`), [])).toEqual({ ok: false, reason: "not-registered" });
    const created = await db.user.findUniqueOrThrow({ where: { email: `${local}@corp.example` }, omit: { passwordHash: false } });
    expect(created).toMatchObject({ name: "Pat Example", superAdmin: false, grants: [], passwordHash: null, disabledAt: null });
  });

  it("names a new user after the email when the provider gives no usable name", async () => {
    const email = `${unique("nameless")}@corp.example`;
    const a = attempt(email);
    a.profile.name = "   ";
    expect(await admitSsoSignIn(a, ALLOWED)).toMatchObject({ ok: true });
    expect((await db.user.findUniqueOrThrow({ where: { email } })).name).toBe(email.split("@")[0]);
  });

  it("creates one user when the same person's first sign-ins arrive together", async () => {
    const email = `${unique("race")}@corp.example`;
    const same = attempt(email);
    const others = Array.from({ length: 3 }, () => attempt(email));
    const results = await Promise.all([same, same, ...others].map((a) => admitSsoSignIn(a, ALLOWED)));
    const user = await db.user.findUniqueOrThrow({ where: { email } });
    expect(results.every((r) => r.ok && r.userId === user.id)).toBe(true);
    expect(await db.ssoIdentity.count({ where: { userId: user.id } })).toBe(4);
    expect(await db.auditEvent.count({ where: { action: "user.created", targetId: user.id } })).toBe(1);
  });
});
