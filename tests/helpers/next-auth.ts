import type { TestServer } from "./http";

// The browser's side of next-auth, over real HTTP against the test server: sign in
// through the credentials callback, poll /api/auth/session, sign out. A Jar keeps
// cookies the way a browser would (Set-Cookie replaces, an expired one is dropped).

export class Jar {
  private readonly cookies = new Map<string, string>();

  constructor(header = "") {
    for (const part of header.split(";")) {
      const eq = part.indexOf("=");
      if (eq > 0) this.cookies.set(part.slice(0, eq).trim(), part.slice(eq + 1).trim());
    }
  }

  take(res: Response): this {
    for (const line of res.headers.getSetCookie()) {
      const [pair = "", ...attributes] = line.split(";");
      const eq = pair.indexOf("=");
      const name = pair.slice(0, eq).trim();
      const expired = attributes.some((a) => /^\s*max-age=0\s*$/i.test(a) || /^\s*expires=thu, 01 jan 1970/i.test(a));
      if (expired) this.cookies.delete(name);
      else this.cookies.set(name, pair.slice(eq + 1).trim());
    }
    return this;
  }

  has(name: string): boolean {
    return this.cookies.has(name);
  }

  /** A copy, as someone who copied the cookie header at this moment would hold it. */
  copy(): Jar {
    return new Jar(this.header());
  }

  header(): string {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join("; ");
  }
}

async function csrfToken(server: TestServer, jar: Jar): Promise<string> {
  const res = await fetch(`${server.origin}/api/auth/csrf`, { headers: { cookie: jar.header() } });
  jar.take(res);
  return ((await res.json()) as { csrfToken: string }).csrfToken;
}

/** Signs in with email and password as the login page does; the jar then holds the session cookie. */
export async function signIn(server: TestServer, email: string, password: string, headers: Record<string, string> = {}): Promise<Jar> {
  const jar = new Jar();
  const csrf = await csrfToken(server, jar);
  const res = await fetch(`${server.origin}/api/auth/callback/credentials`, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: jar.header(), ...headers },
    body: new URLSearchParams({ email, password, csrfToken: csrf, json: "true" }),
  });
  if (res.status !== 200) throw new Error(`sign-in answered ${res.status}: ${await res.text()}`);
  return jar.take(res);
}

/** Signs in with email and password and answers next-auth's `?error=` code, or null when the sign-in worked. */
export async function signInAnswer(server: TestServer, email: string, password: string): Promise<string | null> {
  const jar = new Jar();
  const csrf = await csrfToken(server, jar);
  const res = await fetch(`${server.origin}/api/auth/callback/credentials`, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: jar.header() },
    body: new URLSearchParams({ email, password, csrfToken: csrf, json: "true" }),
  });
  const body = (await res.json()) as { url?: string };
  const error = body.url ? new URL(body.url).searchParams.get("error") : `status ${res.status}`;
  if (!error && !jar.take(res).has("next-auth.session-token")) return "no session cookie";
  return error;
}

/** GET /api/auth/session, as next-auth's client polls it; the jar takes the re-issued (or cleared) cookie. */
export async function readSession(server: TestServer, jar: Jar): Promise<{ status: number; body: Record<string, unknown> }> {
  const res = await fetch(`${server.origin}/api/auth/session`, { headers: { cookie: jar.header() } });
  jar.take(res);
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}

/** Signs out as next-auth's client signOut() does. */
export async function signOut(server: TestServer, jar: Jar): Promise<void> {
  const csrf = await csrfToken(server, jar);
  const res = await fetch(`${server.origin}/api/auth/signout`, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: jar.header() },
    body: new URLSearchParams({ csrfToken: csrf, json: "true" }),
  });
  if (res.status !== 200) throw new Error(`sign-out answered ${res.status}: ${await res.text()}`);
  jar.take(res);
}
