import "server-only";
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { ACCOUNT_DISABLED } from "@/lib/errors";
import { email as emailSchema } from "@/lib/schemas/user";
import { authSecret } from "../config";
import { getDb } from "../db";
import { clientIp } from "../http/client-ip";
import { burnPasswordCheck, verifyPassword } from "./password";
import { recordFailedSignIn, recordSuccessfulSignIn } from "./sign-in-limit";

export const SESSION_MAX_AGE_SECONDS = 12 * 60 * 60;

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
  session: { strategy: "jwt", maxAge: SESSION_MAX_AGE_SECONDS },
  pages: { signIn: "/login", error: "/login" },
  get secret() {
    return authSecret();
  },
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
    // The JWT carries the user id only; everything else is read fresh per request.
    jwt: ({ token, user }) => (user ? { sub: user.id, iat: token.iat, exp: token.exp, jti: token.jti } : token),
  },
};
