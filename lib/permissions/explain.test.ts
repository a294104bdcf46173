import { describe, expect, it } from "vitest";
import { authorize, explain } from "./policy";
import { POLICY_CASES, type PolicyCase } from "./policy-table";
import { type Grant, NO_PERMISSIONS, type Permissions, SUPER_ADMIN } from "./schema";

// explain() answers "may this principal do this, and why?" with the same rules authorize()
// decides by. Checked over every row of the policy table: the answer, the grant it names
// (which on its own must allow the request), and a reason that says which way it went.

const permissionsOf = (grant: PolicyCase["grant"]): Permissions =>
  grant === "superAdmin" ? SUPER_ADMIN : grant === "none" ? NO_PERMISSIONS : { superAdmin: false, grants: [grant] };

describe("explain agrees with authorize and with the policy table", () => {
  it.each(POLICY_CASES)("$note", (c) => {
    const p = permissionsOf(c.grant);
    const answer = explain(p, c.request);
    expect(answer.allowed).toBe(c.allowed);
    expect(answer.allowed).toBe(authorize(p, c.request));
    if (answer.allowed && c.grant !== "superAdmin") expect(answer.grant).toEqual(c.grant);
    else expect(answer.grant).toBeNull();
    expect(answer.reason).toMatch(answer.allowed ? /^(Allowed by the grant |Super admin)/ : /^(Not allowed|Only super admins)/);
  });

  it("with many grants, names one that allows it on its own", () => {
    const grants: Grant[] = POLICY_CASES.flatMap((c) => (typeof c.grant === "object" ? [c.grant] : []));
    const p: Permissions = { superAdmin: false, grants };
    for (const c of POLICY_CASES) {
      const answer = explain(p, c.request);
      expect(answer.allowed, c.note).toBe(authorize(p, c.request));
      if (answer.grant) expect(authorize({ superAdmin: false, grants: [answer.grant] }, c.request), c.note).toBe(true);
    }
  });
});

describe("the reasons", () => {
  const trigger = { entity: "devtron-app", action: "trigger", project: "payments", environment: "production", app: "checkout" } as const;

  it("names what the nearest grant lacks", () => {
    const p: Permissions = {
      superAdmin: false,
      grants: [
        { entity: "devtron-app", role: "view", project: "billing", environments: [], apps: [] },
        { entity: "devtron-app", role: "trigger", project: "payments", environments: ["staging"], apps: [] },
      ],
    };
    expect(explain(p, trigger)).toEqual({
      allowed: false,
      reason:
        "Not allowed. None of the 2 Devtron app grants allows it; the nearest is Devtron app trigger in payments/staging: it does not cover environment production.",
      grant: null,
    });
  });

  it("says which role an action needs", () => {
    const p: Permissions = {
      superAdmin: false,
      grants: [{ entity: "devtron-app", role: "view", project: "payments", environments: [], apps: [] }],
    };
    expect(explain(p, trigger).reason).toBe(
      "Not allowed. The grant Devtron app view in payments: its role view does not allow trigger (that needs trigger or stronger).",
    );
  });

  it("says when an action needs a grant over all apps", () => {
    const p: Permissions = {
      superAdmin: false,
      grants: [{ entity: "devtron-app", role: "admin", project: "payments", environments: [], apps: ["checkout"] }],
    };
    expect(explain(p, { entity: "devtron-app", action: "create", project: "payments" }).reason).toBe(
      "Not allowed. The grant Devtron app admin on checkout in payments: it names apps, and create needs one that covers all apps (apps: []).",
    );
  });

  it("says when there is no grant for the entity at all, and that catalog changes need a super admin", () => {
    expect(explain(NO_PERMISSIONS, trigger).reason).toBe("Not allowed: there is no Devtron app grant.");
    expect(explain(NO_PERMISSIONS, { entity: "catalog", action: "manage" }).reason).toBe(
      "Only super admins manage projects and environments.",
    );
  });
});
