import { describe, expect, it } from "vitest";
import { allowedIps } from "../schemas/token";
import { ipAllowed, parseAllowedIp, parseAllowlist } from "./ip-allowlist";

// The allowlist's parsing (what is refused, and the one form what is accepted is stored in)
// and its matching, IPv4 against IPv6 included.

const canonical = (entry: string) => {
  const parsed = parseAllowedIp(entry);
  return parsed.ok ? parsed.canonical : `refused: ${parsed.message}`;
};
const allows = (entries: string[], ip: string) => ipAllowed(parseAllowlist(entries), ip);

describe("parseAllowedIp", () => {
  it.each([
    ["203.0.113.7", "203.0.113.7"],
    [" 203.0.113.7 ", "203.0.113.7"],
    ["203.0.113.7/32", "203.0.113.7"],
    ["10.0.0.0/8", "10.0.0.0/8"],
    ["0.0.0.0/0", "0.0.0.0/0"],
    ["2001:DB8::1", "2001:db8::1"],
    ["2001:0db8:0000:0000:0000:0000:0000:0001/128", "2001:db8::1"],
    ["2001:db8::/32", "2001:db8::/32"],
    ["::/0", "::/0"],
    ["::1", "::1"],
    ["::ffff:203.0.113.7", "203.0.113.7"],
    ["::ffff:cb00:7107", "203.0.113.7"],
    ["::ffff:10.0.0.0/104", "10.0.0.0/8"],
    ["::ffff:0:0/96", "0.0.0.0/0"],
    ["::fffe:0:0/95", "::fffe:0:0/95"],
  ])("accepts %j as %j", (entry, expected) => {
    expect(canonical(entry)).toBe(expected);
  });

  it.each([
    ["", "must not be empty"],
    ["   ", "must not be empty"],
    ["localhost", '"localhost" is not an IPv4 or IPv6 address or CIDR range'],
    ["1.2.3", '"1.2.3" is not an IPv4 or IPv6 address'],
    ["0x7f.0.0.1", "is not an IPv4 or IPv6 address"],
    ["256.1.1.1", "is not an IPv4 or IPv6 address"],
    ["10.0.0.0/33", '"10.0.0.0/33" has an invalid prefix length: use /0 to /32 for an IPv4 range'],
    ["2001:db8::/129", "use /0 to /128 for an IPv6 range"],
    ["10.0.0.0/-1", "has an invalid prefix length"],
    ["10.0.0.0/", "has an invalid prefix length"],
    ["10.0.0.0/8/8", "is not an IPv4 or IPv6 address"],
    ["10.1.2.3/8", '"10.1.2.3/8" has bits set past its /8 prefix: the range is written 10.0.0.0/8'],
    ["2001:db8::1/32", "the range is written 2001:db8::/32"],
    ["fe80::1%eth0", "is not an IPv4 or IPv6 address"],
    ["1".repeat(65), "is too long"],
  ])("refuses %j", (entry, message) => {
    expect(canonical(entry)).toContain(`refused: `);
    expect(canonical(entry)).toContain(message);
  });
});

describe("ipAllowed", () => {
  it("matches single addresses exactly (/32, /128)", () => {
    expect(allows(["203.0.113.7/32"], "203.0.113.7")).toBe(true);
    expect(allows(["203.0.113.7"], "203.0.113.8")).toBe(false);
    expect(allows(["2001:db8::1"], "2001:db8::1")).toBe(true);
    expect(allows(["2001:db8::1"], "2001:db8::2")).toBe(false);
  });

  it("matches ranges, IPv4 and IPv6", () => {
    expect(allows(["10.0.0.0/8"], "10.255.1.2")).toBe(true);
    expect(allows(["10.0.0.0/8"], "11.0.0.1")).toBe(false);
    expect(allows(["2001:db8::/32"], "2001:db8:ffff::1")).toBe(true);
    expect(allows(["2001:db8::/32"], "2001:db9::1")).toBe(false);
    expect(allows(["10.0.0.0/8", "2001:db8::/32"], "2001:db8::5")).toBe(true);
  });

  it("matches IPv4-mapped IPv6 clients (a dual-stack socket's view of IPv4) against IPv4 ranges", () => {
    expect(allows(["127.0.0.1"], "::ffff:127.0.0.1")).toBe(true);
    expect(allows(["10.0.0.0/8"], "::ffff:10.9.8.7")).toBe(true);
    expect(allows(["10.0.0.0/8"], "::ffff:11.9.8.7")).toBe(false);
    expect(allows(["::ffff:10.0.0.0/104"], "10.1.1.1")).toBe(true);
  });

  it("reads /0 as every address of its family, and ::/0 as every address", () => {
    expect(allows(["0.0.0.0/0"], "203.0.113.7")).toBe(true);
    expect(allows(["0.0.0.0/0"], "::ffff:203.0.113.7")).toBe(true);
    expect(allows(["0.0.0.0/0"], "2001:db8::1")).toBe(false);
    expect(allows(["::/0"], "2001:db8::1")).toBe(true);
    expect(allows(["::/0"], "203.0.113.7")).toBe(true);
    expect(allows(["2001:db8::/32"], "203.0.113.7")).toBe(false);
  });

  it("ignores a client's zone id and matches nothing for an address that does not parse", () => {
    expect(allows(["fe80::/10"], "fe80::1%eth0")).toBe(true);
    expect(allows(["0.0.0.0/0", "::/0"], "unknown")).toBe(false);
    expect(allows(["0.0.0.0/0"], "1.2.3")).toBe(false);
    expect(allows([], "203.0.113.7")).toBe(false);
  });
});

describe("the allowedIps schema", () => {
  it("stores every entry in canonical form, without repeats", () => {
    expect(allowedIps.parse(["10.0.0.1/32", "2001:DB8::/32", "::ffff:192.0.2.1"])).toEqual(["10.0.0.1", "2001:db8::/32", "192.0.2.1"]);
  });

  it("refuses a malformed entry at its index, and a repeat however it was written", () => {
    const result = allowedIps.safeParse(["10.0.0.1", "192.0.2.0/24", "::1", "10.0.0.300", "::ffff:10.0.0.1"]);
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((i) => [i.path.join("."), i.message])).toEqual([
      ["3", '"10.0.0.300" is not an IPv4 or IPv6 address or CIDR range (such as 203.0.113.7, 10.0.0.0/8 or 2001:db8::/32)'],
      ["4", "repeats 10.0.0.1 (already at position 0)"],
    ]);
  });

  it("takes at most 50 entries", () => {
    const fifty = Array.from({ length: 50 }, (_, i) => `10.0.${i}.0/24`);
    expect(allowedIps.parse(fifty)).toHaveLength(50);
    expect(allowedIps.safeParse([...fifty, "10.1.0.0/24"]).error?.issues[0]?.message).toBe("must list at most 50 addresses or ranges");
  });
});
