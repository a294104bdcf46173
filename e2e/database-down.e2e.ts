import { expect, test } from "@playwright/test";

// Against a Tessera whose PostgreSQL cannot be reached: a friendly page in the
// dashboard, 503 problem+json on the API, and nothing internal in either.

test("the dashboard shows a friendly error page, not a blank screen or a stack trace", async ({ page }) => {
  await page.goto("/");
  await expect(page.getByRole("heading", { name: "Something went wrong" })).toBeVisible();
  await expect(page.getByText("Tessera could not reach its database")).toBeVisible();
  await expect(page.getByRole("button", { name: "Retry" })).toBeVisible();
  await expect(page.locator("body")).not.toContainText("ECONNREFUSED");
});

test("the API answers 503: health, and problem+json unavailable", async ({ request }) => {
  const health = await request.get("/api/health");
  expect(health.status()).toBe(503);
  expect(await health.json()).toEqual({ status: "unavailable" });
  const api = await request.get("/api/v1/me", { headers: { token: `tsr_${"a".repeat(40)}3gcfED` } });
  expect(api.status()).toBe(503);
  expect(api.headers()["content-type"]).toMatch(/application\/problem\+json/);
  const body = await api.json();
  expect(body).toEqual({
    type: "about:blank",
    title: "Service unavailable",
    status: 503,
    code: "unavailable",
    detail: "The database cannot be reached. Try again shortly.",
  });
});
