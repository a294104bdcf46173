import { describe, expect, it } from "vitest";
import type { PermissionCatalog } from "@/lib/permissions/catalog-options";
import { type Grant, permissionsSchema } from "@/lib/permissions/schema";
import { changeEntity, changeProject, groupPermissionErrors, newGrant, nothingChosen, validatePermissions } from "./grant-model";

// vitest.config.mts includes only lib/, server/, tests/ and scripts/: add "components" to its
// include for `npm test` to run this file.

const catalog: PermissionCatalog = {
  projects: ["payments", "storefront"],
  environments: ["dev", "prod"],
  apps: [
    { name: "gateway", project: "payments" },
    { name: "refunds", project: "payments" },
    { name: "web", project: "storefront" },
  ],
  helmApps: [{ name: "redis", project: "payments", environment: "dev" }],
  chartGroups: ["edge"],
};

describe("the permission editor's model", () => {
  it("starts a grant with nothing chosen, which neither the editor nor the API accepts as 'all'", () => {
    const permissions = { superAdmin: false as const, grants: [newGrant()] };
    expect(validatePermissions(permissions).map((e) => e.path)).toEqual([
      "permissions.grants.0.project",
      "permissions.grants.0.environments",
      "permissions.grants.0.apps",
    ]);
    expect(permissionsSchema.safeParse(permissions).success).toBe(false);
  });

  it("keeps 'All' and the apps that exist in the new project", () => {
    const g: Grant = { entity: "devtron-app", project: "payments", environments: [], apps: ["gateway"], role: "view" };
    expect(changeProject(g, "storefront", catalog)).toMatchObject({ project: "storefront", apps: nothingChosen() });
    expect(changeProject({ ...g, apps: [] }, "storefront", catalog)).toMatchObject({ apps: [] });
  });

  it("switches entity keeping what still makes sense", () => {
    const g: Grant = { entity: "devtron-app", project: "payments", environments: ["dev"], apps: ["gateway"], role: "admin" };
    expect(changeEntity(g, "helm-app")).toEqual({
      entity: "helm-app",
      project: "payments",
      environments: ["dev"],
      apps: nothingChosen(),
      role: "admin",
    });
    expect(changeEntity(g, "chart-group")).toEqual({ entity: "chart-group", groups: nothingChosen(), role: "admin" });
    expect(changeEntity({ ...g, role: "trigger" }, "helm-app").role).toBe("view");
  });

  it("sorts API errors to their grant and field", () => {
    const grouped = groupPermissionErrors([
      { path: "name", message: "is already used" },
      { path: "permissions", message: "must be an object" },
      { path: "permissions.grants.2.environments.0", message: "no environment named qa" },
      { path: "permissions.grants.2.project", message: "must not be empty" },
      { path: "permissions.grants.1", message: "must be one of devtron-app, helm-app, chart-group" },
    ]);
    expect(grouped.general).toEqual(["Must be an object"]);
    expect(grouped.grants.get(2)?.fields).toEqual({ environments: ["No environment named qa"], project: ["must not be empty"] });
    expect(grouped.grants.get(1)?.grant).toEqual(["Must be one of devtron-app, helm-app, chart-group"]);
  });
});
