import { describe, expect, it } from "vitest";
import { summarizeAuditDetails } from "./audit-details";

describe("sign-in events in the audit log", () => {
  it.each([
    ["sign-in.succeeded", { email: "a@example.com", method: "password" }, "signed in with password"],
    ["sign-in.succeeded", { email: "a@example.com", method: "github" }, "signed in with github"],
    [
      "sign-in.failed",
      { email: "a@example.com", method: "password", reason: "invalid-credentials" },
      "refused with password: wrong email or password",
    ],
    ["sign-in.failed", { email: null, method: "oidc", reason: "not-registered" }, "refused with oidc: no user with this email"],
    ["sign-in.failed", { method: "google", reason: "no-verified-email" }, "refused with google: the provider did not verify the email"],
    ["user.sso-linked", { email: "a@example.com", provider: "gitlab" }, "linked their gitlab account"],
  ])("%s %j reads %j", (action, details, text) => {
    expect(summarizeAuditDetails(action, details)).toBe(text);
  });
});
