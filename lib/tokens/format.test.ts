import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { checksumOf, crc32, generateToken, hashSecret, isWellFormedToken, previewOf, TOKEN_PATTERN, toBase62 } from "./format";

describe("crc32", () => {
  it.each([
    ["", 0],
    ["a", 0xe8b7be43],
    ["123456789", 0xcbf43926],
    ["The quick brown fox jumps over the lazy dog", 0x414fa339],
  ])("CRC-32 of %j is the IEEE value", (text, value) => {
    expect(crc32(text)).toBe(value);
  });
});

describe("toBase62", () => {
  it.each([
    [0, 6, "000000"],
    [61, 6, "00000z"],
    [62, 6, "000010"],
    [0xffffffff, 6, "4gfFC3"],
    [0xcbf43926, 6, "3jZRME"],
  ])("%i → %s", (value, width, text) => {
    expect(toBase62(value, width)).toBe(text);
  });
});

describe("tokens", () => {
  it("are tsr_ + 40 random + 6 checksum characters, 50 in all, and check out", () => {
    const tokens = new Set(Array.from({ length: 2000 }, generateToken));
    expect(tokens.size).toBe(2000);
    for (const t of tokens) {
      expect(t).toHaveLength(50);
      expect(t).toMatch(TOKEN_PATTERN);
      expect(t.slice(44)).toBe(checksumOf(t.slice(4, 44)));
      expect(isWellFormedToken(t)).toBe(true);
    }
  });

  it("use every base62 character, roughly evenly", () => {
    const counts = new Map<string, number>();
    for (let i = 0; i < 2000; i++) for (const c of generateToken().slice(4, 44)) counts.set(c, (counts.get(c) ?? 0) + 1);
    expect(counts.size).toBe(62);
    const expected = (2000 * 40) / 62;
    for (const n of counts.values()) expect(Math.abs(n - expected) / expected).toBeLessThan(0.2);
  });

  it("agrees with an independent implementation (Python's zlib.crc32) on a known token", () => {
    const token = `tsr_${"a".repeat(40)}3gcfED`;
    expect(checksumOf("a".repeat(40))).toBe("3gcfED");
    expect(isWellFormedToken(token)).toBe(true);
  });

  const valid = generateToken();
  it.each([
    ["a changed random character", valid.slice(0, 10) + (valid[10] === "A" ? "B" : "A") + valid.slice(11)],
    ["a changed checksum character", valid.slice(0, 49) + (valid[49] === "A" ? "B" : "A")],
    ["the wrong prefix", `tsx_${valid.slice(4)}`],
    ["one character short", valid.slice(0, 49)],
    ["one character long", `${valid}A`],
    ["a non-base62 character", `${valid.slice(0, 20)}-${valid.slice(21)}`],
    ["spaces around it", ` ${valid} `],
    ["a newline inside", `${valid.slice(0, 25)}\n${valid.slice(26)}`],
    ["empty", ""],
    ["10 kB", `tsr_${"A".repeat(10_240)}`],
  ])("refuses %s", (_name, token) => {
    expect(isWellFormedToken(token)).toBe(false);
  });

  it("previews as tsr_ + first 4 random characters + … + last 4", () => {
    const t = `tsr_abcd${"x".repeat(36)}012345`;
    expect(previewOf(t)).toBe("tsr_abcd…2345");
  });
});

describe("hashSecret", () => {
  it.each([
    ["", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"],
    ["abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"],
    ["abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq", "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"],
  ])("is SHA-256 in hex (FIPS 180-4 example %j)", (text, hex) => {
    expect(hashSecret(text)).toBe(hex);
  });

  it("agrees with node:crypto on generated tokens and on text past one block, so stored hashes stay valid", () => {
    const inputs = [...Array.from({ length: 200 }, generateToken), "é€😀".repeat(40), "x".repeat(1000)];
    for (const input of inputs) expect(hashSecret(input)).toBe(createHash("sha256").update(input).digest("hex"));
  });
});
