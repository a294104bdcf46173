import "server-only";
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { ACCOUNT_DISABLED } from "@/lib/errors";
import { email as emailSchema } from "@/lib/schemas/user";
import { authSecret, secureCookies } from "../config";
import { getDb } from "../db";
import { clientIp } from "../http/client-ip";
import { burnPasswordCheck, verifyPassword } from "./password";
import { sessionClaims } from "./session";
import { requestMeta, SessionEndedError, sessionLogger } from "./session-hooks";
import { endSession, loadSessionPrincipal, SESSION_LIFETIME_SECONDS, startSession } from "./sessions";
import { recordFailedSignIn, recordSuccessfulSignIn } from "./sign-in-limit";

export async function authorizeCredentials(credentials: Record<string, string> | undefined, headers: Headers) {
  const ip = clientIp(headers);
  const parsed = emailSchema.safeParse(credentials?.email ?? "");
  const password = credentials?.password ?? "";
  const email = parsed.success
    ? parsed.data
    : String(credentials?.email ?? "")
        .slice(0, 254)
        .toLowerCase();
  const db = await getDb();
  const user =
    parsed.success && password.length <= 1024 ? await db.user.findUnique({ where: { email }, omit: { passwordHash: false } }) : null;
  let ok = false;
  if (user) ok = await verifyPassword(password, user.passwordHash);
  else await burnPasswordCheck(password);
  if (!user || !ok) {
    recordFailedSignIn(ip, email);
    return null;
  }
  recordSuccessfulSignIn(ip, email);
  if (user.disabledAt) throw new Error(ACCOUNT_DISABLED);
  return { id: String(user.id), email: user.email, name: user.name };
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
