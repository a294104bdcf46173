import "server-only";
import type { Account, NextAuthOptions, Profile, User } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { ACCOUNT_DISABLED, PASSWORD_SIGN_IN_OFF, SIGN_IN_RATE_LIMITED, SIGN_IN_UNAVAILABLE } from "@/lib/errors";
import { email as emailSchema } from "@/lib/schemas/user";
import { ssoRefusedPath } from "@/lib/sign-in-path";
import { clientIp } from "../client-ip";
import { authSecret, publicUrl, secureCookies } from "../config";
import { getDb } from "../db";
import { checkPasswordAnonymously } from "./password";
import { sessionClaims } from "./session";
import { requestMeta, SessionEndedError, sessionLogger } from "./session-hooks";
import { endSession, loadSessionPrincipal, SESSION_LIFETIME_SECONDS, type SessionStart, startSession } from "./sessions";
import { PASSWORD_METHOD, recordSignInFailed, type SignInAttempt, type SignInFailure } from "./sign-in-audit";
import { countSignInAttempt, recordSuccessfulSignIn, recordUncheckedSignIn } from "./sign-in-limit";
import { admitSsoSignIn, ssoIdentityOrNull } from "./sso";
import { passwordLoginEnabled, ssoProviders } from "./sso-config";
import { nextAuthProvider, ssoProfileOf } from "./sso-providers";

/** A refused password sign-in is audited; a failure to write that record must not turn the refusal into an error. */
async function refusePassword(attempt: SignInAttempt, reason: SignInFailure): Promise<void> {
  await recordSignInFailed(attempt, reason).catch((error: unknown) => {
    console.error("[tessera] could not record a failed sign-in:", (error as Error)?.message);
  });
}

/**
 * The credentials check. Errors thrown here become next-auth's `?error=` code, so they
 * carry only a code the login page knows, never a message from inside.
 */
export async function authorizeCredentials(credentials: Record<string, string> | undefined, headers: Headers) {
  const ip = clientIp(headers);
  const parsed = emailSchema.safeParse(credentials?.email ?? "");
  const password = credentials?.password ?? "";
  const email = parsed.success
    ? parsed.data
    : String(credentials?.email ?? "")
        .slice(0, 254)
        .toLowerCase();
  // Counted before the password is checked: a database error here refuses the attempt.
  const wait = await countSignInAttempt(ip, email).catch(() => {
    throw new Error(SIGN_IN_UNAVAILABLE);
  });
  // Refused by the limit without a check: not audited, or a flood would write a row per request.
  if (wait > 0) throw new Error(SIGN_IN_RATE_LIMITED);
  let user: Awaited<ReturnType<typeof findUser>>;
  let ok: boolean;
  try {
    user = parsed.success && password.length <= 1024 ? await findUser(email) : null;
    // A user with no password (created by SSO) spends the same time and fails like a wrong password.
    ok = await checkPasswordAnonymously(password, user?.passwordHash ?? null);
  } catch {
    // Not checked (the checks were full, or the database failed): the attempt is given back.
    await recordUncheckedSignIn(ip, email).catch(() => undefined);
    throw new Error(SIGN_IN_UNAVAILABLE);
  }
  const attempt: SignInAttempt = { method: PASSWORD_METHOD, email, userId: user?.id ?? null, ip };
  if (!user || !ok) {
    await refusePassword(attempt, "invalid-credentials");
    return null;
  }
  // The password was right; a counter that cannot be cleared only leaves the limits stricter for a while.
  await recordSuccessfulSignIn(ip, email).catch(() => undefined);
  // Both said only after the right password, so neither tells a guesser anything about an account.
  if (user.disabledAt) {
    await refusePassword(attempt, "disabled");
    throw new Error(ACCOUNT_DISABLED);
  }
  if (!user.superAdmin && !passwordLoginEnabled()) {
    await refusePassword(attempt, "password-sign-in-off");
    throw new Error(PASSWORD_SIGN_IN_OFF);
  }
  return { id: String(user.id), email: user.email, name: user.name };
}

async function findUser(email: string) {
  return (await getDb()).user.findUnique({ where: { email }, omit: { passwordHash: false } });
}

/**
 * An SSO sign-in's verdict (server/auth/sso.ts): true lets next-auth go on to the jwt
 * callback; a refusal sends the browser to a page that says why, instead of next-auth's
 * own error page.
 */
async function admitSso(account: Account, profile: Profile | undefined): Promise<true | string> {
  const provider = ssoProviders().find((p) => p.id === account.provider);
  if (!provider) return publicUrl() + ssoRefusedPath("not-registered", account.provider);
  const decision = await admitSsoSignIn({
    provider: provider.id,
    issuer: provider.issuer,
    providerAccountId: account.providerAccountId,
    profile: ssoProfileOf(provider.id, (profile ?? {}) as Record<string, unknown>),
    ip: (await requestMeta()).ip,
  });
  return decision.ok ? true : publicUrl() + ssoRefusedPath(decision.reason, provider.id);
}

/** Who signed in and how, for the session about to start. */
async function signedIn(user: User, account: Account | null): Promise<{ userId: number } & SessionStart> {
  if (account?.type !== "oauth") return { userId: Number(user.id), method: PASSWORD_METHOD };
  // next-auth's `user` here is the provider's profile; the link admitSso just checked or wrote names the Tessera user.
  const provider = ssoProviders().find((p) => p.id === account.provider);
  const identity = provider ? await ssoIdentityOrNull(provider.issuer, account.providerAccountId) : null;
  if (!identity) throw new Error("The SSO account is no longer linked to a user.");
  return { userId: identity.userId, method: account.provider, identityId: identity.id };
}

export const authOptions: NextAuthOptions = {
  // The cookie's own expiry; the session row's expiresAt (server/auth/sessions.ts) is the one refreshing cannot move.
  session: { strategy: "jwt", maxAge: SESSION_LIFETIME_SECONDS },
  pages: { signIn: "/login", error: "/login" },
  get secret() {
    return authSecret();
  },
  // The same rule server/auth/session.ts reads cookies by, so the two never disagree.
  get useSecureCookies() {
    return secureCookies();
  },
  logger: sessionLogger,
  // Read per request, as next-auth does, from the environment (server/auth/sso-config.ts).
  get providers() {
    return [
      CredentialsProvider({
        name: "Email and password",
        credentials: { email: { label: "Email", type: "email" }, password: { label: "Password", type: "password" } },
        authorize: (credentials, req) => {
          const headers = new Headers();
          for (const [k, v] of Object.entries(req.headers ?? {})) if (typeof v === "string") headers.set(k, v);
          return authorizeCredentials(credentials, headers);
        },
      }),
      ...ssoProviders().map((provider) => nextAuthProvider(provider)),
    ];
  },
  callbacks: {
    signIn: async ({ account, profile }) => (account?.type === "oauth" ? admitSso(account, profile) : true),
    // The JWT carries the user id and a session id only; everything else is read fresh per request.
    jwt: async ({ token, user, account }) => {
      if (user) {
        const { userId, ...start } = await signedIn(user, account);
        const sid = await startSession(userId, await requestMeta(), start);
        return { sub: String(userId), sid, iat: token.iat, exp: token.exp, jti: token.jti };
      }
      // next-auth's own /api/auth/session re-issues the cookie on every call; it must not
      // present a session that ended, expired or whose user was disabled as signed in.
      // Throwing makes it answer `{}` and clear the cookie.
      const claims = sessionClaims(token);
      if (!claims || !(await loadSessionPrincipal(claims.sessionId, claims.userId))) throw new SessionEndedError();
      return token;
    },
  },
  events: {
    signOut: async ({ token }) => {
      const claims = sessionClaims(token);
      if (claims) await endSession(claims.sessionId, (await requestMeta()).ip);
    },
  },
};
