import { beforeAll, describe, expect, it } from "vitest";
import { POST as signInRoute } from "@/app/api/auth/[...nextauth]/route";
import { ACCOUNT_DISABLED, SIGN_IN_RATE_LIMITED, SIGN_IN_UNAVAILABLE } from "@/lib/errors";
import { getSql } from "@/server/db";
import { useCounterStore } from "@/server/limits/rate-limit";
import { brokenCounterStore, useFreshCounterStore, useFreshDatabase, usingPostgres } from "@/tests/helpers/db";
import { makeUser, unique } from "@/tests/helpers/fixtures";
import { authorizeCredentials } from "./options";
import {
  ANONYMOUS_PASSWORD_QUEUE,
  ANONYMOUS_PASSWORD_SLOTS,
  anonymousPasswordWork,
  burnPasswordCheck,
  hashPassword,
  passwordDerivations,
  verifyPassword,
} from "./password";
import { countSignInAttempt, SIGN_IN_IP_LIMIT, SIGN_IN_LIMIT, signInRefusal, signInRetryAfter } from "./sign-in-limit";

// Sign-in's limits count an attempt before its password is checked, so concurrent
// guesses cannot outrun them. "Reached the password check" is measured by counting
// scrypt derivations (each check is exactly one), never by timing.

const PASSWORD = "correct horse battery";
let email: string;

beforeAll(async () => {
  const db = await useFreshDatabase();
  email = (await makeUser(db, { password: PASSWORD })).email;
  await makeUser(db, { email: "disabled@example.com", password: PASSWORD, disabled: true });
  // The first check of an unknown email also makes the process's dummy hash: do it now.
  await burnPasswordCheck("warm-up");
});

const from = (ip: string) => new Headers({ "x-forwarded-for": ip });
const attempt = (ip: string, password: string, who = email) => authorizeCredentials({ email: who, password }, from(ip));
/** What an attempt came to: the user's email, "wrong" (null), or the error code next-auth would put on the URL. */
const outcome = (p: Promise<{ email: string } | null>) =>
  p.then(
    (user) => (user ? user.email : "wrong"),
    (error: Error) => error.message,
  );
function tally(outcomes: string[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const o of outcomes) counts[o] = (counts[o] ?? 0) + 1;
  return counts;
}

async function derivationsDuring(work: () => Promise<unknown>): Promise<number> {
  const before = passwordDerivations();
  await work();
  return passwordDerivations() - before;
}

function holdPasswordWork(): () => Promise<void> {
  let release!: () => void;
  const held = new Promise<void>((r) => {
    release = r;
  });
  const gate = anonymousPasswordWork();
  const runs = Array.from({ length: ANONYMOUS_PASSWORD_SLOTS + ANONYMOUS_PASSWORD_QUEUE }, () => gate.run(() => held));
  expect(gate.full).toBe(true);
  return async () => {
    release();
    await Promise.all(runs);
  };
}

describe("passwords", () => {
  it("hashes with scrypt, salted, and verifies only the right password", async () => {
    const a = await hashPassword("s3cret-password!");
    const b = await hashPassword("s3cret-password!");
    expect(a).toMatch(/^scrypt\$\d+\$8\$1\$/);
    expect(a).not.toBe(b);
    expect(await verifyPassword("s3cret-password!", a)).toBe(true);
    expect(await verifyPassword("s3cret-password?", a)).toBe(false);
    expect(await verifyPassword("x", "garbage")).toBe(false);
  });
});

describe("sign-in", () => {
  it("accepts the right password, case-insensitively on the email", async () => {
    const user = await authorizeCredentials({ email: email.toUpperCase(), password: PASSWORD }, from("10.1.0.1"));
    expect(user).toMatchObject({ email });
  });

  it("answers the same null for a wrong password and an unknown email, each after one password check", async () => {
    expect(await derivationsDuring(async () => expect(await attempt("10.1.0.2", "wrong password!")).toBeNull())).toBe(1);
    expect(await derivationsDuring(async () => expect(await attempt("10.1.0.2", PASSWORD, "nobody@example.com")).toBeNull())).toBe(1);
    expect(await attempt("10.1.0.2", PASSWORD, "not an email")).toBeNull();
  });

  it("says an account is disabled only after the right password", async () => {
    expect(await attempt("10.1.0.3", "wrong password!", "disabled@example.com")).toBeNull();
    await expect(attempt("10.1.0.3", PASSWORD, "disabled@example.com")).rejects.toThrow(ACCOUNT_DISABLED);
  });

  it("limits failures per IP + email, without locking the account for other IPs", async () => {
    const ip = "10.2.0.1";
    for (let i = 0; i < SIGN_IN_LIMIT; i++) await attempt(ip, "wrong password!");
    expect(await signInRetryAfter(ip, email)).toBeGreaterThan(14 * 60);
    expect(await signInRetryAfter("10.2.0.2", email)).toBe(0);
    expect(await signInRetryAfter(ip, `${unique("other")}@example.com`)).toBe(0);
    await expect(attempt(ip, PASSWORD)).rejects.toThrow(SIGN_IN_RATE_LIMITED);
    expect(await attempt("10.2.0.2", PASSWORD)).toMatchObject({ email });
  });

  it("limits one IP that fails across many emails", async () => {
    const ip = "10.3.0.1";
    for (let i = 0; i < SIGN_IN_IP_LIMIT; i++) await attempt(ip, "wrong password!", `guess${i}@example.com`);
    expect(await signInRetryAfter(ip, "fresh@example.com")).toBeGreaterThan(0);
    expect(await signInRetryAfter("10.3.0.2", "fresh@example.com")).toBe(0);
  });

  it("a success starts the pair over and does not count against the IP", async () => {
    const ip = "10.4.0.1";
    for (let i = 0; i < SIGN_IN_LIMIT - 1; i++) expect(await attempt(ip, "wrong password!")).toBeNull();
    expect(await attempt(ip, PASSWORD)).toMatchObject({ email });
    for (let i = 0; i < SIGN_IN_LIMIT - 1; i++) expect(await attempt(ip, "wrong password!")).toBeNull();
    expect(await signInRetryAfter(ip, email)).toBe(0);
    // An office behind one address: many successful sign-ins never reach the per-IP limit.
    const office = "10.4.0.2";
    for (let i = 0; i < SIGN_IN_IP_LIMIT + 5; i++) expect(await attempt(office, PASSWORD)).toMatchObject({ email });
    expect(await signInRetryAfter(office, "someone-else@example.com")).toBe(0);
  });
});

describe("concurrent sign-in attempts", () => {
  it("of 40 concurrent wrong attempts for one IP + email, exactly 10 reach the password check", async () => {
    const ip = "10.5.0.1";
    let outcomes: string[] = [];
    const checks = await derivationsDuring(async () => {
      outcomes = await Promise.all(Array.from({ length: 40 }, () => outcome(attempt(ip, "wrong password!"))));
    });
    expect(checks).toBe(SIGN_IN_LIMIT);
    expect(tally(outcomes)).toEqual({ wrong: SIGN_IN_LIMIT, [SIGN_IN_RATE_LIMITED]: 40 - SIGN_IN_LIMIT });
    expect(await signInRetryAfter(ip, email)).toBeGreaterThan(14 * 60);
  });

  it("in a burst of 150, the right password placed after the 10th attempt does not get in", async () => {
    const ip = "10.5.0.2";
    let outcomes: string[] = [];
    const checks = await derivationsDuring(async () => {
      outcomes = await Promise.all(
        Array.from({ length: 150 }, (_, i) => outcome(attempt(ip, i < SIGN_IN_LIMIT ? `wrong password ${i}` : PASSWORD))),
      );
    });
    expect(outcomes.slice(0, SIGN_IN_LIMIT)).toEqual(Array(SIGN_IN_LIMIT).fill("wrong"));
    expect(tally(outcomes.slice(SIGN_IN_LIMIT))).toEqual({ [SIGN_IN_RATE_LIMITED]: 150 - SIGN_IN_LIMIT });
    expect(checks).toBe(SIGN_IN_LIMIT);
    // The account itself is not locked: the right password from elsewhere gets in.
    expect(await attempt("10.5.0.3", PASSWORD)).toMatchObject({ email });
  });

  it(`of 40 concurrent attempts from one IP for 40 emails, exactly ${SIGN_IN_IP_LIMIT} are let through to the password check`, async () => {
    // Counted at the limit itself: 30 concurrent checks would overflow the password-check gate, which is the gate's job.
    const ip = "10.5.0.4";
    const waits = await Promise.all(Array.from({ length: 40 }, (_, i) => countSignInAttempt(ip, `spray${i}@example.com`)));
    expect(waits.filter((w) => w === 0)).toHaveLength(SIGN_IN_IP_LIMIT);
    expect(waits.filter((w) => w > 14 * 60)).toHaveLength(40 - SIGN_IN_IP_LIMIT);
    // The refused ones were given back to their pairs: each of those emails is not itself limited.
    expect(await signInRetryAfter("10.5.0.5", "spray39@example.com")).toBe(0);
    expect(await signInRetryAfter(ip, "anyone@example.com")).toBeGreaterThan(14 * 60);
  });

  it("counts where a server would: in the database's shared table on PostgreSQL, in memory on PGlite", async () => {
    const [{ n }] = (await (await getSql())<{ n: number }>(`SELECT count(*)::int AS n FROM "RateLimitCounter"`)) as [{ n: number }];
    expect(n > 0).toBe(usingPostgres);
  });

  it("one pair's whole allowance fits the password-check gate, so a burst is answered by the limit rather than by 'busy'", () => {
    expect(ANONYMOUS_PASSWORD_SLOTS + ANONYMOUS_PASSWORD_QUEUE).toBeGreaterThanOrEqual(SIGN_IN_LIMIT);
  });
});

describe("when the limits or the password checks are unavailable", () => {
  it("a limiter whose database fails never lets a sign-in through: no password is checked, the code is SignInUnavailable", async () => {
    const broken = await brokenCounterStore();
    useCounterStore(broken.store);
    try {
      const checks = await derivationsDuring(async () => {
        await expect(attempt("10.6.0.1", PASSWORD)).rejects.toThrow(SIGN_IN_UNAVAILABLE);
      });
      expect(checks).toBe(0);
      expect((await signInRefusal("10.6.0.1", email))?.toProblem()).toMatchObject({ status: 503, code: "unavailable" });
    } finally {
      useFreshCounterStore();
      await broken.close();
    }
  });

  it("with the password checks full, a sign-in is refused at once and not counted; the route's precheck says 429", async () => {
    const ip = "10.6.0.2";
    const release = holdPasswordWork();
    try {
      const checks = await derivationsDuring(async () => {
        for (let i = 0; i < SIGN_IN_LIMIT + 2; i++) await expect(attempt(ip, PASSWORD)).rejects.toThrow(SIGN_IN_UNAVAILABLE);
      });
      expect(checks).toBe(0);
      const refusal = await signInRefusal(ip, email);
      expect(refusal).toMatchObject({ code: "rate_limited", retryAfter: expect.any(Number) });
    } finally {
      await release();
    }
    expect(await signInRetryAfter(ip, email)).toBe(0);
    expect(await attempt(ip, PASSWORD)).toMatchObject({ email });
  });
});

describe("the sign-in route's precheck", () => {
  const post = (ip: string, who: string) =>
    signInRoute(
      new Request("http://localhost:3000/api/auth/callback/credentials", {
        method: "POST",
        headers: { "content-type": "application/x-www-form-urlencoded", "x-forwarded-for": ip },
        body: new URLSearchParams({ email: who, password: "wrong password!", csrfToken: "x" }),
      }),
      { params: Promise.resolve({ nextauth: ["callback", "credentials"] }) },
    );

  it("answers 429 problem+json with Retry-After before next-auth runs, once the pair is over its limit", async () => {
    const ip = "10.7.0.1";
    await Promise.all(Array.from({ length: SIGN_IN_LIMIT + 5 }, () => outcome(attempt(ip, "wrong password!"))));
    const res = await post(ip, email.toUpperCase());
    expect(res.status).toBe(429);
    expect(res.headers.get("content-type")).toMatch(/application\/problem\+json/);
    expect(Number(res.headers.get("retry-after"))).toBeGreaterThan(14 * 60);
    expect(await res.json()).toMatchObject({ code: "rate_limited", detail: "Too many failed sign-in attempts. Try again in 15 minutes." });
  });

  it("answers 503 unavailable when the limits cannot be read", async () => {
    const broken = await brokenCounterStore();
    useCounterStore(broken.store);
    try {
      const res = await post("10.7.0.2", email);
      expect(res.status).toBe(503);
      expect(await res.json()).toMatchObject({ code: "unavailable" });
    } finally {
      useFreshCounterStore();
      await broken.close();
    }
  });
});
