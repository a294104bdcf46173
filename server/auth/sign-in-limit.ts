import "server-only";
import { limiter } from "../http/rate-limit";

// Failed sign-ins are counted per client IP and per IP + email pair — never per email
// alone, which would let anyone lock a known account out by guessing wrong on purpose.

export const SIGN_IN_LIMIT = 10;
export const SIGN_IN_WINDOW_MS = 15 * 60 * 1000;
/** An IP may fail for several accounts, but not without bound. */
const PER_IP_LIMIT = SIGN_IN_LIMIT * 3;

const byIp = () => limiter("sign-in:ip", PER_IP_LIMIT, SIGN_IN_WINDOW_MS);
const byPair = () => limiter("sign-in:ip+email", SIGN_IN_LIMIT, SIGN_IN_WINDOW_MS);

/** Seconds the client must wait before trying this email again, 0 when it may try now. */
export function signInRetryAfter(ip: string, email: string): number {
  return Math.max(byIp().retryAfter(ip), byPair().retryAfter(`${ip}|${email}`));
}

export function recordFailedSignIn(ip: string, email: string): void {
  byIp().fail(ip);
  byPair().fail(`${ip}|${email}`);
}

export function recordSuccessfulSignIn(ip: string, email: string): void {
  byPair().reset(`${ip}|${email}`);
}
