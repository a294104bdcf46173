import "server-only";
import { ConfigError } from "../config";

// Sign-in configuration from the environment (README "Configuration"): which SSO providers
// are on, which email domains SSO may create users for, and whether password sign-in is
// offered to everyone. Read per call, so tests can change it; it is cheap. A provider
// that is half configured stops start-up (server/startup.ts) rather than hiding a button.

export type SsoProviderKind = "oidc" | "github" | "gitlab" | "google";

export type SsoProviderConfig = {
  /** next-auth's provider id, in the callback URL: NEXTAUTH_URL/api/auth/callback/<id>. */
  id: SsoProviderKind;
  /** The name on the button: "Sign in with <name>". */
  name: string;
  clientId: string;
  clientSecret: string;
  /** Who issues the account ids: TESSERA_OIDC_ISSUER, or the provider's own address. Links are keyed by it. */
  issuer: string;
};

/** The providers' display names by id, for pages that show how people sign in. */
export type SsoProviderNames = Partial<Record<string, string>>;

const OAUTH_PAIRS: { id: Exclude<SsoProviderKind, "oidc">; name: string; issuer: string; idVar: string; secretVar: string }[] = [
  { id: "github", name: "GitHub", issuer: "https://github.com", idVar: "GITHUB_ID", secretVar: "GITHUB_SECRET" },
  { id: "gitlab", name: "GitLab", issuer: "https://gitlab.com", idVar: "GITLAB_ID", secretVar: "GITLAB_SECRET" },
  { id: "google", name: "Google", issuer: "https://accounts.google.com", idVar: "GOOGLE_ID", secretVar: "GOOGLE_SECRET" },
];

const read = (env: NodeJS.ProcessEnv, name: string) => env[name]?.trim() || undefined;

function halfSet(present: string[], missing: string[]): ConfigError {
  return new ConfigError(
    `${present.join(", ")} ${present.length === 1 ? "is" : "are"} set but ${missing.join(", ")} not: set all of them, or none.`,
  );
}

/** Loopback issuers may use http (a provider on the same machine, as in tests); any other must use https. */
function issuerUrl(raw: string): string {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new ConfigError(`TESSERA_OIDC_ISSUER must be a URL such as https://login.example.com (it is "${raw}").`);
  }
  const loopback = ["localhost", "127.0.0.1", "[::1]"].includes(url.hostname);
  if (url.protocol !== "https:" && !(url.protocol === "http:" && loopback)) {
    throw new ConfigError(`TESSERA_OIDC_ISSUER must be an https URL (it is "${raw}"); http is accepted only for localhost.`);
  }
  if (url.search || url.hash) throw new ConfigError(`TESSERA_OIDC_ISSUER must not have a query or fragment (it is "${raw}").`);
  return url.href.replace(/\/+$/, "");
}

function oidcProvider(env: NodeJS.ProcessEnv): SsoProviderConfig | null {
  const vars = ["TESSERA_OIDC_ISSUER", "TESSERA_OIDC_CLIENT_ID", "TESSERA_OIDC_CLIENT_SECRET"];
  const present = vars.filter((v) => read(env, v));
  const name = read(env, "TESSERA_OIDC_NAME");
  if (present.length === 0) {
    if (name)
      throw new ConfigError(
        "TESSERA_OIDC_NAME is set but TESSERA_OIDC_ISSUER, TESSERA_OIDC_CLIENT_ID, TESSERA_OIDC_CLIENT_SECRET are not.",
      );
    return null;
  }
  if (present.length < vars.length)
    throw halfSet(
      present,
      vars.filter((v) => !present.includes(v)),
    );
  if (name && name.length > 40) throw new ConfigError(`TESSERA_OIDC_NAME must be at most 40 characters (it is ${name.length}).`);
  return {
    id: "oidc",
    name: name ?? "SSO",
    issuer: issuerUrl(read(env, "TESSERA_OIDC_ISSUER")!),
    clientId: read(env, "TESSERA_OIDC_CLIENT_ID")!,
    clientSecret: read(env, "TESSERA_OIDC_CLIENT_SECRET")!,
  };
}

/** The SSO providers that are on, in the order their buttons appear. */
export function ssoProviders(env: NodeJS.ProcessEnv = process.env): SsoProviderConfig[] {
  const providers: SsoProviderConfig[] = [];
  const oidc = oidcProvider(env);
  if (oidc) providers.push(oidc);
  for (const pair of OAUTH_PAIRS) {
    const clientId = read(env, pair.idVar);
    const clientSecret = read(env, pair.secretVar);
    if (!clientId && !clientSecret) continue;
    if (!clientId) throw halfSet([pair.secretVar], [pair.idVar]);
    if (!clientSecret) throw halfSet([pair.idVar], [pair.secretVar]);
    providers.push({ id: pair.id, name: pair.name, issuer: pair.issuer, clientId, clientSecret });
  }
  return providers;
}

export function ssoProviderNames(env: NodeJS.ProcessEnv = process.env): SsoProviderNames {
  return Object.fromEntries(ssoProviders(env).map((p) => [p.id, p.name]));
}

// A DNS name: labels of letters, digits and hyphens, at least one dot.
const DOMAIN = /^(?=.{1,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/;

/**
 * TESSERA_SSO_ALLOWED_DOMAINS: the email domains whose people SSO may create users for
 * (with no permissions). Exact domains only: "example.com" does not admit
 * "eng.example.com", so a subdomain someone else runs mail for is not let in by accident.
 */
export function ssoAllowedDomains(env: NodeJS.ProcessEnv = process.env): string[] {
  const raw = read(env, "TESSERA_SSO_ALLOWED_DOMAINS");
  if (!raw) return [];
  const domains = raw
    .split(",")
    .map((d) => d.trim().toLowerCase().replace(/^@/, ""))
    .filter(Boolean);
  const bad = domains.filter((d) => !DOMAIN.test(d));
  if (bad.length) {
    throw new ConfigError(
      `TESSERA_SSO_ALLOWED_DOMAINS must be a comma-separated list of email domains such as example.com (not: ${bad.join(", ")}).`,
    );
  }
  return [...new Set(domains)];
}

/**
 * TESSERA_PASSWORD_LOGIN: true (the default) offers password sign-in to everyone; false
 * keeps it for super admins only, as a way in when the identity provider is down.
 * Turning it off without any SSO provider would leave everyone else without a way in.
 */
export function passwordLoginEnabled(env: NodeJS.ProcessEnv = process.env): boolean {
  const raw = read(env, "TESSERA_PASSWORD_LOGIN")?.toLowerCase();
  if (raw === undefined || raw === "true" || raw === "1") return true;
  if (raw !== "false" && raw !== "0") throw new ConfigError(`TESSERA_PASSWORD_LOGIN must be true or false (it is "${raw}").`);
  if (ssoProviders(env).length === 0) {
    throw new ConfigError(
      "TESSERA_PASSWORD_LOGIN=false needs an SSO provider (TESSERA_OIDC_*, GITHUB_*, GITLAB_* or GOOGLE_*): nobody but super admins could sign in.",
    );
  }
  return false;
}

/** Checks every sign-in variable at start-up, so a mistake stops the server with a message. */
export function checkSignInConfig(env: NodeJS.ProcessEnv = process.env): void {
  ssoProviders(env);
  ssoAllowedDomains(env);
  passwordLoginEnabled(env);
}
