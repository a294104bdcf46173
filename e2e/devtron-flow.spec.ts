import { expect, test } from "@playwright/test";
import { ADMIN, signIn, uniqueName } from "./helpers";

// The seed example: a super admin generates a token from the browser session, and a
// plain script (no cookies, just the token) creates a Devtron application with it.
test("a token generated from the dashboard session creates an app from a plain fetch", async ({ page, baseURL }) => {
  await signIn(page, ADMIN.email, ADMIN.password);
  const project = uniqueName("proj");
  const tokenName = uniqueName("ci");
  const made = await page.evaluate(
    async ({ project, tokenName }) => {
      const post = (path: string, body: unknown) =>
        fetch(path, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) }).then(async (r) => ({
          status: r.status,
          body: await r.json(),
        }));
      const p = await post("/api/v1/projects", { name: project });
      const t = await post("/api/v1/tokens", {
        name: tokenName,
        expiresInDays: 7,
        permissions: { superAdmin: false, grants: [{ entity: "devtron-app", project, environments: [], apps: [], role: "admin" }] },
      });
      return { projectId: p.body.id as number, projectStatus: p.status, tokenStatus: t.status, secret: t.body.secret as string };
    },
    { project, tokenName },
  );
  expect(made.projectStatus).toBe(201);
  expect(made.tokenStatus).toBe(201);
  expect(made.secret).toMatch(/^tsr_[0-9A-Za-z]{46}$/);

  // A plain fetch from Node: no browser, no cookies.
  const appName = uniqueName("app").slice(0, 30).replace(/-$/, "x");
  const created = await fetch(`${baseURL}/orchestrator/app`, {
    method: "POST",
    headers: { "content-type": "application/json", token: made.secret },
    body: JSON.stringify({
      appName,
      teamId: made.projectId,
      description: "made by a script",
      labels: [{ key: "team", value: "ci", propagate: false }],
    }),
  });
  expect(created.status).toBe(200);
  expect(await created.json()).toMatchObject({ code: 200, status: "OK", result: { appName, teamId: made.projectId } });

  const list = await fetch(`${baseURL}/api/v1/apps?q=${appName}`, { headers: { authorization: `Bearer ${made.secret}` } });
  expect((await list.json()).data.map((a: { name: string }) => a.name)).toEqual([appName]);

  // The same token cannot manage tokens: it is not a super admin.
  expect((await fetch(`${baseURL}/api/v1/tokens`, { headers: { token: made.secret } })).status).toBe(403);
});
