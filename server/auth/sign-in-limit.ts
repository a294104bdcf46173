import "server-only";
import { ApiError } from "@/lib/errors";
import { type LimitPolicy, limiter } from "../limits/rate-limit";
import { anonymousPasswordWork, passwordWorkBusy } from "./password";

// Sign-in attempts are limited per client IP + email pair and per client IP — never per
// email alone, which would let anyone lock a known account out by guessing wrong on
// purpose. An attempt is counted before its password is checked, in one atomic step, so
// a burst of concurrent guesses cannot all pass a check that none of them has yet been
// counted against. A sign-in that succeeds clears its pair and gives its IP point back,
// so in effect the limits count failures.

export const SIGN_IN_LIMIT = 10;
/** An IP may fail for several accounts, but not without bound. */
export const SIGN_IN_IP_LIMIT = SIGN_IN_LIMIT * 3;
const SIGN_IN_WINDOW_MS = 15 * 60 * 1000;

export const SIGN_IN_PAIR: LimitPolicy = { name: "sign-in:ip+email", limit: SIGN_IN_LIMIT, windowMs: SIGN_IN_WINDOW_MS };
const SIGN_IN_IP: LimitPolicy = { name: "sign-in:ip", limit: SIGN_IN_IP_LIMIT, windowMs: SIGN_IN_WINDOW_MS };

const byPair = () => limiter(SIGN_IN_PAIR);
const byIp = () => limiter(SIGN_IN_IP);
const pairKey = (ip: string, email: string) => `${ip}|${email}`;

/** Seconds the client must wait before trying this email again, 0 when it may try now. Counts nothing. */
export async function signInRetryAfter(ip: string, email: string): Promise<number> {
  const [ipWait, pairWait] = await Promise.all([byIp().retryAfter(ip), byPair().retryAfter(pairKey(ip, email))]);
  return Math.max(ipWait, pairWait);
}

/**
 * Counts an attempt before its password is checked. Answers 0 when the password may be
 * checked, else the seconds to wait. An attempt refused by one limit is not left counted
 * against the other: hammering one email does not use up the IP's allowance for others.
 */
export async function countSignInAttempt(ip: string, email: string): Promise<number> {
  const pair = await byPair().consume(pairKey(ip, email));
  if (!pair.allowed) return pair.retryAfter;
  const perIp = await byIp().consume(ip);
  if (perIp.allowed) return 0;
  await byPair().refund(pairKey(ip, email));
  return perIp.retryAfter;
}

/** The password was right: the pair starts over, and the attempt stops counting against the IP. */
export async function recordSuccessfulSignIn(ip: string, email: string): Promise<void> {
  await Promise.all([byPair().reset(pairKey(ip, email)), byIp().refund(ip)]);
}

/** The password was never checked (the server was too busy): the attempt is given back. */
export async function recordUncheckedSignIn(ip: string, email: string): Promise<void> {
  await Promise.all([byPair().refund(pairKey(ip, email)), byIp().refund(ip)]);
}

function tooManySignIns(seconds: number): ApiError {
  const minutes = Math.ceil(seconds / 60);
  return new ApiError("rate_limited", `Too many failed sign-in attempts. Try again in ${minutes} minute${minutes === 1 ? "" : "s"}.`, {
    retryAfter: seconds,
  });
}

/**
 * The sign-in route's answer before next-auth runs, or null to let it run: 429 while the
 * client is over a limit or the password checks are full, 503 when the limits cannot be
 * read. The attempt itself is counted later, in authorizeCredentials.
 */
export async function signInRefusal(ip: string, email: string): Promise<ApiError | null> {
  if (anonymousPasswordWork().full) return passwordWorkBusy();
  try {
    const wait = await signInRetryAfter(ip, email);
    return wait > 0 ? tooManySignIns(wait) : null;
  } catch (error) {
    if (error instanceof ApiError) return error;
    throw error;
  }
}
