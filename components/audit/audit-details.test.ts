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

describe("leak response events in the audit log", () => {
  it.each([
    [
      "token.leaked",
      { name: "t", secret: "current", reportedFrom: "203.0.113.9" },
      "reported leaked from 203.0.113.9; the token was deleted",
    ],
    [
      "token.leaked",
      { name: "t", secret: "previous", reportedFrom: "::1" },
      "reported leaked from ::1; its old secret stopped (grace ended)",
    ],
    ["token.grace_ended", { name: "t", reason: "manual" }, "old secret stopped by hand"],
  ])("%s %j reads %j", (action, details, text) => {
    expect(summarizeAuditDetails(action, details)).toBe(text);
  });

  it("says when a quiet grace ended", () => {
    const text = summarizeAuditDetails("token.grace_ended", {
      reason: "quiet",
      quietSeconds: 600,
      oldSecretLastUsedAt: "2026-12-01T10:00:00.000Z",
    });
    expect(text).toMatch(/^old secret stopped: unused since .+ \(quiet period 600 s\)$/);
  });
});
