import { describe, expect, it } from "vitest";
import { newGrant } from "../permissions/grant-model";
import { editTokenSchema, generateTokenSchema, regenerateTokenSchema, tokenFieldOf } from "./token-form-schemas";

const paths = (result: { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } }) =>
  Object.fromEntries((result.error?.issues ?? []).map((i) => [i.path.join("."), i.message]));

describe("the token forms' schemas", () => {
  it("turn a preset, a custom day and never into the API's body", () => {
    const base = { name: "ci-bot", description: "", permissions: { superAdmin: true } as const };
    expect(generateTokenSchema.parse({ ...base, expiry: { kind: "preset", days: 7 } })).toEqual({
      ...base,
      expiresInDays: 7,
      allowedIps: [],
    });
    const day = new Date(2031, 0, 15);
    const custom = generateTokenSchema.parse({ ...base, expiry: { kind: "custom", day } });
    expect(custom.expiresAt).toBe(new Date(2031, 0, 15, 23, 59, 59, 999).toISOString());
    expect(generateTokenSchema.parse({ ...base, expiry: { kind: "never" } }).expiresAt).toBeNull();
  });

  it("report every field's problem at once, at the form's own paths", () => {
    const result = generateTokenSchema.safeParse({
      name: "ab",
      description: "",
      expiry: { kind: "custom", day: undefined },
      permissions: { superAdmin: false, grants: [newGrant()] },
    });
    expect(paths(result)).toEqual({
      name: "must be at least 3 characters",
      expiry: "Pick the day the token should expire.",
      // The unfinished row says what to do, and the API schema's "must not be empty" stays out.
      "permissions.grants.0.project": "Choose a project",
      "permissions.grants.0.environments": "Choose at least one environment, or All (existing and future)",
      "permissions.grants.0.apps": "Choose at least one app, or All (existing and future)",
    });
  });

  it("check what the unfinished-row check lets through with the API's own permissions schema", () => {
    const grant = { entity: "devtron-app", project: "p", environments: [], apps: [], role: "owner" };
    const result = editTokenSchema.safeParse({ description: "", permissions: { superAdmin: false, grants: [grant] }, notifyEmails: [] });
    expect(Object.keys(paths(result))).toEqual(["permissions.grants.0.role"]);
  });

  it("check the notify addresses by the API's rule, each error at the row the editor shows it on", () => {
    const values = { description: "", permissions: { superAdmin: true } as const };
    expect(paths(editTokenSchema.safeParse({ ...values, notifyEmails: ["ops@example.com", "", "nope"] }))).toEqual({
      "notifyEmails.1": "must be a valid email address",
      "notifyEmails.2": "must be a valid email address",
    });
    expect(editTokenSchema.parse({ ...values, notifyEmails: [" Ops@Example.com", "ops@example.com"] })).toEqual({
      ...values,
      notifyEmails: ["ops@example.com"],
    });
  });

  it("send the grace period with the new expiry", () => {
    expect(regenerateTokenSchema.parse({ expiry: { kind: "preset", days: 30 }, graceSeconds: 3600 })).toEqual({
      expiresInDays: 30,
      graceSeconds: 3600,
    });
    expect(paths(regenerateTokenSchema.safeParse({ expiry: { kind: "custom", day: undefined }, graceSeconds: 0 }))).toEqual({
      expiry: "Pick the day the new token should expire.",
    });
  });

  it("show the API's expiry errors on the expiry control", () => {
    expect(tokenFieldOf("expiresAt")).toBe("expiry");
    expect(tokenFieldOf("expiresInDays")).toBe("expiry");
    expect(tokenFieldOf("name")).toBeUndefined();
  });
});
