import { defineConfig, devices } from "@playwright/test";

const port = Number(process.env.E2E_PORT ?? 3100);
const baseURL = `http://localhost:${port}`;
const downPort = port + 1;
const downURL = `http://localhost:${downPort}`;

export default defineConfig({
  testDir: "e2e",
  outputDir: "test-results",
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 60_000,
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
  ],
});
