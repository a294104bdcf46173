import "server-only";
import { userName } from "@/lib/schemas/user";
import type { SsoRefusalReason } from "@/lib/sign-in-path";
import { recordEvent } from "../audit/record";
import { getDb, type Tx } from "../db";
import type { Actor } from "./principal";
import { recordSignInFailed, type SignInFailure } from "./sign-in-audit";
import { ssoAllowedDomains } from "./sso-config";
import type { SsoProfile } from "./sso-providers";

// Who may sign in through SSO (docs/decisions.md, "Sign-in and sessions"):
// 1. an account already linked to a user signs in as that user;
// 2. otherwise the provider must vouch for the email: a user with that email gets the
//    account linked and signs in;
// 3. otherwise, when the email's domain is in TESSERA_SSO_ALLOWED_DOMAINS, a new user with
//    no password and no permissions is created, for a super admin to grant;
// 4. everyone else, and any disabled user, is refused, and the refusal is audited.

export type SsoAttempt = {
  /** next-auth's provider id. */
  provider: string;
  /** Who issued providerAccountId (server/auth/sso-config.ts); the link is keyed by both. */
  issuer: string;
  providerAccountId: string;
  profile: SsoProfile;
  ip: string | null;
};

export type SsoRefusal = SsoRefusalReason & SignInFailure;

export type SsoDecision = { ok: true; userId: number; identityId: number } | { ok: false; reason: SsoRefusal };

type UserRow = { id: number; email: string; disabledAt: Date | null };

const USER_FIELDS = { id: true, email: true, disabledAt: true } as const;

const domainOf = (email: string) => email.slice(email.lastIndexOf("@") + 1);

/** A new user's name: the provider's, if it is a valid name, else the email's local part. */
function newUserName(profile: SsoProfile, email: string): string {
  const parsed = userName.safeParse(profile.name?.slice(0, 100) ?? "");
  return parsed.success ? parsed.data : email.slice(0, email.lastIndexOf("@")).slice(0, 100);
}

async function linkIdentity(tx: Tx, user: UserRow, attempt: SsoAttempt, email: string, actor: Actor): Promise<number> {
  const identity = await tx.ssoIdentity.create({
    data: { userId: user.id, provider: attempt.provider, issuer: attempt.issuer, providerAccountId: attempt.providerAccountId, email },
  });
  await recordEvent(tx, {
    action: "user.sso-linked",
    actor,
    target: { type: "user", id: user.id },
    details: { email: user.email, provider: attempt.provider, providerAccountId: attempt.providerAccountId },
  });
  return identity.id;
}

async function createSsoUser(tx: Tx, attempt: SsoAttempt, email: string): Promise<{ userId: number; identityId: number }> {
  const user = await tx.user.create({
    data: { email, name: newUserName(attempt.profile, email), passwordHash: null, superAdmin: false, grants: [] },
    select: USER_FIELDS,
  });
  const actor: Actor = { type: "user", id: user.id, name: email, ip: attempt.ip };
  await recordEvent(tx, {
    action: "user.created",
    actor,
    target: { type: "user", id: user.id },
    details: { email, name: newUserName(attempt.profile, email), permissions: { superAdmin: false, grants: [] }, via: attempt.provider },
  });
  return { userId: user.id, identityId: await linkIdentity(tx, user, attempt, email, actor) };
}

async function decide(tx: Tx, attempt: SsoAttempt, allowedDomains: string[]): Promise<SsoDecision & { userId?: number }> {
  const linked = await tx.ssoIdentity.findUnique({
    where: { issuer_providerAccountId: { issuer: attempt.issuer, providerAccountId: attempt.providerAccountId } },
    select: { id: true, user: { select: USER_FIELDS } },
  });
  if (linked) {
    if (linked.user.disabledAt) return { ok: false, reason: "disabled", userId: linked.user.id };
    return { ok: true, userId: linked.user.id, identityId: linked.id };
  }
  const { email, emailVerified } = attempt.profile;
  if (!email || !emailVerified) return { ok: false, reason: "no-verified-email" };
  const user = await tx.user.findUnique({ where: { email }, select: USER_FIELDS });
  if (user?.disabledAt) return { ok: false, reason: "disabled", userId: user.id };
  if (user) {
    const actor: Actor = { type: "user", id: user.id, name: user.email, ip: attempt.ip };
    return { ok: true, userId: user.id, identityId: await linkIdentity(tx, user, attempt, email, actor) };
  }
  if (!allowedDomains.includes(domainOf(email))) return { ok: false, reason: "not-registered" };
  return { ok: true, ...(await createSsoUser(tx, attempt, email)) };
}

const isUniqueViolation = (error: unknown) => (error as { code?: unknown })?.code === "P2002";

/**
 * Decides an SSO sign-in, linking or creating the user when the rules say so, and audits
 * a refusal. Two first sign-ins of the same person at once (two tabs, two instances)
 * collide on a unique index; the loser decides again and finds what the winner wrote.
 */
export async function admitSsoSignIn(attempt: SsoAttempt, allowedDomains: string[] = ssoAllowedDomains()): Promise<SsoDecision> {
  const db = await getDb();
  for (let tries = 1; ; tries++) {
    try {
      return await db.$transaction(async (tx) => {
        const decision = await decide(tx, attempt, allowedDomains);
        if (decision.ok) return { ok: true, userId: decision.userId, identityId: decision.identityId };
        const failed = { method: attempt.provider, email: attempt.profile.email, userId: decision.userId ?? null, ip: attempt.ip };
        await recordSignInFailed(failed, decision.reason, tx);
        return { ok: false, reason: decision.reason };
      });
    } catch (error) {
      if (tries < 3 && isUniqueViolation(error)) continue;
      throw error;
    }
  }
}

/** The user and identity an SSO account signs in as, once admitSsoSignIn has let it in. */
export async function ssoIdentityOrNull(issuer: string, providerAccountId: string) {
  const db = await getDb();
  return db.ssoIdentity.findUnique({
    where: { issuer_providerAccountId: { issuer, providerAccountId } },
    select: { id: true, userId: true },
  });
}
