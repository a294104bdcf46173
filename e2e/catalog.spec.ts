import { expect, type Page, test } from "@playwright/test";
import { ADMIN, signIn, signOut, uniqueName } from "./helpers";

// Cookie-authenticated writes must be same-origin (docs/decisions.md); Playwright's request
// context sends no Origin of its own, so API calls made as the signed-in admin add it.
async function apiPost(page: Page, path: string, data: object) {
  const origin = new URL(page.url()).origin;
  const res = await page.request.post(path, { data, headers: { origin } });
  expect(res.status(), `${path}: ${await res.text()}`).toBe(201);
  return res.json();
}

test("a super admin builds the catalog and grants a view role; the user sees only that project's apps, read-only", async ({ page }) => {
  const project = uniqueName("proj");
  const environment = uniqueName("env");
  const app = uniqueName("app");
  const image = `registry.example.com/${app}:1.0.0`;
  const email = `${uniqueName("viewer")}@tessera.test`;
  const password = "viewer-password-12";

  await signIn(page, ADMIN.email, ADMIN.password);

  await page.goto("/projects");
  await page.getByRole("button", { name: "New project" }).click();
  const dialog = page.getByRole("dialog");
  await dialog.getByLabel("Name", { exact: true }).fill(project);
  await dialog.getByLabel("Description").fill("Made by the catalog e2e test");
  await dialog.getByRole("button", { name: "Create project" }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole("cell", { name: project, exact: true })).toBeVisible();

  await page.goto("/environments");
  await page.getByRole("button", { name: "New environment" }).click();
  await dialog.getByLabel("Name", { exact: true }).fill(environment);
  await dialog.getByLabel("Production").check();
  await dialog.getByRole("button", { name: "Create environment" }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole("row", { name: new RegExp(environment) }).getByText("Production")).toBeVisible();

  await page.goto("/apps");
  await page.getByRole("button", { name: "Create app" }).click();
  await dialog.getByLabel("Name", { exact: true }).fill(app);
  await dialog.getByLabel("Project").selectOption(project);
  await dialog.getByLabel("Description").fill("The app under test");
  await dialog.getByRole("button", { name: "Create app" }).click();
  await expect(page).toHaveURL(/\/apps\/\d+$/);
  await expect(page.getByRole("heading", { name: app })).toBeVisible();

  await page.getByRole("button", { name: "Deploy to environment" }).click();
  await dialog.getByLabel("Environment").selectOption(environment);
  await dialog.getByLabel("Image").fill(image);
  await dialog.getByRole("button", { name: "Deploy" }).click();
  await expect(dialog).toBeHidden();
  const deployments = page.getByRole("table", { name: "Deployments" });
  await expect(deployments.getByRole("row", { name: new RegExp(environment) })).toContainText(image);
  const appUrl = page.url();

  // An app in another project, made through the API: the viewer must not see it.
  const otherProject = uniqueName("other");
  const otherApp = uniqueName("hidden");
  await apiPost(page, "/api/v1/projects", { name: otherProject });
  await apiPost(page, "/api/v1/apps", { name: otherApp, project: otherProject });

  await page.goto("/users");
  await page.getByRole("button", { name: "New user" }).click();
  await dialog.getByLabel("Email").fill(email);
  await dialog.getByLabel("Name", { exact: true }).fill("Vera Viewer");
  await dialog.getByLabel("Password").fill(password);
  await dialog.getByRole("button", { name: "Create user" }).click();
  await expect(dialog).toBeHidden();

  await page.getByRole("button", { name: `Actions for ${email}` }).click();
  await page.getByRole("menuitem", { name: "Edit permissions" }).click();
  await expect(dialog.getByRole("radio", { name: "Specific permissions" })).toBeChecked();
  await dialog.getByRole("button", { name: "Add permission" }).click();
  const grant = dialog.getByRole("group", { name: "Permission 1" });
  await grant.getByLabel("Entity").selectOption({ label: "Devtron app" });
  await grant.getByLabel("Project").selectOption(project);
  for (const field of ["Environments", "Apps"]) {
    await grant.getByLabel(field).click();
    await page.getByRole("checkbox", { name: "All (existing and future)" }).check();
    await page.keyboard.press("Escape");
  }
  await grant.getByLabel("Role").selectOption({ label: "View only" });
  await dialog.getByRole("button", { name: "Save permissions" }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole("row", { name: new RegExp(email) })).toContainText(`Devtron app view in ${project}`);

  await signOut(page);
  await signIn(page, email, password);
  await page.goto("/apps");
  const apps = page.getByRole("table", { name: "Devtron apps" });
  await expect(apps.getByRole("link", { name: app })).toBeVisible();
  await expect(apps.getByText(otherApp)).toHaveCount(0);
  await expect(page.getByRole("button", { name: "Create app" })).toHaveCount(0);

  await page.goto(appUrl);
  await expect(page.getByRole("heading", { name: app })).toBeVisible();
  await expect(page.getByRole("table", { name: "Deployments" })).toContainText(image);
  await expect(page.getByRole("button", { name: "Deploy to environment" })).toHaveCount(0);
  await expect(page.getByRole("button", { name: "Edit", exact: true })).toHaveCount(0);
  await signOut(page);
});
