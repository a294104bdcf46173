import "server-only";
import type { Profile } from "next-auth";
import GitHubProvider from "next-auth/providers/github";
import GitLabProvider from "next-auth/providers/gitlab";
import GoogleProvider from "next-auth/providers/google";
import type { OAuthConfig } from "next-auth/providers/oauth";
import type { TokenSet } from "openid-client";
import type { SsoProviderConfig, SsoProviderKind } from "./sso-config";

// next-auth providers for the SSO configuration (server/auth/sso-config.ts), and what each
// provider's profile says about the person: Tessera lets someone in by email only when the
// provider vouches that the email is theirs (server/auth/sso.ts).

type RawProfile = Record<string, unknown>;

/** What Tessera reads from a provider's profile to decide who is signing in. */
export type SsoProfile = { email: string | null; emailVerified: boolean; name: string | null };

/** Waits on the provider's endpoints: longer than openid-client's 3.5 s default, for a busy machine or a slow IdP. */
const HTTP_OPTIONS = { timeout: 10_000 };

const text = (value: unknown) => (typeof value === "string" && value.trim() ? value.trim() : null);

/**
 * Each provider's own word for "this email is verified": OpenID Connect's (and Google's)
 * `email_verified` claim, GitHub's flag on the primary address from its emails API (set
 * by githubProfile below), GitLab's `confirmed_at`. Anything else is unverified.
 */
export function ssoProfileOf(kind: SsoProviderKind, raw: RawProfile): SsoProfile {
  const email = text(raw.email)?.toLowerCase() ?? null;
  let verified: boolean;
  if (kind === "gitlab") verified = text(raw.confirmed_at) !== null;
  else verified = raw.email_verified === true || raw.email_verified === "true";
  const name = text(raw.name) ?? text(raw.preferred_username) ?? text(raw.login) ?? text(raw.username) ?? text(raw.nickname);
  return { email, emailVerified: email !== null && verified, name };
}

type GitHubEmail = { email?: unknown; primary?: unknown; verified?: unknown };

/**
 * GitHub's profile with its primary email and whether GitHub verified it. The profile's
 * own `email` is only the public one (often empty) and says nothing about verification,
 * so the primary address always comes from the emails API (the `user:email` scope).
 */
export async function githubProfile(accessToken: string, apiBase = "https://api.github.com"): Promise<RawProfile> {
  const get = async (path: string) => {
    const res = await fetch(`${apiBase}${path}`, {
      headers: { authorization: `Bearer ${accessToken}`, accept: "application/vnd.github+json", "user-agent": "Tessera" },
      signal: AbortSignal.timeout(HTTP_OPTIONS.timeout),
    });
    if (!res.ok) throw new Error(`GitHub answered ${res.status} for ${path}`);
    return res.json() as Promise<unknown>;
  };
  const profile = (await get("/user")) as RawProfile;
  const emails = await get("/user/emails");
  const primary = Array.isArray(emails) ? (emails as GitHubEmail[]).find((e) => e.primary === true) : undefined;
  return { ...profile, email: text(primary?.email), email_verified: primary?.verified === true };
}

function oidcProvider(config: SsoProviderConfig): OAuthConfig<RawProfile> {
  return {
    id: "oidc",
    name: config.name,
    type: "oauth",
    wellKnown: `${config.issuer}/.well-known/openid-configuration`,
    clientId: config.clientId,
    clientSecret: config.clientSecret,
    authorization: { params: { scope: "openid email profile" } },
    // The ID token is validated (signature, issuer, audience, nonce); its claims are then
    // completed from the userinfo endpoint, where many providers put email and
    // email_verified (openid-client checks that both name the same subject).
    idToken: true,
    checks: ["pkce", "state", "nonce"],
    httpOptions: HTTP_OPTIONS,
    userinfo: {
      request: async ({ client, tokens }) => {
        // next-auth types these as plain parameters; they are openid-client's TokenSet.
        const set = tokens as unknown as TokenSet;
        const claims = set.claims();
        if (!client.issuer.metadata.userinfo_endpoint) return claims as Profile;
        return { ...claims, ...(await client.userinfo(set)) } as Profile;
      },
    },
    profile: (p) => ({ id: String(p.sub), name: text(p.name) ?? text(p.preferred_username), email: text(p.email) }),
  };
}

/** The next-auth provider for one configured SSO provider. `githubApi` is where GitHub's API is (tests run a stand-in). */
export function nextAuthProvider(config: SsoProviderConfig, { githubApi }: { githubApi?: string } = {}): OAuthConfig<RawProfile> {
  const common = { clientId: config.clientId, clientSecret: config.clientSecret, httpOptions: HTTP_OPTIONS };
  switch (config.id) {
    case "oidc":
      return oidcProvider(config);
    case "github":
      return GitHubProvider({
        ...common,
        userinfo: { request: ({ tokens }) => githubProfile(tokens.access_token ?? "", githubApi) as Promise<Profile> },
      }) as OAuthConfig<RawProfile>;
    case "gitlab":
      return GitLabProvider(common) as OAuthConfig<RawProfile>;
    case "google":
      return GoogleProvider(common) as OAuthConfig<RawProfile>;
  }
}
