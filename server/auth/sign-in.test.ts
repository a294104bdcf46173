import { beforeAll, describe, expect, it } from "vitest";
import { ACCOUNT_DISABLED } from "@/lib/errors";
import { useFreshDatabase } from "@/tests/helpers/db";
import { makeUser, unique } from "@/tests/helpers/fixtures";
import { authorizeCredentials } from "./options";
import { hashPassword, verifyPassword } from "./password";
import { SIGN_IN_LIMIT, signInRetryAfter } from "./sign-in-limit";

const PASSWORD = "correct horse battery";
let email: string;

beforeAll(async () => {
  const db = await useFreshDatabase();
  email = (await makeUser(db, { password: PASSWORD })).email;
  await makeUser(db, { email: "disabled@example.com", password: PASSWORD, disabled: true });
});

const from = (ip: string) => new Headers({ "x-forwarded-for": ip });

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

  it("answers the same null for a wrong password and an unknown email", async () => {
    expect(await authorizeCredentials({ email, password: "wrong password!" }, from("10.1.0.2"))).toBeNull();
    expect(await authorizeCredentials({ email: "nobody@example.com", password: PASSWORD }, from("10.1.0.2"))).toBeNull();
    expect(await authorizeCredentials({ email: "not an email", password: PASSWORD }, from("10.1.0.2"))).toBeNull();
  });

  it("says an account is disabled only after the right password", async () => {
    expect(await authorizeCredentials({ email: "disabled@example.com", password: "wrong password!" }, from("10.1.0.3"))).toBeNull();
    await expect(authorizeCredentials({ email: "disabled@example.com", password: PASSWORD }, from("10.1.0.3"))).rejects.toThrow(
      ACCOUNT_DISABLED,
    );
  });

  it("limits failures per IP + email, without locking the account for other IPs", async () => {
    const ip = "10.2.0.1";
    for (let i = 0; i < SIGN_IN_LIMIT; i++) await authorizeCredentials({ email, password: "wrong password!" }, from(ip));
    expect(signInRetryAfter(ip, email)).toBeGreaterThan(14 * 60);
    expect(signInRetryAfter("10.2.0.2", email)).toBe(0);
    expect(signInRetryAfter(ip, `${unique("other")}@example.com`)).toBe(0);
  });

  it("limits one IP that fails across many emails", async () => {
    const ip = "10.3.0.1";
    for (let i = 0; i < SIGN_IN_LIMIT * 3; i++) {
      await authorizeCredentials({ email: `guess${i}@example.com`, password: "wrong password!" }, from(ip));
    }
    expect(signInRetryAfter(ip, "fresh@example.com")).toBeGreaterThan(0);
    expect(signInRetryAfter("10.3.0.2", "fresh@example.com")).toBe(0);
  });
});
