import "server-only";
import { randomBytes, type ScryptOptions, scrypt, timingSafeEqual } from "node:crypto";
import { ApiError } from "@/lib/errors";
import { WorkGate } from "../limits/work-gate";
import { processState } from "../process-state";

// scrypt with OWASP's recommended parameters (N=2^17, r=8, p=1). The parameters are
// stored with each hash, so they can be raised later without breaking old hashes.
// Tests lower N through TESSERA_SCRYPT_LOG_N to keep the suite fast; production
// never sets it.

const KEY_LENGTH = 32;

function params(): { N: number; r: number; p: number } {
  const logN = Number(process.env.TESSERA_SCRYPT_LOG_N ?? 17);
  return { N: 2 ** (Number.isInteger(logN) && logN >= 10 && logN <= 20 ? logN : 17), r: 8, p: 1 };
}

const counters = processState("__tesseraPasswordWork", () => ({ derivations: 0 }));

/** How many scrypt derivations this process has started: the figure that a flood must not move. */
export function passwordDerivations(): number {
  return counters.derivations;
}

function derive(password: string, salt: Buffer, options: ScryptOptions): Promise<Buffer> {
  counters.derivations += 1;
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

// Anyone can make Tessera run scrypt without signing in (the sign-in form, setup), and
// each run holds 128 MiB and a libuv thread for about a quarter of a second. So that work
// goes through one gate per process: two at a time (on a 2-core machine more only wait
// for the CPU, and the other two libuv threads stay free for everything else), eight
// more waiting (about a second's wait at most), and beyond that refused at once.

export const ANONYMOUS_PASSWORD_SLOTS = 2;
export const ANONYMOUS_PASSWORD_QUEUE = 8;
/** Seconds a refused caller is told to wait: roughly how long the queue takes to drain. */
const BUSY_RETRY_AFTER = 2;

export function passwordWorkBusy(): ApiError {
  return new ApiError("rate_limited", "Too many sign-in and setup requests are being checked right now. Try again in a few seconds.", {
    retryAfter: BUSY_RETRY_AFTER,
  });
}

/** The gate for password work started by callers who have not signed in. */
export function anonymousPasswordWork(): WorkGate {
  return processState("__tesseraPasswordGate", () => new WorkGate(ANONYMOUS_PASSWORD_SLOTS, ANONYMOUS_PASSWORD_QUEUE, passwordWorkBusy));
}

/**
 * Sign-in's check, through the gate: the password against the stored hash, or, when
 * there is no such account, the same work spent on nothing. Throws 429 when the gate is full.
 */
export function checkPasswordAnonymously(password: string, stored: string | null): Promise<boolean> {
  return anonymousPasswordWork().run(async () => {
    if (stored !== null) return verifyPassword(password, stored);
    await burnPasswordCheck(password);
    return false;
  });
}

/** Setup's hash, through the same gate. */
export function hashPasswordAnonymously(password: string): Promise<string> {
  return anonymousPasswordWork().run(() => hashPassword(password));
}
