import "server-only";
import { randomBytes, type ScryptOptions, scrypt, timingSafeEqual } from "node:crypto";

// scrypt with OWASP's recommended parameters (N=2^17, r=8, p=1). The parameters are
// stored with each hash, so they can be raised later without breaking old hashes.
// Tests lower N through TESSERA_SCRYPT_LOG_N to keep the suite fast; production
// never sets it.

const KEY_LENGTH = 32;

function params(): { N: number; r: number; p: number } {
  const logN = Number(process.env.TESSERA_SCRYPT_LOG_N ?? 17);
  return { N: 2 ** (Number.isInteger(logN) && logN >= 10 && logN <= 20 ? logN : 17), r: 8, p: 1 };
}

function derive(password: string, salt: Buffer, options: ScryptOptions): Promise<Buffer> {
  const maxmem = 256 * (options.N ?? 0) * (options.r ?? 8) + 1024 * 1024;
  return new Promise((resolve, reject) =>
    scrypt(password.normalize("NFKC"), salt, KEY_LENGTH, { ...options, maxmem }, (error, key) => (error ? reject(error) : resolve(key))),
  );
}

export async function hashPassword(password: string): Promise<string> {
  const { N, r, p } = params();
  const salt = randomBytes(16);
  const key = await derive(password, salt, { N, r, p });
  return `scrypt$${N}$${r}$${p}$${salt.toString("base64")}$${key.toString("base64")}`;
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [scheme, n, r, p, salt, key] = stored.split("$");
  if (scheme !== "scrypt" || !salt || !key) return false;
  const expected = Buffer.from(key, "base64");
  const actual = await derive(password, Buffer.from(salt, "base64"), { N: Number(n), r: Number(r), p: Number(p) });
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}

let dummy: Promise<string> | undefined;
/** Spends the same time as a real check, so a missing account can't be told apart by timing. */
export async function burnPasswordCheck(password: string): Promise<void> {
  dummy ??= hashPassword("tessera-timing-equaliser");
  await verifyPassword(password, await dummy);
}
