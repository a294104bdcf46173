import { expect, test } from "@playwright/test";
import { ADMIN_STATE } from "./helpers";

// Dashboard pages carry a nonce-based Content-Security-Policy; the pages must still work
// under it (no script or style refused), and every response must carry its own nonce.

test.use({ storageState: ADMIN_STATE });

test("pages work under a strict Content-Security-Policy with a fresh nonce per response", async ({ page }) => {
  const refused: string[] = [];
  page.on("console", (message) => {
    if (/Content Security Policy/i.test(message.text())) refused.push(message.text());
  });
  const nonces = new Set<string>();
  for (const path of ["/tokens", "/users", "/apps", "/docs/api", "/no-such-page"]) {
    const response = await page.goto(path);
    const policy = response?.headers()["content-security-policy"] ?? "";
    expect(policy, path).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]+' 'strict-dynamic'/);
    expect(policy, path).toContain("frame-ancestors 'none'");
    nonces.add(/'nonce-([^']+)'/.exec(policy)?.[1] ?? "");
  }
  expect(nonces.size).toBe(5);
  // Client-side code ran: the generate dialog opens.
  await page.goto("/tokens");
  await page
    .getByRole("button", { name: /generate/i })
    .first()
    .click();
  await expect(page.getByRole("dialog")).toBeVisible();
  expect(refused).toEqual([]);
});

test("API responses carry no page policy", async ({ request }) => {
  const res = await request.get("/api/health");
  expect(res.headers()["content-security-policy"]).toBeUndefined();
});
