import path from "node:path";
import { defineConfig } from "vitest/config";

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
