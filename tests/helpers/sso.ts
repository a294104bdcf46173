import { startTestProvider, type TestAccount } from "../../scripts/oidc-test-provider.mjs";
import type { TestServer } from "./http";
import { Jar } from "./next-auth";

// A browser's part in an OpenID Connect sign-in, over real HTTP: Tessera's next-auth
// routes on the test server and a real provider (scripts/oidc-test-provider.mjs) on
// loopback. next-auth builds its callback URL from NEXTAUTH_URL (http://localhost:3000 in
// vitest.config.ts), so the provider's redirect there is delivered to the test server.

export type { TestAccount } from "../../scripts/oidc-test-provider.mjs";

export const OIDC_CLIENT = { id: "tessera-test", secret: "tessera-test-secret-0123456789" };
const NEXTAUTH_ORIGIN = "http://localhost:3000";

export type TestProvider = { issuer: string; accounts: TestAccount[]; close: () => Promise<void> };

/** A provider whose accounts the test may change while it runs (the list is read at each sign-in). */
export async function startOidcProvider(accounts: TestAccount[]): Promise<TestProvider> {
  const { issuer, close } = await startTestProvider({
    port: 0,
    clientId: OIDC_CLIENT.id,
    clientSecret: OIDC_CLIENT.secret,
    redirectUris: [`${NEXTAUTH_ORIGIN}/api/auth/callback/oidc`],
    accounts,
  });
  return { issuer, accounts, close };
}

/** The environment that turns the generic OIDC provider on, pointed at the test provider. */
export function oidcEnv(provider: TestProvider, name = "Test SSO"): Record<string, string> {
  return {
    TESSERA_OIDC_ISSUER: provider.issuer,
    TESSERA_OIDC_CLIENT_ID: OIDC_CLIENT.id,
    TESSERA_OIDC_CLIENT_SECRET: OIDC_CLIENT.secret,
    TESSERA_OIDC_NAME: name,
  };
}

export type SsoResult = {
  /** Where Tessera sent the browser at the end: the callbackUrl on success, the refusal page or the login page otherwise. */
  location: URL;
  /** Tessera's cookies, the session cookie among them on success. */
  jar: Jar;
};

const follow = async (url: string, jar: Jar, init: RequestInit = {}) => {
  const res = await fetch(url, { ...init, redirect: "manual", headers: { ...(init.headers ?? {}), cookie: jar.header() } });
  jar.take(res);
  return res;
};

/** Signs in through the provider as `account`: Tessera's sign-in endpoint, the provider's login page, the callback. */
export async function signInWithOidc(
  server: TestServer,
  account: Pick<TestAccount, "email" | "password">,
  headers: Record<string, string> = {},
): Promise<SsoResult> {
  const jar = new Jar();
  const csrf = (await (await follow(`${server.origin}/api/auth/csrf`, jar)).json()) as { csrfToken: string };
  const start = await follow(`${server.origin}/api/auth/signin/oidc`, jar, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded", ...headers },
    body: new URLSearchParams({ csrfToken: csrf.csrfToken, callbackUrl: `${NEXTAUTH_ORIGIN}/tokens`, json: "true" }),
  });
  let url = ((await start.json()) as { url: string }).url;
  const providerJar = new Jar();
  const issuerOrigin = new URL(url).origin;
  // The provider's redirects, and its login page once, until it sends the browser back to Tessera.
  for (let hops = 0; new URL(url).origin === issuerOrigin; hops++) {
    if (hops > 10) throw new Error(`the provider kept redirecting: ${url}`);
    const res = await follow(url, providerJar);
    if (res.status === 200 && /\/interaction\/[^/]+$/.test(new URL(url).pathname)) {
      const login = await follow(`${url}/login`, providerJar, {
        method: "POST",
        headers: { "content-type": "application/x-www-form-urlencoded" },
        body: new URLSearchParams({ email: account.email, password: account.password }),
      });
      if (login.status !== 303) throw new Error(`the provider refused the test account ${account.email}: ${await login.text()}`);
      url = new URL(login.headers.get("location")!, url).href;
      continue;
    }
    if (res.status < 300 || res.status >= 400) throw new Error(`the provider answered ${res.status} at ${url}: ${await res.text()}`);
    url = new URL(res.headers.get("location")!, url).href;
  }
  const back = new URL(url);
  const callback = await follow(`${server.origin}${back.pathname}${back.search}`, jar, { headers });
  if (callback.status !== 302) throw new Error(`the callback answered ${callback.status}: ${await callback.text()}`);
  return { location: new URL(callback.headers.get("location")!, NEXTAUTH_ORIGIN), jar };
}
