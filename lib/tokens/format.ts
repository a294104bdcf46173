import { sha256 } from "@noble/hashes/sha2";
import { bytesToHex, utf8ToBytes } from "@noble/hashes/utils";

// The token format (docs/design.md, "Tokens"), in one pure module so other tools can validate
// tokens the same way: `tsr_` + 40 random base62 characters + a 6-character base62
// CRC-32 (IEEE) of those 40 characters, most significant digit first, 0-padded.
// A typo or a truncated paste is caught here, before any database lookup. Generating,
// hashing and previewing a secret live together here, so what is stored can only ever
// be derived from a secret the way the check derives it.

export const TOKEN_PREFIX = "tsr_";
export const RANDOM_LENGTH = 40;
export const CHECKSUM_LENGTH = 6;
export const TOKEN_LENGTH = TOKEN_PREFIX.length + RANDOM_LENGTH + CHECKSUM_LENGTH;
export const TOKEN_PATTERN = /^tsr_[0-9A-Za-z]{46}$/;

const ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

const CRC_TABLE = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

/** CRC-32 (IEEE 802.3, as zlib and PNG) of an ASCII string. */
export function crc32(text: string): number {
  let crc = 0xffffffff;
  for (let i = 0; i < text.length; i++) crc = CRC_TABLE[(crc ^ text.charCodeAt(i)) & 0xff]! ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

/** Base62, most significant digit first, left-padded with "0" to `width`. */
export function toBase62(value: number, width: number): string {
  let out = "";
  let n = value;
  do {
    out = ALPHABET[n % 62] + out;
    n = Math.floor(n / 62);
  } while (n > 0);
  return out.padStart(width, "0");
}

export function checksumOf(random: string): string {
  return toBase62(crc32(random), CHECKSUM_LENGTH);
}

/** 40 characters from a CSPRNG; rejection sampling keeps every character equally likely. */
function randomBase62(length: number): string {
  let out = "";
  const bytes = new Uint8Array(length * 2);
  while (out.length < length) {
    crypto.getRandomValues(bytes);
    for (const b of bytes) {
      if (b < 248 && out.length < length) out += ALPHABET[b % 62];
    }
  }
  return out;
}

export function generateToken(): string {
  const random = randomBase62(RANDOM_LENGTH);
  return TOKEN_PREFIX + random + checksumOf(random);
}

/** Shape and checksum; true says nothing about whether the token exists. */
export function isWellFormedToken(token: string): boolean {
  if (token.length !== TOKEN_LENGTH || !TOKEN_PATTERN.test(token)) return false;
  const random = token.slice(TOKEN_PREFIX.length, TOKEN_PREFIX.length + RANDOM_LENGTH);
  return checksumOf(random) === token.slice(TOKEN_PREFIX.length + RANDOM_LENGTH);
}

/**
 * What is stored and looked up instead of the secret: its SHA-256, in hex. Synchronous and
 * browser-safe (docs/decisions.md says why not node:crypto or Web Crypto).
 */
export function hashSecret(secret: string): string {
  return bytesToHex(sha256(utf8ToBytes(secret)));
}

/** What the dashboard shows instead of the secret: `tsr_` + 4 random characters + `…` + the last 4. */
export function previewOf(token: string): string {
  return `${TOKEN_PREFIX}${token.slice(TOKEN_PREFIX.length, TOKEN_PREFIX.length + 4)}…${token.slice(-4)}`;
}
