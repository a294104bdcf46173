import "server-only";
import { decode } from "next-auth/jwt";
import { authSecret } from "../config";
import { getDb } from "../db";
import { type Principal, permissionsFrom } from "./principal";

// Sessions are JWTs that only name a user id; who that user is right now (enabled?
// super admin?) is read from the database on every request, so disabling someone or
// demoting them takes effect on their next click.

const COOKIE_NAMES = ["__Secure-next-auth.session-token", "next-auth.session-token"];

function parseCookies(header: string | null): Map<string, string> {
  const cookies = new Map<string, string>();
  for (const part of (header ?? "").split(";")) {
    const eq = part.indexOf("=");
    if (eq > 0) cookies.set(part.slice(0, eq).trim(), decodeURIComponent(part.slice(eq + 1).trim()));
  }
  return cookies;
}

/** The session cookie's value, joining next-auth's chunks (`name.0`, `name.1`, …) if it was split. */
export function sessionCookie(header: string | null): string | null {
  const cookies = parseCookies(header);
  for (const name of COOKIE_NAMES) {
    const whole = cookies.get(name);
    if (whole) return whole;
    const chunks: string[] = [];
    for (let i = 0; cookies.has(`${name}.${i}`); i++) chunks.push(cookies.get(`${name}.${i}`)!);
    if (chunks.length) return chunks.join("");
  }
  return null;
}

export async function userIdFromSessionToken(token: string): Promise<number | null> {
  try {
    const jwt = await decode({ token, secret: authSecret() });
    const id = Number(jwt?.sub);
    return Number.isInteger(id) && id > 0 ? id : null;
  } catch {
    return null;
  }
}

export async function loadUserPrincipal(id: number): Promise<Principal | null> {
  const db = await getDb();
  const user = await db.user.findUnique({ where: { id } });
  if (!user || user.disabledAt) return null;
  return {
    type: "user",
    id: user.id,
    name: user.name,
    label: user.email,
    permissions: permissionsFrom(user.superAdmin, user.grants),
  };
}

export async function principalFromCookie(cookieHeader: string | null): Promise<Principal | null> {
  const token = sessionCookie(cookieHeader);
  if (!token) return null;
  const id = await userIdFromSessionToken(token);
  return id ? loadUserPrincipal(id) : null;
}
