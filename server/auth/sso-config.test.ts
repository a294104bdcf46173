import { describe, expect, it } from "vitest";
import { ConfigError } from "../config";
import { checkSignInConfig, passwordLoginEnabled, ssoAllowedDomains, ssoProviders } from "./sso-config";

// The sign-in variables: each provider on when its variables are set, a half-set one a
// start-up error that names what is missing.

const env = (vars: Record<string, string>) => vars as NodeJS.ProcessEnv;
const OIDC = { TESSERA_OIDC_ISSUER: "https://login.example.com/", TESSERA_OIDC_CLIENT_ID: "id", TESSERA_OIDC_CLIENT_SECRET: "secret" };

describe("SSO providers", () => {
  it("are off with no variables, and on, in button order, with theirs", () => {
    expect(ssoProviders(env({}))).toEqual([]);
    const all = ssoProviders(
      env({
        ...OIDC,
        TESSERA_OIDC_NAME: "Okta",
        GOOGLE_ID: "g",
        GOOGLE_SECRET: "gs",
        GITHUB_ID: "h",
        GITHUB_SECRET: "hs",
        GITLAB_ID: "l",
        GITLAB_SECRET: "ls",
      }),
    );
    expect(all.map((p) => [p.id, p.name])).toEqual([
      ["oidc", "Okta"],
      ["github", "GitHub"],
      ["gitlab", "GitLab"],
      ["google", "Google"],
    ]);
    expect(all[0]).toMatchObject({ issuer: "https://login.example.com", clientId: "id", clientSecret: "secret" });
    expect(all.slice(1).map((p) => p.issuer)).toEqual(["https://github.com", "https://gitlab.com", "https://accounts.google.com"]);
    expect(ssoProviders(env(OIDC))[0]!.name).toBe("SSO");
  });

  it("stop start-up when half set, naming what is missing", () => {
    expect(() => ssoProviders(env({ GITHUB_ID: "h" }))).toThrow(/GITHUB_ID is set but GITHUB_SECRET not/);
    expect(() => ssoProviders(env({ GOOGLE_SECRET: "g" }))).toThrow(/GOOGLE_SECRET is set but GOOGLE_ID not/);
    expect(() => ssoProviders(env({ GITLAB_ID: " ", GITLAB_SECRET: "s" }))).toThrow(/GITLAB_SECRET is set but GITLAB_ID not/);
    expect(() => ssoProviders(env({ TESSERA_OIDC_ISSUER: "https://x.example" }))).toThrow(
      /TESSERA_OIDC_CLIENT_ID, TESSERA_OIDC_CLIENT_SECRET not/,
    );
    expect(() => ssoProviders(env({ TESSERA_OIDC_NAME: "Okta" }))).toThrow(ConfigError);
    expect(() => checkSignInConfig(env({ GITHUB_SECRET: "s" }))).toThrow(ConfigError);
  });

  it("want an https issuer, except on loopback", () => {
    expect(() => ssoProviders(env({ ...OIDC, TESSERA_OIDC_ISSUER: "http://login.example.com" }))).toThrow(/https/);
    expect(() => ssoProviders(env({ ...OIDC, TESSERA_OIDC_ISSUER: "login.example.com" }))).toThrow(/must be a URL/);
    expect(() => ssoProviders(env({ ...OIDC, TESSERA_OIDC_ISSUER: "https://x.example/?tenant=1" }))).toThrow(/query/);
    expect(ssoProviders(env({ ...OIDC, TESSERA_OIDC_ISSUER: "http://127.0.0.1:50050" }))[0]!.issuer).toBe("http://127.0.0.1:50050");
    expect(ssoProviders(env({ ...OIDC, TESSERA_OIDC_ISSUER: "https://idp.example/realms/main" }))[0]!.issuer).toBe(
      "https://idp.example/realms/main",
    );
  });
});

describe("allowed domains", () => {
  it("are a trimmed, lower-cased, de-duplicated list of domains", () => {
    expect(ssoAllowedDomains(env({}))).toEqual([]);
    expect(ssoAllowedDomains(env({ TESSERA_SSO_ALLOWED_DOMAINS: " Example.COM, @corp.example,,example.com " }))).toEqual([
      "example.com",
      "corp.example",
    ]);
  });

  it("refuse what is not a domain", () => {
    expect(() => ssoAllowedDomains(env({ TESSERA_SSO_ALLOWED_DOMAINS: "example.com, *.corp.example" }))).toThrow(/\*\.corp\.example/);
    expect(() => ssoAllowedDomains(env({ TESSERA_SSO_ALLOWED_DOMAINS: "localhost" }))).toThrow(ConfigError);
    expect(() => ssoAllowedDomains(env({ TESSERA_SSO_ALLOWED_DOMAINS: "a@b.example" }))).toThrow(ConfigError);
  });
});

describe("TESSERA_PASSWORD_LOGIN", () => {
  it("is on by default, and off only with an SSO provider to sign in with", () => {
    expect(passwordLoginEnabled(env({}))).toBe(true);
    expect(passwordLoginEnabled(env({ TESSERA_PASSWORD_LOGIN: "TRUE" }))).toBe(true);
    expect(passwordLoginEnabled(env({ TESSERA_PASSWORD_LOGIN: "false", ...OIDC }))).toBe(false);
    expect(passwordLoginEnabled(env({ TESSERA_PASSWORD_LOGIN: "0", GITHUB_ID: "h", GITHUB_SECRET: "s" }))).toBe(false);
    expect(() => passwordLoginEnabled(env({ TESSERA_PASSWORD_LOGIN: "false" }))).toThrow(/needs an SSO provider/);
    expect(() => passwordLoginEnabled(env({ TESSERA_PASSWORD_LOGIN: "no" }))).toThrow(/true or false/);
  });
});
