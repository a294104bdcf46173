import { defineConfig, devices } from "@playwright/test";
import { e2ePorts } from "./e2e/ports";
import { SSO_ACCOUNTS, SSO_ALLOWED_DOMAIN, SSO_CLIENT, SSO_PROVIDER_NAME, ssoPorts } from "./e2e/sso-fixtures";

const port = Number(process.env.E2E_PORT ?? 3100);
const baseURL = `http://localhost:${port}`;
const downPort = e2ePorts(port).databaseDown;
const downURL = `http://localhost:${downPort}`;
const sso = ssoPorts(port);
const ssoURL = `http://localhost:${sso.tessera}`;
const issuer = `http://127.0.0.1:${sso.provider}`;

export default defineConfig({
  testDir: "e2e",
  outputDir: "test-results",
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 60_000,
  // CI shares two cores with the server under test; a page that answers in 5 s there is slow, not broken.
  expect: { timeout: 10_000 },
  reporter: [["list"]],
  use: {
    baseURL,
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        "--disable-quic",
      ],
    },
  },
  projects: [
    { name: "setup", testMatch: /setup\.e2e\.ts/, use: { ...devices["Desktop Chrome"] } },
    { name: "api", testMatch: /\.api\.ts/, dependencies: ["setup"] },
    { name: "chromium", testMatch: /\.spec\.ts/, dependencies: ["setup"], use: { ...devices["Desktop Chrome"] } },
    // A second server whose PostgreSQL is unreachable: the UI and the API must fail kindly.
    { name: "database-down", testMatch: /database-down\.e2e\.ts/, use: { ...devices["Desktop Chrome"], baseURL: downURL } },
    // A third server signing in through a real OpenID Connect provider, with password sign-in off.
    { name: "sso", testMatch: /sso\.e2e\.ts/, use: { ...devices["Desktop Chrome"], baseURL: ssoURL } },
  ],
  webServer: [
    {
      command: "node scripts/e2e-server.mjs",
      url: `${baseURL}/api/health`,
      reuseExistingServer: false,
      timeout: 120_000,
      // e2e/webhooks.spec.ts delivers to a receiver on loopback, which is refused otherwise.
      env: { E2E_PORT: String(port), TESSERA_WEBHOOK_ALLOW_PRIVATE: "1" },
    },
    {
      command: "node scripts/e2e-server.mjs",
      // Its health check answers 503 by design, so wait for the port instead.
      port: downPort,
      reuseExistingServer: false,
      timeout: 120_000,
      env: {
        E2E_PORT: String(downPort),
        E2E_DATABASE_URL: "postgresql://tessera@127.0.0.1:1/tessera",
        NEXTAUTH_SECRET: "e2e-database-down-secret-0123456789",
      },
    },
    {
      // The OpenID Connect provider the "sso" project signs in through (oidc-provider on loopback).
      command: "node scripts/oidc-test-provider.mjs",
      url: `${issuer}/.well-known/openid-configuration`,
      reuseExistingServer: false,
      timeout: 60_000,
      env: {
        OIDC_PORT: String(sso.provider),
        OIDC_CLIENT_ID: SSO_CLIENT.id,
        OIDC_CLIENT_SECRET: SSO_CLIENT.secret,
        OIDC_REDIRECT_URIS: `${ssoURL}/api/auth/callback/oidc`,
        OIDC_ACCOUNTS: JSON.stringify(Object.values(SSO_ACCOUNTS)),
      },
    },
    {
      command: "node scripts/e2e-server.mjs",
      url: `${ssoURL}/api/health`,
      reuseExistingServer: false,
      timeout: 120_000,
      env: {
        E2E_PORT: String(sso.tessera),
        TESSERA_OIDC_ISSUER: issuer,
        TESSERA_OIDC_CLIENT_ID: SSO_CLIENT.id,
        TESSERA_OIDC_CLIENT_SECRET: SSO_CLIENT.secret,
        TESSERA_OIDC_NAME: SSO_PROVIDER_NAME,
        TESSERA_SSO_ALLOWED_DOMAINS: SSO_ALLOWED_DOMAIN,
        TESSERA_PASSWORD_LOGIN: "false",
        // Nothing here needs notifications; their loop would only load a shared machine.
        TESSERA_SCHEDULER: "off",
      },
    },
  ],
});
