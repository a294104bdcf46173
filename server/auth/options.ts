import "server-only";
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { ACCOUNT_DISABLED, SIGN_IN_RATE_LIMITED, SIGN_IN_UNAVAILABLE } from "@/lib/errors";
import { email as emailSchema } from "@/lib/schemas/user";
import { clientIp } from "../client-ip";
import { authSecret, secureCookies } from "../config";
import { getDb } from "../db";
import { checkPasswordAnonymously } from "./password";
import { sessionClaims } from "./session";
import { requestMeta, SessionEndedError, sessionLogger } from "./session-hooks";
import { endSession, loadSessionPrincipal, SESSION_LIFETIME_SECONDS, startSession } from "./sessions";
import { countSignInAttempt, recordSuccessfulSignIn, recordUncheckedSignIn } from "./sign-in-limit";

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
  if (wait > 0) throw new Error(SIGN_IN_RATE_LIMITED);
  let user: Awaited<ReturnType<typeof findUser>>;
  let ok: boolean;
  try {
    user = parsed.success && password.length <= 1024 ? await findUser(email) : null;
    ok = await checkPasswordAnonymously(password, user?.passwordHash ?? null);
  } catch {
    // Not checked (the checks were full, or the database failed): the attempt is given back.
    await recordUncheckedSignIn(ip, email).catch(() => undefined);
    throw new Error(SIGN_IN_UNAVAILABLE);
  }
  if (!user || !ok) return null;
  // The password was right; a counter that cannot be cleared only leaves the limits stricter for a while.
  await recordSuccessfulSignIn(ip, email).catch(() => undefined);
  if (user.disabledAt) throw new Error(ACCOUNT_DISABLED);
  return { id: String(user.id), email: user.email, name: user.name };
}

async function findUser(email: string) {
  return (await getDb()).user.findUnique({ where: { email }, omit: { passwordHash: false } });
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
  providers: [
    CredentialsProvider({
      name: "Email and password",
      credentials: { email: { label: "Email", type: "email" }, password: { label: "Password", type: "password" } },
      authorize: (credentials, req) => {
        const headers = new Headers();
        for (const [k, v] of Object.entries(req.headers ?? {})) if (typeof v === "string") headers.set(k, v);
        return authorizeCredentials(credentials, headers);
      },
    }),
  ],
  callbacks: {
    // The JWT carries the user id and a session id only; everything else is read fresh per request.
    jwt: async ({ token, user }) => {
      if (user) {
        const sid = await startSession(Number(user.id), await requestMeta());
        return { sub: user.id, sid, iat: token.iat, exp: token.exp, jti: token.jti };
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
