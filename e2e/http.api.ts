import { expect, test } from "@playwright/test";
import { ADMIN, ADMIN_STATE } from "./helpers";

// The real production server over real HTTP, no browser.

test("health answers ok", async ({ request }) => {
  const res = await request.get("/api/health");
  expect(res.status()).toBe(200);
  expect(await res.json()).toEqual({ status: "ok" });
});

test("unknown API paths answer problem+json 404", async ({ request }) => {
  const res = await request.get("/api/v1/does-not-exist");
  expect(res.status()).toBe(404);
  expect(res.headers()["content-type"]).toMatch(/application\/problem\+json/);
  expect(await res.json()).toMatchObject({ code: "not_found", status: 404 });
});

test("the users API refuses anonymous callers with 401 problem+json", async ({ request }) => {
  const res = await request.get("/api/v1/users");
  expect(res.status()).toBe(401);
  expect(await res.json()).toMatchObject({ code: "unauthorized" });
});

test("failed sign-ins are limited per IP + email with 429 and Retry-After, without locking other emails out", async ({
  playwright,
  baseURL,
}) => {
  const request = await playwright.request.newContext({ baseURL });
  const attempt = async (email: string, password: string) => {
    const { csrfToken } = await (await request.get("/api/auth/csrf")).json();
    return request.post("/api/auth/callback/credentials", {
      form: { csrfToken, email, password, json: "true", callbackUrl: "/" },
      maxRedirects: 0,
    });
  };
  const victim = "victim-of-guessing@tessera.test";
  for (let i = 0; i < 10; i++) expect((await attempt(victim, `wrong-${i}-password`)).status()).not.toBe(429);
  const limited = await attempt(victim, "wrong-again-password");
  expect(limited.status()).toBe(429);
  expect(Number(limited.headers()["retry-after"])).toBeGreaterThan(0);
  expect(await limited.json()).toMatchObject({ code: "rate_limited", detail: expect.stringMatching(/Too many failed sign-in attempts/) });
  // The admin can still sign in from here: the limit is per IP + email, not per IP alone at 10.
  const ok = await attempt(ADMIN.email, ADMIN.password);
  expect(ok.status()).not.toBe(429);
  await request.dispose();
});

test.describe("client address", () => {
  test.use({ storageState: ADMIN_STATE });

  test("a forged X-Forwarded-For is not taken as the client's address", async ({ request, baseURL }) => {
    const created = await request.post("/api/v1/tokens", {
      data: { name: `xff-${Date.now().toString(36)}`, permissions: { superAdmin: true } },
      headers: { origin: baseURL! },
    });
    expect(created.status()).toBe(201);
    const { token, secret } = await created.json();
    expect((await request.get("/api/v1/me", { headers: { token: secret, "x-forwarded-for": "6.6.6.6" } })).status()).toBe(200);
    // Usage is written in batches at most every 5 seconds. Read it with the session, not the
    // token, so that this read does not itself count as a use.
    await expect
      .poll(async () => (await (await request.get(`/api/v1/tokens/${token.id}`)).json()).lastUsedIp, { timeout: 15_000 })
      .toMatch(/^(127\.0\.0\.1|::1|::ffff:127\.0\.0\.1)$/);
  });
});
