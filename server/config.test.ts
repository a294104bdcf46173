import { mkdtempSync, readFileSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import {
  authSecret,
  ConfigError,
  databaseConfig,
  databasePoolMax,
  databaseTimeoutMs,
  migrationMode,
  publicUrl,
  trustedProxies,
} from "./config";

const env = (vars: Record<string, string>) => ({ NODE_ENV: "production", ...vars }) as NodeJS.ProcessEnv;

describe("databaseConfig", () => {
  it("uses PGlite in TESSERA_DATA_DIR (default ./.data) without DATABASE_URL", () => {
    expect(databaseConfig(env({}))).toEqual({ kind: "pglite", dataDir: path.resolve(".data") });
    expect(databaseConfig(env({ TESSERA_DATA_DIR: "/var/lib/tessera" }))).toEqual({ kind: "pglite", dataDir: "/var/lib/tessera" });
  });

  it.each(["postgres://u@h/db", "postgresql://u@h:5432/db"])("uses PostgreSQL for %s", (url) => {
    expect(databaseConfig(env({ DATABASE_URL: url }))).toEqual({ kind: "postgres", url });
  });

  it.each(["mysql://u@h/db", "file:./dev.db", "localhost:5432"])("refuses DATABASE_URL=%s with a clear message", (url) => {
    expect(() => databaseConfig(env({ DATABASE_URL: url }))).toThrow(ConfigError);
    expect(() => databaseConfig(env({ DATABASE_URL: url }))).toThrow(/DATABASE_URL must start with postgres:\/\/ or postgresql:\/\//);
  });
});

describe("databaseConfig with a URL that does not parse", () => {
  it.each(["postgresql://u:p@ss@h:port/db", "postgres://u@h:99999/db"])("refuses %s, saying what to check", (url) => {
    expect(() => databaseConfig(env({ DATABASE_URL: url }))).toThrow(/DATABASE_URL is not a valid URL/);
  });
});

describe("on Vercel (VERCEL=1)", () => {
  it("refuses to run without DATABASE_URL, saying why and what to set", () => {
    expect(() => databaseConfig(env({ VERCEL: "1" }))).toThrow(ConfigError);
    expect(() => databaseConfig(env({ VERCEL: "1", TESSERA_DATA_DIR: "/tmp/x" }))).toThrow(
      /On Vercel, Tessera needs DATABASE_URL: the embedded database keeps its data on a local disk.*pooled connection URL/,
    );
    expect(databaseConfig(env({ VERCEL: "1", DATABASE_URL: "postgres://u@h/db" }))).toEqual({ kind: "postgres", url: "postgres://u@h/db" });
  });

  it("checks migrations instead of applying them (the build applies them), and keeps a small pool", () => {
    expect(migrationMode(env({ VERCEL: "1" }))).toBe("check");
    expect(databasePoolMax(env({ VERCEL: "1" }))).toBe(5);
    expect(databasePoolMax(env({}))).toBe(10);
  });
});

describe("migrationMode", () => {
  it.each([
    [undefined, "apply"],
    ["", "apply"],
    ["0", "apply"],
    ["1", "check"],
  ])("TESSERA_SKIP_MIGRATIONS=%s → %s", (value, expected) => {
    expect(migrationMode(value === undefined ? env({}) : env({ TESSERA_SKIP_MIGRATIONS: value }))).toBe(expected);
  });

  it.each(["yes", "true", "2"])("refuses TESSERA_SKIP_MIGRATIONS=%s", (value) => {
    expect(() => migrationMode(env({ TESSERA_SKIP_MIGRATIONS: value }))).toThrow(/TESSERA_SKIP_MIGRATIONS must be 1/);
  });
});

describe("databasePoolMax", () => {
  it("takes TESSERA_DATABASE_POOL_MAX, on Vercel too, and refuses nonsense", () => {
    expect(databasePoolMax(env({ TESSERA_DATABASE_POOL_MAX: "25" }))).toBe(25);
    expect(databasePoolMax(env({ VERCEL: "1", TESSERA_DATABASE_POOL_MAX: "2" }))).toBe(2);
    for (const bad of ["0", "-1", "1.5", "ten"]) {
      expect(() => databasePoolMax(env({ TESSERA_DATABASE_POOL_MAX: bad }))).toThrow(/TESSERA_DATABASE_POOL_MAX must be a whole number/);
    }
  });
});

describe("authSecret", () => {
  it("prefers NEXTAUTH_SECRET", () => {
    expect(authSecret(env({ NEXTAUTH_SECRET: "from-env" }))).toBe("from-env");
  });

  it("generates one on the embedded database, keeps it in the data folder with mode 0600, and reuses it", () => {
    const dir = mkdtempSync(path.join(tmpdir(), "tessera-secret-"));
    const first = authSecret(env({ TESSERA_DATA_DIR: dir }));
    expect(first).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const file = path.join(dir, "nextauth-secret");
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(readFileSync(file, "utf8").trim()).toBe(first);
    expect(authSecret(env({ TESSERA_DATA_DIR: dir }))).toBe(first);
  });

  it("refuses to run on PostgreSQL in production without NEXTAUTH_SECRET, saying what to set", () => {
    expect(() => authSecret(env({ DATABASE_URL: "postgres://h/db" }))).toThrow(/NEXTAUTH_SECRET is not set/);
  });
});

describe("trustedProxies", () => {
  it.each([
    [undefined, 0],
    ["2", 2],
    ["-1", 0],
    ["abc", 0],
  ])("TESSERA_TRUSTED_PROXIES=%s → %i", (value, expected) => {
    expect(trustedProxies(value === undefined ? ({} as NodeJS.ProcessEnv) : env({ TESSERA_TRUSTED_PROXIES: value }))).toBe(expected);
  });
});

describe("publicUrl", () => {
  it("is NEXTAUTH_URL without a trailing slash, else localhost on PORT", () => {
    expect(publicUrl(env({ NEXTAUTH_URL: "https://tessera.example.com/" }))).toBe("https://tessera.example.com");
    expect(publicUrl(env({ PORT: "8080" }))).toBe("http://localhost:8080");
    expect(publicUrl(env({}))).toBe("http://localhost:3000");
  });
});

describe("databaseTimeoutMs", () => {
  it("is 3 s unless TESSERA_DATABASE_TIMEOUT_MS says otherwise", () => {
    expect(databaseTimeoutMs(env({}))).toBe(3000);
    expect(databaseTimeoutMs(env({ TESSERA_DATABASE_TIMEOUT_MS: "600000" }))).toBe(600_000);
  });

  it.each(["abc", "2.5", "50", "-1", "3600001"])("refuses TESSERA_DATABASE_TIMEOUT_MS=%s with a clear message", (value) => {
    expect(() => databaseTimeoutMs(env({ TESSERA_DATABASE_TIMEOUT_MS: value }))).toThrow(ConfigError);
    expect(() => databaseTimeoutMs(env({ TESSERA_DATABASE_TIMEOUT_MS: value }))).toThrow(/from 100 to 3600000/);
  });
});
