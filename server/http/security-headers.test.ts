import { describe, expect, it } from "vitest";
import { contentSecurityPolicy, servedOverHttps } from "./security-headers";

const directives = (policy: string) => new Map(policy.split("; ").map((d) => [d.split(" ")[0], d.split(" ").slice(1)]));

describe("contentSecurityPolicy", () => {
  it("allows scripts only from this origin with this response's nonce, and no framing, plugins or foreign forms of base", () => {
    const p = directives(contentSecurityPolicy("abc123", { https: false, dev: false }));
    expect(p.get("script-src")).toEqual(["'self'", "'nonce-abc123'", "'strict-dynamic'"]);
    expect(p.get("default-src")).toEqual(["'self'"]);
    expect(p.get("frame-ancestors")).toEqual(["'none'"]);
    expect(p.get("object-src")).toEqual(["'none'"]);
    expect(p.get("base-uri")).toEqual(["'self'"]);
    expect(p.has("upgrade-insecure-requests")).toBe(false);
    expect(p.get("script-src")).not.toContain("'unsafe-inline'");
  });

  it("upgrades insecure requests under https, and allows eval only in development", () => {
    expect(directives(contentSecurityPolicy("n", { https: true, dev: false })).has("upgrade-insecure-requests")).toBe(true);
    expect(directives(contentSecurityPolicy("n", { https: false, dev: true })).get("script-src")).toContain("'unsafe-eval'");
  });
});

describe("servedOverHttps", () => {
  it("follows NEXTAUTH_URL's scheme", () => {
    expect(servedOverHttps({ NEXTAUTH_URL: "https://t.example" } as NodeJS.ProcessEnv)).toBe(true);
    expect(servedOverHttps({ NEXTAUTH_URL: "http://localhost:3000" } as NodeJS.ProcessEnv)).toBe(false);
    expect(servedOverHttps({} as NodeJS.ProcessEnv)).toBe(false);
  });
});
