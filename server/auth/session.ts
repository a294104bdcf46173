import "server-only";
import { decode, type JWT } from "next-auth/jwt";
import { authSecret, secureCookies } from "../config";
import type { Principal } from "./principal";
import { loadSessionPrincipal } from "./sessions";

// The session cookie is a next-auth JWT naming a user and a session row
// (server/auth/sessions.ts). Who that user is right now (enabled? super admin?) and
// whether the session still lives are read from the database on every request, in one
// query, so disabling someone, demoting them or ending their sessions takes effect on
// their next click.

/** The cookie next-auth sets: the `__Secure-` one when the dashboard is served over https, and only that one. */
function sessionCookieName(secure: boolean = secureCookies()): string {
  return `${secure ? "__Secure-" : ""}next-auth.session-token`;
}

/**
 * Cookies of a request. Any site on the same host can set a cookie, so one that is not
 * valid percent-encoding (`x=%`) is skipped rather than failing the request.
 */
function parseCookies(header: string | null): Map<string, string> {
  const cookies = new Map<string, string>();
  for (const part of (header ?? "").split(";")) {
    const eq = part.indexOf("=");
    if (eq <= 0) continue;
    try {
      cookies.set(part.slice(0, eq).trim(), decodeURIComponent(part.slice(eq + 1).trim()));
    } catch {
      // malformed: not ours to read
    }
  }
  return cookies;
}

/** The session cookie's value, joining next-auth's chunks (`name.0`, `name.1`, …) if it was split. */
function sessionCookie(header: string | null, name: string = sessionCookieName()): string | null {
  const cookies = parseCookies(header);
  const whole = cookies.get(name);
  if (whole) return whole;
  const chunks: string[] = [];
  for (let i = 0; cookies.has(`${name}.${i}`); i++) chunks.push(cookies.get(`${name}.${i}`)!);
  return chunks.length ? chunks.join("") : null;
}

export type SessionClaims = { userId: number; sessionId: string };

/** The user and session a JWT names, or null for anything else (including cookies from before sessions had ids). */
export function sessionClaims(jwt: JWT | null): SessionClaims | null {
  const userId = Number(jwt?.sub);
  const sessionId = jwt?.sid;
  if (!Number.isInteger(userId) || userId <= 0 || typeof sessionId !== "string" || !sessionId) return null;
  return { userId, sessionId };
}

async function sessionClaimsFromToken(token: string): Promise<SessionClaims | null> {
  try {
    return sessionClaims(await decode({ token, secret: authSecret() }));
  } catch {
    return null;
  }
}

export async function principalFromCookie(cookieHeader: string | null): Promise<Principal | null> {
  const token = sessionCookie(cookieHeader);
  if (!token) return null;
  const claims = await sessionClaimsFromToken(token);
  return claims ? loadSessionPrincipal(claims.sessionId, claims.userId) : null;
}
