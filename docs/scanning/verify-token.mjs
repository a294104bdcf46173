#!/usr/bin/env node
// Checks Tessera API tokens offline, without calling any server: shape and checksum only.
// A token is `tsr_` + 40 random base62 characters + a 6-character base62 CRC-32 (IEEE) of
// those 40 characters, most significant digit first, 0-padded (lib/tokens/format.ts).
// A valid checksum says the string is a Tessera token, not that it still works.
//
//   node verify-token.mjs tsr_…            prints "valid" or "invalid", exits 0 or 1
//   node verify-token.mjs < candidates.txt  one per line in, "valid" or "invalid" per line out
// No dependencies; Node 18 or later.

const ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
const SHAPE = /^tsr_[0-9A-Za-z]{46}$/;

function crc32(text) {
  let crc = 0xffffffff;
  for (let i = 0; i < text.length; i++) {
    crc ^= text.charCodeAt(i);
    for (let k = 0; k < 8; k++) crc = crc & 1 ? 0xedb88320 ^ (crc >>> 1) : crc >>> 1;
  }
  return (crc ^ 0xffffffff) >>> 0;
}

function base62(value, width) {
  let out = "";
  let n = value;
  do {
    out = ALPHABET[n % 62] + out;
    n = Math.floor(n / 62);
  } while (n > 0);
  return out.padStart(width, "0");
}

export function isTesseraToken(candidate) {
  if (!SHAPE.test(candidate)) return false;
  return base62(crc32(candidate.slice(4, 44)), 6) === candidate.slice(44);
}

async function main() {
  const args = process.argv.slice(2);
  if (args.length > 0) {
    const results = args.map(isTesseraToken);
    for (const ok of results) console.log(ok ? "valid" : "invalid");
    process.exit(results.every(Boolean) ? 0 : 1);
  }
  let input = "";
  for await (const chunk of process.stdin) input += chunk;
  const lines = input.split(/\r?\n/);
  if (lines.at(-1) === "") lines.pop();
  process.stdout.write(lines.map((line) => (isTesseraToken(line.trim()) ? "valid\n" : "invalid\n")).join(""));
}

if (import.meta.url === `file://${process.argv[1]}`) await main();
