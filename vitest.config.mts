import path from "node:path";
import { configDefaults, defineConfig } from "vitest/config";

// tests/postgres/ holds tests that need a PostgreSQL of their own (they start one):
// they run under `npm run test:pg` only, so the default run on PGlite skips nothing.
const postgresOnly = "tests/postgres/**";

export default defineConfig({
  resolve: {
    alias: {
      "@": path.resolve(import.meta.dirname),
      "server-only": path.resolve(import.meta.dirname, "tests/empty/server-only.ts"),
    },
  },
  test: {
    environment: "node",
    include: ["{lib,server,tests,scripts,components}/**/*.test.ts"],
    exclude: process.env.TESSERA_TEST_DATABASE_URL ? configDefaults.exclude : [...configDefaults.exclude, postgresOnly],
    setupFiles: ["tests/helpers/setup.ts"],
    globalSetup: ["tests/helpers/global-setup.ts"],
    testTimeout: 20_000,
    hookTimeout: 60_000,
    env: {
      NEXTAUTH_SECRET: "test-secret-for-vitest-only-0123456789",
      NEXTAUTH_URL: "http://localhost:3000",
      // Cheaper scrypt in tests only; production uses OWASP's N=2^17.
      TESSERA_SCRYPT_LOG_N: "12",
    },
  },
});
