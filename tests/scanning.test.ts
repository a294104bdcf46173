import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { generateToken, isWellFormedToken } from "@/lib/tokens/format";

// The scanner rules shipped in docs/scanning/ (and shown at /docs/scanning): the gitleaks
// rule's and the GitHub custom pattern's regexes, read from the shipped files, find every
// generated token wherever it sits in a line; the verifier snippets, run as the programs
// people will run (node, python3), accept every generated token and reject every corrupted
// one — one character changed, or another token's checksum — as lib/tokens/format.ts does.

const DIR = path.resolve(__dirname, "../docs/scanning");
const N = 1000;
const ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

function gitleaksRegex(): RegExp {
  const toml = readFileSync(path.join(DIR, "gitleaks.toml"), "utf8");
  const [, source] = /^regex = '''(.*)'''$/m.exec(toml) ?? [];
  expect(source, "gitleaks.toml has a regex").toBeDefined();
  // RE2 (gitleaks) and JavaScript read this regex alike: ASCII classes, \b, one group.
  return new RegExp(source!, "g");
}

function githubRegex(): RegExp {
  const pattern = JSON.parse(readFileSync(path.join(DIR, "github-custom-pattern.json"), "utf8")) as Record<string, string>;
  const before = pattern.beforeSecret!.replace("\\A", "^");
  const after = pattern.afterSecret!.replace("\\z", "$");
  return new RegExp(`(?:${before})(${pattern.secretFormat})(?:${after})`, "gm");
}

const tokens = Array.from({ length: N }, generateToken);
const CONTEXTS = [
  (t: string) => `export TESSERA_TOKEN=${t}`,
  (t: string) => `{"token":"${t}"}`,
  (t: string) => `Authorization: Bearer ${t}\n`,
];

/** One character of the random part or the checksum replaced by another, or the checksum of another token. */
function corrupt(token: string, i: number): string {
  if (i % 3 === 2) return token.slice(0, 44) + tokens[(i + 1) % N]!.slice(44);
  const at = i % 3 === 0 ? 4 + (i % 40) : 44 + (i % 6);
  const was = ALPHABET.indexOf(token[at]!);
  return token.slice(0, at) + ALPHABET[(was + 1 + (i % 61)) % 62] + token.slice(at + 1);
}
const corrupted = tokens.map(corrupt);

const run = (command: string, args: string[], input: string) => execFileSync(command, args, { input, encoding: "utf8" });

describe("docs/scanning", () => {
  it(`gitleaks.toml's regex finds each of ${N} generated tokens, whole, wherever it sits`, () => {
    const regex = gitleaksRegex();
    tokens.forEach((token, i) => {
      const line = CONTEXTS[i % CONTEXTS.length]!(token);
      expect([...line.matchAll(regex)].map((m) => m[1])).toEqual([token]);
    });
    expect("xtsr_".concat(tokens[0]!.slice(4)).match(regex)).toBeNull();
  });

  it(`the GitHub custom pattern finds each of ${N} generated tokens`, () => {
    const regex = githubRegex();
    tokens.forEach((token, i) => {
      expect([...CONTEXTS[i % CONTEXTS.length]!(token).matchAll(regex)].map((m) => m[1])).toEqual([token]);
    });
  });

  it(`the Node verifier accepts ${N} generated tokens and rejects ${N} corrupted ones`, () => {
    expect(corrupted.every((c, i) => c !== tokens[i] && c.length === tokens[i]!.length)).toBe(true);
    const script = path.join(DIR, "verify-token.mjs");
    expect(run(process.execPath, [script], tokens.join("\n")).trim().split("\n")).toEqual(tokens.map(() => "valid"));
    expect(run(process.execPath, [script], corrupted.join("\n")).trim().split("\n")).toEqual(corrupted.map(() => "invalid"));
    // The library the server checks with agrees on every one.
    expect(corrupted.filter(isWellFormedToken)).toEqual([]);
  });

  it(`the Python verifier accepts ${N} generated tokens and rejects ${N} corrupted ones`, () => {
    const script = path.join(DIR, "verify_token.py");
    expect(run("python3", [script], tokens.join("\n")).trim().split("\n")).toEqual(tokens.map(() => "valid"));
    expect(run("python3", [script], corrupted.join("\n")).trim().split("\n")).toEqual(corrupted.map(() => "invalid"));
  });

  it("the verifiers' one-token form exits 0 for a token and 1 for anything else", () => {
    const script = path.join(DIR, "verify-token.mjs");
    expect(run(process.execPath, [script, tokens[0]!], "")).toBe("valid\n");
    expect(() => run(process.execPath, [script, corrupted[0]!], "")).toThrow();
    expect(() => run("python3", [path.join(DIR, "verify_token.py"), "tsr_short"], "")).toThrow();
  });
});
