import { describe, expect, it } from "vitest";
import { clientIp } from "./client-ip";
import { FailureLimiter } from "./rate-limit";

describe("FailureLimiter", () => {
  it("allows up to the limit of failures per window, then answers the seconds left", () => {
    let now = 1_000_000;
    const l = new FailureLimiter(3, 60_000, () => now);
    for (let i = 0; i < 3; i++) {
      expect(l.retryAfter("k")).toBe(0);
      l.fail("k");
    }
    expect(l.retryAfter("k")).toBe(60);
    expect(l.retryAfter("other")).toBe(0);
    now += 59_001;
    expect(l.retryAfter("k")).toBe(1);
    now += 1_000;
    expect(l.retryAfter("k")).toBe(0);
  });

  it("forgets a key on reset", () => {
    const l = new FailureLimiter(1, 60_000);
    l.fail("k");
    expect(l.retryAfter("k")).toBeGreaterThan(0);
    l.reset("k");
    expect(l.retryAfter("k")).toBe(0);
  });
});

describe("clientIp", () => {
  const h = (xff?: string) => new Headers(xff === undefined ? {} : { "x-forwarded-for": xff });
  it.each([
    ["the address Next saw (rightmost) with no trusted proxy", "6.6.6.6, 10.0.0.1", 0, "10.0.0.1"],
    ["a forged entry is ignored without trusted proxies", "1.2.3.4, 5.6.7.8", 0, "5.6.7.8"],
    ["one hop further left per trusted proxy", "1.2.3.4, 10.0.0.2, 10.0.0.1", 1, "10.0.0.2"],
    ["never past the leftmost entry", "1.2.3.4", 5, "1.2.3.4"],
    ["unknown without the header", undefined, 0, "unknown"],
  ])("%s", (_name, xff, hops, ip) => {
    expect(clientIp(h(xff), hops)).toBe(ip);
  });
});
