import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { githubProfile, nextAuthProvider, ssoProfileOf } from "./sso-providers";

// What each provider's profile says about the email (tests/api/sso.test.ts covers OIDC end
// to end against a real provider), and GitHub's emails API read over real HTTP from a
// local stand-in that answers as api.github.com does.

describe("a provider's word on the email", () => {
  it.each([
    ["oidc", { email: "A@Example.com", email_verified: true }, "a@example.com", true],
    ["oidc", { email: "a@example.com", email_verified: "true" }, "a@example.com", true],
    ["oidc", { email: "a@example.com", email_verified: false }, "a@example.com", false],
    ["oidc", { email: "a@example.com" }, "a@example.com", false],
    ["oidc", { email_verified: true }, null, false],
    ["google", { email: "a@gmail.com", email_verified: true }, "a@gmail.com", true],
    ["google", { email: "a@gmail.com", email_verified: "false" }, "a@gmail.com", false],
    ["gitlab", { email: "a@example.com", confirmed_at: "2024-01-02T03:04:05Z" }, "a@example.com", true],
    ["gitlab", { email: "a@example.com", confirmed_at: null }, "a@example.com", false],
    ["gitlab", { email: "a@example.com", email_verified: true }, "a@example.com", false],
    ["github", { email: "a@example.com", email_verified: true }, "a@example.com", true],
    ["github", { email: "a@example.com" }, "a@example.com", false],
  ] as const)("%s %j → %s, verified %s", (kind, raw, email, verified) => {
    expect(ssoProfileOf(kind, raw)).toMatchObject({ email, emailVerified: verified });
  });

  it("takes a name from the profile's usual fields", () => {
    expect(ssoProfileOf("github", { login: "octocat" }).name).toBe("octocat");
    expect(ssoProfileOf("gitlab", { username: "gl", name: " Gita Lab " }).name).toBe("Gita Lab");
    expect(ssoProfileOf("oidc", { preferred_username: "pat" }).name).toBe("pat");
    expect(ssoProfileOf("oidc", {}).name).toBeNull();
  });
});

describe("GitHub's primary email", () => {
  let server: Server;
  let base: string;
  let emails: unknown;
  const seen: { path: string; auth: string | undefined }[] = [];

  beforeAll(async () => {
    server = createServer((req, res) => {
      seen.push({ path: req.url ?? "", auth: req.headers.authorization });
      if (req.headers.authorization !== "Bearer gho_test") return void res.writeHead(401).end();
      const body = req.url === "/user" ? { id: 42, login: "octocat", name: null, email: "public@example.com" } : emails;
      if (body === undefined) return void res.writeHead(404).end();
      res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify(body));
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it("is the primary address from the emails API with its verified flag, not the public profile email", async () => {
    emails = [
      { email: "public@example.com", primary: false, verified: true },
      { email: "Octo@Corp.example", primary: true, verified: true },
    ];
    const profile = await githubProfile("gho_test", base);
    expect(profile).toMatchObject({ id: 42, login: "octocat", email: "Octo@Corp.example", email_verified: true });
    expect(ssoProfileOf("github", profile)).toEqual({ email: "octo@corp.example", emailVerified: true, name: "octocat" });
    expect(seen.map((s) => s.path)).toEqual(["/user", "/user/emails"]);
  });

  it("is unverified when GitHub has not verified the primary address", async () => {
    emails = [{ email: "new@corp.example", primary: true, verified: false }];
    expect(ssoProfileOf("github", await githubProfile("gho_test", base)).emailVerified).toBe(false);
  });

  it("is missing when there is no primary address", async () => {
    emails = [{ email: "x@corp.example", primary: false, verified: true }];
    expect(ssoProfileOf("github", await githubProfile("gho_test", base))).toMatchObject({ email: null, emailVerified: false });
  });

  it("is what the GitHub provider asks for: next-auth merges these options over its own GitHub defaults", async () => {
    emails = [{ email: "merged@corp.example", primary: true, verified: true }];
    const github = nextAuthProvider(
      { id: "github", name: "GitHub", issuer: "https://github.com", clientId: "id", clientSecret: "secret" },
      { githubApi: base },
    );
    const options = github.options as { userinfo?: { request?: (ctx: unknown) => Promise<Record<string, unknown>> } };
    const profile = await options.userinfo!.request!({ tokens: { access_token: "gho_test" }, provider: github, client: {} });
    expect(ssoProfileOf("github", profile)).toEqual({ email: "merged@corp.example", emailVerified: true, name: "octocat" });
  });

  it("fails the sign-in when the emails API cannot be read (a token without the user:email scope)", async () => {
    emails = undefined;
    await expect(githubProfile("gho_test", base)).rejects.toThrow(/404/);
  });
});

describe("next-auth providers", () => {
  it("have the ids that make up the callback URLs, and ask for the scopes the email needs", () => {
    const common = { clientId: "id", clientSecret: "secret" };
    const oidc = nextAuthProvider({ id: "oidc", name: "Okta", issuer: "https://idp.example", ...common });
    expect(oidc).toMatchObject({
      id: "oidc",
      name: "Okta",
      wellKnown: "https://idp.example/.well-known/openid-configuration",
      idToken: true,
    });
    expect(oidc.checks).toEqual(["pkce", "state", "nonce"]);
    expect(oidc.authorization).toEqual({ params: { scope: "openid email profile" } });
    const github = nextAuthProvider({ id: "github", name: "GitHub", issuer: "https://github.com", ...common });
    expect(github.id).toBe("github");
    expect(JSON.stringify(github.authorization)).toContain("user:email");
    expect(nextAuthProvider({ id: "gitlab", name: "GitLab", issuer: "https://gitlab.com", ...common }).id).toBe("gitlab");
    expect(
      JSON.stringify(nextAuthProvider({ id: "google", name: "Google", issuer: "https://accounts.google.com", ...common }).authorization),
    ).toContain("openid email profile");
  });
});
